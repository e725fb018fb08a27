import type { LineSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { RoundTrendRow } from '../queries/roundTrend';
import { noDataOption } from './empty';
import { LEVEL_NAME_KEYS, roundName } from './roundNames';
import { formatRate, percentValue } from './format';
import { cardGrid, chartWidth, maxLines, textWidth } from './layout';
import { roundAxisStyle, roundLabels, roundsOf } from './roundAxis';
import { baseOption, subtitleText } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A trend point: the rate (%) plus the counts behind it and the round a click selects. */
export interface TrendPoint {
  value: number;
  completed: number;
  n: number;
  round_key: string;
}

/**
 * One look per committee level, the same in every chart and export whatever levels the data holds
 * (a level's colour and symbol followed its place in the data: 省委 was navy ▲ on the whole sample
 * and lime ■ before 2019-06-30), highest level first.
 */
const LEVELS: { level: string; key: string; color: string; symbol: string }[] = [
  { level: '中央', color: '#6a1b9a', symbol: 'diamond' },
  { level: '省委', color: '#1f3a93', symbol: 'triangle' },
  { level: '市委', color: '#2e7d32', symbol: 'rect' },
  { level: '县(市、区)委', color: '#ef6c00', symbol: 'circle' },
  { level: '党委(党组)内部', color: '#6d4c41', symbol: 'roundRect' },
].map((l) => ({ ...l, key: LEVEL_NAME_KEYS[l.level] }));
const OTHER_LEVEL = { key: 'level.unknown', color: '#78909c', symbol: 'pin' };

/** The look of a level; its name in the UI language. */
function levelLook(level: string, lang: ChartContext['lang']) {
  const look = LEVELS.find((l) => l.level === level) ?? OTHER_LEVEL;
  return { ...look, name: look === OTHER_LEVEL && level !== '—' ? level : translate(lang, look.key) };
}

/**
 * Strict completion rate per round in time order, one line per inspector level (DOMAIN §7.6 #28:
 * rounds are compared only within one level); a round of another level is a gap in the line.
 */
export function roundTrendOption(rows: RoundTrendRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.roundTrend.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const order = (level: string) => { const i = LEVELS.findIndex((l) => l.level === level); return i < 0 ? LEVELS.length : i; };
  const levels = [...new Set(rows.map((r) => r.inspector_level ?? '—'))].sort((a, b) => order(a) - order(b));
  const width = chartWidth(ctx);
  const plotWidth = width - 24 - 24 - 64;
  // Rates over the points where a round's column has room for one (a phone's card has not: the tooltip has them).
  const labelsFit = plotWidth / rounds.length >= textWidth('100.00%', 10) + 8;
  const series: LineSeriesOption[] = levels.map((level, i) => {
    const look = levelLook(level, ctx.lang);
    return {
      type: 'line', name: look.name, connectNulls: true, symbol: look.symbol, symbolSize: 8,
      itemStyle: { color: look.color }, lineStyle: { color: look.color },
      data: rounds.map((round) => {
        const r = rows.find((x) => x.round_key === round.round_key && (x.inspector_level ?? '—') === level);
        return r ? ({ value: percentValue(r.completion_rate ?? 0), completed: r.completed, n: r.n, round_key: r.round_key } as TrendPoint) : null;
      }),
      // Levels alternate above and below their points, so the labels of two levels at one round do not collide.
      // A white ground keeps a label readable where another level's line crosses it.
      label: { show: labelsFit, fontSize: 10, position: i % 2 ? 'bottom' : 'top', backgroundColor: '#ffffff', padding: [1, 2], formatter: (p) => `${(p.data as TrendPoint).value}%` },
      labelLayout: { hideOverlap: true },
      tooltip: {
        formatter: (p) => {
          const d = p.data as TrendPoint;
          return translate(ctx.lang, 'tip.rate', { series: `${look.name} · ${roundName(rounds[p.dataIndex], ctx.lang)}`, name: translate(ctx.lang, 'kpi.completionRate'), rate: formatRate(d.n ? d.completed / d.n : null), completed: d.completed, n: d.n });
        },
      },
    };
  });
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  // The legend sits right of the subtitle where both fit on its line (a phone's card has no room): else on a row under it.
  const legendWidth = series.reduce((w, s) => w + 18 + 5 + textWidth(String(s.name), 11) + 10, 0);
  const ownRow = 8 + textWidth(subtitleText(ctx), 11) + 24 + legendWidth + 16 > width;
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend: { top: ownRow ? 48 : 30, right: 16, itemWidth: 18, itemHeight: 10, textStyle: { fontSize: 11 } },
    grid: cardGrid({ top: ownRow ? 84 : 64, left: 16, right: 24 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * 13 + 12, data: labels,
      axisLabel: roundAxisStyle(rounds.length, plotWidth),
    },
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.rate'), nameLocation: 'middle', nameGap: 40, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}
