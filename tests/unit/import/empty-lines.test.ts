import { expect, test } from 'vitest';
import { emptyLines } from '../../../src/lib/import/empty-lines';
import { engineEachTest, gbk, importOk, utf8 } from './helpers';

/**
 * DuckDB's read_csv skips a CSV's empty lines, and a spreadsheet shows each as a row: the rows below one
 * were numbered one too low in the report, findings.source_row and the rejected-rows download (helper-120).
 */
const e = engineEachTest();

const HEAD = '序号,县市区,被巡察单位,问题类别,具体问题,整改状态,反馈时间';
const rowsOf = async () => (await e.query<{ r: number; t: string }>('SELECT source_row AS r, problem_title AS t FROM findings ORDER BY r')).map((x) => [x.r, x.t]);

test.each([
  ['no empty line', 'a,b\nc,d\n', []],
  ['one under the first record', 'a,b\n\nc,d\n', [1]],
  ['CRLF, two together, and one at the start', '\r\na,b\r\n\r\n\r\nc,d\r\n', [0, 1, 1]],
  ['an empty line inside quotes is a cell\'s; those at the end stand above nothing', 'a,"x\n\ny"\nc,d\n\n\r\n', []],
  ['a doubled quote does not end the cell', 'a,"x""\n\ny"\n\nc,d\n', [1]],
  ['a line of spaces or delimiters is a record', 'a,b\n  \n,\nc,d\n', []],
])('the empty lines of %s', async (_, text, want) => {
  expect(await emptyLines(utf8(text), ',')).toEqual(want);
});

test('issues, findings and rejected rows name the row a spreadsheet shows, below empty lines too', async () => {
  const csv = ['', HEAD,
    '1,婺城区,婺城区财政局党组,D,违规吃喝问题较为突出,已完成,2024-03-01', '',
    '2,金东区,金东区教育局党委,B,意识形态工作责任制落实不到位,待核实,2024-03-01',
    '3,东阳市,,B,财务报销不规范,已完成,2024-03-01', '', '',
    '4,义乌市,义乌市民政局党组,C,"三会一课制度执行不严格\n\n（见附件）",已完成,2024-03-01',
    '合计,,,,,,'].join('\n');
  const [r] = await importOk(e, '八届市委第三轮巡察.csv', utf8(csv));
  expect(await rowsOf()).toEqual([[3, '违规吃喝问题较为突出'], [5, '意识形态工作责任制落实不到位'], [9, '三会一课制度执行不严格 （见附件）']]);
  const at = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.row);
  expect(at('status_unrecognised')).toEqual([5]);
  expect(at('unit_missing')).toEqual([6]);
  // A cell's own line breaks make no rows: the record above is row 9, one row, as Excel opens it.
  expect(at('row_skipped_total')).toEqual([10]);
  expect(await e.query('SELECT source_row FROM rejected_rows')).toEqual([{ source_row: 6 }]);
});

test('a GBK file with CRLF lines and many empty lines, one after each record, numbers every row', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => `${i + 1},永康市,永康市财政局党组,D,违规发放津补贴${i + 1}万元,已完成,2024-03-01`);
  const csv = [HEAD, ...rows.flatMap((x) => [x, ''])].join('\r\n');
  const [r] = await importOk(e, '八届市委第三轮巡察.csv', gbk(csv));
  expect(r.rowsAccepted).toBe(80);
  const got = await rowsOf();
  expect(got.map(([row]) => row)).toEqual(rows.map((_, i) => 2 + 2 * i));
  expect(got[79]).toEqual([160, '违规发放津补贴80万元']);
});
