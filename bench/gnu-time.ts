/** Running a benchmark command as its own process under GNU time: wall time, CPU time and peak memory. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TIME = '/usr/bin/time';

export interface Measure {
  wallS: number;
  /** User + system CPU seconds: steadier than wall time when other work shares the cores. */
  cpuS: number;
  /** Peak resident memory of the process (worker threads included; they share it). */
  peakMB: number;
  /**
   * Minor page faults: each is a page of memory touched for the first time. On the 2-core VM
   * these benches ran on, one costs ~15–20 µs of kernel time (100 MB first touched ≈ 0.5 s), so
   * they explain much of the gap between machines; the count hardly depends on load.
   */
  faults: number;
  stdout: string;
}

/** Run `cmd args` under GNU time; throws on a non-zero exit. */
export function timed(cmd: string, args: string[], cwd: string): Measure {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for wall time and peak memory`);
  const r = spawnSync(TIME, ['-f', '@@%e %U %S %M %R', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || m === null) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-2000)}`);
  return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), peakMB: Number(m[4]) / 1024, faults: Number(m[5]), stdout: r.stdout };
}
