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

  test('only a file with CRLF beside a lone CR is copied; a lone CR in it becomes LF', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const crlf = enc('a\r\nb\r\n');
    expect(await unifyLineEndings(crlf)).toBe(crlf);
    const cr = enc('a\rb\r');
    expect(await unifyLineEndings(cr)).toBe(cr);
    expect(new TextDecoder().decode(await unifyLineEndings(enc('a\r\nb\rc\r\n')))).toBe('a\r\nb\nc\r\n');
  });
});
