import { test, expect } from 'vitest';
import { freshEngine, gbk, importOk, issuesOf, mergedWorkbook, utf8 } from './helpers';

/**
 * A CSV record with fewer cells than the header (row_short): named on its row with the columns it
 * lacks, which are read as empty, told from a record whose last cells are empty but present, and
 * from one lacking only columns nobody reads. A record split by an unquoted line break is the case
 * analysts meet: its first half is short, and the message says where the rest went.
 */
// 填报人 is no ledger field: a record lacking only it lacks nothing read.
const HEADER = '序号,县市区,被巡察单位,轮次名称,具体问题,整改状态,完成时间,备注,填报人';
const csv = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n') + '\r\n');

test('a short record is warned with the read columns it lacks; empty cells written out and a missing 备注 are not', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'short.csv', csv(
    '1,永康市,永康市教育局党委,八届市委第五轮巡察,违规吃喝,已完成,2024-05-01,无,张三',
    // Every cell written, the last three empty: no warning.
    '2,永康市,永康市教育局党委,八届市委第五轮巡察,违规发放津补贴,,,,',
    // Six cells: 完成时间, 备注 and 填报人 lacking; the first two are read, so warned.
    '3,永康市,永康市教育局党委,八届市委第五轮巡察,三会一课不规范,正在整改',
    // Eight cells: only 填报人 lacking, which is not read: no warning.
    '4,永康市,永康市教育局党委,八届市委第五轮巡察,理论学习不深入,已完成,2024-06-01,',
    // Five cells: 整改状态, 完成时间 and 备注 lacking.
    '5,永康市,永康市教育局党委,八届市委第五轮巡察,档案管理不规范',
  ));
  expect(r.rowsAccepted).toBe(5);
  const short = r.issues.filter((i) => i.code === 'row_short').map((i) => [i.row, i.value]);
  expect(short).toEqual([[4, '完成时间、备注'], [6, '整改状态、完成时间、备注']]);
  expect(issuesOf(r, 'warning').filter((i) => i.row === 3)).toEqual([{ row: 3, code: 'status_blank' }]);
});

test('a record split by an unquoted line break: both halves are warned as short, the second also rejected', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'split.csv', csv(
    '1,永康市,永康市教育局党委,八届市委第五轮巡察,违规吃喝,已完成,2024-05-01,,',
    '2,永康市,永康市卫健局党委,八届市委第五轮巡察,落实“三重一大”',
    '决策制度不到位,正在整改,,,',
    '3,永康市,永康市卫健局党委,八届市委第五轮巡察,档案管理不规范,已完成,2024-06-01,,',
  ));
  expect(r.issues.filter((i) => i.code === 'row_short').map((i) => [i.row, i.value])).toEqual([
    [3, '整改状态、完成时间、备注'], [4, '整改状态、完成时间、备注'],
  ]);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 1]);
});

test('a tab-separated GBK file counts cells as a comma file does; an XLSX row with empty last cells is not short', async () => {
  const e = await freshEngine();
  const tsv = gbk([HEADER.replaceAll(',', '\t'), '1\t永康市\t永康市教育局党委\t八届市委第五轮巡察\t违规吃喝'].join('\n') + '\n');
  const [r] = await importOk(e, 'short.tsv', tsv);
  expect(r.issues.filter((i) => i.code === 'row_short').map((i) => [i.row, i.value])).toEqual([[2, '整改状态、完成时间、备注']]);
  const xlsx = mergedWorkbook([HEADER.split(','), [1, '永康市', '永康市卫健局党委', '八届市委第五轮巡察', '违规吃喝']], []);
  const [x] = await importOk(e, 'short.xlsx', xlsx);
  expect(x.rowsAccepted).toBe(1);
  expect(x.issues.filter((i) => i.code === 'row_short')).toEqual([]);
});

test('a record past the sampled first 256 KB with more cells than the table was read for keeps them all in its ragged_row warning', async () => {
  const e = await freshEngine();
  const rows = [HEADER];
  // Enough rows of 9 cells for the sample to end long before the wide one.
  for (let i = 0; i < 3_000; i++) rows.push(`${i + 1},永康市,永康市教育局党委,八届市委第五轮巡察,问题${i},已完成,2024-05-01,无,张三`);
  rows.push(`3001,永康市,永康市教育局党委,八届市委第五轮巡察,宽行,已完成,2024-05-01,无,张三,${Array.from({ length: 10 }, (_, i) => `额外${i + 1}`).join(',')}`);
  const bytes = utf8(rows.join('\n') + '\n');
  expect(bytes.length).toBeGreaterThan(256 * 1024);
  const [r] = await importOk(e, 'late-wide.csv', bytes);
  expect(r.rowsAccepted).toBe(3_001);
  // From the stored issues: the report lists the first 5,000 of the file's warnings.
  const ragged = await e.query<{ row: number; value: string }>(`SELECT source_row AS row, value FROM import_issues WHERE code = 'ragged_row'`);
  expect(ragged.map((i) => i.row)).toEqual([3_002]);
  expect(ragged[0].value).toBe(Array.from({ length: 10 }, (_, i) => `#${10 + i}: 额外${i + 1}`).join(' | '));
});

// Hunt helper-120: a rejected row's warning (row_short beside unit_missing) counted it as warned too, so the
// report said 1 accepted, 3 warned: warned counts the accepted rows with a warning only.
test('rejected short records keep their warning, but are not counted as accepted rows with warnings', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'short.csv', csv(
    '1,永康市,永康市教育局党委,八届市委第五轮巡察,违规吃喝,已完成,2024-05-01,无,张三',
    '2,永康市',
    '3,永康市',
    '4,永康市,永康市财政局党组,八届市委第五轮巡察,三会一课不规范,正在整改'));
  expect([r.rowsAccepted, r.rowsWarned, r.rowsRejected]).toEqual([2, 1, 2]);
  expect(r.issues.filter((i) => i.code === 'row_short').map((i) => i.row)).toEqual([3, 4, 5]);
  e.close();
});

// helper-134: rows whose problem says there is none (/, 无, —) were stored as open problems named /, 无, —.
test('a row whose problem names none is rejected as having no problem, named in the report', async () => {
  const e = await freshEngine();
  const csv = ['八届市委第三轮巡察整改台账', '序号,县市区,被巡察单位,具体问题,整改状态,完成时间', '1,兰溪市,兰溪市教育局,理论学习不深入,已完成,2024-06-20',
    '2,/,/,/,/,/', '3,无,无,无,无,无', '4,兰溪市,兰溪市民政局,无,/,/', '5,兰溪市,兰溪市民政局,／,/,/', '6,—,—,—,—,—',
    '7,兰溪市,兰溪市卫健局,公车私用,正在推进,', '8,兰溪市,兰溪市财政局,无故拖欠工程款,正在推进,',
    // helper-135: also in brackets or with a full stop.
    '9,兰溪市,兰溪市民政局,无。,/,/', '10,兰溪市,兰溪市民政局,（无）,/,/', '11,兰溪市,兰溪市民政局,【不涉及】,/,/'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 8]);
  expect(r.issues.filter((i) => i.code === 'title_missing').map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 11, 12, 13]);
  e.close();
});
