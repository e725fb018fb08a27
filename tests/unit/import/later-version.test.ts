import { expect, test } from 'vitest';
import { importFile } from '../../../src/lib/import';
import { olderBy } from '../../../src/lib/import/later-version';
import { engineEachTest, importOk, tableCounts } from './helpers';

/**
 * Offices send the same ledger again every month with its statuses moved on. Imported beside the
 * old one it would count each problem twice, so the import asks first (importer.svelte.ts) and
 * writes nothing until told to replace the old dataset or keep both.
 */
const e = engineEachTest();

const R = '八届市委第五轮巡察';
const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
const T5 = ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '三重一大决策程序不规范', '意识形态责任制落实不到位'];
const ledger = (statuses: string[], extra: string[] = []) => new TextEncoder().encode([head,
  ...T5.map((t, i) => `永康市,永康市古山镇党委,${R},${t},${statuses[i]}`), ...extra].join('\n'));
const june = ledger(['已完成', '正在推进', '正在推进', '未完成', '正在推进']);
const september = ledger(['已完成', '已完成', '已完成', '正在推进', '已完成']);

test('a later version of a stored ledger is not written until the analyst chooses', async () => {
  const [first] = await importOk(e, '台账（6月）.csv', june);
  const before = await tableCounts(e);
  const res = await importFile(e, { name: '台账（9月）.csv', bytes: september });
  expect(res.ok).toBe(true);
  if (!res.ok) return;
  expect(res.datasets).toHaveLength(1);
  expect(res.datasets[0].laterVersionOf).toEqual({ datasetId: first.datasetId, datasetIds: [first.datasetId], same: 5, rows: 5 });
  expect(res.datasets[0].duplicateOf).toBeUndefined();
  expect(await tableCounts(e)).toEqual(before);
});

test("the question counts the new file's rows as its summary does: a problem written on two rows is two", async () => {
  const [first] = await importOk(e, '台账（6月）.csv', june);
  // The later ledger lists 违规吃喝问题仍有发生 twice (two 问题 rows of one unit and title) and one new problem.
  const later = ledger(['已完成', '已完成', '已完成', '正在推进', '已完成'], [`永康市,永康市古山镇党委,${R},违规吃喝问题仍有发生,已完成`, `永康市,永康市古山镇党委,${R},公车私用,正在推进`]);
  const res = await importFile(e, { name: '台账（9月）.csv', bytes: later });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toMatchObject({ datasetId: first.datasetId, same: 6, rows: 7 });
  // The summary after replacing counts the same 7 rows.
  const [replaced] = await importOk(e, '台账（9月）.csv', later, { replaceDatasetId: first.datasetId });
  expect(replaced.rowsAccepted).toBe(7);
});

test('replacing the old version leaves the new statuses only; keeping both keeps both', async () => {
  const [first] = await importOk(e, '台账（6月）.csv', june);
  await importOk(e, '台账（9月）.csv', september, { replaceDatasetId: first.datasetId });
  expect((await e.query<{ n: number; done: number }>(`SELECT CAST(count(*) AS INTEGER) AS n,
    CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done FROM findings`))[0]).toEqual({ n: 5, done: 4 });
  await importOk(e, '台账（9月）副本.csv', june, { allowDuplicate: true });
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM findings'))[0].n).toBe(10);
});

test('replacing a picked dataset with a later version of another asks, then replaces both', async () => {
  // The analyst picks 'replace' on one dataset; the file also updates another: asked about, neither stays.
  const [first] = await importOk(e, '台账（6月）.csv', june);
  const [other] = await importOk(e, '其他.csv', new TextEncoder().encode([head, `永康市,永康市古山镇党委,${R},公车管理不严,正在推进`].join('\n')));
  const asked = await importFile(e, { name: '台账（9月）.csv', bytes: september }, { replaceDatasetId: other.datasetId });
  expect(asked.ok && asked.datasets[0].laterVersionOf?.datasetIds).toEqual([first.datasetId]);
  await importOk(e, '台账（9月）.csv', september, { replaceDatasetId: other.datasetId, replaceDatasetIds: [first.datasetId] });
  expect((await e.query<{ n: number; done: number; ds: number }>(`SELECT CAST(count(*) AS INTEGER) AS n,
    CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done, CAST(count(DISTINCT dataset_id) AS INTEGER) AS ds FROM findings`))[0])
    .toEqual({ n: 5, done: 4, ds: 1 });
  expect((await tableCounts(e)).datasets).toBe(1);
});

test('a file sharing a few problems with a stored one, or holding a few of its many, is imported with warnings', async () => {
  await importOk(e, '台账（6月）.csv', june);
  // Two of the five stored problems again, beside three new ones: not a version of it.
  const other = new TextEncoder().encode([head, `永康市,永康市古山镇党委,${R},违规吃喝问题仍有发生,已完成`, `永康市,永康市古山镇党委,${R},村班子配备不齐,已完成`,
    ...['公车管理不严', '档案管理混乱', '津补贴发放不规范'].map((t) => `永康市,永康市古山镇党委,${R},${t},正在推进`)].join('\n'));
  const [r] = await importOk(e, 'other.csv', other);
  expect(r.laterVersionOf).toBeUndefined();
  expect(r.issues.filter((i) => i.code === 'duplicate_existing')).toHaveLength(2);
});

// Three problems of a stored ledger of eight, alone (a 立行立改 list, the open items again): the file updates them.
const eight = ledger(['已完成', '正在推进', '正在推进', '未完成', '正在推进'],
  ['公车管理不严', '档案管理混乱', '津补贴发放不规范'].map((t) => `永康市,永康市古山镇党委,${R},${t},正在推进`));
const partRows = (titles: string[]) => new TextEncoder().encode([head, ...titles.map((t) => `永康市,永康市古山镇党委,${R},${t},已完成`)].join('\n'));
const part = partRows(['公车管理不严', '档案管理混乱', '津补贴发放不规范']);
const counts = (sql = '') => e.query<{ n: number; done: number }>(`SELECT CAST(count(*) AS INTEGER) AS n,
  CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done FROM findings ${sql}`).then((r) => r[0]);

test('a file holding a part of a stored ledger, and little else, is asked about as an update of those problems', async () => {
  const [first] = await importOk(e, '台账.csv', eight);
  const before = await tableCounts(e);
  const [asked] = await importOk(e, '立行立改清单.csv', part);
  expect(asked.laterVersionOf).toEqual({ datasetId: first.datasetId, datasetIds: [first.datasetId], same: 3, rows: 3, part: true });
  expect(await tableCounts(e)).toEqual(before);
  // Four of five rows stored (80 %) is asked too; three of four is a file of its own, imported with warnings.
  const [four] = await importOk(e, '推进表.csv', partRows(['公车管理不严', '档案管理混乱', '津补贴发放不规范', '村班子配备不齐', '选人用人不规范']));
  expect(four.laterVersionOf).toMatchObject({ same: 4, rows: 5, part: true });
  const [three] = await importOk(e, '其他.csv', partRows(['公车管理不严', '档案管理混乱', '津补贴发放不规范', '选人用人不规范']));
  expect(three.laterVersionOf).toBeUndefined();
  expect(three.issues.filter((i) => i.code === 'duplicate_existing')).toHaveLength(3);
});

test('updating those problems replaces their stored rows and leaves the ledger\'s others: each problem counted once', async () => {
  const [first] = await importOk(e, '台账.csv', eight);
  expect(await counts()).toEqual({ n: 8, done: 1 });
  const [r] = await importOk(e, '立行立改清单.csv', part, { updateDatasetIds: [first.datasetId] });
  expect(await counts()).toEqual({ n: 8, done: 4 });
  expect(await counts(`WHERE dataset_id = '${first.datasetId}'`)).toEqual({ n: 5, done: 1 });
  // Each side names the rows: the new file the stored ledger its rows replaced, the stored ledger the file that updated them.
  expect(r.issues.filter((i) => i.code === 'duplicate_existing')).toEqual([]);
  expect(r.issues.filter((i) => i.code === 'updates_existing').map((i) => [i.row, i.vars?.value])).toEqual([[2, '台账.csv'], [3, '台账.csv'], [4, '台账.csv']]);
  expect(await e.query(`SELECT CAST(source_row AS INTEGER) AS row, value, severity FROM import_issues WHERE dataset_id = '${first.datasetId}'
    AND code = 'superseded' ORDER BY row`)).toEqual([7, 8, 9].map((row) => ({ row, value: '立行立改清单.csv', severity: 'info' })));
  // The catalogue counts the findings each dataset holds now.
  expect(await e.query(`SELECT file_name, CAST(count(f.dataset_id) AS INTEGER) AS n FROM datasets d LEFT JOIN findings f USING (dataset_id)
    GROUP BY ALL ORDER BY ALL`)).toEqual([{ file_name: '台账.csv', n: 5 }, { file_name: '立行立改清单.csv', n: 3 }]);
});

test('a later version of a round with its term whose feedback dates were corrected by months is still asked about (helper-137)', async () => {
  const h = `${head},反馈时间`;
  const dated = (statuses: string[], d: string) => new TextEncoder().encode([h, ...T5.map((t, i) => `永康市,永康市古山镇党委,${R},${t},${statuses[i]},${d}`)].join('\n'));
  const [first] = await importOk(e, '台账（6月）.csv', dated(['正在推进', '正在推进', '正在推进', '正在推进', '正在推进'], '2023-01-10'));
  const [asked] = await importOk(e, '台账（9月）.csv', dated(['已完成', '已完成', '已完成', '正在推进', '已完成'], '2023-09-10'));
  expect(asked.laterVersionOf).toMatchObject({ datasetIds: [first.datasetId], same: 5, rows: 5 });
});

test('a part dated before the stored ledger is said to be older rows of its problems (both dates)', async () => {
  await importOk(e, '台账（截至2024年9月30日）.csv', eight);
  const [asked] = await importOk(e, '立行立改清单（截至2024年6月30日）.csv', part);
  expect(asked.laterVersionOf).toMatchObject({ part: true, older: true, asOf: '2024-06-30', storedAsOf: '2024-09-30' });
});

test('an update naming a dataset no longer stored fails and writes nothing', async () => {
  await importOk(e, '台账.csv', eight);
  const before = await tableCounts(e);
  const res = await importFile(e, { name: '立行立改清单.csv', bytes: part }, { updateDatasetIds: ['gone'] });
  expect(!res.ok && 'error' in res && res.error.code).toBe('dataset_not_found');
  expect(await tableCounts(e)).toEqual(before);
});

test('a list of the open items of two stored county ledgers updates both; a repeat decision on an updated problem follows it', async () => {
  const rows = (county: string, titles: string[], status: string) => titles.map((t) => `${county},${county}教育局,${R},${t},${status}`);
  const csv = (lines: string[]) => new TextEncoder().encode([head, ...lines].join('\n'));
  const [dy] = await importOk(e, '东阳市台账.csv', csv(rows('东阳市', ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '公车管理不严'], '正在推进')));
  const [yw] = await importOk(e, '义乌市台账.csv', csv(rows('义乌市', ['三重一大决策程序不规范', '档案管理混乱', '津补贴发放不规范', '三会一课不规范'], '正在推进')));
  const open = csv([...rows('东阳市', ['村班子配备不齐'], '已完成'), ...rows('义乌市', ['档案管理混乱', '津补贴发放不规范'], '已完成')]);
  const [stored] = await e.query<{ finding_id: string }>(`SELECT finding_id FROM findings WHERE problem_title = '村班子配备不齐'`);
  await e.exec(`INSERT INTO repeat_decisions VALUES ('earlier-ds', 'earlier-f', '${dy.datasetId}', '${stored.finding_id}', 'explicit', NULL, 'confirmed', TIMESTAMP '2026-01-01 00:00:00')`);
  const [asked] = await importOk(e, '未完成问题推进表.csv', open);
  expect(asked.laterVersionOf?.part).toBe(true);
  expect(asked.laterVersionOf?.datasetIds.slice().sort()).toEqual([dy.datasetId, yw.datasetId].sort());
  const [r] = await importOk(e, '未完成问题推进表.csv', open, { updateDatasetIds: asked.laterVersionOf!.datasetIds });
  expect(await counts()).toEqual({ n: 8, done: 3 });
  const [now] = await e.query<{ finding_id: string }>(`SELECT finding_id FROM findings WHERE problem_title = '村班子配备不齐'`);
  expect(await e.query('SELECT earlier_finding_id, later_dataset_id, later_finding_id FROM repeat_decisions')).toEqual([
    { earlier_finding_id: 'earlier-f', later_dataset_id: r.datasetId, later_finding_id: now.finding_id },
  ]);
});

test('the embedded sample is no dataset to replace: it goes when real data comes', async () => {
  await importOk(e, '台账（6月）.csv', june, { isSample: true });
  const [r] = await importOk(e, '台账（9月）.csv', september);
  expect(r.laterVersionOf).toBeUndefined();
  expect(r.rowsAccepted).toBe(5);
});

test('replacing a later version of one sheet keeps the other sheets of its workbook', async () => {
  const XLSX = await import('@e965/xlsx');
  const sheet = (unit: string, titles: string[]) => XLSX.utils.aoa_to_sheet([head.split(','), ...titles.map((t) => ['永康市', unit, R, t, '正在推进'])]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet('永康市古山镇党委', ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '三重一大决策程序不规范', '意识形态责任制落实不到位']), '古山镇');
  XLSX.utils.book_append_sheet(wb, sheet('永康市西城街道党工委', ['公车管理不严', '档案管理混乱']), '西城街道');
  const reports = await importOk(e, '台账（6月）.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  const gushan = reports.find((r) => r.sheet === '古山镇')!;
  const [asked] = await importOk(e, '古山镇台账（9月）.csv', september);
  expect(asked.laterVersionOf?.datasetId).toBe(gushan.datasetId);
  await importOk(e, '古山镇台账（9月）.csv', september, { replaceDatasetIds: [gushan.datasetId] });
  expect(await e.query(`SELECT unit_name, CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done
    FROM findings GROUP BY ALL ORDER BY ALL`)).toEqual([
    { unit_name: '永康市古山镇党委', n: 5, done: 4 }, { unit_name: '永康市西城街道党工委', n: 2, done: 0 },
  ]);
});

test('a 汇总 that holds stored county ledgers and more asks about all of them; replacing them counts each problem once', async () => {
  const rows = (county: string, titles: string[]) => titles.map((t) => `${county},${county}教育局,${R},${t},正在推进`);
  const dy = rows('东阳市', ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范']);
  const yw = rows('义乌市', ['三重一大决策程序不规范', '公车管理不严', '档案管理混乱']);
  const yk = rows('永康市', ['津补贴发放不规范', '意识形态责任制落实不到位']);
  const csv = (lines: string[]) => new TextEncoder().encode([head, ...lines].join('\n'));
  const [a] = await importOk(e, '东阳市台账.csv', csv(dy));
  const [b] = await importOk(e, '义乌市台账.csv', csv(yw));
  const before = await tableCounts(e);
  const [asked] = await importOk(e, '台账汇总.csv', csv([...dy, ...yw, ...yk]));
  expect(asked.laterVersionOf?.datasetIds.slice().sort()).toEqual([a.datasetId, b.datasetId].sort());
  expect([asked.laterVersionOf?.same, asked.laterVersionOf?.rows]).toEqual([6, 8]);
  expect(await tableCounts(e)).toEqual(before);
  await importOk(e, '台账汇总.csv', csv([...dy, ...yw, ...yk]), { replaceDatasetIds: asked.laterVersionOf!.datasetIds });
  expect(await e.query(`SELECT county, CAST(count(*) AS INTEGER) AS n FROM findings GROUP BY ALL ORDER BY ALL`)).toEqual([
    { county: '东阳市', n: 3 }, { county: '义乌市', n: 3 }, { county: '永康市', n: 2 },
  ]);
  expect((await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM datasets'))[0].n).toBe(1);
});

test('a workbook of two stored sheets sent again, one with a new row: both stored sheets are asked about and replaced (review)', async () => {
  const XLSX = await import('@e965/xlsx');
  const book = (status: string, extra: string[]) => {
    const sheet = (unit: string, titles: string[]) => XLSX.utils.aoa_to_sheet([head.split(','), ...titles.map((t) => ['永康市', unit, R, t, status])]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet('永康市古山镇党委', ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范']), '古山镇');
    XLSX.utils.book_append_sheet(wb, sheet('永康市西城街道党工委', ['公车管理不严', '档案管理混乱', '津补贴发放不规范', '三会一课不规范', ...extra]), '西城街道');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  const june = await importOk(e, '台账（6月）.xlsx', book('正在推进', []));
  const [asked] = await importOk(e, '台账（9月）.xlsx', book('已完成', ['选人用人不规范']));
  expect(asked.laterVersionOf?.datasetIds.slice().sort()).toEqual(june.map((d) => d.datasetId).sort());
  expect([asked.laterVersionOf?.same, asked.laterVersionOf?.rows]).toEqual([7, 8]);
  await importOk(e, '台账（9月）.xlsx', book('已完成', ['选人用人不规范']), { replaceDatasetIds: asked.laterVersionOf!.datasetIds });
  expect(await e.query(`SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE status = 'completed') AS INTEGER) AS done FROM findings`))
    .toEqual([{ n: 8, done: 8 }]);
});

test('a file dated before the stored ledger it matches is an older version, said so with both dates (helper-125)', async () => {
  const [stored] = await importOk(e, '台账（截至2024年9月30日）.csv', september);
  const res = await importFile(e, { name: '台账（截至2024年6月30日）.csv', bytes: june });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toEqual({ datasetId: stored.datasetId, datasetIds: [stored.datasetId], same: 5, rows: 5,
    asOf: '2024-06-30', storedAsOf: '2024-09-30', older: true });
  // The other way round it is the newer version, as before.
  const [{ n }] = await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM findings');
  expect(n).toBe(5);
  const [june2] = await importOk(e, '台账（截至2024年6月30日）.csv', june, { replaceDatasetId: stored.datasetId });
  const again = await importFile(e, { name: '台账（截至2024年9月30日）.csv', bytes: september });
  if (!again.ok) throw new Error('import failed');
  expect(again.datasets[0].laterVersionOf).toEqual({ datasetId: june2.datasetId, datasetIds: [june2.datasetId], same: 5, rows: 5,
    asOf: '2024-09-30', storedAsOf: '2024-06-30' });
});

// helper-126: the stored ledger states 截至2024年9月30日 in its name and its rows' newest date is 2024-08-10; the
// new file is next month's, undated in its name, every item closed, the last on 2024-09-24. Its as-of (its rows'
// newest) is before the stored one's stated date, but it is the newer version: dates of rows against rows.
test('a newer file with no stated date is not called older than a stored ledger dated in its name', async () => {
  const dated = (rows: string[]) => new TextEncoder().encode([`${head},完成时间`, ...rows].join('\n'));
  const titles = ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '三重一大决策程序不规范', '意识形态责任制落实不到位'];
  await importOk(e, '台账（截至2024年9月30日）.csv', dated(titles.map((t, i) => `永康市,永康市古山镇党委,${R},${t},${i < 2 ? '已完成,2024-08-10' : '正在推进,'}`)));
  const res = await importFile(e, { name: '台账（最新）.csv', bytes: dated(titles.map((t, i) => `永康市,永康市古山镇党委,${R},${t},已完成,${i < 2 ? '2024-08-10' : `2024-09-2${i}`}`)) });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toMatchObject({ same: 5, rows: 5, asOf: '2024-09-24', storedAsOf: '2024-09-30' });
  expect(res.datasets[0].laterVersionOf?.older).toBeUndefined();
});

test.each([
  // Both state their as-of: those decide, whatever the rows (helper-127: October leaves out September's last dated item).
  [{ asOf: '2024-06-30', rows: null }, { asOf: '2024-09-30', rows: null }, ['2024-06-30', '2024-09-30']],
  [{ asOf: '2024-06-30', rows: '2024-05-01' }, { asOf: '2024-09-30', rows: '2024-05-01' }, ['2024-06-30', '2024-09-30']],
  [{ asOf: '2024-10-31', rows: '2024-03-15' }, { asOf: '2024-09-30', rows: '2024-09-10' }, null],
  [{ asOf: '2024-09-30', rows: null }, { asOf: '2024-06-30', rows: null }, null],
  // The file states its cut-off, the stored ledger has a row dated after it (helper-127 L3).
  [{ asOf: '2024-09-30', rows: null }, { asOf: '2024-10-15', rows: '2024-10-15' }, ['2024-09-30', '2024-10-15']],
  // The stored ledger states its date, the file's rows are newer than it or are all it has (helper-126).
  [{ asOf: '2024-09-24', rows: '2024-09-24' }, { asOf: '2024-09-30', rows: '2024-08-10' }, null],
  [{ asOf: '2024-10-03', rows: '2024-10-03' }, { asOf: '2024-09-30', rows: '2024-09-01' }, null],
  // Neither states a date: the rows' newest dates decide.
  [{ asOf: '2024-05-01', rows: '2024-05-01' }, { asOf: '2024-09-01', rows: '2024-09-01' }, ['2024-05-01', '2024-09-01']],
  [{ asOf: '2024-09-24', rows: '2024-09-24' }, { asOf: '2024-09-24', rows: '2024-09-24' }, null],
  [{ asOf: undefined, rows: null }, { asOf: '2024-09-30', rows: null }, null],
])('olderBy(%j, %j) is %j', (file, stored, want) => {
  expect(olderBy(file, stored)).toEqual(want);
});

// helper-127 L1: the October snapshot (stated) leaves out the item September closed, so its rows' newest date is older.
test('a later snapshot stating a later date is not called older when it leaves out the last dated item', async () => {
  const dated = (rows: string[]) => new TextEncoder().encode([`${head},完成时间`, ...rows].join('\n'));
  const titles = ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '三重一大决策程序不规范', '意识形态责任制落实不到位'];
  await importOk(e, '台账（截至2024年9月30日）.csv', dated(titles.map((t, i) => `永康市,永康市古山镇党委,${R},${t},${i ? '正在推进,' : '已完成,2024-09-10'}`)));
  const res = await importFile(e, { name: '台账（截至2024年10月31日）.csv', bytes: dated(titles.slice(1).map((t) => `永康市,永康市古山镇党委,${R},${t},基本完成,`)) });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf?.older).toBeUndefined();
});

// helper-132: a snapshot whose title leaves the 届次 out (or adds it) was written beside the stored one, its round merged
// into the stored round at commit, and every problem counted twice (N 10 for a round of 5).
test.each([
  ['十五届永康市委第三轮巡察整改台账', '永康市委第三轮巡察整改台账'],
  ['永康市委第三轮巡察整改台账', '十五届永康市委第三轮巡察整改台账'],
])('a later version whose title writes the round with and without its term is asked about: %s → %s', async (t1, t2) => {
  const snapshot = (title: string, status: string) => new TextEncoder().encode([title, '序号,被巡察单位,反馈时间,具体问题,整改状态',
    ...['违规吃喝问题仍有发生', '理论学习不深入', '政府采购程序不规范'].map((t, i) => `${i + 1},永康市财政局,2024-03-15,${t},${status}`)].join('\n'));
  const [first] = await importOk(e, 'v1.csv', snapshot(t1, '正在整改'));
  const res = await importFile(e, { name: 'v2.csv', bytes: snapshot(t2, '已完成') });
  if (!res.ok) throw new Error('import failed');
  expect(res.datasets[0].laterVersionOf).toMatchObject({ datasetIds: [first.datasetId], same: 3, rows: 3 });
  // Another term's third round, years before, is no version of it.
  const other = new TextEncoder().encode(['十四届永康市委第三轮巡察整改台账', '序号,被巡察单位,反馈时间,具体问题,整改状态',
    ...['违规吃喝问题仍有发生', '理论学习不深入', '政府采购程序不规范'].map((t, i) => `${i + 1},永康市财政局,2019-03-15,${t},已完成`)].join('\n'));
  const older = await importFile(e, { name: 'v0.csv', bytes: other });
  if (!older.ok) throw new Error('import failed');
  expect(older.datasets[0].laterVersionOf).toBeUndefined();
});
