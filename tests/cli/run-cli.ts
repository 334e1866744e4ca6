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
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export const inDir = (dir: string, name: string): string => join(dir, name);
