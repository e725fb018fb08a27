import { describe, expect, test } from 'vitest';
import { EXCEL_CELL_LIMIT, fitExcelCell, toXlsx } from '../../../src/lib/export/xlsx';

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

describe('text over Excel\'s 32,767-character cell limit', () => {
  test.each([
    ['zh', 'x'.repeat(100_000), '…[截断，全文 100000 字]'],
    ['en', 'x'.repeat(40_000), '…[cut; full text 40000 characters]'],
  ] as const)('is cut to the limit with a %s marker naming the full length', (lang, text, marker) => {
    const cut = fitExcelCell(text, lang);
    expect(cut.length).toBe(EXCEL_CELL_LIMIT);
    expect(cut.endsWith(marker)).toBe(true);
    expect(cut.startsWith('x'.repeat(30_000))).toBe(true);
  });

  test('text at the limit is left alone', () => {
    const text = '问'.repeat(EXCEL_CELL_LIMIT);
    expect(fitExcelCell(text, 'zh')).toBe(text);
  });

  test('the cut never splits a surrogate pair, and counts characters, not UTF-16 units', () => {
    const cut = fitExcelCell('𠀀'.repeat(20_000), 'zh');
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(LONE_SURROGATE.test(cut)).toBe(false);
    expect(cut.endsWith('…[截断，全文 20000 字]')).toBe(true);
  });

  test('toXlsx writes a 100,000-character cell (and header) instead of throwing', async () => {
    const long = '落实主体责任不到位。'.repeat(10_000);
    const bytes = await toXlsx([{ a: long, b: 1 }], [{ key: 'a', label: 'h'.repeat(40_000) }, { key: 'b', label: 'n' }], '问题清单', 'zh');
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['问题清单'];
    expect(sheet.A2.v).toHaveLength(EXCEL_CELL_LIMIT);
    expect(sheet.A2.v.startsWith(long.slice(0, 30_000))).toBe(true);
    expect(sheet.A2.v.endsWith('…[截断，全文 100000 字]')).toBe(true);
    expect(sheet.A1.v).toHaveLength(EXCEL_CELL_LIMIT);
    expect(sheet.B2.v).toBe(1);
  });
});
