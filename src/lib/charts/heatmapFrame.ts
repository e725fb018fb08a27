import type { EChartsOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { RoundColumns } from '../queries/roundMeta';
import { countyLabels } from './countyAxis';
import { roundLabels } from './roundAxis';
import type { ChartContext } from './types';

const PLOT_HEIGHT = 360 - 80 - 56 - 40;

/**
 * Cell labels go on one line when rows are too short for two (~10 counties on a 360 px card),
 * so "66.67%" and "N=15" never spill into the next cell.
 */
export function cellSeparator(rowCount: number): string {
  return PLOT_HEIGHT / Math.max(1, rowCount) >= 28 ? '\n' : ' ';
}

/** Label style readable on every colour of the scale: dark text with a light halo. */
export const CELL_LABEL = { show: true, fontSize: 10, lineHeight: 12, color: '#1f2933', textBorderColor: 'rgba(255,255,255,0.85)', textBorderWidth: 2 };

/** The frame shared by the county × round heatmaps: round axis (x), county axis (y), room for the scale. */
export function countyRoundFrame(ctx: ChartContext, rounds: RoundColumns[], counties: string[]): EChartsOption {
  return {
    grid: { left: 8, right: 16, top: 80, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: 44, data: roundLabels(rounds),
      axisLabel: { interval: 0, fontSize: 10, lineHeight: 13 }, splitArea: { show: true },
    },
    yAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.county'), nameLocation: 'start', inverse: true,
      data: countyLabels(counties, ctx.lang), axisLabel: { interval: 0, fontSize: 11 }, splitArea: { show: true },
    },
  };
}

/**
 * An empty decal for cells whose value is printed in them: the pattern would only hide the text.
 * (`decal: 'none'` crashes ECharts 6's heatmap, hence an explicit pattern without symbols.)
 */
export const NO_PATTERN = { symbol: 'none' as const };
