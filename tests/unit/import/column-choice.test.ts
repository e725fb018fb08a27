import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { fieldClaims } from '../../../src/lib/import/headers';
import { freshEngine, importOk } from './helpers';

/**
 * Two columns of one field (headers.ts fieldClaims, column-choice.ts): a column hidden in Excel
 * gives way to a visible one; for the status the values decide; the report names the column left
 * out and the one read.
 */

const TITLE = '八届市委第三轮巡察反馈问题整改台账';
const sheetRows = [
  ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '整改进展', '反馈时间'],
  ['1', '永康市', '永康市教育局党委', '理论学习不深入', '未整改', '已完成', '2024-03-01'],
  ['2', '永康市', '永康市教育局党委', '三会一课不规范', '未整改', '正在整改', '2024-03-01'],
  ['3', '永康市', '永康市财政局党组', '公务接待超标准', '正在整改', '已完成', '2024-03-01'],
];

function workbook(hiddenColumn: number | null): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([[TITLE], ...sheetRows]);
  if (hiddenColumn !== null) ws['!cols'] = sheetRows[0].map((_, i) => (i === hiddenColumn ? { hidden: true } : {}));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const sheetIssues = (r: { issues: { row: number; code: string; value?: string; column?: string }[] }) =>
  r.issues.filter((i) => i.row === 0).map((i) => [i.code, i.value, i.column]);

describe('two status columns', () => {
  test('an old 整改状态 hidden beside the current 整改进展: the visible column is read', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'ledger.xlsx', workbook(4));
    expect(await e.query('SELECT status_raw, status FROM findings ORDER BY source_row')).toEqual([
      { status_raw: '已完成', status: 'completed' }, { status_raw: '正在整改', status: 'in_progress' }, { status_raw: '已完成', status: 'completed' },
    ]);
    expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_hidden_duplicate', '整改状态', '整改进展']]);
    e.close();
  });

  test('the same columns, none hidden: the canonical header is read, as before', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'ledger.xlsx', workbook(null));
    // Both columns name a status on every row and are as short: the header decides.
    expect((await e.query<{ status: string }>('SELECT status FROM findings ORDER BY source_row')).map((x) => x.status))
      .toEqual(['not_completed', 'not_completed', 'in_progress']);
    expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_fallback', '整改进展', '整改状态']]);
    // A hidden column that no visible one replaces is read: hiding is not deleting.
    const f = await freshEngine();
    await importOk(f, 'ledger.xlsx', workbook(3));
    expect((await f.query<{ problem_title: string }>('SELECT problem_title FROM findings ORDER BY source_row'))[0].problem_title).toBe('理论学习不深入');
    e.close();
    f.close();
  });

  const narrative = [
    '序号,县市区,被巡察单位,具体问题,整改进展情况,是否完成',
    '1,永康市,永康市教育局党委,理论学习不深入,已完成责任清单，下一步持续推进,否',
    '2,永康市,永康市教育局党委,三会一课不规范,已建立制度并抓好落实，问题已整改到位,是',
    '3,永康市,永康市财政局党组,公务接待超标准,正在推进，已完成部分整改,否',
    '4,永康市,永康市财政局党组,津补贴发放不规范,已全部清退，整改完毕,是',
  ].join('\n');

  test('a narrative 整改进展情况 beside a 是否完成 of 是 / 否: the statuses come from 是否完成, the narrative is the completion summary', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, narrative].join('\n')));
    expect((await e.query<{ status: string }>('SELECT status FROM findings ORDER BY source_row')).map((x) => x.status))
      .toEqual(['not_completed', 'completed', 'not_completed', 'completed']);
    // Hunt helper-110: the narrative was kept in no field, named only as a column left out.
    expect((await e.query<{ s: string }>('SELECT completion_summary AS s FROM findings ORDER BY source_row')).map((x) => x.s))
      .toEqual(['已完成责任清单，下一步持续推进', '已建立制度并抓好落实，问题已整改到位', '正在推进，已完成部分整改', '已全部清退，整改完毕']);
    expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([]);
    e.close();
  });

  test('beside a column of its own for the summary (整改完成情况), the narrative stays a status column read where the status is empty', async () => {
    const e = await freshEngine();
    const rows = narrative.split('\n').map((line, i) => `${line},${i ? `摘要${i}` : '整改完成情况'}`);
    const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, ...rows].join('\n')));
    expect((await e.query<{ s: string }>('SELECT completion_summary AS s FROM findings ORDER BY source_row')).map((x) => x.s))
      .toEqual(['摘要1', '摘要2', '摘要3', '摘要4']);
    expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_fallback', '整改进展情况', '是否完成']]);
    e.close();
  });

  test('an empty 整改完成情况 column gives the summary to the narrative column all the same', async () => {
    const e = await freshEngine();
    const rows = narrative.split('\n').map((line, i) => `${line},${i ? '' : '整改完成情况'}`);
    await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, ...rows].join('\n')));
    expect((await e.query<{ s: string }>('SELECT completion_summary AS s FROM findings ORDER BY source_row')).map((x) => x.s)[3]).toBe('已全部清退，整改完毕');
    e.close();
  });

  test("the analyst's mapping is never overruled by the values", async () => {
    const e = await freshEngine();
    await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, narrative].join('\n')), { mapping: { 整改进展情况: 'status_raw' } });
    expect((await e.query<{ status_raw: string }>('SELECT status_raw FROM findings ORDER BY source_row'))[0].status_raw)
      .toBe('已完成责任清单，下一步持续推进');
    e.close();
  });
});

describe('values correct the header only where it is plainly wrong', () => {
  test('a clean 整改状态 beside a short 是否完成 stays the status: 基本完成 never becomes 是', async () => {
    const e = await freshEngine();
    const rows = ['序号,县市区,被巡察单位,具体问题,整改状态,是否完成',
      ...[['已完成', '是'], ['基本完成', '是'], ['正在整改', '否'], ['未完成', '否'], ['正在推进', '否']].map(([a, b], i) => `${i + 1},永康市,永康市教育局党委,问题${'一二三四五'[i]},${a},${b}`)];
    const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, ...rows].join('\n')));
    expect((await e.query<{ status: string }>('SELECT status FROM findings ORDER BY source_row')).map((x) => x.status))
      .toEqual(['completed', 'basically_completed', 'in_progress', 'not_completed', 'in_progress']);
    expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_fallback', '是否完成', '整改状态']]);
    e.close();
  });

  test('a 整改状态 cell left blank reads the 是否完成 beside it; a row blank in both is warned', async () => {
    const e = await freshEngine();
    const rows = ['序号,县市区,被巡察单位,具体问题,整改状态,是否完成',
      '1,永康市,永康市教育局党委,问题一,正在整改,是', '2,永康市,永康市教育局党委,问题二,,是', '3,永康市,永康市教育局党委,问题三,,'];
    const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, ...rows].join('\n')));
    expect(await e.query('SELECT status_raw, status FROM findings ORDER BY source_row')).toEqual([
      { status_raw: '正在整改', status: 'in_progress' }, { status_raw: '是', status: 'completed' }, { status_raw: null, status: null },
    ]);
    expect(r.issues.filter((i) => i.code === 'status_blank').map((i) => i.row)).toEqual([5]);
    e.close();
  });

  test('an empty visible column gives way to a filled hidden one; a mapped hidden column is read', async () => {
    const header = ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '反馈时间', '反馈日期'];
    const data = [['1', '永康市', '永康市教育局党委', '理论学习不深入', '已完成', '2024-03-01', null]];
    const ws = XLSX.utils.aoa_to_sheet([[TITLE], header, ...data]);
    ws['!cols'] = header.map((_, i) => (i === 5 ? { hidden: true } : {}));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const e = await freshEngine();
    await importOk(e, 'ledger.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(await e.query('SELECT feedback_date FROM findings')).toEqual([{ feedback_date: '2024-03-01' }]);
    e.close();
    // The analyst maps the hidden 整改状态 as the status, beside a visible 整改进展: the mapping wins.
    const f = await freshEngine();
    await importOk(f, 'ledger.xlsx', workbook(4), { mapping: { 整改状态: 'status_raw' } });
    expect((await f.query<{ status_raw: string }>('SELECT status_raw FROM findings ORDER BY source_row'))[0].status_raw).toBe('未整改');
    f.close();
  });
});

test('a repeated header and a column with values but no header are named as not imported', async () => {
  const e = await freshEngine();
  const text = ['序号,县市区,被巡察单位,具体问题,整改状态,备注,,备注,', '1,永康市,永康市教育局党委,理论学习不深入,已完成,a,x,b,'].join('\n');
  const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, text].join('\n')));
  expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_duplicate', '备注 (2)', '备注'], ['column_no_header', '7', undefined]]);
  expect(await e.query('SELECT remarks FROM findings')).toEqual([{ remarks: 'a' }]);
  e.close();
});

test('fieldClaims: a visible column before a hidden one, then the better alias, then the leftmost', () => {
  const claims = fieldClaims(['状态', '整改状态', '整改状态', '具体问题'], {}, [1]);
  expect(claims.get('status_raw')).toEqual([{ col: 2, rank: 0, hidden: false }, { col: 0, rank: 3, hidden: false }, { col: 1, rank: 100_000, hidden: true }]);
  expect(claims.get('problem_title')).toEqual([{ col: 3, rank: 0, hidden: false }]);
});

test('two status columns of one header, month by month (整改状态（6月）| 整改状态（9月）): the newest, rightmost, is read; the older where it is blank', async () => {
  const e = await freshEngine();
  const rows = ['序号,县市区,被巡察单位,具体问题,整改状态（6月）,整改状态（9月）',
    '1,永康市,永康市教育局党委,问题一,正在整改,已完成', '2,永康市,永康市教育局党委,问题二,未完成,正在整改', '3,永康市,永康市教育局党委,问题三,正在整改,'];
  const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode([TITLE, ...rows].join('\n')));
  expect((await e.query<{ status: string }>('SELECT status FROM findings ORDER BY source_row')).map((x) => x.status))
    .toEqual(['completed', 'in_progress', 'in_progress']);
  expect(sheetIssues(r).filter(([code]) => code !== 'year_missing')).toEqual([['column_fallback', '整改状态（6月）', '整改状态（9月）']]);
  e.close();
});
