import { expect, test } from 'vitest';
import { rejectedRowsCsv } from '../../../src/lib/import';
import { removeDataset } from '../../../src/lib/state/datasets';
import { storedRejectedCsv } from '../../../src/lib/state/rejectedRows';
import { freshEngine, importOk, utf8 } from '../import/helpers';

/**
 * The rejected rows download from the datasets list as they did from the import's report: after the
 * report is closed or the page reloaded, the cells come from the stored rows and the reasons from the
 * stored issues. Removing or replacing the dataset takes its rejected rows with it.
 */
test('a stored dataset gives the same rejected-rows CSV as its import report; removal and replacement drop the rows', async () => {
  const e = await freshEngine();
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成',
    '永康市,,八届市委第三轮巡察,问题二,已完成', ',永康市财政局,,=HYPERLINK("x"),正在推进'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.rowsRejected).toBe(2);
  for (const lang of ['zh', 'en'] as const) expect(await storedRejectedCsv(e, r.datasetId, lang)).toBe(rejectedRowsCsv(r, lang));
  expect(await storedRejectedCsv(e, r.datasetId, 'zh')).toContain(`'=HYPERLINK`);
  const [again] = await importOk(e, 'a2.csv', utf8(csv.replace('问题一', '问题三')), { replaceDatasetId: r.datasetId });
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM rejected_rows'))[0].n).toBe(2);
  await removeDataset(e, again.datasetId);
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM rejected_rows'))[0].n).toBe(0);
});

test('the rejected rows download is named after the ledger without its extension, its sheet and the words for rejected rows', async () => {
  const { rejectedRowsFileName } = await import('../../../src/lib/state/rejectedRows');
  expect(rejectedRowsFileName('八届市委第五轮巡察台账.xlsx', '永康', 'zh')).toBe('八届市委第五轮巡察台账_永康_被拒绝的行.csv');
  expect(rejectedRowsFileName('ledger.v2.csv', null, 'en')).toBe('ledger.v2_rejected-rows.csv');
});
