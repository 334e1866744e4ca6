/**
 * The sample village's five-year plan (2025–2029, base year 2024): a project of each kind, two
 * scenarios and the 2024 actuals. The 2025 book is the year of actuals the plan is checked
 * against; the 冷库 project is the signed contract ZL-2025-03, so its receipts are its actuals,
 * and the twelve contracts of 合同 carry on into the plan by themselves.
 */
import { PLAN_HISTORY, PLAN_PROJECTS, PLAN_SCENARIOS, PLAN_SETTINGS, PLAN_SETTING_KEYS } from '../../workbook/layout';
import { encodePlanRow } from '../../workbook/codecs/plan';
import type { Scalar, TypedTableSpec } from '../../workbook/port';

const K = PLAN_SETTING_KEYS;

export function samplePlanRows(year: number): [TypedTableSpec, Scalar[][]][] {
  const y = year;
  const settings: [string, Scalar][] = [
    [K.firstYear, y], [K.lastYear, y + 4], [K.baseYear, y - 1], [K.discountRate, 0.08],
    [K.targets, `${y}:700000;${y + 1}:800000;${y + 2}:900000;${y + 3}:900000;${y + 4}:900000`],
    [K.weakBelow, 50000], [K.richFrom, 200000], [K.households, 380], [K.population, 1320], [K.lowIncomeHouseholds, 56], [K.behindMargin, 0.1], [K.otherIncome, 0],
  ];
  const projects: Record<string, Scalar>[] = [
    { name: '南山坡地整理流转', kind: '土地流转', startYear: y + 1, lifeYears: 15, county: 100000, self: 50000, households: 30, jobs: 2, areaMu: 150, rentPerMu: 600, escalationRate: 0.05, escalationEveryYears: 3, paymentDates: '03-01', note: '整理后流转给种植大户' },
    { name: '茶叶合作社入股', kind: '合作社入股', startYear: y + 1, lifeYears: 10, bridge: 400000, households: 45, capital: 400000, floorRate: 0.06, shareRate: 0.1, dividendMode: '取大', profit: 300000, paymentDates: '12-20' },
    { name: '村小学屋顶光伏100kW', kind: '光伏', startYear: y + 2, lifeYears: 25, bridge: 200000, loan: 180000, loanRate: 0.0435, loanTermYears: 5, loanMethod: '等额本息', runningCost: 3000, restrictedShare: 0.8, households: 60, jobs: 4, capacityKw: 100, hours: 1100, firstYearDegradation: 0.02, annualDegradation: 0.0045, baseTariff: 0.3779, subsidyTariff: 0 },
    { name: '衔接资金冷库', kind: '租赁', startYear: y, bridge: 500000, self: 100000, households: 20, jobs: 3, contractNo: 'ZL-2025-03', note: '已签合同 ZL-2025-03，按合同测算' },
    { name: '乡村旅游服务', kind: '其他', startYear: y + 2, lifeYears: 10, township: 50000, self: 50000, social: 100000, runningCost: 10000, households: 25, jobs: 8, annualIncome: 60000, growthRate: 0.05 },
  ];
  const scenarios: Record<string, Scalar>[] = [
    { scenario: '不利情景', param: '粮价（元/斤）', op: '乘以', value: 0.85, note: '粮价下跌15%、出租率下降20%、投资超支10%、光伏补贴晚到两年且衰减每年多0.3%' },
    { scenario: '不利情景', param: '出租率', op: '乘以', value: 0.8 },
    { scenario: '不利情景', param: '总投资', op: '乘以', value: 1.1 },
    { scenario: '不利情景', param: '补贴滞后（月）', op: '增加', value: 24 },
    { scenario: '不利情景', param: '年衰减', op: '增加', value: 0.003 },
    { scenario: '租金违约', param: '欠租比例', op: '设为', value: 0.2, note: '两成租金和分红收不回' },
  ];
  return [
    [PLAN_SETTINGS, settings.map(([k, v]) => [k, v])],
    [PLAN_PROJECTS, projects.map((p) => encodePlanRow(PLAN_PROJECTS, p))],
    [PLAN_SCENARIOS, scenarios.map((s) => encodePlanRow(PLAN_SCENARIOS, s))],
    [PLAN_HISTORY, [encodePlanRow(PLAN_HISTORY, { year: y - 1, operatingRevenue: 498000, investmentIncome: 52000, operatingIncome: 550000, subsidyIncome: 80000, source: `${y - 1}年账簿` })]],
  ];
}
