import { describe, expect, test } from 'vitest';
import JSZip from 'jszip';
import { displayValue, neutraliseCell } from '../../../src/lib/export/neutralise';
import { toCsv, BOM } from '../../../src/lib/export/csv';
import { toXlsx } from '../../../src/lib/export/xlsx';

// What the SQL console's engine may hand back besides strings and numbers (lists, structs, maps,
// stray BigInts, dates, blobs): shown on screen and exported as the same text.
describe('non-scalar query values become their display text', () => {
  test.each([
    ['list', ['=1+1', 'x'], '["=1+1","x"]'],
    ['struct with bigints', { a: 1n, b: [2n, null] }, '{"a":"1","b":["2",null]}'],
    ['map', new Map<unknown, unknown>([['k', 1], [true, 'v']]), '{"k":1,"true":"v"}'],
    ['date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
    ['invalid date', new Date(NaN), 'Invalid Date'],
    ['binary', new Uint8Array([1, 2, 3]), '<3 bytes>'],
    ['bigint', 12345678901234567890n, '12345678901234567890'],
    ['nested binary, date and map', { blob: new Uint8Array(2), when: new Date(Date.UTC(2024, 5, 30)), m: new Map([['x', 1n]]) },
      '{"blob":"<2 bytes>","when":"2024-06-30T00:00:00.000Z","m":{"x":"1"}}'],
    ['typed list', new Float64Array([0.5, 2]), '[0.5,2]'],
    ['text', '问题', '问题'],
    ['number', 7, 7],
    ['boolean', true, true],
    ['null', null, null],
  ])('%s', (_what, input, expected) => {
    expect(displayValue(input)).toEqual(expected);
  });

  test.each([
    ['list', ['=HYPERLINK("x")'], '["=HYPERLINK(\\"x\\")"]'],
    ['negative bigint', -7n, "'-7"],
    ['struct', { '@': 1 }, '{"@":1}'],
    ['date', new Date(Date.UTC(2024, 0, 1)), '2024-01-01T00:00:00.000Z'],
  ])('neutraliseCell of a %s gives text, never a formula', (_what, input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  test('CSV writes a list as its JSON, never as comma-joined text that starts a formula', () => {
    const csv = toCsv([{ l: ['=1+1', 'x'], s: { n: 2n }, b: new Uint8Array(4) }], [
      { key: 'l', label: '=l' }, { key: 's', label: 's' }, { key: 'b', label: 'b' },
    ]);
    expect(csv).toBe(`${BOM}'=l,s,b\r\n"[""=1+1"",""x""]","{""n"":""2""}",<4 bytes>\r\n`);
  });

  test('XLSX: a list cell is text, not SheetJS\'s [value, formula]; headers neutralised; no formula anywhere', async () => {
    const bytes = await toXlsx(
      [{ l: ['x', 'HYPERLINK("http://example.invalid","y")'], s: { a: [1n] }, d: new Date(Date.UTC(2024, 0, 2)), b: new Uint8Array(5), n: -1n }],
      [{ key: 'l', label: '=cmd()' }, { key: 's', label: '@s' }, { key: 'd', label: 'd' }, { key: 'b', label: 'b' }, { key: 'n', label: 'n' }],
      'SQL', 'zh',
    );
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets.SQL;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toEqual([
      ["'=cmd()", "'@s", 'd', 'b', 'n'],
      ['["x","HYPERLINK(\\"http://example.invalid\\",\\"y\\")"]', '{"a":["1"]}', '2024-01-02T00:00:00.000Z', '<5 bytes>', "'-1"],
    ]);
    for (const ref of Object.keys(sheet).filter((k) => !k.startsWith('!'))) expect(sheet[ref].f, ref).toBeUndefined();
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
  });
});
