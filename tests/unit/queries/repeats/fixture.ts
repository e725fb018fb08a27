import type { Engine, Row } from '../../../../src/lib/db/types';
import { insertFindings } from '../../../helpers/db';
import { saveDecisionSql } from '../../../../src/lib/queries/repeats/decisions';
import type { RepeatRule } from '../../../../src/lib/queries/repeats/links';

/**
 * The repeat-issue fixture (hand-computed answers live in the tests). 永康市's county committee
 * ran three rounds (R1 2019, R2 2021, R3 2023); 义乌市 and 东阳市 each ran one. Units:
 *   U1 永康市教育局: R1 a1 D1, a2 C5 (closed), a6 B2 · R2 a3 D1, a4 C5, a5 B1
 *   U2 永康市卫健局: R1 b1 D2 (completed, closed) · R3 b2 D2 (问题反弹), b3 G1 (问题反弹, prior = b1), b4 D1 (flagged)
 *   U3 永康市财政局: R2 only, c1 D1, h1 H1
 *   U4 民政局: R1 "中共永康市民政局党组" d1 E3 · R2 "永康市民政局" d2 E3, both normalised to 永康市民政局
 *   市教育局 in 义乌市 (2020) and in 东阳市 (2022): same name, different counties, never the same unit.
 */
export const R1 = '永康市|县(市、区)委|十五届县委|1';
export const R2 = '永康市|县(市、区)委|十五届县委|2';
export const R3 = '永康市|县(市、区)委|十五届县委|3';
export const YW = '义乌市|县(市、区)委|十五届县委|1';
export const DY = '东阳市|县(市、区)委|十六届县委|1';

export const ROUNDS: Row[] = [
  { round_key: R1, committee: '永康市|县(市、区)委|十五届县委', round_no: 1, year: 2019, feedback_date: '2019-06-01', round_label: '十五届县委第一轮巡察' },
  { round_key: R2, committee: '永康市|县(市、区)委|十五届县委', round_no: 2, year: 2021, feedback_date: '2021-06-01', round_label: '十五届县委第二轮巡察' },
  { round_key: R3, committee: '永康市|县(市、区)委|十五届县委', round_no: 3, year: 2023, feedback_date: '2023-06-01', round_label: '十五届县委第三轮巡察' },
  { round_key: YW, committee: '义乌市|县(市、区)委|十五届县委', round_no: 1, year: 2020, feedback_date: '2020-03-01', round_label: '义乌第一轮巡察' },
  { round_key: DY, committee: '东阳市|县(市、区)委|十六届县委', round_no: 1, year: 2022, feedback_date: '2022-03-01', round_label: '东阳第一轮巡察' },
];

const yk = (round: string, year: number, feedback: string) => ({ round_key: round, county: '永康市', year, feedback_date: feedback });
const r1 = yk(R1, 2019, '2019-06-01');
const r2 = yk(R2, 2021, '2021-06-01');
const r3 = yk(R3, 2023, '2023-06-01');

export const FINDINGS: Row[] = [
  { ...r1, dataset_id: 'ds1', finding_id: 'a1', unit_name: '永康市教育局', category_l1: 'D', category_l2: 'D1', problem_title: '违规吃喝问题突出', status: 'completed', completion_date: '2020-01-01' },
  { ...r1, dataset_id: 'ds1', finding_id: 'a2', unit_name: '永康市教育局', category_l1: 'C', category_l2: 'C5', problem_title: '三会一课不规范', status: 'in_progress', closed: true, closure_date: '2020-05-01' },
  { ...r1, dataset_id: 'ds1', finding_id: 'a6', unit_name: '永康市教育局', category_l1: 'B', category_l2: 'B2', problem_title: '理论学习不深入不系统', status: 'completed', completion_date: '2019-12-01' },
  { ...r1, dataset_id: 'ds1', finding_id: 'b1', unit_name: '永康市卫健局', category_l1: 'D', category_l2: 'D2', problem_title: '滥发津补贴', status: 'completed', completion_date: '2019-10-01', closed: true, closure_date: '2019-11-01' },
  { ...r1, dataset_id: 'ds1', finding_id: 'd1', unit_name: '中共永康市民政局党组', unit_name_norm: '永康市民政局', category_l1: 'E', category_l2: 'E3', problem_title: '财务报销不规范', norm_title: '财务报销不规范', status: 'not_completed' },
  { ...r2, dataset_id: 'ds2', finding_id: 'a3', unit_name: '永康市教育局', category_l1: 'D', category_l2: 'D1', problem_title: '违规吃喝问题仍然突出！', status: 'in_progress' },
  { ...r2, dataset_id: 'ds2', finding_id: 'a4', unit_name: '永康市教育局', category_l1: 'C', category_l2: 'C5', problem_title: '主题党日流于形式', status: 'in_progress' },
  { ...r2, dataset_id: 'ds2', finding_id: 'a5', unit_name: '永康市教育局', category_l1: 'B', category_l2: 'B1', problem_title: '理论学习不深入', status: 'completed', completion_date: '2021-12-01' },
  { ...r2, dataset_id: 'ds2', finding_id: 'c1', unit_name: '永康市财政局', category_l1: 'D', category_l2: 'D1', problem_title: '违规吃喝', status: 'completed', completion_date: '2021-09-01' },
  { ...r2, dataset_id: 'ds2', finding_id: 'h1', unit_name: '永康市财政局', category_l1: 'H', category_l2: 'H1', problem_title: '上轮巡察问题整改不到位', status: 'in_progress' },
  { ...r2, dataset_id: 'ds2', finding_id: 'd2', unit_name: '永康市民政局', unit_name_norm: '永康市民政局', category_l1: 'E', category_l2: 'E3', problem_title: '财务报销不规范', norm_title: '财务报销不规范', status: 'in_progress' },
  { ...r3, dataset_id: 'ds3', finding_id: 'b2', unit_name: '永康市卫健局', category_l1: 'D', category_l2: 'D2', problem_title: '滥发津补贴问题', status: 'in_progress', followup_result: '问题反弹' },
  { ...r3, dataset_id: 'ds3', finding_id: 'b3', unit_name: '永康市卫健局', category_l1: 'G', category_l2: 'G1', problem_title: '主体责任落实不力', status: 'in_progress', followup_result: '问题反弹', prior_finding_id: 'b1' },
  { ...r3, dataset_id: 'ds3', finding_id: 'b4', unit_name: '永康市卫健局', category_l1: 'D', category_l2: 'D1', problem_title: '公款吃喝', status: 'in_progress', is_prior_round_issue: true },
  { dataset_id: 'ds4', finding_id: 'e1', round_key: YW, county: '义乌市', year: 2020, feedback_date: '2020-03-01', unit_name: '市教育局', category_l1: 'A', category_l2: 'A1', problem_title: '贯彻落实不力', status: 'completed' },
  { dataset_id: 'ds5', finding_id: 'e2', round_key: DY, county: '东阳市', year: 2022, feedback_date: '2022-03-01', unit_name: '市教育局', category_l1: 'A', category_l2: 'A1', problem_title: '贯彻落实不力', status: 'in_progress' },
];

/** Loads the fixture into a database that has the schema. */
export async function loadRepeatFixture(engine: Engine): Promise<void> {
  await engine.insertJSONRows('rounds', ROUNDS);
  await insertFindings(engine, FINDINGS);
}

/** Stores one decision on the pair (g → f) of the fixture, through the app's own SQL builder. */
export async function decide(engine: Engine, g: [string, string], f: [string, string], rule: RepeatRule, decision: 'confirmed' | 'rejected'): Promise<void> {
  await engine.exec(saveDecisionSql({
    earlierDatasetId: g[0], earlierFindingId: g[1], laterDatasetId: f[0], laterFindingId: f[1],
    rule, score: null, decision, decidedAt: '2025-01-02T03:04:05.000Z',
  }));
}
