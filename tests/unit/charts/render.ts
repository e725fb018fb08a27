import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

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
