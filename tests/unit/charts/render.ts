import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../../src/lib/charts/types';

/** Renders an option off-screen to SVG at dashboard-card size; throws if ECharts rejects it. */
export function renderSvg(option: EChartsOption, width = 600, height = 360): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Plain accessors into an option without fighting ECharts' union types. */
export function part(option: EChartsOption, key: string): Record<string, unknown> {
  const v = (option as Record<string, unknown>)[key];
  return (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
}

/** The series of an option as plain records. */
export function seriesOf(option: EChartsOption): Record<string, unknown>[] {
  return (option.series ?? []) as Record<string, unknown>[];
}

/** Sum of `field` (or the numeric value) over every data item of every series. */
export function sumData(option: EChartsOption, field = 'value', index?: number): number {
  let total = 0;
  for (const s of seriesOf(option)) {
    for (const d of (s.data ?? []) as unknown[]) {
      if (d === null || d === undefined) continue;
      const v = typeof d === 'number' ? d : (d as Record<string, unknown>)[field];
      total += Array.isArray(v) ? Number(v[index ?? 2]) : Number(v);
    }
  }
  return total;
}

/**
 * What a chart's clicks drill into (every element drawn: a bar segment of 0 has no length to click,
 * a heatmap cell of 0% is a cell) and what its data table's rows drill into, each as sorted JSON.
 */
export function drillsOfClicksAndRows(spec: ChartSpec, option: EChartsOption, rows: Record<string, unknown>[]): { clicks: string[]; rows: string[] } {
  const clicks = new Set<string>();
  seriesOf(option).forEach((series, seriesIndex) => ((series.data as unknown[]) ?? []).forEach((data, dataIndex) => {
    const value = (data as { value?: unknown })?.value ?? data;
    if (value === 0 || value === null) return;
    const filters = spec.drill?.({ componentType: 'series', data, dataIndex, seriesIndex }, rows);
    if (filters) clicks.add(JSON.stringify(filters));
  }));
  const fromRows = new Set(rows.flatMap((row) => spec.rowDrills?.(row) ?? []).map((d) => JSON.stringify(d.filters)));
  return { clicks: [...clicks].sort(), rows: [...fromRows].sort() };
}
