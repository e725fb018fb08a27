import { describe, expect, test } from 'vitest';
import { freshEngine, importOk } from './helpers';
import { unifyLineEndings } from '../../../src/lib/import/line-endings';

const HEADER = '被巡察单位,问题,县市区,轮次名称,整改状态';
const row = (unit: string, title: string) => `${unit},${title},永康市,八届市委第三轮巡察,正在整改`;

describe('line endings', () => {
  test.each([
    ['CRLF, LF and a lone CR', '\r\n', '\n', '\r'],
    ['CRLF then a lone CR', '\r\n', '\r', '\r\n'],
    ['LF only', '\n', '\n', '\n'],
  ])('%s: every row is read', async (_name, a, b, c) => {
    const e = await freshEngine();
    const text = `${HEADER}${a}${row('古山镇党委', '理论学习不深入')}${b}${row('西城街道党工委', '采购程序不规范')}${c}${row('东城街道党工委', '公务接待超标准')}\n`;
    const [r] = await importOk(e, 'mixed.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
    expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t))
      .toEqual(['理论学习不深入', '采购程序不规范', '公务接待超标准']);
    e.close();
  });

  test('only a file with CRLF beside a lone CR, or of lone CRs only, is copied; a lone CR in it becomes LF', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const crlf = enc('a\r\nb\r\n');
    expect(await unifyLineEndings(crlf)).toBe(crlf);
    const lf = enc('a\nb\rc\n');
    expect(await unifyLineEndings(lf)).toBe(lf);
    expect(new TextDecoder().decode(await unifyLineEndings(enc('a\rb\r')))).toBe('a\nb\n');
    expect(new TextDecoder().decode(await unifyLineEndings(enc('a\r\nb\rc\r\n')))).toBe('a\r\nb\nc\r\n');
  });
});

// Review: Excel's "CSV (Macintosh)" ends lines with CR only. The quote repair ends records at LF, so an
// unclosed quote swallowed every row after it, and a row starting with a quoted word failed the file.
test('a CR-only file with an unclosed quote and a row starting with a quoted word: every row read, the repair warned', async () => {
  const e = await freshEngine();
  const lines = [HEADER, row('古山镇党委', '理论学习不深入'), row('西城街道党工委', '"意识形态工作责任制落实不到位'),
    row('东城街道党工委', '公务接待超标准'), `江南街道党工委,"第一议题"学习不到位,永康市,八届市委第三轮巡察,正在整改`];
  const [r] = await importOk(e, 'mac.csv', new TextEncoder().encode(lines.join('\r') + '\r'));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([4, 0]);
  expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t))
    .toEqual(['理论学习不深入', '"意识形态工作责任制落实不到位', '公务接待超标准', '"第一议题"学习不到位']);
  expect(r.issues.filter((i) => i.code === 'csv_quote_repaired').length).toBeGreaterThan(0);
  e.close();
});

// Review: NUL bytes padding a name (a fixed-width export) stayed in the cell, and the unit counted apart.
test('NUL bytes in a CSV are no text: a name padded with them is the name', async () => {
  const e = await freshEngine();
  // Two NULs in a file of some length (a few in a short one read as a binary file, refused as such).
  const others = Array.from({ length: 8 }, (_, i) => row('古山镇党委', `采购程序不规范第${i + 1}项`));
  const text = [HEADER, row('古山镇党委\0\0', '理论学习不深入'), ...others].join('\n') + '\n';
  const [r] = await importOk(e, 'nul.csv', new TextEncoder().encode(text));
  expect(r.rowsAccepted).toBe(9);
  expect(await e.query('SELECT DISTINCT unit_name FROM findings')).toEqual([{ unit_name: '古山镇党委' }]);
  e.close();
});
