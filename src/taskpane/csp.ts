/**
 * Under the page's Content-Security-Policy (no 'unsafe-eval'), zod must not probe `new Function`
 * for its compiled parsers: the probe's caught error still reports a CSP violation. Imported
 * first by index.tsx, before anything parses.
 */
import * as z from 'zod';

z.config({ jitless: true });
