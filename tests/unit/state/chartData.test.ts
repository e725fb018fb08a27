import { describe, expect, test, vi } from 'vitest';
import { stubDom } from '../dom-stub';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { specDataTable } from '../../../src/lib/charts/dataTable';
import type { ChartSpec } from '../../../src/lib/charts/types';

stubDom();
const { chartDataView, downloadChartData } = await import('../../../src/lib/state/chartData');

// A chart that greys small samples, titled as the heatmap is; its option and query are never asked for.
const spec = { id: 'completion-heatmap', titleKey: 'chart.completionHeatmap.title', flagsSmallSamples: true } as ChartSpec;
const rows = [
  { county: '永康市', n: 9, completion_rate: 0.5 },
  { county: '=HYPERLINK("http://x")', n: 20, completion_rate: 0.75 },
];
const params = { ...DEFAULT_PARAMS, smallNMin: 10 };

describe('a chart\'s data as its card shows it (查看数据)', () => {
  test('the briefing\'s table, captioned with the title, the as-of date and the sample mark', () => {
    const view = chartDataView(spec, rows, { lang: 'zh', asOf: '2026-06-30', params, isSample: true });
    expect(view.caption).toBe('各县市区分轮次整改完成率 · 数据截至2026年6月30日 · 示例数据');
    expect(view.table).toEqual(specDataTable(spec, rows, 'zh', params));
    expect(view.table.columns.map((c) => c.label)).toEqual(['县市区', '问题数（个）', '整改完成率', '备注']);
    expect(view.figures).toEqual([false, true, true, false]);
    const en = chartDataView(spec, rows, { lang: 'en', asOf: '2026-06-30', params, isSample: false });
    expect(en.caption).toBe('Completion rate by county and round · As of 2026-06-30');
  });

  test('each row carries the drill-down of the element it draws, in the table\'s order; a chart without one has none', () => {
    const drilling = { ...spec, rowDrills: (r: { county: string }) => (r.county === '永康市' ? [{ filters: { counties: [r.county] } }] : []) } as ChartSpec;
    // The table orders counties as the figure does (GB/T 2260, a county it does not know last), not as the query did.
    const view = chartDataView(drilling, [rows[1], rows[0]], { lang: 'zh', asOf: '2026-06-30', params });
    expect(view.table.rows.map((r) => r[0])).toEqual(['永康市', '=HYPERLINK("http://x")']);
    expect(view.drills).toEqual([[{ filters: { counties: ['永康市'] } }], []]);
    expect(chartDataView(spec, rows, { lang: 'zh', asOf: '2026-06-30', params }).drills).toEqual([]);
  });

  test('a chart\'s downloads are tagged with the filters that narrow its rows, not with its own dimension', async () => {
    const { chartScopeTag } = await import('../../../src/lib/state/chartData');
    const filters = { counties: ['永康市'], statuses: ['completed'] } as never;
    expect(chartScopeTag({ dimension: 'counties' }, filters, 'zh')).toBe('已完成');
    expect(chartScopeTag({ dimension: 'categories' }, filters, 'zh')).toBe('永康市-已完成');
    expect(chartScopeTag({}, filters, 'zh')).toBe('永康市-已完成');
  });

  test('its CSV: BOM, the same headers and cells, a formula-like value neutralised, named by title and date', async () => {
    const saved: { blob: Blob; name: string }[] = [];
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:chart-data'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const anchor = { href: '', download: '', rel: '', click: () => saved.push({ blob: blob!, name: anchor.download }), remove: () => {} };
    Object.assign(document, { createElement: () => anchor });
    Object.assign(document.body, { appendChild: () => anchor });

    await downloadChartData(spec, rows, { lang: 'zh', asOf: '2026-06-30', params });
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('各县市区分轮次整改完成率_2026-06-30.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await saved[0].blob.arrayBuffer());
    expect(text).toBe('\uFEFF县市区,问题数（个）,整改完成率,备注\r\n永康市,9,50%,样本不足\r\n"\'=HYPERLINK(""http://x"")",20,75%,\r\n');
    // With filters in force, the name carries their scope tag as every export's does.
    await downloadChartData(spec, rows, { lang: 'zh', asOf: '2026-06-30', params }, '永康市-已完成');
    expect(saved[1].name).toBe('各县市区分轮次整改完成率_2026-06-30_永康市-已完成.csv');
    vi.restoreAllMocks();
  });
});
