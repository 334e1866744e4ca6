/** Spawns the real `cunzhang` (node src/cli/bin.cjs) in a directory and collects its output. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, ...args: string[]): Promise<CliRun> {
  return run(cwd, args, { timeout: 60_000 });
}

/**
 * `cli` for long commands (the fidelity suites): a 5-minute timeout, as a command on a shared
 * two-core machine can wait for CPU, and room for `report --json` of a whole book on stdout.
 */
export function cliSlow(cwd: string, ...args: string[]): Promise<CliRun> {
  return run(cwd, args, { timeout: 300_000, maxBuffer: 1 << 28 });
}

function run(cwd: string, args: string[], limits: { timeout: number; maxBuffer?: number }): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, ...limits, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export const inDir = (dir: string, name: string): string => join(dir, name);
