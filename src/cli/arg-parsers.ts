/** Option-value parsers shared by the CLI commands: a bad value is a usage error (exit 2) with a bilingual reason. */
import { InvalidArgumentError } from 'commander';

export const month = (v: string): string => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new InvalidArgumentError('应为 YYYY-MM / expected YYYY-MM');
  return v;
};

export const year = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('应为四位年份 / expected a four-digit year');
  return Number(v);
};
