import { expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { importFile } from '../../../src/lib/import';
import { sameRoundSql } from '../../../src/lib/import/same-finding';
import { engineEachTest, importOk, tableCounts, utf8 } from './helpers';
import { BY_TERM, BY_YEAR, HEAD, TEN, TERM_KEY, YEAR_KEY, ledger, roundsOf as storedRounds } from './two-spellings';

/**
 * One office writes one round two ways: numbered within its year (永康市委2024年第一轮巡察, key term place 2024年) and with
 * its 届次 (十五届永康市委第一轮巡察). The keys differ, and nothing joined them: a later snapshot titled the other way
 * was imported beside the first, and a workbook's 汇总 beside the unit sheet it holds, each problem counted twice
 * without a word (helper-140). Where the rows are one problem and fit one time (same-finding.ts periodAndTermSql), the
 * checks that keep a problem from being counted twice now see one round. Rows of the next year are a new round.
 */
const e = engineEachTest();
const TITLES = TEN.slice(0, 3);
const rows = (status: string, feedback: string) => TITLES.map((t) => `永康市财政局,${t},${status},${feedback}`);
const csv = (title: string | null, status: string, feedback = '2024-05-20') => ledger(title, TITLES, status, '永康市财政局', feedback);

test('the SQL: a year-numbered key and a 届次 key of one committee and number are one round when the rows fit one time', async () => {
  const [Y, T] = [YEAR_KEY, TERM_KEY];
  const rows = await e.query<{ i: number; same: boolean }>(`SELECT i, ${sameRoundSql('x', 'y')} AS same FROM (VALUES
    (1, '${Y}', DATE '2024-05-20', 2024, '${T}', DATE '2024-06-01', 2024),
    (2, '${T}', DATE '2024-06-01', 2024, '${Y}', DATE '2024-05-20', 2024),
    (3, '${Y}', DATE '2024-05-20', 2024, '${T}', DATE '2023-06-10', 2023),
    (4, '${Y}', NULL, 2024, '${T}', NULL, NULL),
    (5, '${Y}', NULL, 2024, '${T}', NULL, 2024),
    (6, '${Y}', DATE '2025-01-10', 2024, '${T}', DATE '2024-12-20', 2024),
    (7, '${Y}', DATE '2026-01-05', 2024, '${T}', DATE '2026-02-01', 2026),
    (8, '${Y}', DATE '2024-05-20', 2024, '永康市|县(市、区)委|2023年|1', DATE '2024-05-20', 2024),
    (9, '${Y}', DATE '2024-05-20', 2024, '永康市|县(市、区)委|十五届|2', DATE '2024-05-20', 2024),
    (10, '${Y}', DATE '2024-05-20', 2024, '义乌市|县(市、区)委|十五届|1', DATE '2024-05-20', 2024),
    (11, '${Y}', DATE '2024-05-20', 2024, '${T}', DATE '2023-12-20', 2023),
    (12, '${Y}', NULL, 2024, '${T}', DATE '2023-03-10', 2023),
    (13, '${T}', NULL, 2023, '${Y}', DATE '2024-11-20', 2024),
    (14, '${Y}', NULL, 2024, '${T}', DATE '2025-10-15', 2025),
    (15, '${Y}', DATE '2025-03-01', 2025, '${T}', DATE '2025-02-10', 2025))
    v(i, xk, xf, xy, yk, yf, yy),
    LATERAL (SELECT xk AS round_key, xf AS feedback_date, xy AS year) x,
    LATERAL (SELECT yk AS round_key, yf AS feedback_date, yy AS year) y ORDER BY i`);
  // 3: fed back 11 months apart; 4: the 届次 side of no year; 7: fed back in 2026, not 2024's round or the next January;
  // 8: two years' rounds; 9, 10: another number, another committee; 11–13: the 届次 side of the year before 2024, an
  // earlier round (helper-142), within half a year or with a side of no feedback date; 14: fed back in the next year's
  // autumn, a later round; 15: 2024's last round fed back early the next year.
  expect(rows.map((r) => r.same)).toEqual([true, true, false, false, true, true, false, false, false, false, false, false, false, false, true]);
});

const roundsOf = () => storedRounds(e);

test('a 届次 snapshot of a stored round numbered within its year is asked about as a later version', async () => {
  // The June file's title numbers the round within 2024 (its file name's 十五届 gives way); September's names the term.
  const [june] = await importOk(e, '十五届永康市委巡察整改台账（6月）.csv', csv(BY_YEAR, '正在整改'));
  expect(await roundsOf()).toEqual([{ round_key: '永康市|县(市、区)委|2024年|1', n: 3 }]);
  const before = await tableCounts(e);
  const res = await importFile(e, { name: '十五届永康市委第一轮巡察整改台账（9月）.csv', bytes: csv(null, '已完成') });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toMatchObject({ datasetIds: [june.datasetId], same: 3, rows: 3 });
  expect(await tableCounts(e)).toEqual(before);
  // Updating leaves the three problems once, completed.
  await importOk(e, '十五届永康市委第一轮巡察整改台账（9月）.csv', csv(null, '已完成'), { replaceDatasetId: june.datasetId });
  expect(await e.query('SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE status = \'completed\') AS INTEGER) AS done FROM findings'))
    .toEqual([{ n: 3, done: 3 }]);
});

test('the other way round too; kept both, every repeated row is warned as already stored', async () => {
  await importOk(e, 'a.csv', csv(BY_TERM, '正在整改'));
  const res = await importFile(e, { name: 'b.csv', bytes: csv(BY_YEAR, '已完成') });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toMatchObject({ same: 3, rows: 3 });
  const [both] = await importOk(e, 'b.csv', csv(BY_YEAR, '已完成'), { allowDuplicate: true });
  expect(both.issues.filter((i) => i.code === 'duplicate_existing').map((i) => i.row)).toHaveLength(3);
});

test("a workbook's 汇总 titled with the 届次 holds the unit sheet titled with the year: one sheet is kept", async () => {
  const wb = XLSX.utils.book_new();
  const grid = (title: string) => [[title], HEAD.split(','), ...rows('正在整改', '2024-05-20').map((r) => r.split(','))];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid(BY_TERM)), '汇总');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid(BY_YEAR)), '财政局');
  const reports = await importOk(e, '台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(reports).toHaveLength(1);
  expect(reports[0].issues.map((i) => i.code)).toContain('sheet_duplicate');
  expect((await tableCounts(e)).findings).toBe(3);
});

test('the same problems found again the next year are another round: no question, no warning', async () => {
  // The 届次 round fed back in June 2023, the year's round in May 2024 (over half a year apart).
  await importOk(e, 'a.csv', csv(BY_TERM, '已完成', '2023-06-10'));
  const [again] = await importOk(e, 'b.csv', csv(BY_YEAR, '正在整改', '2024-05-20'));
  expect(again.laterVersionOf).toBeUndefined();
  expect(again.issues.filter((i) => i.code === 'duplicate_existing')).toHaveLength(0);
  expect((await roundsOf()).map((r) => r.n)).toEqual([3, 3]);
});

test('a 届次 round of no known year may be another term\'s: not joined to the year\'s round', async () => {
  await importOk(e, 'a.csv', csv(BY_YEAR, '正在整改', '2024-05-20'));
  const noYear = utf8([BY_TERM, '被巡察单位,具体问题,整改状态', ...TITLES.map((t) => `永康市财政局,${t},正在整改`)].join('\n'));
  const [unknown] = await importOk(e, 'c.csv', noYear);
  expect(unknown.laterVersionOf).toBeUndefined();
  expect(unknown.issues.filter((i) => i.code === 'duplicate_existing')).toHaveLength(0);
  expect((await roundsOf()).map((r) => r.n)).toEqual([3, 3]);
});

test("a workbook's 十五届 sheet fed back in 2023 beside its 2024年 sheet of the same problems keeps both rounds", async () => {
  // helper-142: the 十五届 sheet was left out as held whole by the 2024年 sheet, and the earlier round was lost.
  const wb = XLSX.utils.book_new();
  const grid = (status: string, feedback: string) => [HEAD.split(','), ...rows(status, feedback).map((r) => r.split(','))];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid('已完成', '2023-12-01')), '十五届第一轮');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid('正在整改', '2024-05-10')), '2024年第一轮');
  const reports = await importOk(e, '永康市委巡察整改台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(reports.flatMap((r) => r.issues.map((i) => i.code))).not.toContain('sheet_duplicate');
  expect((await roundsOf()).map((r) => r.n)).toEqual([3, 3]);
});

test('an older 届次 ledger of the year before, imported after the year\'s round, is no version of it', async () => {
  await importOk(e, 'b.csv', utf8([BY_YEAR, '被巡察单位,具体问题,整改状态', ...TITLES.map((t) => `永康市财政局,${t},正在整改`)].join('\n')));
  const [older] = await importOk(e, 'a.csv', csv(BY_TERM, '已完成', '2023-03-10'));
  expect(older.laterVersionOf).toBeUndefined();
  expect(older.issues.filter((i) => i.code === 'duplicate_existing')).toHaveLength(0);
  expect((await roundsOf()).map((r) => r.n)).toEqual([3, 3]);
});
