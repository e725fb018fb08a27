import { readFileSync } from 'node:fs';
import { test, expect } from 'vitest';
import { engineEachTest, freshEngine, importOk } from './helpers';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { removeDataset } from '../../../src/lib/state/datasets';

/**
 * 届次 is optional: the same round written with and without its term must count once, whichever
 * file comes first, and only when the years of both rounds' findings agree (round-merge.ts).
 */
const e = engineEachTest();

const enc = (s: string) => new TextEncoder().encode(s);
const head = '县市区,被巡察单位,反馈时间,具体问题,问题类别,整改状态';
/** A ledger of 永康市 rows: unit, feedback date, problem, category; all completed. */
const ledger = (rows: string[]) => enc([head, ...rows.map((x) => `永康市,${x},已完成`)].join('\n'));
const TERMED = '永康市|县(市、区)委|十五届|5';
const TERMLESS = '永康市|县(市、区)委||5';
const OLD_TERM = '永康市|县(市、区)委|十四届|5';

const keys = async () => (await e.query<{ round_key: string }>('SELECT DISTINCT round_key FROM findings ORDER BY ALL')).map((r) => r.round_key);
const roundKeys = async () => (await e.query<{ round_key: string }>('SELECT round_key FROM rounds ORDER BY ALL')).map((r) => r.round_key);
const units = async () => (await e.query<KpiRow>(kpisQuery(emptyFilters('2025-01-01'), DEFAULT_PARAMS)))[0].units;

const termedFile = () => ledger(['永康市教育局,2023-06-20,理论学习不深入,B1', '永康市财政局,2023-06-20,违规吃喝,D1']);
const termlessFile = () => ledger(['永康市财政局,2023-07-05,三会一课不规范,C5']);

test('a round without its term joins the termed round of the same committee and number in the same years: U is 2, not 3', async () => {
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  const [report] = await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  expect(await keys()).toEqual([TERMED]);
  expect(await roundKeys()).toEqual([TERMED]);
  // 永康市教育局 and 永康市财政局 in one round: 2 units, not 3 (财政局 once in each of two "rounds").
  expect(await units()).toBe(2);
  // The findings keep the label and the (missing) term their file wrote: only the round key moves.
  expect(await e.query("SELECT round_label, term FROM findings WHERE problem_title = '三会一课不规范'"))
    .toEqual([{ round_label: '永康市委第五轮巡察', term: null }]);
  const said = report.issues.filter((i) => i.code === 'round_merged');
  expect(said.map((i) => [i.row, i.severity, i.value])).toEqual([[0, 'info', '永康市委第五轮巡察整改台账.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察']]);
  // Stored with that file's issues.
  expect(await e.query("SELECT dataset_id, file_name FROM import_issues WHERE code = 'round_merged'"))
    .toEqual([{ dataset_id: report.datasetId, file_name: '永康市委第五轮巡察整改台账.csv' }]);
});

test('the outcome is the same whichever file comes first: a later termed file takes in the stored termless round', async () => {
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  expect(await keys()).toEqual([TERMLESS]);
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  expect(await keys()).toEqual([TERMED]);
  expect(await roundKeys()).toEqual([TERMED]);
  expect(await units()).toBe(2);
  // The round's first feedback date and year are those of all its findings.
  expect(await e.query('SELECT feedback_date, year FROM rounds')).toEqual([{ feedback_date: '2023-06-20', year: 2023 }]);
});

test('a termed round of other years is another term: the termless round stays as named', async () => {
  // 十四届's fifth round was in 2018; a termless fifth round fed back in 2023 is not it.
  await importOk(e, '十四届永康市委第五轮巡察整改台账.csv', ledger(['永康市卫健局,2018-09-10,公车私用,D3']));
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  expect(await keys()).toEqual([TERMLESS, OLD_TERM]);
  // With 十五届's fifth round (2023) known as well, the termless 2023 round is that one: only one term fits the years.
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  expect(await keys()).toEqual([TERMED, OLD_TERM]);
});

test('two terms that both fit, or findings with no year, leave the round as named', async () => {
  await importOk(e, '十四届永康市委第五轮巡察整改台账.csv', ledger(['永康市卫健局,2023-01-10,公车私用,D3']));
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  expect(await keys()).toEqual([TERMLESS, TERMED, OLD_TERM]);

  const f = await freshEngine();
  try {
    await importOk(f, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
    await importOk(f, '永康市委第五轮巡察整改台账.csv', ledger(['永康市财政局,,三会一课不规范,C5']));
    expect((await f.query<{ round_key: string }>('SELECT DISTINCT round_key FROM findings ORDER BY ALL')).map((r) => r.round_key))
      .toEqual([TERMLESS, TERMED]);
  } finally {
    f.close();
  }
});

test('removing the termed file puts the termless rows back in their own round: no term the stored files do not state', async () => {
  const [termed] = await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  await removeDataset(e, termed.datasetId);
  expect(await keys()).toEqual([TERMLESS]);
  expect(await e.query('SELECT round_key, round_label, term, feedback_date, year FROM rounds')).toEqual([
    { round_key: TERMLESS, round_label: '永康市委第五轮巡察', term: null, feedback_date: '2023-07-05', year: 2023 }]);
});

test('replacing the termed file with a corrected term takes the termless rows along, as importing both fresh would', async () => {
  const [termed] = await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  await importOk(e, '十六届永康市委第五轮巡察整改台账.csv', termedFile(), { replaceDatasetId: termed.datasetId, allowDuplicate: true });
  expect(await keys()).toEqual(['永康市|县(市、区)委|十六届|5']);
  expect(await roundKeys()).toEqual(['永康市|县(市、区)委|十六届|5']);
  expect(await units()).toBe(2);
});

/** Imports the files in every order given, each into a fresh engine; the round of each problem after each. */
async function outcomes(files: [string, Uint8Array][], orders: number[][]): Promise<string[]> {
  const seen: string[] = [];
  for (const order of orders) {
    const f = await freshEngine();
    try {
      for (const i of order) await importOk(f, files[i][0], files[i][1]);
      seen.push(JSON.stringify(await f.query('SELECT problem_title, round_key FROM findings ORDER BY ALL')));
    } finally {
      f.close();
    }
  }
  return seen;
}

test('several termless files of one committee and number are each placed by their own years, in any order', async () => {
  const files: [string, Uint8Array][] = [
    ['十五届永康市委第五轮巡察整改台账.csv', termedFile()],
    ['永康市委第五轮巡察整改台账.csv', termlessFile()],
    ['永康市委第五轮巡察整改台账（2018）.csv', ledger(['永康市卫健局,2018-09-10,公车私用,D3'])],
  ];
  const seen = await outcomes(files, [[0, 1, 2], [0, 2, 1], [2, 1, 0], [1, 0, 2]]);
  expect(new Set(seen).size).toBe(1);
  // The 2023 file joins 十五届; the 2018 one (another term's fifth round) stays as written.
  expect(JSON.parse(seen[0])).toEqual([
    { problem_title: '三会一课不规范', round_key: TERMED }, { problem_title: '公车私用', round_key: TERMLESS },
    { problem_title: '理论学习不深入', round_key: TERMED }, { problem_title: '违规吃喝', round_key: TERMED }]);
});

test('two terms that both fit leave the round as written, whichever file came first; a stray year does not stretch a round', async () => {
  const files: [string, Uint8Array][] = [
    ['十四届永康市委第五轮巡察整改台账.csv', ledger(['永康市卫健局,2022-11-10,公车私用,D3'])],
    ['十五届永康市委第五轮巡察整改台账.csv', termedFile()],
    ['永康市委第五轮巡察整改台账.csv', termlessFile()],
  ];
  const seen = await outcomes(files, [[0, 1, 2], [2, 0, 1], [2, 1, 0], [1, 2, 0]]);
  expect(new Set(seen).size).toBe(1);
  expect(JSON.parse(seen[0]).find((r: { problem_title: string }) => r.problem_title === '三会一课不规范').round_key).toBe(TERMLESS);
  // Rows of 2018 and one of 2022: not all within a year of 十五届's 2023, so not 十五届's.
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, '永康市委第五轮巡察整改台账.csv', ledger(['永康市卫健局,2018-09-10,公车私用,D3', '永康市民政局,2022-03-01,津补贴发放不规范,D2']));
  expect(await keys()).toEqual([TERMLESS, TERMED]);
});

test('the embedded sample never lends its term to the analyst\'s round', async () => {
  await importOk(e, 'sample-ledger.csv', new Uint8Array(readFileSync('data/sample-ledger.csv')), { isSample: true });
  const sampleFive = await e.query<{ round_key: string; year: number }>("SELECT round_key, year FROM rounds WHERE round_key LIKE '金华市|市委|%|5'");
  expect(sampleFive.length).toBeGreaterThan(0);
  const y = sampleFive[0].year;
  const [r] = await importOk(e, '市委第五轮巡察整改台账.csv', enc([head, `永康市,永康市教育局,${y}-06-01,理论学习不深入,B1,已完成`].join('\n')));
  expect(r.issues.filter((i) => i.code === 'round_merged')).toEqual([]);
  expect(await e.query("SELECT round_key FROM findings WHERE problem_title = '理论学习不深入' AND dataset_id = " + `'${r.datasetId}'`))
    .toEqual([{ round_key: '金华市|市委||5' }]);
});

const merged = async () => (await e.query<{ file_name: string; value: string }>(
  "SELECT file_name, value FROM import_issues WHERE code = 'round_merged' ORDER BY ALL")).map((r) => `${r.file_name} | ${r.value}`);

test('each file whose rows are counted in another round says so, on its own dataset, and stops saying so when they move back', async () => {
  await importOk(e, 'A.csv', ledger(['永康市财政局,2023-07-05,三会一课不规范,C5']), { roundHint: { inspector_level: '县(市、区)委', round_no: 5, county: '永康市' } });
  await importOk(e, 'B.csv', ledger(['永康市民政局,2023-07-06,津补贴发放不规范,D2']), { roundHint: { inspector_level: '县(市、区)委', round_no: 5, county: '永康市' } });
  expect(await keys()).toEqual([TERMLESS]);
  const [t] = await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  // The termed file's report names both files whose rows it took in.
  expect(t.issues.filter((i) => i.code === 'round_merged').map((i) => i.value).sort()).toEqual([
    'A.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察', 'B.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察']);
  expect(await merged()).toEqual([
    'A.csv | A.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察', 'B.csv | B.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察']);
  await removeDataset(e, t.datasetId);
  expect(await keys()).toEqual([TERMLESS]);
  expect(await merged()).toEqual([]);
});

test('a removal that settles a round says so too: with 十四届 gone, the termless rows are 十五届\'s', async () => {
  const [old] = await importOk(e, '十四届永康市委第五轮巡察整改台账.csv', ledger(['永康市卫健局,2022-11-10,公车私用,D3']));
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, '永康市委第五轮巡察整改台账.csv', termlessFile());
  expect(await merged()).toEqual([]);
  await removeDataset(e, old.datasetId);
  expect(await keys()).toEqual([TERMED]);
  expect(await merged()).toEqual(['永康市委第五轮巡察整改台账.csv | 永康市委第五轮巡察整改台账.csv：永康市委第五轮巡察 → 十五届永康市委第五轮巡察']);
});

test('a termless 市委 round of one 县级市 may be that city\'s own 市委 round as well as 金华\'s: one fitting is joined, both fitting is left', async () => {
  // 永康市 calls its own committee 市委: a 十五届市委 round in 永康 rows is 永康's (README).
  const yk = (rows: string[]) => enc(['县市区,巡视巡察主体,被巡察单位,反馈时间,具体问题,问题类别,整改状态', ...rows.map((x) => `永康市,市委,${x},已完成`)].join('\n'));
  await importOk(e, '十五届市委第五轮巡察整改台账.csv', yk(['永康市教育局,2023-06-20,理论学习不深入,B1', '永康市财政局,2023-06-20,违规吃喝,D1']));
  await importOk(e, '市委第五轮巡察整改台账.csv', yk(['永康市财政局,2023-07-05,三会一课不规范,C5']));
  expect(await keys()).toEqual([TERMED]);
  expect(await units()).toBe(2);
  // 金华's own 八届市委 fifth round in the same year: the termless rows could be either.
  await importOk(e, '八届市委第五轮巡察整改台账.csv', enc(['县市区,巡视巡察主体,被巡察单位,反馈时间,具体问题,问题类别,整改状态',
    '婺城区,市委,婺城区教育局,2023-06-01,公车私用,D3,已完成'].join('\n')));
  expect(await e.query("SELECT round_key FROM findings WHERE problem_title = '三会一课不规范'")).toEqual([{ round_key: '金华市|市委||5' }]);
});

test('a 县级市 ledger whose 巡视巡察主体 column says 市委 under a file named 十五届永康市委… keeps the file\'s term', async () => {
  const csv = ['县市区,巡视巡察主体,轮次,被巡察单位,反馈时间,具体问题,问题类别,整改状态',
    '永康市,市委,第五轮,永康市教育局,2023-06-20,理论学习不深入,B1,已完成'].join('\n');
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', enc(csv));
  expect(await e.query('SELECT round_key, term FROM findings')).toEqual([{ round_key: TERMED, term: '十五届' }]);
});

test('the same problem in the termed file and in a file without the term is flagged as a duplicate, in either order; years apart it is not', async () => {
  const again = () => ledger(['永康市财政局,2023-07-05,违规吃喝,D1']);
  const dups = (r: { issues: { code: string; row: number }[] }) => r.issues.filter((i) => i.code === 'duplicate_existing').map((i) => i.row);
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  // A part of the stored ledger: asked about as an update of its problem (later-version.ts); kept beside it here.
  const [asked] = await importOk(e, '永康市委第五轮巡察整改台账.csv', again());
  expect(asked.laterVersionOf).toMatchObject({ same: 1, rows: 1, part: true });
  const [later] = await importOk(e, '永康市委第五轮巡察整改台账.csv', again(), { allowDuplicate: true });
  expect(dups(later)).toEqual([2]);

  const f = await freshEngine();
  try {
    await importOk(f, '永康市委第五轮巡察整改台账.csv', again());
    // The termed file holds the stored termless one whole: asked about first (later-version.ts), kept both here.
    const [asked] = await importOk(f, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
    expect(asked.laterVersionOf).toMatchObject({ same: 1, rows: 2 });
    const [termed] = await importOk(f, '十五届永康市委第五轮巡察整改台账.csv', termedFile(), { allowDuplicate: true });
    // 违规吃喝 is the termed file's second problem (row 3).
    expect(dups(termed)).toEqual([3]);
    // Another term's fifth round, five years earlier: the same words there are a repeat, not a duplicate.
    const [old] = await importOk(f, '永康市委第五轮巡察（2018）.csv', ledger(['永康市财政局,2018-07-05,违规吃喝,D1']));
    expect(dups(old)).toEqual([]);
  } finally {
    f.close();
  }
});

/** A ledger with a 巡视巡察主体 and a 轮次 column: [county, level, unit, date, problem, category]. */
const leveled = (rows: string[][]) => enc(['县市区,巡视巡察主体,轮次,被巡察单位,反馈时间,具体问题,问题类别,整改状态',
  ...rows.map(([county, level, ...rest]) => [county, level, '第五轮', ...rest, '已完成'].join(','))].join('\n'));

test('a file with a 市委 and a 县(市、区)委 fifth round in one city round: only the round that is placed moves, nothing lands under a key no file wrote', async () => {
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', termedFile());
  await importOk(e, 'X.csv', leveled([['永康市', '市委', '永康市卫健局', '2023-07-01', '公车私用', 'D3'],
    ['永康市', '县(市、区)委', '永康市民政局', '2023-07-01', '津补贴发放不规范', 'D2']]));
  await importOk(e, '八届市委第五轮巡察整改台账.csv', leveled([['婺城区', '市委', '婺城区教育局', '2023-06-01', '文山会海', 'C1']]));
  await importOk(e, 'other.csv', leveled([['兰溪市', '县(市、区)委', '兰溪市教育局', '2023-06-01', '三公经费超支', 'D1']]));
  expect(await e.query("SELECT problem_title, round_key FROM findings WHERE problem_title IN ('公车私用', '津补贴发放不规范') ORDER BY ALL")).toEqual([
    // 市委 fifth round of 2023: 金华's 八届 or 永康's 十五届, either fits; the 县(市、区)委 one is 永康's.
    { problem_title: '公车私用', round_key: '金华市|市委||5' }, { problem_title: '津补贴发放不规范', round_key: TERMED }]);
  expect(await e.query("SELECT round_key FROM rounds WHERE round_key LIKE '金华市|县%'")).toEqual([]);
});

test('a 金华 市委 file of one district\'s units is no district round, and rows that name 金华 are never a 县级市\'s own round', async () => {
  await importOk(e, '十二届婺城区委第五轮巡察整改台账.csv', leveled([['婺城区', '县(市、区)委', '婺城区财政局', '2023-06-01', '违规吃喝', 'D1']]));
  await importOk(e, '金华市委第五轮巡察整改台账.csv', leveled([['婺城区', '市委', '婺城区教育局', '2023-06-10', '文山会海', 'C1']]));
  expect(await e.query("SELECT round_key FROM findings WHERE problem_title = '文山会海'")).toEqual([{ round_key: '金华市|市委||5' }]);
  // Named for 永康's 十五届 committee, but the rows say 金华市委, or are another city's.
  await importOk(e, '十五届永康市委第五轮巡察整改台账.csv', leveled([['永康市', '金华市委', '永康市卫健局', '2018-06-01', '公车私用', 'D3'],
    ['兰溪市', '市委', '兰溪市教育局', '2018-06-01', '三公经费超支', 'D1']]));
  expect(await e.query("SELECT problem_title, round_key FROM findings WHERE problem_title IN ('公车私用', '三公经费超支') ORDER BY ALL")).toEqual([
    { problem_title: '三公经费超支', round_key: '金华市|市委||5' }, { problem_title: '公车私用', round_key: '金华市|市委||5' }]);
});
