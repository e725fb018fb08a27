import { describe, expect, test } from 'vitest';
import { freshEngine, importOk, issuesOf } from './helpers';

/** GB18030 bytes of a text (TextEncoder speaks UTF-8 only): through iconv-free table of what we need. */
function gbk(text: string): Uint8Array {
  // The bytes are built with the decoder: every 2-byte GBK code is tried once for the characters used.
  const want = new Set(text);
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe && map.size < want.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (want.has(ch) && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch)!)));
}

describe('bytes the encoding cannot read', () => {
  test('a GBK file with a few broken bytes imports, and the row holding them is warned with its cell', async () => {
    const e = await freshEngine();
    const head = gbk('被巡察单位,具体问题,县市区,轮次名称,整改状态\n市教育局党委,意识');
    const tail = gbk('形态工作责任制落实不到位,永康市,八届市委第三轮巡察,正在整改\n市卫健局党委,采购程序不规范,永康市,八届市委第三轮巡察,已完成\n');
    const bytes = new Uint8Array([...head, 0xff, 0x81, 0x20, ...tail]);
    const [r] = await importOk(e, 'gbk.csv', bytes);
    expect(r.rowsAccepted).toBe(2);
    expect(issuesOf(r, 'warning').filter((i) => i.code === 'text_undecodable')).toEqual([{ row: 2, code: 'text_undecodable' }]);
    const issue = r.issues.find((i) => i.code === 'text_undecodable')!;
    expect(issue.value).toContain('\uFFFD');
    expect(issue.column).toBe('具体问题');
    e.close();
  });

  test('a clean GBK file says nothing of the kind', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'gbk.csv', gbk('被巡察单位,具体问题,县市区,轮次名称,整改状态\n市教育局党委,意识形态工作责任制落实不到位,永康市,八届市委第三轮巡察,正在整改\n'));
    expect(r.issues.some((i) => i.code === 'text_undecodable')).toBe(false);
    e.close();
  });
});
