import { describe, expect, test } from 'vitest';
import JSZip from 'jszip';
import { datasetNames, findingsAboutRows, localTimestamp, queryAboutRows, type FindingsAbout } from '../../../src/lib/export/about';
import { EXCEL_CELL_LIMIT, toXlsx } from '../../../src/lib/export/xlsx';
import { drillLabel, filterSummary } from '../../../src/lib/state/filterSummary';
import type { Filters } from '../../../src/lib/queries/filters';

const NONE: Filters = { rounds: [], counties: [], categories: [], l2: [], statuses: [], units: [], unitTypes: [], sources: [], asOf: '2026-06-30' };
const EXPORTED = new Date(2026, 5, 30, 9, 5, 7); // local time, whatever the machine's zone
const BASE: FindingsAbout = {
  asOf: '2026-06-30', filters: '县市区：永康市', drill: '', search: '', forPublication: false, rows: 3, exportedAt: EXPORTED, datasets: [],
};

async function readBack(bytes: Uint8Array) {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.read(bytes, { type: 'array' });
  const sheet = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1 });
  return { book, sheet };
}

describe('the About sheet of an export', () => {
  test('local time and dataset names as the exports cite them', () => {
    expect(localTimestamp(EXPORTED)).toBe('2026-06-30 09:05:07');
    expect(localTimestamp(new Date(2027, 0, 2, 23, 59, 0))).toBe('2027-01-02 23:59:00');
    expect(datasetNames([{ file_name: '台账.xlsx', sheet: '问题' }, { file_name: '补充.csv', sheet: null }, { file_name: 'a.json' }]))
      .toEqual(['台账.xlsx/问题', '补充.csv', 'a.json']);
  });

  test('a findings export says what, as of when, how narrowed, how many and from where', () => {
    const rows = findingsAboutRows({
      ...BASE, drill: '各县市区整改状态构成 · 永康市 · 已完成', search: '食堂', forPublication: true, datasets: ['台账.xlsx/问题', '补充.csv'],
    }, 'zh');
    expect(rows).toEqual([
      ['导出内容', '问题清单：当前视图（筛选、下钻、搜索）下的问题，按表格当前排序'],
      ['数据截至', '2026-06-30'],
      ['筛选条件', '县市区：永康市'],
      ['下钻', '各县市区整改状态构成 · 永康市 · 已完成'],
      ['搜索', '食堂'],
      ['供公开', '是（已去除拟不公开事项）'],
      ['行数', 3],
      ['导出时间', '2026-06-30 09:05:07'],
      ['数据集', '台账.xlsx/问题、补充.csv'],
    ]);
  });

  test('leaves out the drill-down, search and datasets when there are none; English too', () => {
    expect(findingsAboutRows({ ...BASE, search: '   ' }, 'en')).toEqual([
      ['Contents', "Findings: those of the current view (filters, drill-down, search), in the table's current order"],
      ['Data as of', '2026-06-30'],
      ['Filters', '县市区：永康市'],
      ['For publication', 'No (all items)'],
      ['Rows', 3],
      ['Exported at', '2026-06-30 09:05:07'],
    ]);
  });

  test('follows the data sheet, reads back row by row, and a formula-looking value arrives neutralised', async () => {
    const evil = '=HYPERLINK("http://x","点")';
    const about = findingsAboutRows({
      ...BASE, filters: filterSummary({ ...NONE, counties: [evil] }, 'zh'), drill: drillLabel('gone-chart', { counties: [evil] }, 'zh'), search: '+1',
    }, 'zh');
    const bytes = await toXlsx([{ t: '问题', n: 1 }], [{ key: 't', label: '具体问题' }, { key: 'n', label: '数量' }], '问题清单', 'zh', about);
    const { book, sheet } = await readBack(bytes);
    expect(book.SheetNames).toEqual(['问题清单', '说明']);
    expect(sheet('问题清单')).toEqual([['具体问题', '数量'], ['问题', 1]]);
    expect(sheet('说明')).toEqual([
      ['项目', '内容'],
      ['导出内容', '问题清单：当前视图（筛选、下钻、搜索）下的问题，按表格当前排序'],
      ['数据截至', '2026-06-30'],
      ['筛选条件', `县市区：${evil}`],
      ['下钻', `'${evil}`],
      ['搜索', "'+1"],
      ['供公开', '否（含全部事项）'],
      ['行数', 3],
      ['导出时间', '2026-06-30 09:05:07'],
    ]);
    for (const cell of Object.values(book.Sheets['说明'])) if (cell && typeof cell === 'object' && 't' in cell) expect(cell.f).toBeUndefined();
    // The frozen header is the data sheet's; the About sheet stays a plain two-column list.
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('ySplit="1"');
    expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).not.toContain('ySplit');
  });

  test('an SQL export names its statement (user text, neutralised) and a long value is cut to fit a cell', async () => {
    const sql = '-- 逾期\nSELECT 1';
    const about = queryAboutRows({ sql, rows: 1, exportedAt: EXPORTED, datasets: ['台账.xlsx'] }, 'en');
    expect(about).toEqual([['Contents', 'SQL query result'], ['SQL query', sql], ['Rows', 1], ['Exported at', '2026-06-30 09:05:07'], ['Datasets', '台账.xlsx']]);
    const long = 'x'.repeat(40_000);
    const bytes = await toXlsx([{ a: 1 }], [{ key: 'a', label: 'a' }], 'SQL result', 'en', [...about, ['Search', long]]);
    const { book, sheet } = await readBack(bytes);
    expect(book.SheetNames).toEqual(['SQL result', 'About']);
    const rows = sheet('About');
    expect(rows[0]).toEqual(['Item', 'Value']);
    expect(rows[2]).toEqual(['SQL query', `'${sql}`]);
    const cut = String(rows[6][1]);
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut.endsWith('…[cut; full text 40000 characters]')).toBe(true);
  });
});
