import { expect, test } from 'vitest';
import { importFile } from '../../../src/lib/import';
import { removeDataset } from '../../../src/lib/state/datasets';
import { decideOnTitle, engineEachTest, failingOn, importAnswered, importOk, tableCounts } from './helpers';
import { BY_TERM, BY_YEAR, TEN, ledger } from './two-spellings';

/**
 * A file holding a part of stored ledgers (a 立行立改 list, the open items again) updates the problems it holds
 * (supersede.ts): one of its rows replaces one stored finding, the ledgers' other problems stay, and each problem
 * counts once. Removing the file later brings the replaced findings back.
 */
const e = engineEachTest();

const R = '八届市委第五轮巡察';
const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
const csv = (lines: string[], h = head) => new TextEncoder().encode([h, ...lines].join('\n'));
const rows = (county: string, unit: string, titles: string[], status: string) => titles.map((t) => `${county},${unit},${R},${t},${status}`);
const T5 = ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '三重一大决策程序不规范', '意识形态责任制落实不到位'];
const T3 = ['公车管理不严', '档案管理混乱', '津补贴发放不规范'];
const counts = (where = '') => e.query<{ n: number; done: number }>(`SELECT CAST(count(*) AS INTEGER) AS n,
  CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done FROM findings ${where}`).then((r) => r[0]);

/** Imports `bytes` as the question asks, answering it with its first choice (update, or replace and update). */
const update = (name: string, bytes: Uint8Array) => importAnswered(e, name, bytes);

test('a stored problem written on two rows is replaced once by a row of it; a problem the file writes twice replaces one stored row', async () => {
  await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, '公车管理不严', '公车管理不严', '档案管理混乱'], '正在推进')));
  await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', ['公车管理不严', '档案管理混乱'], '已完成')));
  expect(await counts()).toEqual({ n: 8, done: 2 });
  await update('清单2.csv', csv(rows('永康市', '永康市古山镇党委', ['违规吃喝问题仍有发生', '违规吃喝问题仍有发生', '村班子配备不齐'], '已完成')));
  // The file's own second row is one more, as its duplicate_finding warning says.
  expect(await counts()).toEqual({ n: 9, done: 5 });
});

test('a row whose county is only a round\'s default, matching one problem of two counties, replaces neither and stays warned', async () => {
  await importOk(e, '台账.csv', csv([...rows('东阳市', '教育局', ['公车管理不严', ...T5], '正在推进'), ...rows('义乌市', '教育局', ['公车管理不严'], '正在推进')]));
  const list = csv([`教育局,${R},公车管理不严,已完成`], '被巡察单位,轮次名称,具体问题,整改状态');
  const { report } = await update('清单.csv', list);
  expect(await e.query(`SELECT county, status FROM findings WHERE problem_title = '公车管理不严' ORDER BY ALL`)).toEqual([
    { county: '东阳市', status: 'in_progress' }, { county: '义乌市', status: 'in_progress' }, { county: '市本级', status: 'completed' },
  ]);
  expect(report.issues.filter((i) => ['duplicate_existing', 'updates_existing'].includes(i.code)).map((i) => i.code)).toEqual(['duplicate_existing']);
});

test('a file that is a later version of one ledger and holds part of another replaces the one and updates the other', async () => {
  const [dy] = await importOk(e, '东阳市台账.csv', csv(rows('东阳市', '东阳市教育局', ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '公车管理不严'], '正在推进')));
  const [yw] = await importOk(e, '义乌市台账.csv', csv(rows('义乌市', '义乌市教育局', ['档案管理混乱'], '正在推进')));
  const { asked } = await update('推进表.csv', csv([...rows('东阳市', '东阳市教育局', ['村班子配备不齐'], '已完成'), ...rows('义乌市', '义乌市教育局', ['档案管理混乱'], '已完成')]));
  expect(asked).toMatchObject({ datasetIds: [yw.datasetId], updateIds: [dy.datasetId], same: 2, rows: 2 });
  expect(await counts()).toEqual({ n: 5, done: 2 });
  expect(await e.query('SELECT file_name FROM datasets ORDER BY ALL')).toEqual([{ file_name: '东阳市台账.csv' }, { file_name: '推进表.csv' }]);
});

test('rows the update does not replace keep their duplicate warning', async () => {
  await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  // 公车管理不严 written twice: the second row replaces nothing (one stored row), and is warned as the stored problem again.
  const { report } = await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', [...T3, '公车管理不严'], '已完成')));
  expect(report.issues.filter((i) => ['duplicate_existing', 'updates_existing'].includes(i.code)).map((i) => [i.row, i.code]))
    .toEqual([[2, 'updates_existing'], [3, 'updates_existing'], [4, 'updates_existing'], [5, 'duplicate_existing']]);
  expect(report.rowsWarned).toBe(report.issues.filter((i) => i.severity === 'warning' && i.row > 0)
    .reduce((s, i) => s.add(i.row), new Set<number>()).size);
});

test('removing the updating file brings the replaced findings back, with their rows\' report as before', async () => {
  const [first] = await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const { report } = await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', T3, '已完成')));
  expect(await counts()).toEqual({ n: 8, done: 3 });
  await removeDataset(e, report.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 0 });
  expect(await counts(`WHERE dataset_id = '${first.datasetId}'`)).toEqual({ n: 8, done: 0 });
  expect(await e.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM import_issues WHERE code = 'superseded'`)).toEqual([{ n: 0 }]);
  expect(await e.query('SELECT CAST(count(*) AS INTEGER) AS n FROM superseded_findings')).toEqual([{ n: 0 }]);
  expect(await e.query('SELECT round_key FROM rounds')).toEqual([{ round_key: '金华市|市委|八届|5' }]);
});

test('an updating file replaced by its next version passes the replaced findings on; removing the stored ledger forgets them', async () => {
  const [first] = await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const { report: june } = await update('清单（6月）.csv', csv(rows('永康市', '永康市古山镇党委', T3, '正在推进')));
  // The July list of the same problems is a later version of June's: replacing it keeps the findings June replaced aside.
  const { asked, report: july } = await update('清单（7月）.csv', csv(rows('永康市', '永康市古山镇党委', T3, '已完成')));
  expect(asked.datasetIds).toEqual([june.datasetId]);
  expect(await counts()).toEqual({ n: 8, done: 3 });
  await removeDataset(e, july.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 0 });
  await update('清单（8月）.csv', csv(rows('永康市', '永康市古山镇党委', T3, '已完成')));
  await removeDataset(e, first.datasetId);
  expect(await e.query('SELECT CAST(count(*) AS INTEGER) AS n FROM superseded_findings')).toEqual([{ n: 0 }]);
  expect(await counts()).toEqual({ n: 3, done: 3 });
});

test('a decision between two stored findings the file updates moves to the two rows that replace them', async () => {
  const [first] = await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const ids = await e.query<{ finding_id: string; problem_title: string }>(`SELECT finding_id, problem_title FROM findings WHERE problem_title IN ('公车管理不严', '档案管理混乱') ORDER BY problem_title`);
  await e.exec(`INSERT INTO repeat_decisions VALUES ('${first.datasetId}', '${ids[0].finding_id}', '${first.datasetId}', '${ids[1].finding_id}', 'explicit', NULL, 'rejected', TIMESTAMP '2026-01-01 00:00:00')`);
  const { report } = await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', T3, '已完成')));
  const now = await e.query<{ finding_id: string }>(`SELECT finding_id FROM findings WHERE problem_title IN ('公车管理不严', '档案管理混乱') ORDER BY problem_title`);
  expect(await e.query('SELECT earlier_dataset_id, earlier_finding_id, later_dataset_id, later_finding_id FROM repeat_decisions')).toEqual([
    { earlier_dataset_id: report.datasetId, earlier_finding_id: now[0].finding_id, later_dataset_id: report.datasetId, later_finding_id: now[1].finding_id },
  ]);
  expect(now[0].finding_id).not.toBe(now[1].finding_id);
});

test('next year\'s round of a committee numbering its rounds within the year is no update of last year\'s', async () => {
  const h = '县市区,被巡察单位,轮次名称,反馈时间,具体问题,整改状态';
  const line = (t: string, d: string, s: string) => `义乌市,义乌市教育局,义乌市委第一轮巡察,${d},${t},${s}`;
  await importOk(e, '2023台账.csv', csv([...T5, ...T3].map((t) => line(t, '2023-03-10', '已完成')), h));
  const res = await importFile(e, { name: '2024台账.csv', bytes: csv(T3.map((t) => line(t, '2024-11-10', '正在推进')), h) });
  expect(res.ok && res.datasets[0].laterVersionOf).toBeUndefined();
  expect(await counts()).toEqual({ n: 11, done: 8 });
});

test('an update failing at its last statement leaves every table as it was', async () => {
  const [first] = await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const before = await tableCounts(e);
  const res = await importFile(failingOn(e, /^DELETE FROM findings f USING/), { name: '清单.csv', bytes: csv(rows('永康市', '永康市古山镇党委', T3, '已完成')) },
    { updateDatasetIds: [first.datasetId] });
  expect(!res.ok && 'error' in res && res.error.code).toBe('write_failed');
  expect(await tableCounts(e)).toEqual(before);
  expect(await counts()).toEqual({ n: 8, done: 0 });
});

test('a chain of updates: removing the first brings back only what the second does not hold', async () => {
  await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const { report: first } = await update('清单1.csv', csv(rows('永康市', '永康市古山镇党委', T3, '正在推进')));
  const { asked, report: second } = await update('清单2.csv', csv(rows('永康市', '永康市古山镇党委', ['公车管理不严', '档案管理混乱'], '已完成')));
  expect(asked).toMatchObject({ datasetIds: [first.datasetId], part: true });
  expect(await counts()).toEqual({ n: 8, done: 2 });
  await removeDataset(e, first.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 2 });
  expect(await e.query(`SELECT value FROM import_issues WHERE code = 'superseded' ORDER BY ALL`)).toEqual([{ value: '清单2.csv' }, { value: '清单2.csv' }]);
  await removeDataset(e, second.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 0 });
});

test('an updating file replaced by a workbook: each kept-aside finding is held by the sheet that holds its problem', async () => {
  const XLSX = await import('@e965/xlsx');
  await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const { report: list } = await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', T3, '正在推进')));
  const wb = XLSX.utils.book_new();
  const sheet = (lines: string[]) => XLSX.utils.aoa_to_sheet([head.split(','), ...lines.map((l) => l.split(','))]);
  XLSX.utils.book_append_sheet(wb, sheet(rows('义乌市', '义乌市教育局', ['选人用人不规范'], '正在推进')), '新增');
  XLSX.utils.book_append_sheet(wb, sheet(rows('永康市', '永康市古山镇党委', T3, '已完成')), '清单');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const [asked] = await importOk(e, '清单v2.xlsx', bytes);
  expect(asked.laterVersionOf?.datasetIds).toEqual([list.datasetId]);
  const reports = await importOk(e, '清单v2.xlsx', bytes, { replaceDatasetIds: [list.datasetId] });
  expect(await counts()).toEqual({ n: 9, done: 3 });
  await removeDataset(e, reports.find((r) => r.sheet === '新增')!.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 3 });
  await removeDataset(e, reports.find((r) => r.sheet === '清单')!.datasetId);
  expect(await counts()).toEqual({ n: 8, done: 0 });
});

test('a decision that moved to the updating row moves back to the stored finding when that file is removed', async () => {
  const [first] = await importOk(e, '台账.csv', csv(rows('永康市', '永康市古山镇党委', [...T5, ...T3], '正在推进')));
  const [stored] = await e.query<{ finding_id: string }>(`SELECT finding_id FROM findings WHERE problem_title = '公车管理不严'`);
  await e.exec(`INSERT INTO repeat_decisions VALUES ('earlier-ds', 'earlier-f', '${first.datasetId}', '${stored.finding_id}', 'explicit', NULL, 'confirmed', TIMESTAMP '2026-01-01 00:00:00')`);
  const { report } = await update('清单.csv', csv(rows('永康市', '永康市古山镇党委', T3, '已完成')));
  expect(await e.query('SELECT later_dataset_id FROM repeat_decisions')).toEqual([{ later_dataset_id: report.datasetId }]);
  await removeDataset(e, report.datasetId);
  expect(await e.query('SELECT later_dataset_id, later_finding_id FROM repeat_decisions')).toEqual([
    { later_dataset_id: first.datasetId, later_finding_id: stored.finding_id },
  ]);
});

/** Each decision's earlier id, later dataset and the title and status it names (null where it names no finding). */
const decisionsNow = () => e.query<{ ef: string; ld: string; lf: string; title: string | null; status: string | null }>(`SELECT d.earlier_finding_id AS ef,
  d.later_dataset_id AS ld, d.later_finding_id AS lf, f.problem_title AS title, f.status FROM repeat_decisions d
  LEFT JOIN findings f ON f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id ORDER BY ef`);

// helper-144: the ids the import builds name rows, and the list's overlapped the stored ones by one row; taking equal ids
// first broke the one-to-one pairing, and the problem was counted three times.
test('a list writing a stored problem twice, one row lower than the ledger, updates both stored rows and their decisions', async () => {
  const D = TEN[0];
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, [D, D, ...TEN.slice(1)], '正在整改'));
  await decideOnTitle(e, D, 'e');
  const { asked } = await update('立行立改清单.csv', ledger(BY_YEAR, [TEN[1], D, D], '已完成'));
  expect(asked.part).toBe(true);
  const after = await decisionsNow();
  expect(after.map((d) => [d.title, d.status])).toEqual([[D, 'completed'], [D, 'completed']]);
  expect(new Set(after.map((d) => d.lf)).size).toBe(2);
  expect(await counts(`WHERE problem_title = '${D}'`)).toEqual({ n: 2, done: 2 });
});

// helper-144: the next version passed both kept-aside rows of a problem written twice to one of its rows; removing it put
// one decision on both stored rows and left the other on the removed file.
test("a problem written twice, updated, the list's next version removed: each decision is back on its own stored row", async () => {
  const D = TEN[0];
  const [stored] = await importOk(e, 'ledger.csv', ledger(BY_YEAR, [D, D, ...TEN.slice(1)], '正在整改'));
  await decideOnTitle(e, D, 'e');
  const list = [TEN[1], TEN[2], TEN[3], TEN[4], D, D];
  await update('立行立改.csv', ledger(BY_TERM, list, '正在整改'));
  const { report } = await update('立行立改（9月）.csv', ledger(BY_TERM, list, '已完成'));
  await removeDataset(e, report.datasetId);
  const after = await decisionsNow();
  expect(after.map((d) => [d.ef, d.ld, d.title])).toEqual([['e0', stored.datasetId, D], ['e1', stored.datasetId, D]]);
  expect(new Set(after.map((d) => d.lf)).size).toBe(2);
});
