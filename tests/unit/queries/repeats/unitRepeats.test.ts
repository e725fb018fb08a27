import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, type MetricParams } from '../../../../src/lib/domain/params';
import { emptyFilters } from '../../../../src/lib/queries/filters';
import { unitRepeatRateSql, type RepeatRateRow } from '../../../../src/lib/queries/repeats/unitRepeats';
import { repeatLinkCtes } from '../../../../src/lib/queries/repeats/links';
import { freshDatabase } from '../../../helpers/db';
import { decide, loadRepeatFixture } from './fixture';

type Db = Awaited<ReturnType<typeof freshDatabase>>;
const T = '2024-12-31';

async function rate(db: Db, params: Partial<MetricParams>, opts = {}, asOf = T): Promise<RepeatRateRow> {
  const [row] = await db.query<RepeatRateRow>(unitRepeatRateSql(emptyFilters(asOf), { ...DEFAULT_PARAMS, ...params }, opts));
  return row;
}

describe('同单位重复率 (#22), no decisions', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  // Unit repeats without similarity: a3 (a1, D1), a4 (a2, C5), d2 (d1, E3 via unit_name_norm), b2 (b1, D2).
  // Reinspected units U1 (6 findings), U2 (4), U4 (2) = 12; their later-round findings a3 a4 a5 b2 b3 b4 d2 = 7.
  // Jaccard: a3~a1 = 6/10 = 0.6 (after stripping '！'), d2~d1 = 1, b2~b1 = 4/6, a4~a2 = 0.
  test.each([
    ['reinspected, similarity off', { repeatDenominator: 'reinspected_units' }, 4, 12],
    ['later rounds, similarity off', { repeatDenominator: 'later_rounds' }, 4, 7],
    ['reinspected, similarity on θ=0.5', { useTextSimilarity: true }, 3, 12],
    ['later rounds, similarity on θ=0.5', { useTextSimilarity: true, repeatDenominator: 'later_rounds' }, 3, 7],
    ['similarity on, θ exactly a3~a1 = 0.6: kept', { useTextSimilarity: true, similarityThreshold: 0.6 }, 3, 12],
    ['similarity on, θ = 0.61: a3 drops out', { useTextSimilarity: true, similarityThreshold: 0.61 }, 2, 12],
    ['similarity on, θ = 1: only the identical d2~d1', { useTextSimilarity: true, similarityThreshold: 1 }, 1, 12],
  ] as const)('%s', async (_name, params, repeats, denominator) => {
    const row = await rate(db, params as Partial<MetricParams>);
    expect(row).toEqual({ findings: 16, repeats, denominator, repeat_rate: repeats / denominator });
  });

  // County variant: 永康市 (3 rounds) repeats a3 a4 c1 d2 (R2 vs R1) and b2 b4 (R3); its findings 14,
  // of which 9 are in R2/R3. 义乌市 and 东阳市 have one round each: not in any denominator.
  test.each([
    ['reinspected_units', 6, 14],
    ['later_rounds', 6, 9],
  ] as const)('county level, %s', async (denominatorRule, repeats, denominator) => {
    const row = await rate(db, { repeatDenominator: denominatorRule }, { level: 'county' });
    expect(row).toEqual({ findings: 16, repeats, denominator, repeat_rate: repeats / denominator });
  });

  test('per county: same unit name in two counties is never one unit', async () => {
    const rows = await db.query<RepeatRateRow>(unitRepeatRateSql(emptyFilters(T), DEFAULT_PARAMS, { byCounty: true }));
    expect(rows).toEqual([
      { county: '东阳市', findings: 1, repeats: 0, denominator: 0, repeat_rate: null },
      { county: '义乌市', findings: 1, repeats: 0, denominator: 0, repeat_rate: null },
      { county: '永康市', findings: 14, repeats: 4, denominator: 12, repeat_rate: 4 / 12 },
    ]);
  });

  // At T = 2022-01-01, R3 and 东阳 are not yet fed back: U2 has one round only.
  test.each([
    ['reinspected_units', 3, 8],
    ['later_rounds', 3, 4],
  ] as const)('earlier as-of date, %s', async (denominatorRule, repeats, denominator) => {
    const row = await rate(db, { repeatDenominator: denominatorRule }, {}, '2022-01-01');
    expect(row).toEqual({ findings: 12, repeats, denominator, repeat_rate: repeats / denominator });
  });

  test('filters narrow S (numerator and denominator), not the earlier findings searched', async () => {
    const filters = { ...emptyFilters(T), rounds: ['永康市|县(市、区)委|十五届县委|2'] };
    const [row] = await db.query<RepeatRateRow>(unitRepeatRateSql(filters, DEFAULT_PARAMS));
    // R2: a3 a4 a5 c1 h1 d2; repeats a3 a4 d2; U1 and U4 are reinspected (a3 a4 a5 d2).
    expect(row).toEqual({ findings: 6, repeats: 3, denominator: 4, repeat_rate: 0.75 });
  });
});

describe('同单位重复率 with the analyst\'s decisions', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  test('a rejected link never counts, a confirmed one always does', async () => {
    await decide(db, ['ds1', 'a1'], ['ds2', 'a3'], 'same_unit_l2', 'rejected');
    expect(await rate(db, {})).toMatchObject({ repeats: 3, denominator: 12 });
    // a5 (B1) ~ a6 (B2): different L2, only a text-similarity suggestion until confirmed.
    await decide(db, ['ds1', 'a6'], ['ds2', 'a5'], 'text_similarity', 'confirmed');
    expect(await rate(db, {})).toMatchObject({ repeats: 4, denominator: 12 });
    expect(await rate(db, { repeatDenominator: 'later_rounds' })).toMatchObject({ repeats: 4, denominator: 7 });
    // θ = 0.9 leaves only d2~d1 (score 1) as a match; the confirmed a5 counts although it is no match.
    expect(await rate(db, { useTextSimilarity: true, similarityThreshold: 0.9 })).toMatchObject({ repeats: 2 });
  });

  test('changing a verdict replaces it', async () => {
    await decide(db, ['ds1', 'a1'], ['ds2', 'a3'], 'same_unit_l2', 'confirmed');
    expect(await rate(db, {})).toMatchObject({ repeats: 5 });
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM repeat_decisions`)).toEqual([{ n: 2 }]);
  });
});

describe('the per-round route (no similarity) agrees with the pairwise links', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  const pairwise = async (level: 'unit' | 'county', asOf = T) => {
    const sql = `WITH ${repeatLinkCtes(emptyFilters(asOf), DEFAULT_PARAMS, { level })}
      SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT DISTINCT f_dataset_id, f_finding_id FROM links WHERE counted)`;
    return (await db.query<{ n: number }>(sql))[0].n;
  };

  // b4 (D1, R3) has three county-level matches: a1 (R1), a3 and c1 (R2). It stays a repeat
  // until all three are rejected; a confirmed cross-unit link (e1 → e2, 义乌 → 东阳) always counts.
  test.each([
    ['no decisions', [], 4, 6],
    ['one of b4\'s matches rejected', [[['ds1', 'a1'], ['ds3', 'b4'], 'rejected']], 4, 6],
    ['all of b4\'s matches rejected', [[['ds2', 'a3'], ['ds3', 'b4'], 'rejected'], [['ds2', 'c1'], ['ds3', 'b4'], 'rejected']], 4, 5],
    // a3's only county-level match is a1 as well.
    ['a1 → a3 rejected (unit and county)', [[['ds1', 'a1'], ['ds2', 'a3'], 'rejected']], 3, 4],
    ['confirmed across counties', [[['ds4', 'e1'], ['ds5', 'e2'], 'confirmed']], 4, 5],
  ] as const)('%s', async (_n, decisions, unitRepeats, countyRepeats) => {
    for (const [g, f, d] of decisions) await decide(db, [...g], [...f], 'same_unit_l2', d);
    // Decisions accumulate over the table: the expected counts include the rows above.
    expect(await rate(db, {})).toMatchObject({ repeats: unitRepeats });
    expect(await pairwise('unit')).toBe(unitRepeats);
    expect(await rate(db, {}, { level: 'county' })).toMatchObject({ repeats: countyRepeats });
    expect(await pairwise('county')).toBe(countyRepeats);
  });
});
