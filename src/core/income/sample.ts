/**
 * The sample village's contract register (合同): three realistic contracts of each kind, as row
 * objects keyed by the 合同 column keys (src/workbook/contracts.ts encodes them in column order),
 * and the receipts the sample ledger should hold for them in `year`: regular payments, one
 * partial payment (TD-2024-02's autumn instalment), arrears (HZ-2023-02 pays nothing; ZL-2023-01
 * misses November and December; GF-2019-02's subsidy batch is late), deposits, and the PV
 * station's O&M and 公益岗位 spending tagged with its contract number.
 *
 * Sub-accounts used (the sample chart has them, except 21103 which it should add):
 * 50101 土地发包收入, 50102 光伏发电收入, 50103 资产租赁收入, 502 投资收益, 21102 押金及保证金,
 * 21103 代收农户流转费, 51101 光伏运维费, 51404 公益岗位工资.
 */
import type { Voucher, VoucherLine } from '../ledger/types';
import { inputFromValues, parseContractRow } from './contract-schema';
import { contractDueItems } from './schedule';
import { addDays, minDate } from '../calendar';

/** Column key → cell value (the 合同 table's Scalar cells). */
export type SampleContractRow = Record<string, string | number | null>;

export function sampleContracts(year: number): SampleContractRow[] {
  const y = year;
  return [
    { no: 'TD-2023-01', kind: '土地流转', counterparty: '青禾家庭农场', subject: '东洼一组地块', category: '耕地', start: `${y - 2}-01-01`, end: `${y + 7}-12-31`, paymentDates: '03-01', incomeAccount: '50101', liabilityAccount: '21102', deposit: 20000, penaltyRate: 5, escalationRate: 0.05, escalationEveryYears: 3, areaMu: 120, rentPerMu: 800, landTermEnd: `${y + 32}-12-31`, passThrough: '否', referencePrice: 750, note: '风险保障金2万元' },
    { no: 'TD-2024-02', kind: '土地流转', counterparty: '丰收粮食种植专业合作社', subject: '河西二组地块', category: '耕地', start: `${y - 1}-01-01`, end: `${y + 8}-12-31`, paymentDates: '06-15:50%;10-01:50%', incomeAccount: '50101', liabilityAccount: '21102', penaltyRate: 5, areaMu: 50, jinPerMu: 700, grainPrice: `${y - 1}:1.18;${y}:1.20`, repriceEveryYears: 1, landTermEnd: `${y + 32}-12-31`, passThrough: '否', referencePrice: 900, note: '实物折价，按当年小麦价格' },
    { no: 'TD-2025-03', kind: '土地流转', counterparty: '种粮大户王建国', subject: '南洼农户承包地（委托流转）', category: '耕地', start: `${y}-01-01`, end: `${y + 4}-12-31`, paymentDates: '03-15', incomeAccount: '50101', liabilityAccount: '21103', areaMu: 200, rentPerMu: 850, landTermEnd: `${y + 32}-12-31`, passThrough: '是', serviceFeePerMu: 100, referencePrice: 800, note: '代农户收取，村收服务费每亩100元' },
    { no: 'HZ-2022-01', kind: '合作社入股', counterparty: '兴旺果蔬专业合作社', subject: '大棚蔬菜项目入股', start: `${y - 3}-01-01`, end: `${y + 2}-12-31`, paymentDates: '12-20', incomeAccount: '502', capital: 500000, floorRate: 0.06, shareRate: 0.1, dividendMode: '取大', profit: `${y - 1}:280000;${y}:450000` },
    { no: 'HZ-2023-02', kind: '合作社入股', counterparty: '县乡村振兴投资有限公司', subject: '衔接资金入股', start: `${y - 2}-01-01`, end: `${y + 2}-12-31`, paymentDates: '12-30', incomeAccount: '502', capital: 300000, floorRate: 0.08, shareRate: 0, dividendMode: '取大', openingArrears: 24000, note: '保底8%，上年分红未付' },
    { no: 'HZ-2024-03', kind: '合作社入股', counterparty: '菌香食用菌合作社', subject: '菌棚入股', start: `${y - 1}-07-01`, end: `${y + 4}-06-30`, paymentDates: '次年03-31', incomeAccount: '502', capital: 200000, floorRate: 0.05, shareRate: 0.3, dividendMode: '保底加分红', profit: `${y}:60000` },
    { no: 'GF-2018-01', kind: '光伏电站', counterparty: '国网供电公司', subject: '村级光伏扶贫电站300kW', start: `${y - 7}-07-01`, end: `${y + 17}-06-30`, paymentDates: '每月20', incomeAccount: '50102', capacityKw: 300, hours: 1100, firstYearDegradation: 0.025, annualDegradation: 0.007, curtailment: 0.02, baseTariff: 0.3779, subsidyTariff: 0.4721, subsidyLagMonths: 12, subsidyBatchMonths: '6;12', subsidyPayRatio: 1, omCost: 15000, lifeYears: 25, vatRate: 0.13, restrictedShare: 0.8 },
    { no: 'GF-2019-02', kind: '光伏电站', counterparty: '国网供电公司', subject: '联村光伏电站（本村份额100kW）', start: `${y - 6}-01-01`, end: `${y + 13}-12-31`, paymentDates: '每月20', incomeAccount: '50102', capacityKw: 100, hours: 1100, firstYearDegradation: 0.025, annualDegradation: 0.007, baseTariff: 0.3779, subsidyTariff: 0.4721, subsidyLagMonths: 12, subsidyBatchMonths: '6;12', subsidyPayRatio: 0.9, omCost: 5000, lifeYears: 20, restrictedShare: 0.8 },
    { no: 'GF-2021-03', kind: '光伏电站', counterparty: '国网供电公司', subject: '村委会屋顶光伏60kW（平价）', start: `${y - 4}-05-01`, end: `${y + 21}-04-30`, paymentDates: '每月20', incomeAccount: '50102', capacityKw: 60, hours: 1050, firstYearDegradation: 0.02, annualDegradation: 0.0045, baseTariff: 0.3779, subsidyTariff: 0, lifeYears: 25, restrictedShare: 0.8 },
    { no: 'ZL-2023-01', kind: '资产租赁', counterparty: '宏达服装加工厂', subject: '村集体标准厂房', category: '厂房', start: `${y - 2}-01-01`, end: `${y + 2}-12-31`, paymentDates: '每月5', incomeAccount: '50103', liabilityAccount: '21102', deposit: 30000, penaltyRate: 5, escalationRate: 0.05, escalationEveryYears: 2, areaM2: 1200, rentPerM2Month: 8 },
    { no: 'ZL-2024-02', kind: '资产租赁', counterparty: '李记便民超市', subject: '村部临街门面', category: '门面', start: `${y - 1}-04-01`, end: `${y + 2}-03-31`, paymentDates: '04-01:50%;10-01:50%', incomeAccount: '50103', liabilityAccount: '21102', deposit: 4500, areaM2: 60, rentPerM2Month: 25 },
    { no: 'ZL-2025-03', kind: '资产租赁', counterparty: '鲜达冷链物流有限公司', subject: '衔接资金冷库', category: '冷库', start: `${y}-03-01`, end: `${y + 1}-02-28`, paymentDates: '每月10', incomeAccount: '50103', liabilityAccount: '21102', deposit: 10000, rentPerM2Month: 7000, occupancy: 1, note: '整库出租，月租7000元' },
  ];
}

/** Dr 102 / Cr the given lines, every line tagged with the contract. Numbers are left blank ('') for the caller. */
function receipt(date: string, summary: string, contract: string, counterparty: string, credits: [string, number][]): Voucher {
  const total = credits.reduce((a, [, f]) => a + f, 0);
  const tag = { contract, counterparty };
  const lines: VoucherLine[] = [{ account: '102', debit: total, credit: 0, ...tag }, ...credits.map(([account, credit]) => ({ account, debit: 0, credit, ...tag }))];
  return { date, number: '', summary, lines };
}

/**
 * Vouchers for the sample year's contract money: each item due in `year` is paid three days
 * after it falls due (never after 31 December), except the partial payment and the arrears
 * listed in the file comment. Amounts come from the register's own schedules, so they reconcile.
 */
export function sampleContractVouchers(year: number): Voucher[] {
  const out: Voucher[] = [];
  const yearEnd = `${year}-12-31`;
  for (const row of sampleContracts(year)) {
    const parsed = parseContractRow(inputFromValues(row));
    if (!parsed.ok) throw new Error(`sample contract ${String(row.no)} is invalid: ${parsed.issues.map((i) => i.en).join('; ')}`);
    const c = parsed.contract;
    if (c.deposit > 0 && c.start.startsWith(String(year))) out.push(receipt(c.start, `收到${c.counterparty}押金`, c.no, c.counterparty, [[c.liabilityAccount, c.deposit]]));
    if (c.no === 'HZ-2023-02') continue;
    for (const item of contractDueItems(c, year).items) {
      if (!item.dueDate.startsWith(String(year))) continue;
      if (c.no === 'ZL-2023-01' && (item.month === `${year}-11` || item.month === `${year}-12`)) continue;
      if (c.no === 'GF-2019-02' && item.component === 'subsidy' && item.dueDate.endsWith('-12-31')) continue;
      const partial = c.no === 'TD-2024-02' && item.dueDate === `${year}-10-01`;
      const amount = partial ? 1_200_000 : item.amount;
      const income = partial ? amount : item.income;
      const credits: [string, number][] = [[c.incomeAccount, income]];
      if (amount > income) credits.push([c.liabilityAccount, amount - income]);
      const what = c.kind === 'coop' ? '分红' : c.kind === 'pv' ? (item.component === 'subsidy' ? '光伏补贴电费' : '光伏上网电费') : '租金';
      out.push(receipt(minDate(addDays(item.dueDate, 3), yearEnd), `收到${c.counterparty}${item.month ?? item.year}${what}${partial ? '（部分）' : ''}`, c.no, c.counterparty, credits));
    }
  }
  // The 300 kW station's O&M and its restricted-use spending: 公益岗位 wages (10 posts × 600 a
  // month), a road repair and year-end awards — 172,000.00, at least 80% of its net income.
  const pvTag = { contract: 'GF-2018-01' };
  const spend = (date: string, summary: string, account: string, fen: number): Voucher => ({ date, number: '', summary, lines: [{ account, debit: fen, credit: 0, ...pvTag }, { account: '102', debit: 0, credit: fen }] });
  out.push(spend(`${year}-09-10`, '支付光伏电站运维费', '51101', 1_500_000));
  for (let m = 1; m <= 12; m++) out.push(spend(`${year}-${String(m).padStart(2, '0')}-26`, '发放光伏收益公益岗位工资', '51404', 600_000));
  out.push(spend(`${year}-08-18`, '光伏收益安排村道维修', '51401', 6_500_000));
  out.push(spend(`${year}-12-28`, '光伏收益发放奖励补助', '51403', 3_500_000));
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}
