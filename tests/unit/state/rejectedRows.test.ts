import { expect, test } from 'vitest';
import { removeDataset } from '../../../src/lib/state/datasets';
import { storedRejectedCsv } from '../../../src/lib/state/rejectedRows';
import { freshEngine, importOk, utf8 } from '../import/helpers';

/**
 * The rejected rows download, from what the import stored: every rejected row with its cells under
 * the file's headers and its reasons, formulas neutralised, all of them however many (the report
 * lists the first 5,000 issues; the download once stopped there without a word). Removing or
 * replacing the dataset takes its rejected rows with it.
 */
test('the stored rejected rows: cells, reasons, a formula neutralised; removal and replacement drop the rows', async () => {
  const e = await freshEngine();
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成',
    '永康市,,八届市委第三轮巡察,问题二,已完成', ',永康市财政局,,=HYPERLINK("x"),正在推进'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.rowsRejected).toBe(2);
  const lines = (await storedRejectedCsv(e, r.datasetId, 'zh')).slice(1).trim().split('\r\n');
  expect(lines).toEqual([
    '行号,原因,县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '3,第3行：缺少被巡察单位，整行未导入。,永康市,,八届市委第三轮巡察,问题二,已完成',
    // The county is the one the unit names (永康市财政局); the round is nowhere.
    `4,第4行：无法确定巡视巡察轮次（“”），整行未导入。,,永康市财政局,,"'=HYPERLINK(""x"")",正在推进`,
  ]);
  const [again] = await importOk(e, 'a2.csv', utf8(csv.replace('问题一', '问题三')), { replaceDatasetId: r.datasetId });
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM rejected_rows'))[0].n).toBe(2);
  await removeDataset(e, again.datasetId);
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM rejected_rows'))[0].n).toBe(0);
});

test('a rejected cell that starts like a formula in full-width (＝＋－＠) is neutralised too (helper-123)', async () => {
  const e = await freshEngine();
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', ',永康市财政局,,＝1+1,＠SUM(A1)'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  const lines = (await storedRejectedCsv(e, r.datasetId, 'zh')).slice(1).trim().split('\r\n');
  expect(lines[1]).toBe(`2,第2行：无法确定巡视巡察轮次（“”），整行未导入。,,永康市财政局,,'＝1+1,'＠SUM(A1)`);
  e.close();
});

test('12,000 rejected rows of 20,000 all download, each with its cells and reason', async () => {
  const e = await freshEngine();
  const rows = ['县市区,被巡察单位,轮次名称,具体问题,整改状态'];
  // Rows 2, 3 and 4 of every five (file rows) lack their problem: 12,000 rejected.
  for (let i = 0; i < 20_000; i++) rows.push(`永康市,单位${i},八届市委第三轮巡察,${i % 5 < 2 ? `问题${i}` : ''},已完成`);
  const [r] = await importOk(e, 'many.csv', utf8(rows.join('\n')));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([8_000, 12_000]);
  const lines = (await storedRejectedCsv(e, r.datasetId, 'zh')).slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(12_001);
  expect(lines[1]).toBe('4,第4行：缺少具体问题，整行未导入。,永康市,单位2,八届市委第三轮巡察,,已完成');
  expect(lines[12_000]).toBe('20001,第20001行：缺少具体问题，整行未导入。,永康市,单位19999,八届市委第三轮巡察,,已完成');
});

test('the rejected rows download is named after the ledger without its extension, its sheet and the words for rejected rows', async () => {
  const { rejectedRowsFileName } = await import('../../../src/lib/state/rejectedRows');
  expect(rejectedRowsFileName('八届市委第五轮巡察台账.xlsx', '永康', 'zh')).toBe('八届市委第五轮巡察台账_永康_被拒绝的行.csv');
  expect(rejectedRowsFileName('ledger.v2.csv', null, 'en')).toBe('ledger.v2_rejected-rows.csv');
});

test('a rejected row pushed right by stray commas keeps the cells right of the header in the download', async () => {
  const e = await freshEngine();
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成',
    '义乌市,义乌市单位X,,,,,,八届市委第四轮巡察,被挤到后面的问题,已完成'].join('\n');
  const [r] = await importOk(e, 'shifted.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([1, 1]);
  const lines = (await storedRejectedCsv(e, r.datasetId, 'zh')).slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('行号,原因,县市区,被巡察单位,轮次名称,具体问题,整改状态,#8,#9,#10');
  expect(lines[1]).toMatch(/^3,.*,义乌市,义乌市单位X,,,,八届市委第四轮巡察,被挤到后面的问题,已完成$/);
});
