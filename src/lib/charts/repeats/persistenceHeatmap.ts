import type { HeatmapSeriesOption } from 'echarts';
import { translate } from '../../i18n/translate';
import type { PersistenceRow } from '../../queries/repeats/persistence';
import { countiesOf } from '../countyAxis';
import { noDataOption } from '../empty';
import { CELL_LABEL, NO_PATTERN, dimUnselected, withInk } from '../heatmapFrame';
import { FONT_FAMILY, baseOption } from '../theme';
import type { ChartContext, EChartsOption } from '../types';
import { countyL2Frame, countyTitle, l2CodesOf, l2Title } from './l2Axis';

/** A cell: [L2 index, county index, periods] plus the flag and what a click needs. */
export interface PersistenceCell {
  value: [number, number, number];
  county: string;
  code: string;
  findings: number;
  persistent: boolean;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

/** The text mark of a flagged cell: flagged cells say so in words/symbols, not only in colour. */
export const PERSISTENT_MARK = '★';

const SCALE = ['#e3f2fd', '#64b5f6', '#0d47a1'];

/** Above this many L2 columns a ~560 px plot has about 14 px per cell: too narrow for "3★". */
export const DENSE_COLUMNS = 20;

/**
 * County × L2 heatmap of 屡现指数 (#26): each cell prints the number of distinct rounds (or years)
 * in which the code appeared in the county; cells at or above `persistenceThreshold` add ★ and a
 * dark border, and a note under the chart says what ★ means. Selected counties stay, the others fade.
 */
export function persistenceHeatmapOption(rows: PersistenceRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'repeats.chart.persistence.title');
  if (!rows.length) return noDataOption(ctx, title);
  const params = ctx.params;
  const periodKey = params.persistenceBy === 'year' ? 'repeats.period.year' : 'repeats.period.round';
  const period = translate(ctx.lang, periodKey);
  const codes = l2CodesOf(rows);
  const counties = countiesOf(rows);
  const dense = codes.length > DENSE_COLUMNS;
  const max = rows.reduce((m, r) => Math.max(m, r.periods), params.persistenceThreshold);
  const cells = dimUnselected(withInk(rows.map((r): PersistenceCell => ({
    value: [codes.indexOf(r.category_l2), counties.indexOf(r.county), r.periods],
    county: r.county, code: r.category_l2, findings: r.findings, persistent: r.persistent,
    ...(r.persistent ? { itemStyle: { borderColor: '#1f2933', borderWidth: 2 } } : {}),
  })), SCALE, 0, max), ctx.selected);
  const series: HeatmapSeriesOption = {
    type: 'heatmap', name: translate(ctx.lang, 'repeats.series.persistence'), data: cells,
    itemStyle: { borderColor: '#fff', borderWidth: 1, decal: NO_PATTERN },
    label: {
      ...CELL_LABEL,
      // A dense grid (> DENSE_COLUMNS codes) has no room for numbers: only flagged cells print ★,
      // the index itself is in the tooltip.
      formatter: (p) => {
        const c = p.data as PersistenceCell;
        if (dense) return c.persistent ? PERSISTENT_MARK : '';
        return c.persistent ? `${c.value[2]}${PERSISTENT_MARK}` : String(c.value[2]);
      },
    },
    tooltip: {
      formatter: (p) => {
        const c = p.data as PersistenceCell;
        const line = translate(ctx.lang, 'repeats.tip.persistence', {
          county: countyTitle(c.county, ctx.lang), l2: l2Title(c.code, ctx.lang), periods: c.value[2], period, findings: c.findings,
        });
        return c.persistent ? `${line}\n${PERSISTENT_MARK} ${translate(ctx.lang, 'repeats.persistent')}` : line;
      },
    },
  };
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    ...countyL2Frame(ctx, codes, counties),
    visualMap: {
      type: 'continuous', min: 0, max, seriesIndex: 0, calculable: false, orient: 'horizontal', left: 16, bottom: 0,
      itemWidth: 10, itemHeight: 120, text: [`${max} ${period}`, '0'], inRange: { color: SCALE },
    },
    graphic: [{
      type: 'text', right: 16, bottom: 4,
      style: {
        fontFamily: FONT_FAMILY,
        text: translate(ctx.lang, 'repeats.persistenceNote', { mark: PERSISTENT_MARK, t: params.persistenceThreshold, period }),
        fontSize: 11, fill: '#1f2933',
      },
    }],
    series: [series],
  };
}
