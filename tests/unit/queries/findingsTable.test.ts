import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { containsPattern, findingsCountQuery, findingsTableQuery, type FindingTableRow, type SortKey } from '../../../src/lib/queries/findingsTable';
import { emptyFilters, type Facet } from '../../../src/lib/queries/filters';
import { findingsExportQuery } from '../../../src/lib/queries/findingsExport';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, type TestEngine } from './fixture';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openFixtureEngine();
  const fb = { feedback_date: '2023-01-01' };
  await insertFindings(engine, [
    { ...fb, finding_id: 'p1', problem_title: '津补贴超标50%', deadline: '2023-03-01', status: 'completed', completion_date: '2023-06-01' },
    { ...fb, finding_id: 'p2', problem_title: '经费超支500元', deadline: '2023-02-01', status: 'in_progress' },
    { ...fb, finding_id: 'p3', problem_title: 'a_b 台账', unit_name: "O'Brien公司", status: null },
    { ...fb, finding_id: 'p4', problem_title: 'axb 台账', problem_detail: '公车私用 DETAIL', deadline: '2023-04-15', status: 'not_completed' },
    { feedback_date: '2023-07-01', finding_id: 'p5', problem_title: '后来反馈' },
  ]);
});
afterAll(() => engine.close());

const ids = (rows: FindingTableRow[]) => rows.map((r) => r.finding_id);

describe('findingsTableQuery', () => {
  test('exact count SQL with an escaped search', () => {
    expect(containsPattern("50%_o'b\\")).toBe("'%50\\%\\_o''b\\\\%'");
    expect(findingsCountQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS, { search: '50%' })).toBe(
      `SELECT CAST(count(*) AS INTEGER) AS total FROM (SELECT * FROM (SELECT *, CASE WHEN status = 'completed' AND completion_date > DATE '2023-04-01' THEN 'in_progress' ELSE status END AS status_t FROM findings WHERE (feedback_date <= DATE '2023-04-01' OR feedback_date IS NULL AND round_key NOT IN (SELECT round_key FROM rounds WHERE feedback_date > DATE '2023-04-01'))) WHERE problem_title ILIKE '%50\\%%' ESCAPE '\\' OR unit_name ILIKE '%50\\%%' ESCAPE '\\' OR problem_detail ILIKE '%50\\%%' ESCAPE '\\')`,
    );
  });

  test.each([
    ['50%', ['p1']],
    ['_', ['p3']],
    ["o'brien", ['p3']],
    ['detail', ['p4']],
    ['台账', ['p3', 'p4']],
    ['  ', ['p1', 'p2', 'p3', 'p4']],
  ])('search %j matches literally in title, unit, detail', async (search, want) => {
    const rows = await engine.query<FindingTableRow>(findingsTableQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS, { search }));
    expect(ids(rows)).toEqual(want);
    const [count] = await engine.query<{ total: number }>(findingsCountQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS, { search }));
    expect(count.total).toBe(want.length);
  });

  test('status, overdue and warning at two as-of dates; later feedback appears later', async () => {
    const early = await engine.query<FindingTableRow>(findingsTableQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS));
    expect(early.map((r) => [r.finding_id, r.status, r.overdue, r.warning])).toEqual([
      ['p1', 'in_progress', true, 'red'], ['p2', 'in_progress', true, 'red'], ['p3', null, false, null], ['p4', 'not_completed', false, 'green'],
    ]);
    const late = await engine.query<FindingTableRow>(findingsTableQuery(emptyFilters('2023-12-31'), DEFAULT_PARAMS));
    expect(late.map((r) => [r.finding_id, r.status, r.overdue])).toEqual([
      ['p1', 'completed', false], ['p2', 'in_progress', true], ['p3', null, false], ['p4', 'not_completed', true], ['p5', null, false],
    ]);
  });

  test('a drill-down facet lists the findings its chart element counts: one warning colour, the explicit repeats', async () => {
    const at = (facet: Facet, asOf = '2023-04-01') => ({ ...emptyFilters(asOf), facet });
    const listed = async (facet: Facet, asOf?: string) => {
      const rows = await engine.query<FindingTableRow>(findingsTableQuery(at(facet, asOf), DEFAULT_PARAMS));
      const [count] = await engine.query<{ total: number }>(findingsCountQuery(at(facet, asOf), DEFAULT_PARAMS));
      expect(count.total).toBe(rows.length);
      return ids(rows);
    };
    // At 2023-04-01: p1 (completed only in June) and p2 are past their deadlines, p4 is due in 14 days.
    expect(await listed('warning_red')).toEqual(['p1', 'p2']);
    expect(await listed('warning_yellow')).toEqual([]);
    expect(await listed('warning_green')).toEqual(['p4']);
    expect(await listed('warning_red', '2023-12-31')).toEqual(['p2', 'p4']);
    expect(await listed('explicit_repeat')).toEqual([]);
    await engine.exec(`UPDATE findings SET is_prior_round_issue = true WHERE finding_id = 'p3'`);
    try {
      expect(await listed('explicit_repeat')).toEqual(['p3']);
      const rows = await engine.query<{ finding_id: string }>(findingsExportQuery(at('explicit_repeat'), DEFAULT_PARAMS));
      expect(rows.map((r) => r.finding_id)).toEqual(['p3']);
    } finally {
      await engine.exec(`UPDATE findings SET is_prior_round_issue = NULL WHERE finding_id = 'p3'`);
    }
  });

  test('sort by a whitelisted column with paging; an unknown key falls back to the id', async () => {
    const page = await engine.query<FindingTableRow>(findingsTableQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS, { sort: 'deadline', direction: 'desc', limit: 2, offset: 1 }));
    expect(ids(page)).toEqual(['p1', 'p2']);
    const bogus = findingsTableQuery(emptyFilters('2023-04-01'), DEFAULT_PARAMS, { sort: 'x; DROP TABLE findings' as SortKey });
    expect(bogus).toContain('ORDER BY finding_id ASC');
    expect(ids(await engine.query<FindingTableRow>(bogus))).toEqual(['p1', 'p2', 'p3', 'p4']);
  });
});
