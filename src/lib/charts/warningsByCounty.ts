import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { WarningCountRow } from '../queries/warningsByCounty';
import { countiesOf, countyLabels } from './countyAxis';
import { noDataOption } from './empty';
import { countyBarsFrame, countyBarsPlotWidth, type CountyCountItem } from './statusByCounty';
import { segmentLabel } from './layout';
import { FONT_FAMILY, WARNING_COLORS } from './theme';
import type { ChartContext, EChartsOption } from './types';

const COLOURS = ['red', 'yellow', 'green'] as const;

/**
 * Horizontal stacked bars of red / yellow / green warnings per county, the total at each bar's
 * end; legend names state the thresholds.
 */
export function warningsByCountyOption(rows: WarningCountRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.warningsByCounty.title');
  if (!rows.length) return noDataOption(ctx, title);
  const counties = countiesOf(rows);
  const days = { yellow: ctx.params.warnYellowDays, green: ctx.params.warnGreenDays };
  const count = (county: string, colour: (typeof COLOURS)[number]) => rows.find((r) => r.county === county)?.[colour] ?? 0;
  const totals = counties.map((county) => COLOURS.reduce((s, colour) => s + count(county, colour), 0));
  const label = segmentLabel(Math.max(...totals), countyBarsPlotWidth(ctx, counties), true);
  const series: BarSeriesOption[] = COLOURS.map((colour) => {
    const name = translate(ctx.lang, `warning.${colour}`, days);
    return {
      type: 'bar', stack: 'warning', name, id: colour, barMaxWidth: 22,
      data: counties.map((county): CountyCountItem => ({ value: count(county, colour), county, key: colour })),
      itemStyle: { color: WARNING_COLORS[colour] },
      label: { show: true, fontSize: 10, formatter: (p) => label(p.value as number) },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p) => translate(ctx.lang, 'tip.count', { series: countyLabels([(p.data as CountyCountItem).county], ctx.lang)[0], name, count: p.value as number }) },
    };
  });
  const option = countyBarsFrame(ctx, title, counties, new Set(ctx.selected ?? []), series, totals);
  // No warning at all is a result, not missing data: keep the axes and say so in words.
  if (rows.every((r) => r.red + r.yellow + r.green === 0)) {
    option.graphic = [{ type: 'text', left: 'center', top: 'middle', style: { text: translate(ctx.lang, 'chart.noWarnings'), fontFamily: FONT_FAMILY, fontSize: 14, fill: '#7b8794' } }];
  }
  return option;
}
