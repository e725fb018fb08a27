import { describe, test, expect } from 'vitest';
import { freshEngine, importOk } from './helpers';

describe('section headings between problems (一、…方面)', () => {
  // 台账资料不齐全 names no category by its words: its heading places it (A, 政治建设).
  test('are skipped and reported, and give the rows under them their 方面 and category', async () => {
    const e = await freshEngine();
    const text = [
      '被巡察单位,具体问题,县市区,轮次名称,整改状态',
      '一、党的政治建设方面,,,,',
      '市教育局党委,贯彻落实上级决策部署打折扣,市本级,八届市委第三轮巡察,已完成',
      '市教育局党委,台账资料不齐全,市本级,八届市委第三轮巡察,正在整改',
      '（二）全面从严治党方面,,,,',
      '市教育局党委,落实主体责任不到位,市本级,八届市委第三轮巡察,已完成',
    ].join('\n');
    const [r] = await importOk(e, 'sections.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2]);
    expect(r.issues.filter((i) => i.severity === 'info').map((i) => [i.row, i.code, i.value])).toEqual([
      [2, 'row_skipped_section', '一、党的政治建设方面'], [5, 'row_skipped_section', '（二）全面从严治党方面'],
    ]);
    expect(await e.query('SELECT source_row, aspect_raw, category_l1 FROM findings ORDER BY source_row')).toEqual([
      { source_row: 3, aspect_raw: '一、党的政治建设方面', category_l1: 'A' },
      { source_row: 4, aspect_raw: '一、党的政治建设方面', category_l1: 'A' },
      { source_row: 6, aspect_raw: '（二）全面从严治党方面', category_l1: 'G' },
    ]);
  });

  test('a problem row that starts with 一、 is still a problem', async () => {
    const e = await freshEngine();
    const text = '被巡察单位,具体问题,县市区,轮次名称\n市教育局党委,一、理论学习不深入,市本级,八届市委第三轮巡察\n';
    const [r] = await importOk(e, 'numbered.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 0]);
  });
});

// A table that starts at column C or further right (margin columns, common in office sheets): a
// heading row in its first column is a heading, as when the table starts at column A.
test.each([0, 2, 3])('a heading row of a table starting %i columns right is skipped, not rejected', async (n) => {
  const { freshEngine, importOk } = await import('./helpers');
  const XLSX = await import('@e965/xlsx');
  const R = '八届市委第三轮巡察';
  const rows = [
    ['八届市委第三轮巡察整改台账'],
    ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
    ['一、婺城区'],
    [1, '婺城区', '婺城区教育局', R, '理论学习不深入', '已完成'],
    ['婺城区'],
    [2, '婺城区', '婺城区财政局', R, '违规吃喝', '正在推进'],
  ].map((r) => [...Array(n).fill(null), ...r]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  const e = await freshEngine();
  try {
    const [report] = await importOk(e, `offset${n}.xlsx`, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect([report.rowsAccepted, report.rowsRejected, report.rowsSkipped]).toEqual([2, 0, 2]);
  } finally {
    e.close();
  }
});

// An unheaded 序号 column: the table still starts at column A, and a template row that holds only
// its number is skipped, not rejected.
test('a bare numbered row under a blank 序号 header is skipped', async () => {
  const { freshEngine, importOk } = await import('./helpers');
  const csv = [',县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '1,婺城区,单位甲,八届市委第三轮巡察,问题一不深入,已完成',
    '2,婺城区,单位乙,八届市委第三轮巡察,问题二不到位,整改中',
    '3,,,,,', '4,,,,,'].join('\n');
  const e = await freshEngine();
  try {
    const [report] = await importOk(e, 'a.csv', new TextEncoder().encode(csv));
    expect([report.rowsAccepted, report.rowsRejected, report.rowsSkipped]).toEqual([2, 0, 2]);
  } finally {
    e.close();
  }
});
