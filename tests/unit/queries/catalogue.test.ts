import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, insertFindings } from '../../helpers/db';
import {
  categoryOptionsQuery, countyOptionsQuery, datasetIssuesQuery, datasetsQuery, defaultAsOfQuery, roundOptionsQuery, valueOptionsQuery,
} from '../../../src/lib/queries/catalogue';

describe('catalogue queries', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.exec(`INSERT INTO rounds VALUES
      ('浙江省|省委|十四届|4', '浙江省', '省委', '巡视', '十四届', 4, '十四届省委第四轮巡视', 2018, DATE '2018-10-30'),
      ('金华市|市委|七届|8', '金华市', '市委', '巡察', '七届', 8, '七届市委第八轮巡察', 2019, DATE '2019-06-01'),
      ('金华市|市委|七届|9', '金华市', '市委', '巡察', '七届', 9, '七届市委第九轮巡察', 2019, NULL)`);
    await insertFindings(db, [
      { round_key: '金华市|市委|七届|8', county: '市本级', county_code: '330700', category_l1: 'D', feedback_date: '2019-06-01', completion_date: '2019-09-02' },
      { round_key: '浙江省|省委|十四届|4', county: '永康市', county_code: '330784', category_l1: 'A', feedback_date: '2018-10-30' },
      { round_key: '浙江省|省委|十四届|4', county: '永康市', county_code: '330784', category_l1: 'A', feedback_date: '2018-10-30' },
      { round_key: '金华市|市委|七届|8', county: '婺城区', county_code: '330702', category_l1: 'D', feedback_date: '2019-06-01' },
      { round_key: '金华市|市委|七届|8', county: '金华开发区', county_code: null, category_l1: 'Z', feedback_date: '2019-06-01' },
    ]);
  });
  afterAll(() => db.close());

  test('rounds are listed in feedback-date order and only when they have findings', async () => {
    const rows = await db.query(roundOptionsQuery());
    expect(rows.map((r) => [r.round_label, r.findings])).toEqual([
      ['十四届省委第四轮巡视', 2],
      ['七届市委第八轮巡察', 3],
    ]);
  });

  test('counties follow code order with 市本级 and zones last', async () => {
    const rows = await db.query(countyOptionsQuery());
    expect(rows.map((r) => r.county)).toEqual(['婺城区', '永康市', '市本级', '金华开发区']);
  });

  test('categories present with counts', async () => {
    expect(await db.query(categoryOptionsQuery())).toEqual([
      { code: 'A', findings: 2 }, { code: 'D', findings: 2 }, { code: 'Z', findings: 1 },
    ]);
  });

  test('unit types and sources present, most findings first, none for an empty column', async () => {
    await db.exec(`UPDATE findings SET unit_type = CASE WHEN county = '永康市' THEN '乡镇(街道)' WHEN county = '婺城区' THEN '党政机关' END`);
    expect(await db.query(valueOptionsQuery('unit_type'))).toEqual([{ value: '乡镇(街道)', findings: 2 }, { value: '党政机关', findings: 1 }]);
    expect(await db.query(valueOptionsQuery('source'))).toEqual([]);
  });

  test('default as-of: newest date in findings when no dataset names one, else the dataset date', async () => {
    expect(await db.query(defaultAsOfQuery())).toEqual([{ as_of: '2019-09-02' }]);
    await db.exec(`INSERT INTO datasets (dataset_id, file_name, as_of_date) VALUES ('d1', 'a.csv', DATE '2020-01-31')`);
    expect(await db.query(defaultAsOfQuery())).toEqual([{ as_of: '2020-01-31' }]);
    const ds = await db.query(datasetsQuery());
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ dataset_id: 'd1', findings: 5, is_sample: false, rows_accepted: 0 });
    // The rounds and counties its findings are of (the stale-ledger note follows the filters by them).
    expect(ds[0].rounds).toEqual(['浙江省|省委|十四届|4', '金华市|市委|七届|8']);
    expect(ds[0].counties).toEqual(['婺城区', '市本级', '永康市', '金华开发区'].sort());
  });

  test('stored validation issues of one dataset, in row order with errors first', async () => {
    await db.exec(`INSERT INTO import_issues VALUES
      ('d1', 'a.csv', NULL, 7, '整改状态', '待核实', 'warning', 'status_unknown', 'import.issue.status_unknown'),
      ('d1', 'a.csv', NULL, 3, '具体问题', NULL, 'error', 'required_missing', 'import.issue.required_missing'),
      ('d1', 'a.csv', NULL, 3, '完成时间', '2019-13-45', 'warning', 'bad_date', 'import.issue.bad_date'),
      ('d2', 'b.csv', NULL, 1, NULL, NULL, 'warning', 'x', NULL)`);
    const rows = await db.query(datasetIssuesQuery('d1'));
    expect(rows.map((r) => [r.source_row, r.severity, r.code])).toEqual([
      [3, 'error', 'required_missing'], [3, 'warning', 'bad_date'], [7, 'warning', 'status_unknown'],
    ]);
    expect(await db.query(datasetIssuesQuery('d1', 1))).toHaveLength(1);
  });
});
