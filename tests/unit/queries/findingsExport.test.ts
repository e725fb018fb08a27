import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, insertFindings } from '../../helpers/db';
import { findingsExportQuery, exportColumns } from '../../../src/lib/queries/findingsExport';
import { findingsTableQuery } from '../../../src/lib/queries/findingsTable';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

describe('findings export', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
    await insertFindings(db, [
      { finding_id: 'a', county: '义乌市', feedback_date: '2020-01-01', status: 'completed', completion_date: '2020-05-01', problem_title: '=cmd', disclose: '公开' },
      { finding_id: 'b', county: '永康市', feedback_date: '2020-01-01', status: 'in_progress', disclose: '拟不向社会公开' },
      { finding_id: 'c', county: '永康市', feedback_date: '2021-01-01', status: 'completed', completion_date: '2021-02-01' },
      { finding_id: 'd', county: '婺城区', feedback_date: '2020-06-01', status: null, dataset_id: 'd2', source_sheet: '二轮', source_row: 7 },
    ]);
    await db.exec(`INSERT INTO datasets (dataset_id, file_name, sheet) VALUES ('d1', '台账.xlsx', '问题清单'), ('d2', '婺城.xlsx', NULL)`);
  });
  afterAll(() => db.close());

  test('exports S at T with every stored ledger column and status at T', async () => {
    const rows = await db.query(findingsExportQuery(emptyFilters('2020-12-31'), DEFAULT_PARAMS));
    expect(rows.map((r) => [r.finding_id, r.status_t])).toEqual([['a', 'completed'], ['b', 'in_progress'], ['d', null]]);
    expect(Object.keys(rows[0])).toEqual(exportColumns('en').map((c) => c.key));
  });

  test('the app\'s own keys stay out; source file, sheet and row trace each row', async () => {
    const keys = exportColumns('en').map((c) => c.key);
    expect(keys).not.toContain('round_key');
    expect(keys).not.toContain('dataset_id');
    expect(keys.slice(-3)).toEqual(['file_name', 'source_sheet', 'source_row']);
    expect(exportColumns('zh').slice(-3).map((c) => c.label)).toEqual(['来源文件', '来源工作表', '源文件行号']);
    const rows = await db.query(findingsExportQuery(emptyFilters('2020-12-31'), DEFAULT_PARAMS));
    // The row's own sheet first, else the dataset's.
    expect(rows.map((r) => [r.finding_id, r.file_name, r.source_sheet, r.source_row])).toEqual([
      ['a', '台账.xlsx', '问题清单', null], ['b', '台账.xlsx', '问题清单', null], ['d', '婺城.xlsx', '二轮', 7],
    ]);
  });

  test.each([
    [{}, ['a', 'b', 'c', 'd']],
    [{ sort: 'finding_id', direction: 'desc' }, ['d', 'c', 'b', 'a']],
    [{ sort: 'county', direction: 'asc' }, ['a', 'd', 'b', 'c']],
    [{ sort: 'feedback_date', direction: 'desc' }, ['c', 'd', 'a', 'b']],
    [{ sort: 'status', direction: 'asc' }, ['a', 'c', 'b', 'd']],
  ] as const)('rows come out in the table\'s order %j', async (sort, ids) => {
    const filters = emptyFilters('2021-12-31');
    const rows = await db.query(findingsExportQuery(filters, DEFAULT_PARAMS, sort));
    expect(rows.map((r) => r.finding_id)).toEqual(ids);
    const table = await db.query(findingsTableQuery(filters, DEFAULT_PARAMS, { ...sort, limit: 100 }));
    expect(table.map((r) => r.finding_id)).toEqual(ids);
  });

  test('date columns are marked as dates, text columns are not', () => {
    const types = Object.fromEntries(exportColumns('zh').map((c) => [c.key, c.type]));
    expect(types).toMatchObject({ feedback_date: 'date', deadline: 'date', completion_date: 'date', closure_date: 'date' });
    expect(types.deadline_raw).toBeUndefined();
    expect(types.problem_title).toBeUndefined();
  });

  test('every way of marking an item not for publication is read as such', async () => {
    const { NOT_FOR_PUBLICATION_PATTERN } = await import('../../../src/lib/domain/vocabulary/disclosure');
    const values = ['是', '否', '不公开', '拟不公开', '暂不公开', '（拟不公开）', '拟不向社会公开', '不宜公开', '公开', '部分公开', '×', ''];
    const rows = await db.query<{ v: string; hidden: boolean }>(`SELECT v, regexp_matches(v, '${NOT_FOR_PUBLICATION_PATTERN.replaceAll("'", "''")}') AS hidden
      FROM (VALUES ${values.map((v) => `('${v}')`).join(', ')}) t(v)`);
    expect(rows.filter((r) => r.hidden).map((r) => r.v)).toEqual(['否', '不公开', '拟不公开', '暂不公开', '（拟不公开）', '拟不向社会公开', '不宜公开', '×']);
  });

  test('for publication, 拟不公开 items are left out', async () => {
    const rows = await db.query(findingsExportQuery(emptyFilters('2021-12-31'), DEFAULT_PARAMS, { forPublication: true }));
    expect(rows.map((r) => r.finding_id)).toEqual(['a', 'c', 'd']);
  });

  test('the table\'s search narrows the export to the rows the table lists', async () => {
    const rows = await db.query(findingsExportQuery(emptyFilters('2021-12-31'), DEFAULT_PARAMS, { search: '=CMD' }));
    expect(rows.map((r) => r.finding_id)).toEqual(['a']);
    const listed = await db.query(findingsTableQuery(emptyFilters('2021-12-31'), DEFAULT_PARAMS, { search: '=CMD' }));
    expect(listed.map((r) => r.finding_id)).toEqual(['a']);
  });

  test('Chinese headers come from the ledger field table', () => {
    const labels = exportColumns('zh').map((c) => c.label);
    expect(labels).toContain('具体问题');
    expect(labels).toContain('县市区');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
