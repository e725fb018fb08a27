import type { ChartSpec } from '../charts/types';
import { clickedField } from '../charts/labels';
import { categoryMixOption } from '../charts/categoryMix';
import { completionHeatmapOption } from '../charts/completionHeatmap';
import { statusByCountyOption } from '../charts/statusByCounty';
import { warningsByCountyOption } from '../charts/warningsByCounty';
import { repeatsByRoundOption } from '../charts/repeatsByRound';
import { categoryMixQuery } from '../queries/categoryMix';
import { completionHeatmapQuery } from '../queries/completionHeatmap';
import { statusByCountyQuery } from '../queries/statusByCounty';
import { warningsByCountyQuery } from '../queries/warningsByCounty';
import { repeatsByRoundQuery } from '../queries/repeatsByRound';

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
  }),
  defineChart({
    id: 'completion-heatmap', titleKey: 'chart.completionHeatmap.title', definitionKey: 'chart.completionHeatmap.def', dimension: 'counties',
    query: completionHeatmapQuery, option: completionHeatmapOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const round = clickedField(click.data, 'round_key');
      return county && round ? { counties: [county], rounds: [round] } : null;
    },
  }),
  defineChart({
    id: 'status-by-county', titleKey: 'chart.statusByCounty.title', definitionKey: 'chart.statusByCounty.def', dimension: 'counties',
    query: statusByCountyQuery, option: statusByCountyOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const status = clickedField(click.data, 'key');
      return county && status ? { counties: [county], statuses: [status] } : null;
    },
  }),
  defineChart({
    id: 'warnings-by-county', titleKey: 'chart.warningsByCounty.title', definitionKey: 'chart.warningsByCounty.def', dimension: 'counties',
    query: warningsByCountyQuery, option: warningsByCountyOption, toFilter: countyClick,
  }),
  defineChart({
    id: 'repeats-by-round', titleKey: 'chart.repeatsByRound.title', definitionKey: 'chart.repeatsByRound.def', dimension: 'counties',
    query: repeatsByRoundQuery, option: repeatsByRoundOption, toFilter: countyClick,
    drill: (click) => {
      const county = clickedField(click.data, 'county');
      const round = clickedField(click.data, 'round_key');
      return county && round ? { counties: [county], rounds: [round] } : null;
    },
  }),
];
