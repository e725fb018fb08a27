import { expect, test } from 'vitest';
import { countyChartHeight } from '../../../src/lib/charts/countyAxis';
import { countyRoundCell } from '../../../src/lib/charts/heatmapFrame';
import { DASHBOARD_GRIDS } from '../../../src/lib/state/dashboardQueries';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

const counties = (n: number) => Array.from({ length: n }, (_, i) => ({ county: `县${i}` }));

// A card lists a county per line: past a dozen counties it grows (22 px a county) so bars and
// heatmap cells keep room for their numbers, up to 1,000 px.
test('county charts grow with their counties', () => {
  expect(countyChartHeight(counties(9))).toBe(360);
  expect(countyChartHeight(counties(12))).toBe(360);
  expect(countyChartHeight(counties(18))).toBe(360 + 6 * 22);
  expect(countyChartHeight(counties(60))).toBe(1000);
  const grown = Object.values(DASHBOARD_GRIDS).flat().filter((s) => s.height).map((s) => s.id).sort();
  expect(grown).toEqual(['completion-heatmap', 'county-ranking', 'repeats-by-round', 'status-by-county', 'warnings-by-county']);
});

test('a taller card gives the heatmap taller cells', () => {
  const ctx = { lang: 'zh' as const, asOf: '2024-12-31', params: DEFAULT_PARAMS };
  const rounds = [{ round_key: 'r', round_label: '八届市委第一轮巡察', round_year: 2024, round_pos: 1 }] as never[];
  const names = counties(18).map((c) => c.county);
  const card = countyRoundCell(ctx, rounds, names).height;
  const tall = countyRoundCell({ ...ctx, height: countyChartHeight(counties(18)) }, rounds, names).height;
  expect(tall - card).toBeCloseTo((6 * 22) / 18, 5);
});

test('a wider card gives the heatmap wider cells, a phone\'s card narrower ones (not below 300 px)', () => {
  const ctx = { lang: 'zh' as const, asOf: '2024-12-31', params: DEFAULT_PARAMS };
  const rounds = Array.from({ length: 9 }, (_, i) => ({ round_key: `r${i}`, round_label: `八届市委第${i + 1}轮巡察`, round_year: 2024, round_pos: i + 1 })) as never[];
  const names = counties(10).map((c) => c.county);
  const card = countyRoundCell(ctx, rounds, names).width;
  expect(countyRoundCell({ ...ctx, width: 1230 }, rounds, names).width - card).toBeCloseTo(630 / 9, 5);
  expect(card - countyRoundCell({ ...ctx, width: 400 }, rounds, names).width).toBeCloseTo(200 / 9, 5);
  expect(countyRoundCell({ ...ctx, width: 200 }, rounds, names).width).toBe(countyRoundCell({ ...ctx, width: 300 }, rounds, names).width);
});
