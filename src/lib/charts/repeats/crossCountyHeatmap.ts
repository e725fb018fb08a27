import type { HeatmapSeriesOption } from 'echarts';
import { translate } from '../../i18n/translate';
import type { CrossCountyCellRow } from '../../queries/repeats/crossCounty';
import { countiesOf } from '../countyAxis';
import { noDataOption } from '../empty';
import { NO_PATTERN, cellLabel, dimUnselected, withInk } from '../heatmapFrame';
import { fitCellLabels } from '../layout';
import { baseOption } from '../theme';
import type { ChartContext, EChartsOption } from '../types';
import { countyL2Cell, countyL2Frame, countyTitle, l2CodesOf, l2Title } from './l2Axis';

/** A cell: [L2 index, county index, findings] plus what the tooltip and a click need. */
export interface CrossCountyCell {
  value: [number, number, number];
  county: string;
  code: string;
  years: number;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

const SCALE = ['#fff3e0', '#ffb74d', '#e65100'];

/**
 * County × L2 heatmap of 跨县共性问题 (#25): only codes found in ≥ crossCountyMin counties in one
 * year; each cell prints its count of findings, so the number never depends on colour (in cells
 * too small for it the tooltip does). Selected counties stay, the others fade.
 */
export function crossCountyHeatmapOption(rows: CrossCountyCellRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'repeats.chart.crossCounty.title');
  if (!rows.length) return noDataOption(ctx, title, translate(ctx.lang, 'repeats.empty.crossCounty', { m: ctx.params.crossCountyMin }));
  const codes = l2CodesOf(rows);
  const counties = countiesOf(rows);
  const max = rows.reduce((m, r) => Math.max(m, r.findings), 1);
  const cells = dimUnselected(withInk(rows.map((r): CrossCountyCell => ({
    value: [codes.indexOf(r.category_l2), counties.indexOf(r.county), r.findings], county: r.county, code: r.category_l2, years: r.years,
  })), SCALE, 0, max), ctx.selected);
  const font = fitCellLabels(cells.map((c) => String(c.value[2])), countyL2Cell(ctx, codes, counties));
  const unit = translate(ctx.lang, 'repeats.unit.findings');
  const series: HeatmapSeriesOption = {
    type: 'heatmap', name: translate(ctx.lang, 'repeats.series.findings'), data: cells,
    itemStyle: { borderColor: '#fff', borderWidth: 1, decal: NO_PATTERN },
    label: cellLabel(font, (p) => String((p.data as CrossCountyCell).value[2])),
    tooltip: {
      formatter: (p) => {
        const c = p.data as CrossCountyCell;
        return translate(ctx.lang, 'repeats.tip.crossCounty', {
          county: countyTitle(c.county, ctx.lang), l2: l2Title(c.code, ctx.lang), findings: c.value[2], years: c.years,
        });
      },
    },
  };
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    ...countyL2Frame(ctx, codes, counties),
    visualMap: {
      type: 'continuous', min: 0, max, seriesIndex: 0, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      itemWidth: 10, itemHeight: 140, text: [`${max} ${unit}`, '0'], inRange: { color: SCALE },
    },
    series: [series],
  };
}
