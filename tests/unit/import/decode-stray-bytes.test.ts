import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText, detectEncoding, toUtf8, toUtf8Sliced } from '../../../src/lib/import/decode';
import { importFile } from '../../../src/lib/import';
import { freshEngine, gbk, importOk, issuesOf, joinBytes as join, utf8 } from './helpers';

const HEADER = '县市区,被巡察单位,轮次名称,具体问题,整改状态\n';
const R = '八届市委第三轮巡察';
const row = (unit: string, title: string, status: string) => `婺城区,${unit},${R},${title},${status}\n`;
/** The UTF-8 of the text with its one '~' turned into 0xA0, a byte no UTF-8 text holds alone. */
const stray = (s: string) => utf8(s).map((b) => (b === 0x7e ? 0xa0 : b));

describe('UTF-8 with a few unreadable bytes', () => {
  test('a stray byte spoils only itself: the line stays UTF-8, the byte becomes U+FFFD', () => {
    const bytes = stray(HEADER + row('婺城区教育局', '理论学习不深入', '已完成') + row('婺城区财政局', '违规吃喝~问题', '正在推进'));
    expect(detectEncoding(bytes)).toBe('utf-8-lossy');
    expect(decodeText(bytes, 'utf-8-lossy')).toBe(HEADER + row('婺城区教育局', '理论学习不深入', '已完成') + row('婺城区财政局', '违规吃喝\uFFFD问题', '正在推进'));
  });

  test('a field cut in the middle of a character (an export cutting at a byte length)', () => {
    const cut = join(utf8(HEADER + `婺城区,婺城区财政局,${R},违规吃喝问题较为突`), utf8('出').subarray(0, 2), utf8(',正在推进\n'));
    expect(decodeText(cut, detectEncoding(cut))).toBe(HEADER + row('婺城区财政局', '违规吃喝问题较为突\uFFFD', '正在推进'));
  });

  test('the row is imported as written and warned; the header line may hold the byte too', async () => {
    const e = await freshEngine();
    const bytes = stray(HEADER.replace('整改状态', '整改状态~') + row('婺城区教育局', '理论学习不深入', '已完成') + row('婺城区财政局', '违规吃喝问题', '正在推进'));
    await importOk(e, 'header.csv', bytes);
    const data = stray(HEADER + row('婺城区教育局', '理论学习不深入', '已完成') + row('婺城区财政局', '违规吃喝~问题', '正在推进'));
    // The same problems as header.csv: kept beside it, not asked about as its later version.
    const [r] = await importOk(e, 'ledger.csv', data, { allowDuplicate: true });
    expect(await e.query(`SELECT unit_name, problem_title, status FROM findings WHERE source_row = 3 AND dataset_id = '${r.datasetId}'`))
      .toEqual([{ unit_name: '婺城区财政局', problem_title: '违规吃喝\uFFFD问题', status: 'in_progress' }]);
    const warnings = issuesOf(r, 'warning');
    expect(warnings).toContainEqual({ row: 3, code: 'text_undecodable' });
    // Not two encodings pasted together: no such warning.
    expect(warnings).not.toContainEqual({ row: 0, code: 'encoding_mixed' });
  });

  test('a stray byte after the first megabyte: the file is UTF-8 with an unreadable byte, not two encodings', async () => {
    const e = await freshEngine();
    const body = HEADER + Array.from({ length: 11000 }, (_, i) => row('婺城区教育局', `三会一课落实不规范${String.fromCharCode(0x4e00 + i)}`, '正在推进')).join('');
    const bytes = join(utf8(body), stray(row('婺城区财政局', '违规吃喝~问题', '正在推进')));
    expect(utf8(body).length).toBeGreaterThan(1 << 20);
    const [r] = await importOk(e, 'late-stray.csv', bytes);
    expect(r.rowsAccepted).toBe(11001);
    expect(await e.query(`SELECT problem_title FROM findings WHERE unit_name = '婺城区财政局'`)).toEqual([{ problem_title: '违规吃喝\uFFFD问题' }]);
    const warnings = issuesOf(r, 'warning');
    expect(warnings).toContainEqual({ row: 11002, code: 'text_undecodable' });
    expect(warnings).not.toContainEqual({ row: 0, code: 'encoding_mixed' });
    expect(await e.query('SELECT encoding FROM datasets')).toEqual([{ encoding: 'utf-8-lossy' }]);
  });

  test('big files give the same bytes slice by slice', async () => {
    const bytes = stray(HEADER + row('婺城区财政局', '违规吃喝~问题', '正在推进') + row('婺城区教育局', '理论学习不深入', '已完成').repeat(60_000));
    expect(bytes.length).toBeGreaterThan(4 << 20);
    const sliced = await toUtf8Sliced(bytes, 'utf-8-lossy');
    expect(Buffer.from(sliced).equals(Buffer.from(toUtf8(bytes, 'utf-8-lossy')))).toBe(true);
    expect(new TextDecoder().decode(sliced.subarray(0, 300))).toContain('违规吃喝\uFFFD问题');
  });
});

describe('UTF-8 and GBK lines in one file', () => {
  test('a UTF-8 line with a stray byte stays UTF-8, GBK lines stay GBK', () => {
    const bytes = join(stray(HEADER + row('婺城区财政局', '违规吃喝~问题', '正在推进')), gbk(row('义乌市教育局', '违规发放津补贴', '正在整改')));
    expect(detectEncoding(bytes)).toBe('utf-8+gb18030');
    expect(decodeText(bytes, 'utf-8+gb18030')).toBe(HEADER + row('婺城区财政局', '违规吃喝\uFFFD问题', '正在推进') + row('义乌市教育局', '违规发放津补贴', '正在整改'));
    // Read as UTF-8, no line of a real GBK ledger passes for UTF-8 with a few stray bytes.
    const ledger = readFileSync('data/sample-ledger.csv', 'utf8').split('\n').slice(0, 400).join('\n') + '\n';
    const pasted = join(utf8(HEADER), gbk(ledger));
    expect(decodeText(pasted, detectEncoding(pasted))).toBe(HEADER + ledger);
  });

  test('a UTF-8 line of no Chinese character but full-width brackets, dashes and circled numbers stays UTF-8', () => {
    const line = '①（1）——（2）\n';
    const bytes = join(utf8(HEADER), gbk(row('义乌市教育局', '违规发放津补贴', '正在整改')), utf8(line));
    expect(decodeText(bytes, detectEncoding(bytes))).toBe(HEADER + row('义乌市教育局', '违规发放津补贴', '正在整改') + line);
  });
});

describe('Big5', () => {
  const traditional = '序號,縣市區,被巡察單位,輪次名稱,具體問題,整改狀態\r\n1,婺城區,婺城區教育局,八屆市委第三輪巡察,理論學習不深入,已完成\r\n2,婺城區,婺城區財政局,八屆市委第三輪巡察,違規吃喝,未完成\r\n';

  test('a Big5 file is refused with its own message, not read as GBK into a missing header; GBK never is', async () => {
    const e = await freshEngine();
    const res = await importFile(e, { name: 'big5.csv', bytes: new Uint8Array(iconv.encode(traditional, 'big5')) });
    expect(res.ok ? null : 'error' in res && { code: res.error.code, vars: res.error.vars }).toEqual({ code: 'encoding_unsupported', vars: { encoding: 'Big5' } });
    // Simplified ledgers in GBK, and traditional characters written in GBK, stay GBK.
    expect(detectEncoding(gbk(readFileSync('data/sample-ledger.csv', 'utf8').slice(0, 200_000)))).toBe('gb18030');
    expect(detectEncoding(gbk(readFileSync('data/yongkang-2018-feedback.csv', 'utf8')))).toBe('gb18030');
    expect(detectEncoding(gbk(traditional))).toBe('gb18030');
    // Too little text to tell: read as before.
    expect(detectEncoding(new Uint8Array(iconv.encode('序號,縣市區\r\n', 'big5')))).toBe('gb18030');
  });
});
