/**
 * Receipts on the sample's income contracts (land transfer 土地流转/发包), tagged with the
 * contract number so the contract sheets can reconcile them. Regular payments, one partial
 * payment (TD-2025-04 pays half) and one arrear (TD-2025-05 pays nothing).
 */
import type { ContractReceipt } from './sample-vouchers';

const y = (yuan: number): number => yuan * 100;

export function sampleReceipts(year: number): ContractReceipt[] {
  void year;
  return [
    { month: 1, day: 10, summary: '收到土地发包款（张家湾地块）', account: '50101', fen: y(60_000), contract: 'TD-2025-01' },
    { month: 2, day: 20, summary: '收到土地发包款（河东地块）', account: '50101', fen: y(42_500), contract: 'TD-2025-02' },
    { month: 3, day: 5, summary: '收到土地发包款（后山林地）', account: '50101', fen: y(18_000), contract: 'TD-2025-03' },
    { month: 3, day: 25, summary: '收到土地发包款（南洼地块，部分）', account: '50101', fen: y(15_000), contract: 'TD-2025-04' },
    { month: 9, day: 15, summary: '收到土地发包款（张家湾地块下半年）', account: '50101', fen: y(60_000), contract: 'TD-2025-01' },
  ];
}
