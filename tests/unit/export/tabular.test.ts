import { describe, expect, test } from 'vitest';
import { toCsv, BOM } from '../../../src/lib/export/csv';
import { toXlsx } from '../../../src/lib/export/xlsx';
import { neutraliseCell } from '../../../src/lib/export/neutralise';

describe('spreadsheet exports', () => {
  test.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['正常文本', '正常文本'],
    [42, 42],
    [-5, -5],
    [null, null],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseCell(input)).toEqual(expected);
  });

  test('CSV starts with a BOM, quotes per RFC 4180 and never starts a cell with =', () => {
    const csv = toCsv(
      [{ a: '=1+1', b: '含,逗号', c: '换\n行', d: 3 }, { a: 'x"y', b: null, c: '', d: -1 }],
      [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }, { key: 'c', label: '丙' }, { key: 'd', label: '丁' }],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}甲,乙,丙,丁\r\n'=1+1,"含,逗号","换\n行",3\r\n"x""y",,,-1\r\n`);
  });

  test('XLSX reads back with the same rows, numbers numeric and formulas neutralised', async () => {
    const bytes = await toXlsx(
      [{ t: '=CMD()', n: 7 }, { t: '问题', n: 0.5 }],
      [{ key: 't', label: '具体问题' }, { key: 'n', label: '数量' }],
      '问题清单',
    );
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['问题清单']);
    const rows = XLSX.utils.sheet_to_json(book.Sheets['问题清单'], { header: 1 });
    expect(rows).toEqual([['具体问题', '数量'], ["'=CMD()", 7], ['问题', 0.5]]);
    const cell = book.Sheets['问题清单']['A2'];
    expect(cell.f).toBeUndefined();
  });
});
