import { describe, test, expect, beforeAll } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { MAX_FILE_BYTES, errorDetail } from '../../../src/lib/import/errors';
import { translate } from '../../../src/lib/i18n/translate';
import { badFixtures, textFixtures } from '../../fixtures/make-fixtures';
import { workbookFixtures } from '../../fixtures/workbooks';
import { freshEngine, importOk, issuesOf, tableCounts } from './helpers';

// Each bad file gives its own error code and leaves earlier imports exactly as they were.
describe('bad input catalogue', () => {
  let e: Engine;
  let before: Record<string, number>;
  const files: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    e = await freshEngine();
    await importOk(e, 'messy.csv', textFixtures()['messy-utf8.csv']);
    before = await tableCounts(e);
    Object.assign(files, badFixtures(), await workbookFixtures());
  });

  const cases: [file: string, code: string][] = [
    ['empty.csv', 'empty_file'],
    ['blank.csv', 'empty_file'],
    ['renamed-png.csv', 'unknown_format'],
    ['binary.csv', 'unknown_format'],
    ['no-header.csv', 'no_header'],
    ['header-only.csv', 'no_data'],
    ['corrupt.xlsx', 'not_a_workbook'],
    ['encrypted.xlsx', 'encrypted_workbook'],
    ['too-wide.csv', 'too_many_columns'],
    ['too-wide.xlsx', 'too_many_columns'],
  ];
  test('a damaged zip named .xlsx whose bytes read as "ZIP encryption" is no password-protected workbook', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    junk.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x01, 0x00], 0);
    const res = await importFile(e, { name: 'bad.xlsx', bytes: junk });
    expect(!res.ok && 'error' in res && res.error.code).toBe('not_a_workbook');
  });

  test('a whole zip around a worksheet cut short is a damaged workbook, not an empty one (review)', async () => {
    const JSZip = (await import('jszip')).default;
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['被巡察单位', '具体问题', '整改状态'], ['永康市教育局', '理论学习不深入', '已完成']]), '台账');
    const zip = await JSZip.loadAsync(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const part = Object.keys(zip.files).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.slice(0, Math.floor(xml.length * 0.6)));
    const before = await tableCounts(e);
    const res = await importFile(e, { name: '坏工作表.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) });
    expect(!res.ok && 'error' in res && res.error.code).toBe('not_a_workbook');
    expect(await tableCounts(e)).toEqual(before);
  });

  for (const [file, code] of cases) {
    test(`${file} → ${code}`, async () => {
      const res = await importFile(e, { name: file, bytes: files[file] });
      expect(res.ok).toBe(false);
      expect(!res.ok && 'error' in res && res.error.code).toBe(code);
      if (!res.ok && 'error' in res) {
        expect(res.error.file).toBe(file);
        // Both languages have a message for the code.
        expect(translate('zh', res.error.message)).not.toBe(res.error.message);
        expect(translate('en', res.error.message)).not.toBe(res.error.message);
      }
      expect(await tableCounts(e)).toEqual(before);
    });
  }

  test('a sheet whose range formatting stretches to column XFD imports as the narrow sheet it is', async () => {
    const e2 = await freshEngine();
    const [r] = await importOk(e2, 'stretched-range.xlsx', files['stretched-range.xlsx']);
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 1]);
  });

  test('a big file of blank lines is empty, a workbook of blank sheets says so with its size; a JSON {} has no data', async () => {
    const code = async (name: string, bytes: Uint8Array) => {
      const res = await importFile(e, { name, bytes });
      return !res.ok && 'error' in res ? res.error.code : null;
    };
    expect(await code('blank-lines.csv', new TextEncoder().encode(' ,  \r\n'.repeat(2000)))).toBe('empty_file');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Sheet1');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Sheet2');
    expect(await code('blank.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer))).toBe('workbook_blank');
    // A legacy .xls with a fifth of its bytes zeroed reads as blank sheets, or fails: damaged, never "empty".
    const ledger = XLSX.utils.book_new();
    const rows = [['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'], ...Array.from({ length: 40 }, (_, i) => ['永康市', `单位${i}`, '八届市委第四轮巡察', `问题${i}`, '已完成'])];
    XLSX.utils.book_append_sheet(ledger, XLSX.utils.aoa_to_sheet(rows), '八届市委第四轮巡察');
    XLSX.utils.book_append_sheet(ledger, XLSX.utils.aoa_to_sheet(rows), '八届市委第五轮巡察');
    const xls = new Uint8Array(XLSX.write(ledger, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    xls.fill(0, Math.floor(xls.length * 0.4), Math.floor(xls.length * 0.6));
    expect(['workbook_blank', 'not_a_workbook', 'sheet_unreadable', 'corrupt_file']).toContain(await code('damaged.xls', xls));
    expect(await code('empty.json', new TextEncoder().encode('{}'))).toBe('no_data');
    // Lines of empty cells above a header are passed over when the header is looked for.
    const e2 = await freshEngine();
    const [r] = await importOk(e2, 'late-header.csv', new TextEncoder().encode(',,,,\n'.repeat(40) + '县市区,被巡察单位,轮次名称,具体问题,整改状态\n永康市,永康市教育局,八届市委第三轮巡察,三会一课落实不规范,已完成\n'));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([1, 0]);
    expect(await tableCounts(e)).toEqual(before);
  });

  test('a sheet with one stray value in column 601 imports, the stray cell warned on its row', async () => {
    const e2 = await freshEngine();
    const [r] = await importOk(e2, 'stray-cell.xlsx', files['stray-cell.xlsx']);
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 1]);
    expect(issuesOf(r, 'warning')).toContainEqual({ row: 4, code: 'ragged_row' });
  });

  test('a file over 300 MB is refused before it is read', async () => {
    const huge = { length: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
    const res = await importFile(e, { name: 'huge.csv', bytes: huge });
    expect(!res.ok && 'error' in res && [res.error.code, res.error.vars]).toEqual(['file_too_large', { size: 300.1, limit: 300 }]);
    expect(await tableCounts(e)).toEqual(before);
  });

  test('a cancelled import writes nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const res = await importFile(e, { name: 'x.csv', bytes: textFixtures()['messy-gbk.csv'] }, { signal: ctl.signal });
    expect(!res.ok && 'error' in res && res.error.code).toBe('cancelled');
    expect(await tableCounts(e)).toEqual(before);
  });

  test('cancelling during normalisation writes nothing', async () => {
    const ctl = new AbortController();
    const res = await importFile(e, { name: 'x2.csv', bytes: textFixtures()['messy-gbk.csv'] }, {
      signal: ctl.signal,
      onProgress: (p) => p.stage === 'parse' && ctl.abort(),
    });
    expect(!res.ok && 'error' in res && res.error.code).toBe('cancelled');
    expect(await tableCounts(e)).toEqual(before);
  });
});

test('a cell over 100,000 characters rejects its row only, with a clear issue', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'long-cell.csv', badFixtures()['long-cell.csv']);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([1, 1]);
  expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'cell_too_long' }]);
  const long = r.issues.find((i) => i.code === 'cell_too_long');
  // Named by its column (header and number), shown by its first characters.
  expect(long?.column).toBe('具体问题（#7）');
  expect(long?.value).toMatch(/^.{100}…$/u);
});

test('a record over the read_csv 2 MB line limit (a 3 MB cell) rejects its own row, not the whole file', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const row = (unit: string, title: string) => `永康市,${unit},八届市委第四轮巡察,${title},已完成`;
  const text = [head, row('永康市教育局党委', '违规吃喝'), row('永康市卫健局党委', '巨'.repeat(1_000_000)), row('永康市财政局党委', '违规发放津补贴')].join('\n');
  const [r] = await importOk(e, 'huge-cell.csv', new TextEncoder().encode(text));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
  expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'cell_too_long' }]);
  expect(await e.query('SELECT unit_name FROM findings ORDER BY source_row')).toEqual([{ unit_name: '永康市教育局党委' }, { unit_name: '永康市财政局党委' }]);
});

test('missing required columns ask for a mapping; the mapping then imports', async () => {
  const e = await freshEngine();
  const text = '单位,问题摘要,县市区,轮次名称,具体问题描述\n中共永康市委,理论学习不深入,永康市,十四届省委第四轮巡视,x\n';
  const bytes = new TextEncoder().encode(text);
  const first = await importFile(e, { name: 'odd.csv', bytes });
  expect(first.ok).toBe(false);
  const req = !first.ok && 'needsMapping' in first ? first.needsMapping : null;
  expect(req).toEqual({
    file: 'odd.csv', sheet: undefined, headers: ['单位', '问题摘要', '县市区', '轮次名称', '具体问题描述'],
    samples: [['中共永康市委', '理论学习不深入', '永康市', '十四届省委第四轮巡视', 'x']],
    // 问题摘要 holds the alias 问题, so it is guessed; 具体问题描述 holds two fields' aliases, so not.
    keys: ['单位', '问题摘要', '县市区', '轮次名称', '具体问题描述'],
    suggested: { 单位: null, 问题摘要: 'problem_title', 县市区: 'county', 轮次名称: 'round_label', 具体问题描述: null },
    missing: ['unit_name', 'problem_title'],
    givenBy: { unit_name: ['unit_name'], problem_title: ['problem_title'] },
  });
  expect(await tableCounts(e)).toEqual({ findings: 0, rounds: 0, datasets: 0, issues: 0, superseded: 0, decisions: 0 });
  const [r] = await importOk(e, 'odd.csv', bytes, { mapping: { 单位: 'unit_name', 问题摘要: 'problem_title' } });
  expect(r.rowsAccepted).toBe(1);
  // The column left unmapped is named in the report, not dropped unseen.
  expect(r.issues.filter((i) => i.row === 0 && i.code !== 'year_missing').map((i) => [i.code, i.value])).toEqual([['status_missing', ''], ['column_ignored', '具体问题描述']]);
  const [row] = await e.query('SELECT unit_name, problem_title, category_l2 FROM findings');
  expect(row).toEqual({ unit_name: '中共永康市委', problem_title: '理论学习不深入', category_l2: 'B1' });
});

test('a header only one of whose labels names a field opens the mapping dialog, which then imports', async () => {
  const e = await freshEngine();
  // Pinyin labels no alias knows, beside one that names a field.
  const bytes = new TextEncoder().encode('问题整改台账\nDanwei,Wenti,Quxian,Lunci,整改状态\n永康市教育局党委,理论学习不深入,永康市,八届市委第二轮巡察,已完成\n');
  // With no label naming a field it is no recognisable header, and the file gets that message.
  const none = await importFile(e, { name: 'labels.csv', bytes: new TextEncoder().encode('Foo,Bar,Baz\na,b,c\n') });
  expect(!none.ok && 'error' in none ? none.error.code : null).toBe('no_header');
  const first = await importFile(e, { name: 'labels.csv', bytes });
  const req = !first.ok && 'needsMapping' in first ? first.needsMapping : null;
  expect(req?.headers).toEqual(['Danwei', 'Wenti', 'Quxian', 'Lunci', '整改状态']);
  expect(req?.samples).toEqual([['永康市教育局党委', '理论学习不深入', '永康市', '八届市委第二轮巡察', '已完成']]);
  expect(req?.missing).toEqual(['unit_name', 'problem_title', 'county', 'inspector_level', 'round_no']);
  const mapping = { danwei: 'unit_name', wenti: 'problem_title', quxian: 'county', lunci: 'round_label' };
  const [r] = await importOk(e, 'labels.csv', bytes, { mapping });
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([1, 0]);
  expect(await e.query('SELECT unit_name, county, round_key, status FROM findings')).toEqual([
    { unit_name: '永康市教育局党委', county: '永康市', round_key: '金华市|市委|八届|2', status: 'completed' },
  ]);
  // The same bytes again are asked about as a copy, not sent to the mapping dialog first (review).
  const again = await importFile(e, { name: 'labels-copy.csv', bytes });
  expect(again.ok && again.datasets.map((d) => d.duplicateOf)).toEqual([r.datasetId]);
  // The same file with English headers needs no dialog: Unit, Problem, District and Round are aliases.
  const english = new TextEncoder().encode('问题整改台账\nUnit,Problem,District,Round,整改状态\n永康市卫健局党委,理论学习不深入,永康市,八届市委第二轮巡察,已完成\n');
  const [en] = await importOk(e, 'english.csv', english);
  expect([en.rowsAccepted, en.rowsRejected]).toEqual([1, 0]);
});

test('a missing round number and level are also given by a round label column, which the mapping may name', async () => {
  const e = await freshEngine();
  const bytes = new TextEncoder().encode('被巡察单位,具体问题,反馈批次\n永康市教育局党委,理论学习不深入,2023年第二轮巡察\n');
  const first = await importFile(e, { name: 'batch.csv', bytes });
  const req = !first.ok && 'needsMapping' in first ? first.needsMapping : null;
  expect([req?.missing, req?.givenBy]).toEqual([
    ['inspector_level', 'round_no'],
    { inspector_level: ['inspector_level', 'round_label'], round_no: ['round_no', 'round_label'] },
  ]);
  // A typed level alone still leaves the round number to ask for.
  const second = await importFile(e, { name: 'batch.csv', bytes }, { roundHint: { inspector_level: '市委' } });
  expect(!second.ok && 'needsMapping' in second ? second.needsMapping.missing : null).toEqual(['round_no']);
  const [r] = await importOk(e, 'batch.csv', bytes, { mapping: { 反馈批次: 'round_label' }, roundHint: { inspector_level: '市委', term: '八届' } });
  expect(r.rowsAccepted).toBe(1);
  expect(await e.query('SELECT county, round_key FROM findings')).toEqual([{ county: '永康市', round_key: '金华市|市委|八届|2' }]);
});

test('a 轮次 column of whole round labels beside bare numbers keeps each label\'s committee; the level asked for fills the bare ones', async () => {
  const e = await freshEngine();
  const rows = [['十四届县委第二轮巡察', '教育局'], ['十二届区委第二轮巡察', '财政局'], ['八届市委第十轮', '民政局'], ['十五届省委第三轮巡视', '卫健局'], ['第3轮', '水利局'], ["'3", '林业局']];
  const bytes = new TextEncoder().encode('县市区,被巡察单位,轮次,具体问题,整改状态,反馈时间\n' +
    rows.map(([round, unit], i) => `武义县,武义县${unit},${round},问题${i},正在整改,2023-01-01`).join('\n') + '\n');
  const first = await importFile(e, { name: 'mixed.csv', bytes });
  expect(!first.ok && 'needsMapping' in first ? first.needsMapping.missing : null).toEqual(['inspector_level']);
  const [r] = await importOk(e, 'mixed.csv', bytes, { roundHint: { inspector_level: '县(市、区)委' } });
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([6, 0]);
  expect((await e.query<{ round_key: string }>('SELECT round_key FROM findings ORDER BY source_row')).map((x) => x.round_key)).toEqual([
    '武义县|县(市、区)委|十四届|2', '武义县|县(市、区)委|十二届|2', '金华市|市委|八届|10', '浙江省|省委|十五届|3', '武义县|县(市、区)委||3', '武义县|县(市、区)委||3',
  ]);
});

test('rows whose round nobody can resolve are rejected; a round hint then imports them', async () => {
  const e = await freshEngine();
  const bytes = new TextEncoder().encode('被巡察单位,具体问题,县市区,轮次名称\n市教育局党委,理论学习不深入,市本级,2023年第二轮巡察\n');
  const [first] = await importOk(e, 'ledger.csv', bytes);
  expect([first.rowsAccepted, first.rowsRejected]).toEqual([0, 1]);
  expect(first.issues.map((i) => [i.row, i.code, i.value])).toEqual([[0, 'status_missing', ''], [2, 'round_missing', '2023年第二轮巡察']]);
  const [r] = await importOk(e, 'ledger2.csv', bytes, {
    roundHint: { inspector_level: '市委', term: '八届' }, replaceDatasetId: first.datasetId,
  });
  expect(r.rowsAccepted).toBe(1);
  expect(await e.query('SELECT round_key, round_label, year FROM findings')).toEqual([
    { round_key: '金华市|市委|八届|2', round_label: '2023年第二轮巡察', year: 2023 },
  ]);
});

// Review: the warning said the extra cells were not imported but named neither where they were nor what
// they held, so their text was nowhere: not in the findings, the issues or the rejected rows.
test('a row with more cells than the header: its warning quotes each cell past it after its column number', async () => {
  const e2 = await freshEngine();
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,三会一课落实不规范,已完成',
    '永康市,永康市财政局,八届市委第三轮巡察,违规吃喝,正在推进,多余内容甲,多余内容乙', '永康市,永康市民政局,八届市委第三轮巡察,公车私用,已完成,,仅一格'].join('\n');
  const [r] = await importOk(e2, 'ragged.csv', new TextEncoder().encode(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect(r.issues.filter((i) => i.code === 'ragged_row').map((i) => [i.row, i.column, i.value])).toEqual([
    [3, undefined, '#6: 多余内容甲 | #7: 多余内容乙'], [4, undefined, '#7: 仅一格']]);
  e2.close();
});

test("an engine error's detail keeps its reason and drops the line of data it quotes", () => {
  const duck = `Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 永康市,${'巨'.repeat(5000)}\nMaximum line size of 2000000 bytes exceeded. Actual Size:3000002 bytes.\nPossible Solution: Change the maximum length size, e.g., max_line_size=3000004`;
  const detail = errorDetail(new Error(duck));
  expect(detail).toBe('Invalid Input Error: CSV Error on Line: 3 Maximum line size of 2000000 bytes exceeded. Actual Size:3000002 bytes. Possible Solution: Change the maximum length size, e.g., max_line_size=3000004');
  expect(errorDetail('x'.repeat(1000)).length).toBeLessThanOrEqual(400);
});

test('a CSV padded with NUL bytes by a crashed write imports its rows', async () => {
  const e = await freshEngine();
  const text = new TextEncoder().encode('县市区,被巡察单位,轮次名称,具体问题,整改状态\n永康市,永康市教育局党委,八届市委第四轮巡察,违规吃喝,已完成\n');
  const padded = new Uint8Array(text.length + 200);
  padded.set(text);
  const [r] = await importOk(e, 'padded.csv', padded);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([1, 0]);
});
