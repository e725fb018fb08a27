import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, test } from 'vitest';
import { DECISIONS_SQL, saveDecisionSql, type RepeatDecisionRow } from '../../../src/lib/queries/repeats/decisions';
import { decideOnTitle, engineEachTest, importAnswered, importOk, utf8 } from './helpers';
import { BY_TERM, BY_YEAR, TEN, ledger } from './two-spellings';

/**
 * A file that replaces a stored ledger takes over the analyst's repeat decisions on its problems (carry-decisions.ts):
 * each goes to the new row of the same problem, else to the new row of the same id. Decisions used to follow equal ids
 * alone, and the ids the import builds from round, unit and row differ when the new file writes its round the other way
 * or its rows moved (helper-143 P5).
 */
const e = engineEachTest();

/** Each decision's later finding: its dataset and title (null when it names no stored finding). */
const decided = () => e.query<{ dataset_id: string; title: string | null }>(`SELECT d.later_dataset_id AS dataset_id, f.problem_title AS title
  FROM repeat_decisions d LEFT JOIN findings f ON f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id ORDER BY title`);

test('a later ledger written with the 届次 replaces one numbered within its year, and the decision follows its problem', async () => {
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await decideOnTitle(e, TEN[2]);
  const { report } = await importAnswered(e, 'ledger（9月）.csv', ledger(BY_TERM, TEN, '已完成'));
  expect(await decided()).toEqual([{ dataset_id: report.datasetId, title: TEN[2] }]);
});

test('a corrected ledger with a row put in above keeps the decision on its problem, not on the row of its old number', async () => {
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await decideOnTitle(e, TEN[2]);
  await decideOnTitle(e, TEN[9]);
  const { report } = await importAnswered(e, 'ledger（改）.csv', ledger(BY_YEAR, ['食堂管理不规范', ...TEN], '正在整改'));
  expect(await decided()).toEqual([{ dataset_id: report.datasetId, title: TEN[2] }, { dataset_id: report.datasetId, title: TEN[9] }]
    .sort((a, b) => a.title.localeCompare(b.title)));
});

test('a ledger with ids of its own whose title was corrected keeps the decision on the same id', async () => {
  const withIds = (titles: string[]) => utf8([BY_YEAR, '问题编号,被巡察单位,具体问题,整改状态,反馈时间',
    ...titles.map((t, i) => `YK-${i + 1},永康市财政局,${t},正在整改,2024-05-20`)].join('\n'));
  await importOk(e, 'ledger.csv', withIds(TEN));
  await decideOnTitle(e, TEN[2]);
  const corrected = TEN.map((t, i) => (i === 2 ? '差旅费报销流程不规范' : t));
  const { report } = await importAnswered(e, 'ledger（改）.csv', withIds(corrected));
  expect(await decided()).toEqual([{ dataset_id: report.datasetId, title: '差旅费报销流程不规范' }]);
  const [{ id }] = await e.query<{ id: string }>('SELECT later_finding_id AS id FROM repeat_decisions');
  expect(id).toBe('YK-3');
});

test('two rows of one problem on each side: two decisions stay on two rows', async () => {
  const twice = [...TEN.slice(0, 8), TEN[0]];
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, twice, '正在整改'));
  await decideOnTitle(e, TEN[0]);
  const { report } = await importAnswered(e, 'ledger（9月）.csv', ledger(BY_TERM, twice, '已完成'));
  const after = await e.query<{ n: number; rows: number }>(`SELECT CAST(count(*) AS INTEGER) AS n,
    CAST(count(DISTINCT f.finding_id) AS INTEGER) AS rows FROM repeat_decisions d JOIN findings f
    ON f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id AND f.dataset_id = '${report.datasetId}' AND f.problem_title = '${TEN[0]}'`);
  expect(after).toEqual([{ n: 2, rows: 2 }]);
});

test("a decided problem the new file dropped names no other problem; a title's typo corrected keeps its decision", async () => {
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, TEN, '正在整改'));
  await decideOnTitle(e, TEN[2]);
  await decideOnTitle(e, TEN[5]);
  // TEN[2] dropped, a new problem on its row (the id the import builds names that row); TEN[5] written with one character more.
  const next = TEN.map((t, i) => (i === 2 ? '食堂管理不规范' : i === 5 ? '津补贴发放不够规范' : t));
  const { report } = await importAnswered(e, 'ledger（改）.csv', ledger(BY_YEAR, next, '正在整改'));
  expect((await decided()).map((d) => [d.title, d.dataset_id === report.datasetId])).toEqual([['津补贴发放不够规范', true], [null, false]]);
});

test('three rows of a problem, two left and a new problem above: two decisions follow, the third names no other problem', async () => {
  const D = TEN[0];
  await importOk(e, 'ledger.csv', ledger(BY_YEAR, [D, D, D, ...TEN.slice(1, 8)], '正在整改'));
  await decideOnTitle(e, D);
  await importAnswered(e, 'ledger（改）.csv', ledger(BY_YEAR, ['食堂管理不规范', D, D, ...TEN.slice(1, 8)], '正在整改'));
  expect((await decided()).map((d) => d.title)).toEqual([D, D, null]);
});

/** A workbook of two rounds' sheets, both with ids YK-1… of their own (a null title: that id's row left out). */
function twoRounds(first: (string | null)[], second: (string | null)[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const sheet = (title: string, titles: (string | null)[]) => XLSX.utils.aoa_to_sheet([[title], ['问题编号', '被巡察单位', '具体问题', '整改状态', '反馈时间'],
    ...titles.flatMap((t, i) => (t === null ? [] : [[`YK-${i + 1}`, '永康市财政局', t, '正在整改', '2024-05-20']]))]);
  XLSX.utils.book_append_sheet(wb, sheet(BY_YEAR, first), '第一轮');
  XLSX.utils.book_append_sheet(wb, sheet('永康市委2024年第二轮巡察整改台账', second), '第二轮');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const SECOND = ['违规发放津贴补贴', '公务接待超标准', '工程项目未招标', '专项资金挪用', '民主生活会走过场', '干部选拔程序不规范',
  '党费收缴不规范', '三会一课不规范', '巡察整改不到位', '选人用人不规范'];
const corrected = (titles: string[], title: string | null) => titles.map((t, i) => (i === 2 ? title : t));

test('two sheets writing the same ids: a decision between them whose titles were corrected keeps an end in each sheet', async () => {
  await importOk(e, 'book.xlsx', twoRounds(TEN, SECOND));
  const [a] = await e.query<{ dataset_id: string; finding_id: string }>(`SELECT dataset_id, finding_id FROM findings WHERE problem_title = '${TEN[2]}'`);
  const [b] = await e.query<{ dataset_id: string; finding_id: string }>(`SELECT dataset_id, finding_id FROM findings WHERE problem_title = '${SECOND[2]}'`);
  await e.exec(saveDecisionSql({ earlierDatasetId: a.dataset_id, earlierFindingId: a.finding_id, laterDatasetId: b.dataset_id,
    laterFindingId: b.finding_id, rule: 'same_unit_l2', score: 0.8, decision: 'confirmed', decidedAt: '2026-12-01T08:00:00Z' }));
  await importAnswered(e, 'book（改）.xlsx', twoRounds(corrected(TEN, '差旅费报销不规范'), corrected(SECOND, '工程项目规避招标')));
  expect(await e.query(`SELECT fe.problem_title AS earlier, fl.problem_title AS later FROM repeat_decisions d
    JOIN findings fe ON fe.dataset_id = d.earlier_dataset_id AND fe.finding_id = d.earlier_finding_id
    JOIN findings fl ON fl.dataset_id = d.later_dataset_id AND fl.finding_id = d.later_finding_id`))
    .toEqual([{ earlier: '差旅费报销不规范', later: '工程项目规避招标' }]);
});

// helper-145: the id fallback took the only free YK-3 of the new workbook, the other round's sheet's.
test("two sheets writing the same ids: a decided problem one sheet dropped names no problem of the other sheet's round", async () => {
  await importOk(e, 'book.xlsx', twoRounds(TEN, SECOND));
  await decideOnTitle(e, SECOND[2]);
  await importAnswered(e, 'book（改）.xlsx', twoRounds(corrected(TEN, '差旅费报销不规范'), corrected(SECOND, null)));
  expect((await decided()).map((d) => d.title)).toEqual([null]);
});

// The first 12 findings of the sample, as a ledger an office might correct and import again.
const lines = readFileSync('data/sample-ledger.csv', 'utf8').split('\n');
const v1 = lines.slice(0, 13).join('\n') + '\n';
// The corrected file: one more finding at the end, everything else as before.
const v2 = lines.slice(0, 14).join('\n') + '\n';

test('a corrected sample ledger with one more finding keeps both ends of the decisions on its findings', async () => {
  const [first] = await importOk(e, 'ledger.csv', utf8(v1));
  const other = await importOk(e, 'other.csv', utf8(lines[0] + '\n' + lines.slice(20, 24).join('\n') + '\n'));
  const ids = (await e.query<{ dataset_id: string; finding_id: string }>(
    `SELECT dataset_id, finding_id FROM findings ORDER BY dataset_id = '${first.datasetId}' DESC, finding_id`));
  const [a, b] = ids; // both in the file to be replaced
  const c = ids.find((r) => r.dataset_id === other[0].datasetId)!;
  await e.exec(saveDecisionSql({ earlierDatasetId: a.dataset_id, earlierFindingId: a.finding_id, laterDatasetId: b.dataset_id, laterFindingId: b.finding_id, rule: 'same_unit_l2', score: 0.7, decision: 'confirmed', decidedAt: '2026-11-30T06:00:00Z' }));
  await e.exec(saveDecisionSql({ earlierDatasetId: c.dataset_id, earlierFindingId: c.finding_id, laterDatasetId: a.dataset_id, laterFindingId: a.finding_id, rule: 'explicit', score: null, decision: 'rejected', decidedAt: '2026-11-30T06:01:00Z' }));

  const [replaced] = await importOk(e, 'ledger-corrected.csv', utf8(v2), { replaceDatasetId: first.datasetId });
  expect(replaced.datasetId).not.toBe(first.datasetId);
  const after = await e.query<RepeatDecisionRow>(DECISIONS_SQL);
  expect(after.map((d) => [d.earlier_dataset_id, d.earlier_finding_id, d.later_dataset_id, d.later_finding_id, d.decision]).sort()).toEqual([
    [c.dataset_id, c.finding_id, replaced.datasetId, a.finding_id, 'rejected'],
    [replaced.datasetId, a.finding_id, replaced.datasetId, b.finding_id, 'confirmed'],
  ].sort());
  // Every decision still names a finding that exists.
  const [{ dangling }] = await e.query<{ dangling: number }>(`SELECT CAST(count(*) AS INTEGER) AS dangling FROM repeat_decisions d
    WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id)`);
  expect(dangling).toBe(0);
});
