import { describe, expect, test } from 'vitest';
import { toCsv, BOM } from '../../../src/lib/export/csv';
import { columnWidths, excelDateSerial, toXlsx } from '../../../src/lib/export/xlsx';
import JSZip from 'jszip';
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
    // After spaces, and in full-width or small forms (helper-123): a file or sheet name keeps its spaces.
    [' =1+1', "' =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u00a0+1', "'\u00a0+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－2', "'－2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1+1', "'﹦1+1"],
    // After characters that show nothing (helper-124).
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\u2060\u200d@SUM(A1)', "'\u2060\u200d@SUM(A1)"],
    ['\u00ad-2', "'\u00ad-2"],
    ['\u202e=1', "'\u202e=1"],
    ['\u200ba=1', '\u200ba=1'],
    // More that show nothing (helper-126): a combining grapheme joiner, Hangul fillers, a BOM.
    ['\u034f=1+1', "'\u034f=1+1"],
    ['\u3164=1+1', "'\u3164=1+1"],
    ['\uffa0+1', "'\uffa0+1"],
    ['\ufeff=1+1', "'\ufeff=1+1"],
    // A placeholder of signs alone is no formula, with a character that shows nothing too.
    ['-\u200b', '-\u200b'],
    ['\u200b－', '\u200b－'],
    ['-', '-'],
    ['－', '－'],
    [' -- ', ' -- '],
    ['=', '='],
    ['a=1', 'a=1'],
    ['１＝１', '１＝１'],
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
      '问题清单', 'zh',
    );
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['问题清单']);
    const rows = XLSX.utils.sheet_to_json(book.Sheets['问题清单'], { header: 1 });
    expect(rows).toEqual([['具体问题', '数量'], ["'=CMD()", 7], ['问题', 0.5]]);
    const cell = book.Sheets['问题清单']['A2'];
    expect(cell.f).toBeUndefined();
  });

  test.each([
    ['2024-01-01', 45292],
    ['1900-03-01', 61],
    ['2026-06-30', 46203],
    ['2024-02-30', null],
    ['1899-12-31', null],
    ['2024-1-1', null],
    ['长期坚持', null],
    [null, null],
  ])('Excel serial of %j', (iso, serial) => {
    expect(excelDateSerial(iso)).toBe(serial);
  });

  test('column widths follow the widest text (Han counts two), within bounds; dates fit yyyy-mm-dd', () => {
    const widths = columnWidths(
      [{ a: '义乌市', b: 'x'.repeat(200), c: '2024-01-01', d: 1 }, { a: '金华经济技术开发区', b: null, c: null, d: 12345 }],
      [{ key: 'a', label: '县市区' }, { key: 'b', label: '具体问题' }, { key: 'c', label: '截止日期', type: 'date' }, { key: 'd', label: 'N' }],
    );
    expect(widths).toEqual([20, 50, 12, 7]);
  });

  test('XLSX: dates are date cells shown yyyy-mm-dd, the header row frozen, columns sized, the zip compressed', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      title: `第${i}个问题：${'落实全面从严治党主体责任不到位，'.repeat(4)}`, deadline: i % 3 ? '2024-06-30' : null,
      raw: i % 3 ? '2024年6月底' : '长期坚持', formula: i === 0 ? '=1+2' : '-3',
    }));
    const columns = [
      { key: 'title', label: '具体问题' }, { key: 'deadline', label: '截止日期', type: 'date' as const },
      { key: 'raw', label: '整改时限' }, { key: 'formula', label: '备注' },
    ];
    const bytes = await toXlsx(rows, columns, '问题清单', 'zh');
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true }).Sheets['问题清单'];
    expect(sheet['B2']).toBeUndefined(); // no deadline: an empty cell, not text
    expect(sheet['B3']).toMatchObject({ t: 'n', v: 45473, z: 'yyyy-mm-dd', w: '2024-06-30' });
    expect(sheet['C3']).toMatchObject({ t: 's', v: '2024年6月底' });
    // Neutralised text stays text, never a formula.
    expect(sheet['D2']).toMatchObject({ t: 's', v: "'=1+2" });
    expect(sheet['D3']).toMatchObject({ t: 's', v: "'-3" });
    for (const ref of Object.keys(sheet).filter((k) => !k.startsWith('!'))) expect(sheet[ref].f, ref).toBeUndefined();
    expect(sheet['!cols']?.map((c: { wch?: number }) => Math.round(c.wch ?? 0))).toEqual([50, 12, 13, 6]);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // Deflated, not stored: the repeated text shrinks many times over.
    let raw = 0;
    for (const f of Object.values(zip.files)) raw += (await f.async('uint8array')).length;
    expect(bytes.length * 4).toBeLessThan(raw);
  });
});
