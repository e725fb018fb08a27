import { describe, expect, test } from 'vitest';
import { ANALYSIS_CHARTS } from '../../../src/lib/state/chartSpecs';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import type { ChartContext } from '../../../src/lib/charts/types';
import { outcomeLines } from '../../../src/lib/charts/outcomeTotals';
import type { OutcomeRow } from '../../../src/lib/queries/outcomes';
import { drillsOfClicksAndRows, part, renderSvg, seriesOf, sumData } from './render';

const zh: ChartContext = { lang: 'zh', asOf: '2023-05-01', params: DEFAULT_PARAMS };
const en: ChartContext = { ...zh, lang: 'en' };
const R1 = { round_key: 'R1', round_pos: 1, round_label: '十四届省委第四轮巡视', round_year: 2018 };
const R2 = { round_key: 'R2', round_pos: 2, round_label: '八届市委第三轮巡察', round_year: 2019 };
const outcome: OutcomeRow = {
  acc_people: 13, acc_party_discipline: 3, acc_gov_sanction: 2, acc_org_handling: 4, acc_admonish: 4, acc_light: 12, light_included: false, parts_only: true,
  acc_orgs: 1, systems: 589, funds_wan: 1369.5, clues_transferred: 2, clues_closed: 1, clue_rate: 0.5,
};
const rank = (county: string, n: number, completed: number, r: number | null) =>
  ({ county, n, completed, completion_rate: completed / n, overdue: 0, unit_repeat_rate: null, small_sample: r === null, rank: r });

const FIXTURES: Record<string, { rows: Record<string, unknown>[]; sumField: string; sum: number; zhText: string; enText: string; click: unknown }> = {
  'rectification-curve': {
    rows: [{ ...R1, day: 0, completed: 0, n: 4, completion_rate: 0 }, { ...R1, day: 30, completed: 3, n: 4, completion_rate: 0.75 }, { ...R2, day: 0, completed: 1, n: 2, completion_rate: 0.5 }],
    sumField: 'completed', sum: 4, zhText: '2018 省委第四轮巡视', enText: 'Days since feedback', click: { dimension: 'rounds', value: 'R1' },
  },
  'round-trend': {
    rows: [{ ...R1, inspector_level: '省委', n: 25, completed: 19, completion_rate: 0.76 }, { ...R2, inspector_level: '市委', n: 10, completed: 5, completion_rate: 0.5 }],
    sumField: 'completed', sum: 24, zhText: '"name":"省委"', enText: 'Completion rate', click: { dimension: 'rounds', value: 'R1' },
  },
  'status-by-round': {
    rows: [{ ...R1, status: 'completed', n: 19 }, { ...R1, status: 'in_progress', n: 6 }, { ...R2, status: 'unknown', n: 2 }],
    sumField: 'value', sum: 27, zhText: '2018\\n省委第四轮巡视', enText: 'Unrecognised', click: { dimension: 'rounds', value: 'R1' },
  },
  'county-ranking': {
    rows: [rank('兰溪市', 20, 19, 1), rank('永康市', 25, 19, 2), rank('市本级', 5, 5, null)],
    sumField: 'n', sum: 50, zhText: '总体 86%', enText: 'Overall 86%', click: { dimension: 'counties', value: '兰溪市' },
  },
  'outcome-totals': {
    rows: [outcome as unknown as Record<string, unknown>], sumField: 'value', sum: 25, zhText: '建章立制589项', enText: '589 rules made or revised', click: null,
  },
};

test('ANALYSIS_CHARTS lists the issue-4 charts', () => {
  expect(ANALYSIS_CHARTS.map((c) => c.id)).toEqual(Object.keys(FIXTURES));
});

describe.each(ANALYSIS_CHARTS.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
  const fx = FIXTURES[id];
  const option = spec.option(fx.rows, zh);
  test('title, as-of subtitle, axis names with units', () => {
    expect(part(option, 'title').text).toBeTruthy();
    expect(part(option, 'title').subtext).toContain('数据截至2023年5月1日');
    expect(`${part(option, 'xAxis').name} ${part(option, 'yAxis').name ?? ''}`).toMatch(/个问题|%|天|人/);
  });
  test('series sum equals the input; zh/en labels', () => {
    expect(sumData(option, fx.sumField)).toBe(fx.sum);
    expect(JSON.stringify(option)).toContain(fx.zhText);
    expect(JSON.stringify(spec.option(fx.rows, en))).toContain(fx.enText);
  });
  test('a click maps to its filter value', () => {
    const first = (seriesOf(option)[0].data as unknown[])[0];
    expect(spec.toFilter?.({ componentType: 'series', data: first }, fx.rows) ?? null).toEqual(fx.click);
  });
  test('its data table\'s rows drill into what clicks on its elements drill into, no more', () => {
    const { clicks, rows } = drillsOfClicksAndRows(spec, option, fx.rows);
    expect(rows).toEqual(clicks);
    expect(clicks.length > 0).toBe(!!spec.drill);
  });
  test('renders at card size; empty result says no data', () => {
    expect(renderSvg(option)).toContain('<svg');
    expect(renderSvg(spec.option([], zh))).toContain('当前筛选条件下无数据');
  });
});

describe('analysis chart details', () => {
  test('on a phone\'s card (360 px) the charts fit their labels to it; at 600 px they are as before', () => {
    const phone = { ...zh, width: 360, isSample: true };
    const byId = (id: string) => ANALYSIS_CHARTS.find((c) => c.id === id)!;
    // The outcome totals' text goes above the bars, not over them.
    const outcome = (ctx: ChartContext) => byId('outcome-totals').option(FIXTURES['outcome-totals'].rows, ctx);
    expect(part(outcome(zh), 'graphic')).toMatchObject({ right: 16, top: 'middle' });
    expect(part(outcome(phone), 'graphic')).toMatchObject({ left: 16, top: 56 });
    expect(Number(part(outcome(phone), 'grid').top)).toBeGreaterThanOrEqual(56 + 4 * 22);
    // The trend's legend leaves the subtitle's line, and point labels go to the tooltip when the rounds are crowded.
    const many = Array.from({ length: 9 }, (_, i) => ({ round_key: `R${i}`, round_pos: i, round_label: `八届市委第${i + 1}轮巡察`, round_year: 2016 + i, inspector_level: ['省委', '市委', '县(市、区)委'][i % 3], n: 10, completed: 9, completion_rate: 0.9 }));
    const trend = (ctx: ChartContext) => byId('round-trend').option(many, ctx);
    expect(part(trend({ ...zh, isSample: true }), 'legend').top).toBe(30);
    expect(part(trend(phone), 'legend').top).toBe(48);
    expect((seriesOf(trend(zh))[0].label as { show: boolean }).show).toBe(true);
    expect((seriesOf(trend(phone))[0].label as { show: boolean }).show).toBe(false);
    // The ranking's rate axis ticks every 50% where 20% steps would crowd their labels.
    const ranking = (ctx: ChartContext) => byId('county-ranking').option(FIXTURES['county-ranking'].rows, ctx);
    expect(part(ranking(zh), 'xAxis').interval).toBe(20);
    expect(part(ranking(phone), 'xAxis').interval).toBe(50);
    for (const ctx of [zh, phone]) for (const o of [outcome(ctx), trend(ctx), ranking(ctx)]) expect(renderSvg(o, ctx.width ?? 600)).toContain('<svg');
  });

  test('ranking: small samples are grey and unranked, overall line = pooled rate', () => {
    const spec = ANALYSIS_CHARTS.find((c) => c.id === 'county-ranking')!;
    const o = spec.option(FIXTURES['county-ranking'].rows, zh);
    expect(part(o, 'yAxis').data).toEqual(['1. 兰溪市', '2. 永康市', '市本级']);
    const s = seriesOf(o)[0] as { data: { itemStyle?: unknown }[]; markLine: { data: { xAxis: number }[] } };
    expect(s.data.map((d) => Boolean(d.itemStyle))).toEqual([false, false, true]);
    expect(s.markLine.data[0].xAxis).toBe(86);
    expect(renderSvg(o)).toContain('N=5  样本不足');
  });
  test('round trend: each level keeps its colour and symbol whatever levels the rows hold; English names the levels', () => {
    const spec = ANALYSIS_CHARTS.find((c) => c.id === 'round-trend')!;
    const look = (rows: Record<string, unknown>[], ctx = zh) =>
      seriesOf(spec.option(rows, ctx)).map((s: any) => [s.name, s.symbol, s.itemStyle.color]);
    const [province, city] = FIXTURES['round-trend'].rows;
    const both = look([city, province]);
    expect(both.map((x) => x[0])).toEqual(['省委', '市委']);
    expect(look([province])).toEqual([both[0]]);
    expect(look([city])).toEqual([both[1]]);
    expect(look([city, province], en).map((x) => x[0])).toEqual(['Provincial committee', 'City committee']);
  });
  test('outcomes: every total states its unit and whether light measures count', () => {
    expect(outcomeLines(outcome, zh)).toEqual(['问责合计13人（不含批评教育类）', '建章立制589项', '挽回/追缴资金1,369.5万元', '移交线索2件，已办结1件，办结率50%']);
    expect(outcomeLines({ ...outcome, light_included: true, systems: 0, funds_wan: 0, clues_transferred: 0 }, zh)).toEqual(['问责合计13人＋批评教育类']);
    // A ledger's own total (here counting 批评教育 too) is not its parts: the label claims no exclusion.
    const ledger = { ...outcome, acc_people: 25, parts_only: false, systems: 0, funds_wan: 0, clues_transferred: 0 };
    expect(outcomeLines(ledger, zh)).toEqual(['问责合计25人（部分按台账自报合计）']);
    expect(outcomeLines(ledger, en)).toEqual(['Accountability total 25 people (partly as the ledgers total it)']);
  });
  test('curve: steps in %, one line per round', () => {
    const o = ANALYSIS_CHARTS[0].option(FIXTURES['rectification-curve'].rows, zh);
    expect(seriesOf(o).map((s) => (s.data as { value: number[] }[]).map((d) => d.value))).toEqual([[[0, 0], [30, 75]], [[0, 50]]]);
  });
});
