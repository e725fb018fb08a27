import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../../../src/lib/domain/params';
import type { Row } from '../../../../src/lib/db/types';
import { emptyFilters } from '../../../../src/lib/queries/filters';
import { commonCoverageSql, commonProblemsSql, type CommonCoverageRow, type CommonProblemRow } from '../../../../src/lib/queries/repeats/common';
import { crossCountyCommonSql, crossCountyHeatmapSql } from '../../../../src/lib/queries/repeats/crossCounty';
import { persistenceSql, type PersistenceRow } from '../../../../src/lib/queries/repeats/persistence';
import { repeatFlowSql, type RepeatFlowRow } from '../../../../src/lib/queries/repeats/flow';
import { freshDatabase, insertFindings } from '../../../helpers/db';
import { decide, loadRepeatFixture, R2, R3 } from './fixture';

type Db = Awaited<ReturnType<typeof freshDatabase>>;
const T = '2024-12-31';

describe('共性问题 (#24) on the repeat fixture', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());
  const params = { ...DEFAULT_PARAMS, commonMinUnits: 2 };

  // k = max(2, ⌈0.2 × units⌉) = 2 everywhere. Only R2's D1 (教育局 a3, 财政局 c1) reaches 2 units;
  // R2 has 3 units (教育局, 财政局, 民政局), so coverage 2/3. Rounds in feedback order.
  test('coverage per round', async () => {
    const rows = await db.query<CommonCoverageRow>(commonCoverageSql(emptyFilters(T), params));
    expect(rows.map((r) => [r.round_pos, r.units_in_round, r.k, r.common_codes, r.covered_units, r.coverage_rate])).toEqual([
      [1, 3, 2, 0, 0, 0], [2, 1, 2, 0, 0, 0], [3, 3, 2, 1, 2, 2 / 3], [4, 1, 2, 0, 0, 0], [5, 1, 2, 0, 0, 0],
    ]);
  });

  test('a category filter narrows the codes, not the units in the round', async () => {
    const filters = { ...emptyFilters(T), l2: ['D1'], rounds: [R2] };
    const rows = await db.query<CommonProblemRow>(commonProblemsSql(filters, params));
    expect(rows).toEqual([{
      round_key: R2, round_label: '十五届县委第二轮巡察', round_year: 2021, round_pos: 3, category_l2: 'D1',
      units_with_code: 2, findings: 2, units_in_round: 3, k: 2, is_common: true,
    }]);
    const cover = await db.query<CommonCoverageRow>(commonCoverageSql(filters, params));
    expect(cover).toMatchObject([{ units_in_round: 3, common_codes: 1, covered_units: 2, coverage_rate: 2 / 3 }]);
  });
});

describe('共性问题 threshold k = max(commonMinUnits, ⌈commonMinShare × units⌉)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    // P15 has 15 units, P16 16; in both, 3 units have D4 and the rest A1.
    const rows: Row[] = [];
    for (const [round, n] of [['P15', 15], ['P16', 16]] as const) {
      for (let i = 1; i <= n; i++) {
        rows.push({ round_key: round, unit_name: `单位${i}`, category_l1: i <= 3 ? 'D' : 'A', category_l2: i <= 3 ? 'D4' : 'A1' });
      }
    }
    await insertFindings(db, rows);
  });
  afterAll(() => db.close());

  // ⌈0.2 × 15⌉ = 3 (exactly, in DECIMAL), so D4 with 3 units is common; ⌈0.2 × 16⌉ = ⌈3.2⌉ = 4, so it is not.
  test.each([
    ['P15', 3, true, 12],
    ['P16', 4, false, 13],
  ])('%s: k = %d, D4 common = %s', async (round, k, d4Common, a1Units) => {
    const rows = await db.query<CommonProblemRow>(commonProblemsSql({ ...emptyFilters(T), rounds: [round] }, DEFAULT_PARAMS));
    expect(rows.map((r) => [r.category_l2, r.units_with_code, r.k, r.is_common])).toEqual([
      ['A1', a1Units, k, true], ['D4', 3, k, d4Common],
    ]);
  });

  test('coverage: P15 every unit, P16 only the A1 units', async () => {
    const rows = await db.query<CommonCoverageRow>(commonCoverageSql(emptyFilters(T), DEFAULT_PARAMS));
    expect(rows.map((r) => [r.round_key, r.common_codes, r.covered_units, r.coverage_rate])).toEqual([
      ['P15', 2, 15, 1], ['P16', 1, 13, 13 / 16],
    ]);
  });
});

describe('跨县共性问题 (#25)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    await insertFindings(db, [
      // 2021: D1 in three of the nine counties; A1 in two plus 市本级 (which does not count).
      { county: '永康市', unit_name: '甲', year: 2021, category_l1: 'D', category_l2: 'D1' },
      { county: '永康市', unit_name: '乙', year: 2021, category_l1: 'D', category_l2: 'D1' },
      { county: '义乌市', unit_name: '丙', year: 2021, category_l1: 'D', category_l2: 'D1' },
      { county: '东阳市', unit_name: '丁', year: 2021, category_l1: 'D', category_l2: 'D1' },
      { county: '永康市', unit_name: '甲', year: 2021, category_l1: 'A', category_l2: 'A1' },
      { county: '义乌市', unit_name: '丙', year: 2021, category_l1: 'A', category_l2: 'A1' },
      { county: '市本级', unit_name: '戊', year: 2021, category_l1: 'A', category_l2: 'A1' },
      // 2022: D1 in two counties only; 2023 (year from feedback_date): D1 in three again.
      { county: '永康市', unit_name: '甲', year: 2022, category_l1: 'D', category_l2: 'D1' },
      { county: '兰溪市', unit_name: '己', year: 2022, category_l1: 'D', category_l2: 'D1' },
      { county: '永康市', unit_name: '甲', year: null, feedback_date: '2023-05-01', category_l1: 'D', category_l2: 'D1' },
      { county: '兰溪市', unit_name: '己', year: null, feedback_date: '2023-05-01', category_l1: 'D', category_l2: 'D1' },
      { county: '浦江县', unit_name: '庚', year: null, feedback_date: '2023-05-01', category_l1: 'D', category_l2: 'D1' },
    ]);
  });
  afterAll(() => db.close());

  test('rows per year and county', async () => {
    const rows = await db.query(crossCountyCommonSql(emptyFilters(T), DEFAULT_PARAMS));
    expect(rows).toEqual([
      { year: 2021, category_l2: 'D1', county: '东阳市', findings: 1, units: 1, counties: 3 },
      { year: 2021, category_l2: 'D1', county: '义乌市', findings: 1, units: 1, counties: 3 },
      { year: 2021, category_l2: 'D1', county: '永康市', findings: 2, units: 2, counties: 3 },
      { year: 2023, category_l2: 'D1', county: '兰溪市', findings: 1, units: 1, counties: 3 },
      { year: 2023, category_l2: 'D1', county: '永康市', findings: 1, units: 1, counties: 3 },
      { year: 2023, category_l2: 'D1', county: '浦江县', findings: 1, units: 1, counties: 3 },
    ]);
  });

  test('heatmap cells sum over common years; m = 2 adds A1 2021 and D1 2022', async () => {
    expect(await db.query(crossCountyHeatmapSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([
      { county: '东阳市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '义乌市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '兰溪市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '永康市', category_l2: 'D1', findings: 3, years: 2 },
      { county: '浦江县', category_l2: 'D1', findings: 1, years: 1 },
    ]);
    const m2 = await db.query(crossCountyHeatmapSql(emptyFilters(T), { ...DEFAULT_PARAMS, crossCountyMin: 2 }));
    expect(m2).toEqual([
      { county: '义乌市', category_l2: 'A1', findings: 1, years: 1 },
      { county: '永康市', category_l2: 'A1', findings: 1, years: 1 },
      { county: '东阳市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '义乌市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '兰溪市', category_l2: 'D1', findings: 2, years: 2 },
      { county: '永康市', category_l2: 'D1', findings: 4, years: 3 },
      { county: '浦江县', category_l2: 'D1', findings: 1, years: 1 },
    ]);
  });

  test('a county filter hides the spread unless the chart leaves counties out', async () => {
    const one = { ...emptyFilters(T), counties: ['永康市'] };
    expect(await db.query(crossCountyHeatmapSql(one, DEFAULT_PARAMS))).toEqual([]);
    expect(await db.query(crossCountyHeatmapSql(one, DEFAULT_PARAMS, { except: 'counties' }))).toHaveLength(5);
  });
});

describe('屡现指数 (#26) and repeat flow', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    await loadRepeatFixture(db);
    // 兰溪市 ran two rounds in 2020: D4 in both is 2 rounds but 1 year.
    await insertFindings(db, [
      { round_key: 'LX1', county: '兰溪市', year: 2020, unit_name: '甲', category_l1: 'D', category_l2: 'D4' },
      { round_key: 'LX2', county: '兰溪市', year: 2020, unit_name: '乙', category_l1: 'D', category_l2: 'D4' },
    ]);
  });
  afterAll(() => db.close());

  test('exact SQL', () => {
    expect(persistenceSql(emptyFilters(T), DEFAULT_PARAMS)).toBe(
      `SELECT county, category_l2, CAST(count(DISTINCT round_key) AS INTEGER) AS periods, CAST(count(*) AS INTEGER) AS findings,
  count(DISTINCT round_key) >= 3 AS persistent
FROM (SELECT *, CASE WHEN status = 'completed' AND completion_date > DATE '2024-12-31' THEN 'in_progress' ELSE status END AS status_t FROM findings WHERE (feedback_date <= DATE '2024-12-31' OR feedback_date IS NULL AND round_key NOT IN (SELECT round_key FROM rounds WHERE feedback_date > DATE '2024-12-31')))
WHERE category_l2 IS NOT NULL
GROUP BY county, category_l2
ORDER BY county, category_l2`,
    );
  });

  // 永康市: D1 in R1 (a1), R2 (a3, c1), R3 (b4) = 3 rounds → flagged; C5, D2, E3 in 2; the rest in 1.
  test.each([
    ['round', 2],
    ['year', 1],
  ] as const)('by %s', async (by, lanxi) => {
    const rows = await db.query<PersistenceRow>(persistenceSql(emptyFilters(T), { ...DEFAULT_PARAMS, persistenceBy: by }));
    const pick = (c: string, l2: string) => rows.find((r) => r.county === c && r.category_l2 === l2);
    expect(pick('永康市', 'D1')).toEqual({ county: '永康市', category_l2: 'D1', periods: 3, findings: 4, persistent: true });
    expect(pick('永康市', 'C5')).toMatchObject({ periods: 2, persistent: false });
    expect(pick('兰溪市', 'D4')).toMatchObject({ periods: lanxi, findings: 2, persistent: false });
    expect(rows.filter((r) => r.persistent)).toHaveLength(1);
    expect(rows).toHaveLength(11);
  });

  test('threshold 2 flags every code seen in two periods', async () => {
    const rows = await db.query<PersistenceRow>(persistenceSql(emptyFilters(T), { ...DEFAULT_PARAMS, persistenceThreshold: 2 }));
    expect(rows.filter((r) => r.persistent).map((r) => `${r.county}${r.category_l2}`)).toEqual(['兰溪市D4', '永康市C5', '永康市D1', '永康市D2', '永康市E3']);
  });

  // Counted links: a1→a3 (D→D), a2→a4 (C→C), d1→d2 (E→E) between a unit's 1st and 2nd inspection;
  // b1 (R1) → b2 (R3) is 卫健局's 1st → 2nd inspection too.
  test('flow between consecutive inspections, and a confirmed link joins it', async () => {
    expect(await db.query(repeatFlowSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([
      { from_step: 1, from_l1: 'C', to_step: 2, to_l1: 'C', findings: 1 },
      { from_step: 1, from_l1: 'D', to_step: 2, to_l1: 'D', findings: 2 },
      { from_step: 1, from_l1: 'E', to_step: 2, to_l1: 'E', findings: 1 },
    ]);
    await decide(db, ['ds1', 'a6'], ['ds2', 'a5'], 'text_similarity', 'confirmed');
    await decide(db, ['ds1', 'a1'], ['ds2', 'a3'], 'same_unit_l2', 'rejected');
    expect(await db.query(repeatFlowSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([
      { from_step: 1, from_l1: 'B', to_step: 2, to_l1: 'B', findings: 1 },
      { from_step: 1, from_l1: 'C', to_step: 2, to_l1: 'C', findings: 1 },
      { from_step: 1, from_l1: 'D', to_step: 2, to_l1: 'D', findings: 1 },
      { from_step: 1, from_l1: 'E', to_step: 2, to_l1: 'E', findings: 1 },
    ]);
  });

  test('rounds the order cannot tell apart share a step, and the next round follows them', async () => {
    const own = await freshDatabase();
    try {
      // 磐安县财政局: a province round and a city round fed back the same day, then a city round.
      const unit = { county: '磐安县', unit_name: '磐安县财政局', category_l1: 'D', category_l2: 'D1', status: 'completed' };
      await insertFindings(own, [
        { ...unit, dataset_id: 'p', finding_id: 'p1', round_key: 'PA|省委|十四届省委|3', year: 2020, feedback_date: '2020-05-01', problem_title: '违规吃喝问题突出' },
        { ...unit, dataset_id: 'c', finding_id: 'c1', round_key: 'PA|市委|八届市委|2', year: 2020, feedback_date: '2020-05-01', problem_title: '公务接待超标准' },
        { ...unit, dataset_id: 'c', finding_id: 'c2', round_key: 'PA|市委|八届市委|5', year: 2022, feedback_date: '2022-05-01', problem_title: '违规吃喝问题仍然存在' },
      ]);
      // c2 repeats p1 and c1 (same unit, same L2): both from step 1, one later finding on step 2.
      expect(await own.query(repeatFlowSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([
        { from_step: 1, from_l1: 'D', to_step: 2, to_l1: 'D', findings: 1 },
      ]);
    } finally {
      own.close();
    }
  });

  test('a round without a feedback date follows the round order by its number within its committee', async () => {
    const own = await freshDatabase();
    try {
      const unit = { county: '磐安县', unit_name: '磐安县民政局', category_l1: 'D', category_l2: 'D1', status: 'completed', year: 2023 };
      await insertFindings(own, [
        { ...unit, dataset_id: 'a', finding_id: 'a1', round_key: 'PA|县委|十五届县委|2', round_no: 2, feedback_date: null, problem_title: '违规吃喝问题突出' },
        { ...unit, dataset_id: 'b', finding_id: 'b1', round_key: 'PA|县委|十五届县委|3', round_no: 3, feedback_date: '2023-09-01', problem_title: '违规吃喝问题仍然存在' },
      ]);
      expect(await own.query(repeatFlowSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([
        { from_step: 1, from_l1: 'D', to_step: 2, to_l1: 'D', findings: 1 },
      ]);
    } finally {
      own.close();
    }
  });

  test('a third inspection: only the consecutive link (2nd → 3rd) flows, not 1st → 3rd', async () => {
    await insertFindings(db, [{
      dataset_id: 'ds3', finding_id: 'a7', round_key: R3, county: '永康市', year: 2023, feedback_date: '2023-06-01',
      unit_name: '永康市教育局', category_l1: 'D', category_l2: 'D1', problem_title: '违规吃喝问题依然突出',
    }]);
    const rows = await db.query<RepeatFlowRow>(repeatFlowSql(emptyFilters(T), DEFAULT_PARAMS));
    // a7 repeats a1 (1st → 3rd, skipped) and a3 (2nd → 3rd); a1 → a3 stays rejected.
    expect(rows).toContainEqual({ from_step: 2, from_l1: 'D', to_step: 3, to_l1: 'D', findings: 1 });
    expect(rows.filter((r) => r.from_step === 1 && r.to_step === 3)).toEqual([]);
    expect(rows).toHaveLength(5);
  });
});
