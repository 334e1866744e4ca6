/** The CLI's exit codes (meanings in exit-codes.ts), apart so main.ts can use them without loading the error classes behind failureOf. */
export const EXIT = { ok: 0, findings: 1, usage: 2, file: 3, cancelled: 4, internal: 70 } as const;
