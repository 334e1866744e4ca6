/**
 * Plan bench (not a test): 50 projects (ten of each kind) over a 30-year plan, the base plan and
 * 5 scenarios side by side, plus the sensitivity table (±10%, ±20% of each driver). Run with
 * `npx tsx bench/plan.ts`; prints the median wall time of a few runs after a warm-up run, and the
 * CPU time of this process (user + system) per run, which a loaded machine inflates less.
 * Goal: under 200 ms in Node.
 */
import { runScenarios, sensitivity } from '../src/core/plan/scenarios';
import { newFlowsCache } from '../src/core/plan/projection';
import type { Plan } from '../src/core/plan/model';
import { benchPlan } from './plan-fixture';

function once(plan: Plan): { ms: number; cpuMs: number; rows: number } {
  const t = performance.now();
  const cpu = process.cpuUsage();
  // A fresh cache each run: nothing carries over from the run before.
  const cache = newFlowsCache();
  const all = runScenarios(plan, cache);
  const s = sensitivity(plan, cache);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, rows: all.length + s.rows.length * 4 };
}

const RUNS = 7;
const plan = benchPlan();
const warm = once(plan);
const runs = Array.from({ length: RUNS }, () => once(plan));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = runs.map((r) => r.ms);
console.log(`plan bench: 50 projects × 30 years × (base + 5 scenarios) + sensitivity (${warm.rows} runs)`);
console.log(`  first run ${warm.ms.toFixed(0)} ms; then median ${median(ms).toFixed(0)} ms, min ${Math.min(...ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; CPU median ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms (goal < 200 ms)`);
