import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, insertFindings } from '../../helpers/db';
import { findingLinksQuery, findingRecordQuery } from '../../../src/lib/queries/findingRecord';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

describe('finding record and its repeat links', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.exec(`INSERT INTO rounds VALUES
      ('金华市|市委|七届|8', '金华市', '市委', '巡察', '七届', 8, '七届市委第八轮巡察', 2019, DATE '2019-06-01'),
      ('金华市|市委|八届|2', '金华市', '市委', '巡察', '八届', 2, '八届市委第二轮巡察', 2022, DATE '2022-06-01')`);
    await db.exec(`INSERT INTO datasets (dataset_id, file_name, sheet) VALUES ('d1', '台账.xlsx', '2019')`);
    await insertFindings(db, [
      { finding_id: 'a', round_key: '金华市|市委|七届|8', round_label: '七届市委第八轮巡察', unit_name: '市教育局党委', category_l2: 'D1', problem_title: '违规吃喝问题突出', feedback_date: '2019-06-01', status: 'completed', status_raw: '已销号' },
      { finding_id: 'b', round_key: '金华市|市委|八届|2', round_label: '八届市委第二轮巡察', unit_name: '市教育局党委', category_l2: 'D1', problem_title: '公务接待超标准', feedback_date: '2022-06-01' },
      { finding_id: 'c', round_key: '金华市|市委|八届|2', round_label: '八届市委第二轮巡察', unit_name: '市卫健委党组', category_l2: 'D1', problem_title: '违规吃喝问题突出', feedback_date: '2022-06-01' },
    ].map((r) => ({ ...r, county: '市本级' })));
  });
  afterAll(() => db.close());

  test('the record carries raw and normalised values and its file', async () => {
    const [r] = await db.query(findingRecordQuery('d1', 'a'));
    expect(r).toMatchObject({ finding_id: 'a', status: 'completed', status_raw: '已销号', file_name: '台账.xlsx', dataset_sheet: '2019' });
  });

  test('links: the later same-unit same-L2 finding repeats a; another unit does not', async () => {
    const a = await db.query(findingLinksQuery('d1', 'a', '2023-01-01', DEFAULT_PARAMS));
    expect(a.map((l) => [l.direction, l.other_finding_id, l.rule])).toEqual([['later', 'b', 'same_unit_l2']]);
    const b = await db.query(findingLinksQuery('d1', 'b', '2023-01-01', DEFAULT_PARAMS));
    expect(b.map((l) => [l.direction, l.other_finding_id, l.counted])).toEqual([['earlier', 'a', true]]);
    expect(await db.query(findingLinksQuery('d1', 'c', '2023-01-01', DEFAULT_PARAMS))).toEqual([]);
  });

  test('a quote in an id cannot break out of the literal', async () => {
    expect(await db.query(findingRecordQuery("d1' OR '1'='1", 'a'))).toEqual([]);
  });
});
