/**
 * `cunzhang verify <file.xlsx> [--json]`: check the locked months against the SHA-256 lock chain
 * (read-only). Exit 0 when every locked month is as it was locked, 1 when a voucher was changed,
 * removed or inserted there (each named by month and 凭证号). Prints the chain head to keep;
 * `--head` checks a head kept earlier is still in the chain (a rewritten chain drops it).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../exit-values';
import type { Io } from '../main';
import { findingJson, formatFindings } from '../output';

/** A kept head is 64 hex digits (what verify printed); anything else is a usage error, not a finding. */
function parseHead(v: string): string {
  const h = v.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) throw new InvalidArgumentError(`哈希链末端应为 64 位十六进制数 / a chain head is 64 hex digits: ${v}`);
  return h;
}

export function registerVerify(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('verify').argument('<file>', '村账工作簿 / village workbook')
    .description('核对已结账月份的凭证是否被改动（SHA-256 哈希链，只读） / check locked months against the SHA-256 hash chain (read-only)')
    .option('--json', 'JSON 输出 / JSON output')
    .option('--head <hash>', '上次留存的哈希链末端：须仍在结账记录中 / a chain head kept earlier: it must still be in the lock record', parseHead)
    .action(async (file: string, o: { json?: boolean; head?: string }) => {
      // Loaded when the command runs, so `--help` and the other commands never load them.
      const [{ verifyLocks }, { withBookFile }, { nodeSha256 }] = await Promise.all([import('../../app/verify-locks'), import('../book-file'), import('../sha256-node')]);
      const r = await withBookFile(file, false, (wb) => verifyLocks(wb, o.head === undefined ? undefined : { keptHead: o.head }, nodeSha256));
      if (o.json) {
        io.out.write(`${JSON.stringify({ ok: r.ok, lockedThrough: r.lockedThrough ?? null, head: r.head ?? null, months: r.months, findings: r.findings.map(findingJson) }, null, 2)}\n`);
      } else {
        for (const m of r.months) io.out.write(`${m.month}  ${m.intact ? '未改动 intact' : '已改动 CHANGED'}  （结账时 ${m.vouchers} 张凭证 / ${m.vouchers} vouchers when locked）\n`);
        if (r.findings.length > 0) io.out.write(`${formatFindings(r.findings)}\n`);
        io.out.write(r.lockedThrough === undefined ? '未结账 / not locked\n' : `已结账至 ${r.lockedThrough} / locked through ${r.lockedThrough}\n`);
        if (r.head !== undefined) io.out.write(`哈希链末端（请乡镇留存以便下次核对） / chain head (keep it to compare next time): ${r.head}\n`);
        io.out.write(r.ok ? '已结账月份未发现改动 / no change found in locked months\n' : '已结账月份有改动 / locked months were changed\n');
        io.out.write('注意：哈希链只能发现改动，不能阻止改动 / note: the chain detects edits, it does not prevent them\n');
      }
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });
}
