/**
 * 合同 — the layout of the contract register (sheet 合同, table Contracts): one typed-in table for
 * the four income-source kinds; a row fills the common columns and those of its 类型. How the
 * rows are read is in contracts.ts. Each header cell carries a short note (shown when the cell is
 * selected), because a new village meets these 48 columns without a manual at hand.
 */
import { CONTRACT_KINDS, ESCALATION_YEARS, LEASE_ASSETS } from '../core/income/contract';
import { DATE_FMT, MONEY_FMT, TEXT_FMT } from './formats';
import type { ColumnSpec, TypedTableSpec } from './port';

const t = (header: string, key: string, width: number, note: string): ColumnSpec => ({ header, key, width, numFmt: TEXT_FMT, note });
const n = (header: string, key: string, width: number, numFmt: string, note: string): ColumnSpec => ({ header, key, width, numFmt, note });
const d = (header: string, key: string, note: string): ColumnSpec => ({ header, key, width: 12, numFmt: DATE_FMT, note });
const m = (header: string, key: string, note: string): ColumnSpec => ({ header, key, width: 14, numFmt: MONEY_FMT, note });
const list = (header: string, key: string, width: number, values: readonly string[], note: string): ColumnSpec => ({
  header, key, width, numFmt: TEXT_FMT, validation: { list: values }, note,
});
const PCT = '0.00%';

export const CONTRACTS = {
  sheet: '合同',
  table: 'Contracts',
  columns: [
    // Common to every kind.
    t('合同编号', 'no', 12, '每份合同一个编号，不可重复，如 TD-2025-001'),
    list('类型', 'kind', 12, CONTRACT_KINDS, `从下拉列表选：${CONTRACT_KINDS.join('、')}；决定本行还要填哪些列`),
    t('对方单位', 'counterparty', 20, '承包方、合作社、电站运营方或承租人'),
    t('标的', 'subject', 18, '地块、资产、合作社或电站的名称'),
    t('类别', 'category', 10, `土地流转填地类（耕地、林地…）；资产租赁填资产类别：${LEASE_ASSETS.join('、')}`),
    d('开始日期', 'start', '合同起始日，如 2025-01-01'),
    d('结束日期', 'end', '合同到期日，如 2034-12-31'),
    t('收款日', 'paymentDates', 16, '每年收款日：03-01；分期：06-15:50%;10-01:50%；每月：每月15；次年：次年03-31'),
    t('收入科目', 'incomeAccount', 10, '收入记入的科目编码；不填时土地、租赁、光伏为 501，合作社为 502'),
    t('往来科目', 'liabilityAccount', 10, '押金、预收款的往来科目编码；不填为 211'),
    m('押金', 'deposit', '风险保障金或押金（元），属于负债，到期退还'),
    m('期初欠款', 'openingArrears', '建账前对方已欠的款（元）'),
    n('滞纳金（万分之/日）', 'penaltyRate', 10, 'General', '逾期每日按欠款的万分之几计滞纳金，如 5；不收填 0 或留空'),
    n('递增率', 'escalationRate', 8, PCT, '租金每次递增的比例，如 5%'),
    n('递增间隔（年）', 'escalationEveryYears', 8, '0', '每隔几年递增一次，如 3'),
    { header: '递增计年', key: 'escalationYears', width: 10, numFmt: TEXT_FMT, validation: { list: ESCALATION_YEARS }, note: '合同年度（默认，从开始日期起算）或 自然年度' },
    // 土地流转
    n('面积（亩）', 'areaMu', 10, 'General', '土地流转：流转面积（亩）'),
    n('每亩租金', 'rentPerMu', 10, 'General', '土地流转：每亩每年租金（元）；按粮价折算时留空'),
    n('每亩斤数', 'jinPerMu', 10, 'General', '土地流转：按粮食斤数计租时，每亩每年斤数'),
    t('粮价（元/斤）', 'grainPrice', 18, '土地流转：粮价 1.18，或按年 2025:1.18;2026:1.20'),
    n('调价间隔（年）', 'repriceEveryYears', 8, '0', '土地流转：粮价每隔几年重新核定'),
    d('承包期截止', 'landTermEnd', '土地流转：农户二轮承包期截止日，流转不得超过此日'),
    list('代收代付', 'passThrough', 8, ['是', '否'], '土地流转：租金是否代农户收取、转付农户（是/否）'),
    n('每亩服务费', 'serviceFeePerMu', 10, 'General', '土地流转：代收代付时村集体每亩收取的服务费（元）'),
    n('参考价（元/亩）', 'referencePrice', 10, 'General', '土地流转：乡镇指导价（元/亩），用于比较租金是否偏低'),
    // 合作社入股
    m('入股金额', 'capital', '合作社入股：村集体入股金额（元）'),
    n('保底收益率', 'floorRate', 8, PCT, '合作社入股：每年保底收益率，如 6%'),
    n('分红比例', 'shareRate', 8, PCT, '合作社入股：按盈余分红的比例，如 10%'),
    list('分红方式', 'dividendMode', 10, ['取大', '保底加分红'], '合作社入股：取大（保底与分红取大者）或保底加分红'),
    t('合作社盈余', 'profit', 18, '合作社入股：各年可分配盈余，如 2025:300000;2026:320000'),
    // 光伏电站
    n('装机容量（kW）', 'capacityKw', 10, 'General', '光伏电站：装机容量（千瓦）'),
    n('等效小时', 'hours', 10, 'General', '光伏电站：年等效利用小时数，如 1100'),
    n('首年衰减', 'firstYearDegradation', 8, PCT, '光伏电站：首年组件衰减，如 2%'),
    n('年衰减', 'annualDegradation', 8, PCT, '光伏电站：以后每年衰减，如 0.55%'),
    n('弃光率', 'curtailment', 8, PCT, '光伏电站：限电弃光比例，如 3%'),
    n('基础电价', 'baseTariff', 8, '0.0000', '光伏电站：燃煤基准上网电价（元/千瓦时）'),
    n('补贴电价', 'subsidyTariff', 8, '0.0000', '光伏电站：国家补贴电价（元/千瓦时），无补贴填 0'),
    n('补贴滞后（月）', 'subsidyLagMonths', 8, '0', '光伏电站：补贴比发电晚到几个月'),
    t('补贴结算月', 'subsidyBatchMonths', 10, '光伏电站：补贴到账的月份，如 3;9'),
    n('补贴到位率', 'subsidyPayRatio', 8, PCT, '光伏电站：补贴实际到位的比例，如 80%'),
    m('年运维费', 'omCost', '光伏电站：每年运行维护费用（元）'),
    n('寿命（年）', 'lifeYears', 8, '0', '光伏电站：设计寿命（年），如 25'),
    n('增值税率', 'vatRate', 8, PCT, '光伏电站：售电增值税率，如 13%'),
    n('限定用途比例', 'restrictedShare', 8, PCT, '光伏电站：收益中限定用于公益岗位等的比例'),
    // 资产租赁
    n('面积（平方米）', 'areaM2', 10, 'General', '资产租赁：出租面积（平方米）；整体出租留空'),
    n('月租金（元/平方米）', 'rentPerM2Month', 10, 'General', '资产租赁：每平方米每月租金（元）'),
    m('年租金', 'annualRent', '资产租赁：整体出租时的年租金（元）'),
    n('出租率', 'occupancy', 8, PCT, '资产租赁：出租率，如 90%；全部出租留空'),
    t('备注', 'note', 20, '其他需要说明的事项'),
  ],
} as const satisfies TypedTableSpec;
