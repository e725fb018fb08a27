import { expect, test } from 'vitest';
import { importFile } from '../../../src/lib/import';
import { removeDataset } from '../../../src/lib/state/datasets';
import { engineEachTest, importAnswered, importOk } from './helpers';
import { BY_TERM, BY_YEAR, TEN, YEAR_KEY, ledger, roundsOf } from './two-spellings';

/**
 * A file answered as a version of stored datasets (replacing them, or updating some of their problems) that writes their
 * round the other way (十五届永康市委第一轮巡察 for 永康市委2024年第一轮巡察) is counted in the stored round
 * (round-spelling.ts): before, its rows kept their own key and one round showed as two on the rounds page, one at 0 %
 * and one at 100 % (helper-142, helper-143).
 */
const e = engineEachTest();
const LIST = '十五届永康市委第一轮巡察立行立改清单';
const Y = YEAR_KEY;

/** Imports as the page does when the analyst takes the question's first answer (update, or replace). */
const asAnswered = async (name: string, bytes: Uint8Array) => (await importAnswered(e, name, bytes)).report.datasetId;

/** Findings by round (with how many are completed), and whether the rounds table names exactly the keys in use. */
async function state() {
  const byRound = await e.query(`SELECT round_key, CAST(count(*) AS INTEGER) AS n,
    CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done FROM findings GROUP BY round_key ORDER BY round_key`);
  const [{ same }] = await e.query<{ same: boolean }>(`SELECT (SELECT list(round_key ORDER BY round_key) FROM rounds)
    = (SELECT list(DISTINCT round_key ORDER BY round_key) FROM findings) AS same`);
  return { byRound, roundsInStep: same };
}

test('an update list sent again replaces the first, and its rows stay in the stored round', async () => {
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await asAnswered('list.csv', ledger(LIST, TEN.slice(0, 3), '已完成'));
  expect(await state()).toEqual({ byRound: [{ round_key: Y, n: 10, done: 3 }], roundsInStep: true });
  // June's list of the same three, asked as a later version of the first list.
  await asAnswered('list（6月）.csv', ledger(`${LIST}（6月）`, TEN.slice(0, 3), '已完成'));
  expect(await state()).toEqual({ byRound: [{ round_key: Y, n: 10, done: 3 }], roundsInStep: true });
});

test("one unit's later ledger written with the 届次 replaces its own, beside another unit's of the round", async () => {
  await importOk(e, '财政局.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await importOk(e, '教育局.csv', ledger(BY_YEAR, TEN, '正在整改', '永康市教育局'));
  await asAnswered('财政局（9月）.csv', ledger(BY_TERM, TEN, '已完成'));
  expect(await state()).toEqual({ byRound: [{ round_key: Y, n: 20, done: 10 }], roundsInStep: true });
});

test("an update list's new problem is counted in the stored round too; removing the list puts it all back", async () => {
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  const list = await asAnswered('list.csv', ledger(LIST, [...TEN.slice(0, 4), '食堂管理不规范'], '已完成'));
  expect(await state()).toEqual({ byRound: [{ round_key: Y, n: 11, done: 5 }], roundsInStep: true });
  await removeDataset(e, list);
  expect(await state()).toEqual({ byRound: [{ round_key: Y, n: 10, done: 0 }], roundsInStep: true });
});

test('rows counted in the stored round are still found when their 届次 snapshot comes after the ledger is gone', async () => {
  // The moved rows keep their term (十五届) under the year's key: the check across spellings reads the key.
  const [stored] = await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await asAnswered('list.csv', ledger(LIST, TEN.slice(0, 3), '已完成'));
  await removeDataset(e, stored.datasetId);
  const snapshot = await importFile(e, { name: 'snapshot.csv', bytes: ledger(BY_TERM, TEN.slice(0, 3), '已完成') });
  if (!snapshot.ok) throw new Error('import failed');
  expect(snapshot.datasets[0].laterVersionOf).toMatchObject({ same: 3, rows: 3 });
});

test('a list updating a few problems of the round written the other way counts them in the stored round', async () => {
  // helper-142: the three updated problems stayed under 十五届|1 and the seven others under 2024年|1, one round as two.
  const [stored] = await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  const list = ledger(LIST, TEN.slice(0, 3), '已完成');
  const asked = await importFile(e, { name: '立行立改清单.csv', bytes: list });
  if (!asked.ok) throw new Error('import failed');
  expect(asked.datasets[0].laterVersionOf).toMatchObject({ part: true, datasetIds: [stored.datasetId], same: 3 });
  const [update] = await importOk(e, '立行立改清单.csv', list, { updateDatasetIds: [stored.datasetId] });
  const done = async () => (await e.query<{ done: number }>("SELECT CAST(count(*) AS INTEGER) AS done FROM findings WHERE status = 'completed'"))[0].done;
  expect(await roundsOf(e)).toEqual([{ round_key: '永康市|县(市、区)委|2024年|1', n: 10 }]);
  expect(await e.query('SELECT round_key FROM rounds')).toEqual([{ round_key: '永康市|县(市、区)委|2024年|1' }]);
  expect(await done()).toBe(3);
  // Removing the list puts the stored findings back, open.
  await removeDataset(e, update.datasetId);
  expect(await roundsOf(e)).toEqual([{ round_key: '永康市|县(市、区)委|2024年|1', n: 10 }]);
  expect(await done()).toBe(0);
});
