import { test, expect } from 'vitest';
import { detectEncoding, decodeText, toUtf8Sliced } from '../../../src/lib/import/decode';
import { freshEngine, gbk, importOk, issuesOf, joinBytes as join, utf8 } from './helpers';

const HEADER = '县市区,被巡察单位,轮次名称,具体问题,整改状态\n';
const row = (county: string, title: string, status: string) => `${county},${county}教育局,八届市委第三轮巡察,${title},${status}\n`;

test('a file of UTF-8 lines and GBK lines is read line by line; pure GBK stays GB18030', async () => {
  const mixed = join(utf8(HEADER + row('永康市', '三会一课落实不规范', '已完成')), gbk(row('义乌市', '违规发放津补贴', '正在整改')));
  expect(detectEncoding(mixed)).toBe('utf-8+gb18030');
  expect(decodeText(mixed, 'utf-8+gb18030')).toBe(HEADER + row('永康市', '三会一课落实不规范', '已完成') + row('义乌市', '违规发放津补贴', '正在整改'));
  expect(detectEncoding(gbk(HEADER + row('义乌市', '违规发放津补贴', '正在整改')))).toBe('gb18030');
  // The sliced reader (big files) gives the same bytes, a BOM dropped.
  const bom = join(Uint8Array.from([0xef, 0xbb, 0xbf]), mixed);
  expect(new TextDecoder().decode(await toUtf8Sliced(join(bom, ...Array(40_000).fill(mixed)), 'utf-8+gb18030')))
    .toBe(decodeText(mixed, 'utf-8+gb18030').repeat(40_001));
});

test('such a ledger imports every row as written, with one warning about the file', async () => {
  const e = await freshEngine();
  const mixed = join(utf8(HEADER + row('永康市', '三会一课落实不规范', '已完成')), gbk(row('义乌市', '违规发放津补贴', '正在整改')));
  const [r] = await importOk(e, 'mixed.csv', mixed);
  expect(await e.query(`SELECT county, problem_title, status FROM findings ORDER BY source_row`)).toEqual([
    { county: '永康市', problem_title: '三会一课落实不规范', status: 'completed' },
    { county: '义乌市', problem_title: '违规发放津补贴', status: 'in_progress' },
  ]);
  expect(issuesOf(r, 'warning')).toContainEqual({ row: 0, code: 'encoding_mixed' });
  const [{ encoding }] = await e.query<{ encoding: string }>('SELECT encoding FROM datasets');
  expect(encoding).toBe('utf-8+gb18030');
});

test('GBK lines after the first megabyte of a UTF-8 file keep the UTF-8 lines above them', async () => {
  const e = await freshEngine();
  const head = utf8(HEADER + Array.from({ length: 11000 }, (_, i) => row('永康市', `三会一课落实不规范第${i}项`, '已完成')).join(''));
  expect(head.length).toBeGreaterThan(1 << 20);
  const [r] = await importOk(e, 'late-gbk.csv', join(head, gbk(row('义乌市', '违规发放津补贴', '正在整改'))));
  expect(r.rowsAccepted).toBe(11001);
  expect(await e.query(`SELECT count(*) AS n FROM findings WHERE problem_title LIKE '三会一课落实不规范第%' OR problem_title = '违规发放津补贴'`)).toEqual([{ n: 11001 }]);
});
