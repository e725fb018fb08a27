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

describe('NDJSON with a broken line', () => {
  test('the broken line is a rejected row with its text; the lines around it import', async () => {
    const e = await freshEngine();
    const rec = (unit: string, title: string) => JSON.stringify({ 被巡察单位: unit, 具体问题: title, 县市区: '义乌市', 轮次名称: '八届市委第三轮巡察', 整改状态: '正在整改' });
    const text = [rec('市教育局党委', '理论学习不深入'), '{"县市区": "义乌市", bad', rec('市卫健局党委', '采购程序不规范')].join('\n');
    const [r] = await importOk(e, 'ledger.ndjson', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code, i.value])).toEqual([[2, 'record_invalid', '{"县市区": "义乌市", bad']]);
    expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t)).toEqual(['理论学习不深入', '采购程序不规范']);
    e.close();
  });

  test('NDJSON of arrays (a header line, then rows): a broken line is a rejected row too', async () => {
    const e = await freshEngine();
    const text = [
      JSON.stringify(['被巡察单位', '县市区', '具体问题', '整改状态', '轮次名称']),
      JSON.stringify(['u1', '永康市', '问题一', '已完成', '八届市委第二轮巡察']),
      '["u2","永康市","问题二","已完成",',
      JSON.stringify(['u3', '永康市', '问题三', '正在整改', '八届市委第二轮巡察']),
    ].join('\n');
    const [r] = await importOk(e, 'rows.ndjson', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[3, 'record_invalid']]);
    e.close();
  });

  test('text most of whose lines are broken is refused, naming the first broken line', async () => {
    const e = await freshEngine();
    const { importFile } = await import('../../../src/lib/import');
    const res = await importFile(e, { name: 'x.ndjson', bytes: new TextEncoder().encode('{"a": 1}\n{bad\n{worse\n') });
    expect(res.ok).toBe(false);
    expect(JSON.stringify(res)).toContain('line 2');
    e.close();
  });
});
