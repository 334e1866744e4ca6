import { describe, expect, it } from 'vitest';
import { analyzeRegister } from '../../../src/core/income/register';
import { ageBucket } from '../../../src/core/income/arrears';
import { contractOf, voucher } from './helpers';

const shop = contractOf({ no: 'ZL-9', kind: '资产租赁', counterparty: '李记超市', category: '门面', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月5', rentPerM2Month: 2000, penaltyRate: 5, incomeAccount: '50103', liabilityAccount: '21102' });
const plot = contractOf({ no: 'TD-9', kind: '土地流转', counterparty: '王家庄农场', start: '2023-01-01', end: '2030-12-31', paymentDates: '03-01', areaMu: 10, rentPerMu: 1000 });
const period = { asOf: '2025-06-30', from: '2025-01', to: '2025-06' };

describe('arrears against a ledger', () => {
  it('ages buckets at 90 / 180 / 365 days', () => {
    expect([0, 90, 91, 180, 181, 365, 366].map(ageBucket)).toEqual(['d0_90', 'd0_90', 'd91_180', 'd91_180', 'd181_365', 'd181_365', 'over365']);
  });

  it('settles partial payments oldest first and ages what is left', () => {
    const ledger = [
      voucher('2025-01-06', '102', '50103', 200_000, { contract: 'ZL-9' }),
      voucher('2025-02-07', '102', '50103', 150_000, { contract: 'ZL-9' }), // partial: 1,500 of 2,000
    ];
    const a = analyzeRegister([shop], ledger, period);
    const p = a.contracts[0]!.position;
    expect([p.due, p.received, p.arrears]).toEqual([1_200_000, 350_000, 850_000]);
    // Due on the 5th: Feb 500 left (145 days), Mar (117), Apr (86), May (56), Jun (25).
    expect(p.items.map((i) => [i.item.dueDate, i.outstanding, i.daysOverdue, i.bucket])).toEqual([
      ['2025-02-05', 50_000, 145, 'd91_180'], ['2025-03-05', 200_000, 117, 'd91_180'],
      ['2025-04-05', 200_000, 86, 'd0_90'], ['2025-05-05', 200_000, 56, 'd0_90'], ['2025-06-05', 200_000, 25, 'd0_90'],
    ]);
    // 滞纳金 万分之5 a day: 500 × 0.0005 × 145 = 36.25; 2,000 × 0.0005 × 117 = 117.00.
    expect(p.items.slice(0, 2).map((i) => i.penalty)).toEqual([3_625, 11_700]);
  });

  it('ages an unpaid year beyond 365 days and counts a prepayment', () => {
    const ledger = [voucher('2024-03-05', '102', '501', 1_000_000, { contract: 'TD-9' })];
    const p = analyzeRegister([plot], ledger, period).contracts[0]!.position;
    // Due 2023-03-01, 2024-03-01, 2025-03-01 (10,000 each); the one payment settles 2023.
    expect(p.items.map((i) => [i.item.dueDate, i.daysOverdue, i.bucket])).toEqual([['2024-03-01', 486, 'over365'], ['2025-03-01', 121, 'd91_180']]);
    const ahead = analyzeRegister([plot], [voucher('2025-01-10', '102', '501', 4_500_000, { contract: 'TD-9' })], period).contracts[0]!.position;
    expect([ahead.arrears, ahead.prepaid]).toEqual([0, 1_500_000]);
  });

  it('counts books-start arrears (期初欠款) and ignores what fell due before the books', () => {
    const c = contractOf({ no: 'TD-8', kind: '土地流转', counterparty: '甲', start: '2023-01-01', end: '2030-12-31', paymentDates: '03-01', areaMu: 10, rentPerMu: 1000, openingArrears: 6000 });
    const p = analyzeRegister([c], [], { ...period, booksFrom: '2025-01-01' }).contracts[0]!.position;
    expect(p.items.map((i) => [i.item.component, i.item.dueDate, i.outstanding])).toEqual([['opening', '2024-12-31', 600_000], ['rent', '2025-03-01', 1_000_000]]);
  });

  it('does not count an accrual as money received, nor a deposit as rent', () => {
    const ledger = [
      voucher('2025-01-03', '102', '21102', 600_000, { contract: 'ZL-9', summary: '收到门面押金' }),
      voucher('2025-01-31', '112', '50103', 200_000, { contract: 'ZL-9', summary: '计提租金' }),
      voucher('2025-02-10', '102', '112', 200_000, { contract: 'ZL-9', summary: '收回租金' }),
    ];
    const a = analyzeRegister([shop], ledger, period);
    expect(a.contracts[0]!.position.received).toBe(200_000);
    expect(a.contracts[0]!.depositHeld).toBe(600_000);
    expect(a.findings.filter((f) => f.rule === 'contract.wrong-account')).toEqual([]);
  });

  it('matches an untagged receipt by counterparty and amount, and says so', () => {
    const a = analyzeRegister([shop], [voucher('2025-01-06', '102', '50103', 200_000, { counterparty: '李记超市' })], period);
    expect(a.contracts[0]!.position.received).toBe(200_000);
    expect(a.ledger.receipts[0]?.matchedBy).toBe('counterparty');
    expect(a.findings.map((f) => f.rule)).toContain('contract.matched-untagged');
    // A different amount is not guessed.
    const b = analyzeRegister([shop], [voucher('2025-01-06', '102', '50103', 199_000, { counterparty: '李记超市' })], period);
    expect(b.contracts[0]!.position.received).toBe(0);
  });
});
