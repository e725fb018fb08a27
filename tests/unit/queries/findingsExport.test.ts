import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, insertFindings } from '../../helpers/db';
import { findingsExportQuery, exportColumns } from '../../../src/lib/queries/findingsExport';
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
    ]);
  });
  afterAll(() => db.close());

  test('exports S at T with every stored ledger column and status at T', async () => {
    const rows = await db.query(findingsExportQuery(emptyFilters('2020-12-31'), DEFAULT_PARAMS));
    expect(rows.map((r) => [r.finding_id, r.status_t])).toEqual([['a', 'completed'], ['b', 'in_progress']]);
    expect(Object.keys(rows[0])).toEqual(exportColumns('en').map((c) => c.key));
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
    expect(rows.map((r) => r.finding_id)).toEqual(['a', 'c']);
  });

  test('Chinese headers come from the ledger field table', () => {
    const labels = exportColumns('zh').map((c) => c.label);
    expect(labels).toContain('具体问题');
    expect(labels).toContain('县市区');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
