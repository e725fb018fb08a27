import { countyChartHeight } from '../charts/countyAxis';
import type { ChartSpec } from '../charts/types';
import { clickedField } from '../charts/labels';
import { categoryMixOption } from '../charts/categoryMix';
import { completionHeatmapOption } from '../charts/completionHeatmap';
import { statusByCountyOption } from '../charts/statusByCounty';
import { warningsByCountyOption } from '../charts/warningsByCounty';
import { repeatsByRoundOption } from '../charts/repeatsByRound';
import { categoryMixQuery, type CategoryMixRow } from '../queries/categoryMix';
import { completionHeatmapQuery, type CompletionCellRow } from '../queries/completionHeatmap';
import { statusByCountyQuery, type StatusCountRow } from '../queries/statusByCounty';
import { warningsByCountyQuery, type WarningCountRow } from '../queries/warningsByCounty';
import { repeatsByRoundQuery, type RepeatCellRow } from '../queries/repeatsByRound';
import { rectificationCurveOption } from '../charts/rectificationCurve';
import { countyRankingOption } from '../charts/countyRanking';
import { outcomeTotalsOption } from '../charts/outcomeTotals';
import { roundTrendOption } from '../charts/roundTrend';
import { rectificationCurveQuery } from '../queries/rectificationCurve';
import { countyRankingQuery, tiedCounties, type CountyRankRow } from '../queries/countyRanking';
import { outcomesQuery } from '../queries/outcomes';
import { roundTrendQuery } from '../queries/roundTrend';
import { statusByRoundQuery, type RoundStatusRow } from '../queries/statusByRound';
import { statusByRoundOption } from '../charts/statusByRound';
import { unitRepeatRateSql } from '../queries/repeats/unitRepeats';
import type { Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';

/**
 * Declares a chart with its own row type and erases that type for the list: rows arrive from the
 * engine as plain records, and each spec's query and option builders agree on their shape.
 */
export function defineChart<R>(spec: ChartSpec<R>): ChartSpec {
  return spec as unknown as ChartSpec;
}

/** A click on an item carrying `county` selects that county. */
function countyClick(click: { data?: unknown }) {
  const county = clickedField(click.data, 'county');
  return county ? { dimension: 'counties' as const, value: county } : null;
}

/** A click on an item carrying `round_key` selects that round. */
function roundClick(click: { data?: unknown }) {
  const round = clickedField(click.data, 'round_key');
  return round ? { dimension: 'rounds' as const, value: round } : null;
}

const WARNING_COLOURS = ['red', 'yellow', 'green'] as const;

/** The issue-2 dashboard charts, in display order. */
export const DASHBOARD_CHARTS: ChartSpec[] = [
  defineChart({
    id: 'category-mix', titleKey: 'chart.categoryMix.title', definitionKey: 'chart.categoryMix.def', dimension: 'categories',
    query: categoryMixQuery, option: categoryMixOption,
    toFilter: (click) => {
      const code = clickedField(click.data, 'code');
      return code ? { dimension: 'categories', value: code } : null;
    },
    drill: (click) => {
      const code = clickedField(click.data, 'code');
      const round = clickedField(click.data, 'round_key');
      return code && round ? { categories: [code], rounds: [round] } : null;
    },
    rowDrills: (row: CategoryMixRow) => [{ filters: { categories: [row.category_l1], rounds: [row.round_key] } }],
  }),
  defineChart({
    id: 'completion-heatmap', titleKey: 'chart.completionHeatmap.title', definitionKey: 'chart.completionHeatmap.def', dimension: 'counties',
    height: countyChartHeight, flagsSmallSamples: true,
    query: completionHeatmapQuery, option: completionHeatmapOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const round = clickedField(click.data, 'round_key');
      return county && round ? { counties: [county], rounds: [round] } : null;
    },
    rowDrills: (row: CompletionCellRow) => [{ filters: { counties: [row.county], rounds: [row.round_key] } }],
  }),
  defineChart({
    id: 'status-by-county', titleKey: 'chart.statusByCounty.title', definitionKey: 'chart.statusByCounty.def', dimension: 'counties',
    height: countyChartHeight,
    query: statusByCountyQuery, option: statusByCountyOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const status = clickedField(click.data, 'key');
      return county && status ? { counties: [county], statuses: [status] } : null;
    },
    rowDrills: (row: StatusCountRow) => [{ filters: { counties: [row.county], statuses: [row.status] } }],
  }),
  defineChart({
    id: 'warnings-by-county', titleKey: 'chart.warningsByCounty.title', definitionKey: 'chart.warningsByCounty.def', dimension: 'counties',
    height: countyChartHeight,
    query: warningsByCountyQuery, option: warningsByCountyOption, toFilter: countyClick,
    // A segment stands for the county's findings of that colour, which no filter dimension names.
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const colour = clickedField(click.data, 'key');
      return county && (colour === 'red' || colour === 'yellow' || colour === 'green') ? { counties: [county], facet: `warning_${colour}` } : null;
    },
    // A row is a county's three counts: one drill-down for each colour it has.
    rowDrills: (row: WarningCountRow) => WARNING_COLOURS.filter((colour) => row[colour] > 0)
      .map((colour) => ({ filters: { counties: [row.county], facet: `warning_${colour}` as const }, part: colour })),
  }),
  defineChart({
    id: 'repeats-by-round', titleKey: 'chart.repeatsByRound.title', definitionKey: 'chart.repeatsByRound.def', dimension: 'counties',
    height: countyChartHeight,
    query: repeatsByRoundQuery, option: repeatsByRoundOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const round = clickedField(click.data, 'round_key');
      // The cell counts the explicit repeats of the county's round, not all its findings.
      return county && round ? { counties: [county], rounds: [round], facet: 'explicit_repeat' } : null;
    },
    rowDrills: (row: RepeatCellRow) => (row.repeats > 0 ? [{ filters: { counties: [row.county], rounds: [row.round_key], facet: 'explicit_repeat' } }] : []),
  }),
];

/**
 * Findings of the tied counties beyond which the last tiebreak is not computed and they keep
 * sharing their rank: its query takes ~1.1 s for 100k findings in Node, and it would hold up the
 * engine, and every click after it, for many seconds at 1M (every county ties under a 已完成 filter).
 */
export const MAX_TIEBREAK_FINDINGS = 200_000;

/**
 * County ranking (#27) with all three keys; the third, 同单位重复率 per county, comes from the
 * repeat builders. That query is costly on large data (≈95 s at 1M findings in Node), so the
 * chart spec ranks by the first two keys, and its `refine` runs this only when `tiedCounties(rows)`
 * is non-empty, passing those counties so the repeat rates are computed for them alone (a county's
 * rate depends only on its own findings, so the answer is the same).
 */
export function rankingWithRepeatTiebreak(filters: Filters, params: MetricParams, tied?: string[]): string {
  const scope = tied ? { ...filters, counties: tied } : filters;
  const rates = unitRepeatRateSql(scope, params, { byCounty: true, except: tied ? undefined : 'counties' });
  return countyRankingQuery(filters, params, { sameUnitRepeatRateByCounty: `SELECT county, repeat_rate AS unit_repeat_rate FROM (${rates})` });
}

/** The issue-4 analysis charts (progress over time, ranking, outcomes), in display order. */
export const ANALYSIS_CHARTS: ChartSpec[] = [
  defineChart({
    id: 'rectification-curve', titleKey: 'chart.curve.title', definitionKey: 'chart.curve.def', dimension: 'rounds',
    query: rectificationCurveQuery, option: rectificationCurveOption, toFilter: roundClick,
  }),
  defineChart({
    id: 'round-trend', titleKey: 'chart.roundTrend.title', definitionKey: 'chart.roundTrend.def', dimension: 'rounds',
    query: roundTrendQuery, option: roundTrendOption, toFilter: roundClick,
  }),
  defineChart({
    id: 'status-by-round', titleKey: 'chart.statusByRound.title', definitionKey: 'chart.statusByRound.def', dimension: 'rounds',
    query: statusByRoundQuery, option: statusByRoundOption, toFilter: roundClick,
    drill: (click) => {
      const round = clickedField(click.data, 'round_key');
      const status = clickedField(click.data, 'key');
      return round && status ? { rounds: [round], statuses: [status] } : null;
    },
    rowDrills: (row: RoundStatusRow) => [{ filters: { rounds: [row.round_key], statuses: [row.status] } }],
  }),
  defineChart({
    id: 'county-ranking', titleKey: 'chart.ranking.title', definitionKey: 'chart.ranking.def', dimension: 'counties', highlightsOnly: true,
    height: countyChartHeight,
    query: (filters, params, opts) => countyRankingQuery(filters, params, opts), option: countyRankingOption, toFilter: countyClick,
    refine: (rows: CountyRankRow[], filters, params) => {
      const tied = tiedCounties(rows);
      const n = rows.filter((r) => tied.includes(r.county)).reduce((s, r) => s + r.n, 0);
      return tied.length && n <= MAX_TIEBREAK_FINDINGS ? rankingWithRepeatTiebreak(filters, params, tied) : null;
    },
  }),
  defineChart({
    id: 'outcome-totals', titleKey: 'chart.outcomes.title', definitionKey: 'chart.outcomes.def',
    query: outcomesQuery, option: outcomeTotalsOption,
  }),
];
