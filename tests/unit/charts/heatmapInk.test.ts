import { describe, expect, test } from 'vitest';
import { inkOn, scaleColour, withInk } from '../../../src/lib/charts/heatmapFrame';
import { RATE_SCALE } from '../../../src/lib/charts/theme';

describe('heatmap cell ink', () => {
  test('scaleColour interpolates evenly spaced stops', () => {
    expect(scaleColour(['#000000', '#ffffff'], 0)).toBe('#000000');
    expect(scaleColour(['#000000', '#ffffff'], 1)).toBe('#ffffff');
    expect(scaleColour(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(scaleColour(RATE_SCALE, 0.5)).toBe('#fdd835');
    expect(scaleColour(RATE_SCALE, 7)).toBe('#2e7d32');
    expect(scaleColour(RATE_SCALE, Number.NaN)).toBe('#b71c1c');
  });

  test('white on dark fills, dark ink on light ones', () => {
    expect(inkOn('#2e7d32')).toBe('#ffffff'); // 100 % green
    expect(inkOn('#b71c1c')).toBe('#ffffff'); // 0 % red
    expect(inkOn('#fdd835')).toBe('#1f2933'); // 50 % yellow
    expect(inkOn('#f5f7fa')).toBe('#1f2933'); // empty
  });

  test('withInk sets each cell label colour from its value, keeping other label settings', () => {
    const cells = withInk([{ value: [0, 0, 100] as [number, number, number], label: { opacity: 0.4 } }, { value: [1, 0, 50] as [number, number, number] }], RATE_SCALE, 0, 100);
    expect(cells[0].label).toEqual({ opacity: 0.4, color: '#ffffff' });
    expect(cells[1].label).toEqual({ color: '#1f2933' });
  });
});

test('a small-sample cell is grey whatever its rate, so its label takes the ink for grey (not white for a 100% green)', async () => {
  const { completionHeatmapOption } = await import('../../../src/lib/charts/completionHeatmap');
  const { DEFAULT_PARAMS } = await import('../../../src/lib/domain/params');
  const round = { round_key: 'k', round_label: '八届市委第三轮巡察', round_year: 2024, round_pos: 1 };
  const option = completionHeatmapOption([
    { ...round, county: '永康市', n: 2, completed: 2, completion_rate: 1 },
    { ...round, county: '义乌市', n: 40, completed: 40, completion_rate: 1 },
  ], { lang: 'zh', asOf: '2024-12-31', params: DEFAULT_PARAMS }) as { series: { data: { county: string; label: { color: string } }[] }[] };
  const ink = (county: string) => option.series.flatMap((s) => s.data).find((c) => c.county === county)!.label.color;
  expect(ink('永康市')).toBe('#1f2933');
  expect(ink('义乌市')).toBe('#ffffff');
});
