import { describe, expect, test } from 'vitest';
import { completionHeatmapOption } from '../../../src/lib/charts/completionHeatmap';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { COUNTIES } from '../../../src/lib/domain/counties';
import type { CompletionCellRow } from '../../../src/lib/queries/completionHeatmap';

// The sample's shape: 10 counties × 9 rounds, N from 16 to 68, so smallNMin = 40 greys about half.
const ROUNDS = ['十四届省委第四轮巡视', '七届市委第八轮巡察', '十四届省委第八轮巡视', '七届市委第十轮巡察', '八届市委第二轮巡察',
  '十二届婺城区委第二轮巡察', '十五届省委第二轮巡视', '八届市委第五轮巡察', '八届市委第七轮巡察'];
const rows: CompletionCellRow[] = ROUNDS.flatMap((round_label, i) => COUNTIES.map((c, j) => {
  const n = 16 + ((i * 7 + j * 5) % 53);
  const completed = Math.round(n * 0.8545);
  return { county: c.name, round_key: `k${i}`, round_label, round_year: 2018 + i, round_pos: i + 1, n, completed, completion_rate: completed / n };
}));

type Series = { data: { n: number; rate: number | null }[]; label: { show?: boolean; formatter: (p: { data: unknown }) => string } };

function labels(lang: 'zh' | 'en', smallNMin: number): { big: string[]; small: string[] } {
  const option = completionHeatmapOption(rows, { lang, asOf: '2026-06-30', params: { ...DEFAULT_PARAMS, smallNMin } }) as unknown as { series: Series[] };
  const [big, small] = option.series.map((s) => s.data.map((d) => s.label.formatter({ data: d })));
  return { big, small };
}

describe('completion heatmap cell labels', () => {
  test.each([
    ['zh', '样本不足'],
    ['en', 'Small'],
  ] as const)('%s: small samples say so in words and keep N (and their rate where it fits); the other cells keep rate and N', (lang, word) => {
    const { big, small } = labels(lang, 40);
    expect(small.length).toBeGreaterThan(10);
    expect(big.length).toBeGreaterThan(10);
    for (const l of small) expect(l).toMatch(new RegExp(`^${word}\\n(\\d+(\\.\\d+)?% )?N=\\d+$`));
    for (const l of big) expect(l).toMatch(/^\d+(\.\d+)?%\nN=\d+$/);
  });

  test('English and Chinese pick the same label variant for the same grid', () => {
    const zh = labels('zh', 40);
    const en = labels('en', 40);
    expect(en.big.map((l) => l.split('\n').length)).toEqual(zh.big.map((l) => l.split('\n').length));
    expect(en.small.map((l) => l.replace('Small', '样本不足'))).toEqual(zh.small);
  });
});

describe('completion heatmap: a small sample keeps its rate where the cell has room', () => {
  const few: CompletionCellRow[] = [
    { county: '婺城区', round_key: 'k0', round_label: ROUNDS[0], round_year: 2018, round_pos: 1, n: 5, completed: 2, completion_rate: 0.4 },
    { county: '永康市', round_key: 'k0', round_label: ROUNDS[0], round_year: 2018, round_pos: 1, n: 30, completed: 27, completion_rate: 0.9 },
  ];
  test.each([
    ['zh', '样本不足\n40% N=5'],
    ['en', 'Small\n40% N=5'],
  ] as const)('%s: 2 counties × 1 round, wide cells: the word, the greyed rate and N', (lang, label) => {
    const option = completionHeatmapOption(few, { lang, asOf: '2026-06-30', params: DEFAULT_PARAMS }) as unknown as { series: Series[] };
    const [big, small] = option.series.map((s) => s.data.map((d) => s.label.formatter({ data: d })));
    expect(small).toEqual([label]);
    expect(big).toEqual(['90%\nN=30']);
  });
});
