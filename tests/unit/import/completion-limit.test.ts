import { test, expect, afterEach } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk, utf8 } from './helpers';

/**
 * A 完成时间 column that holds time limits (2024年12月底前, 2024.6.30前), as ledgers filled in before the
 * work is done write it: no completion date (before, an unfinished item's was set to the ledger's as-of
 * date), and the deadline where none is written, so the item can be overdue. Each is warned.
 */
let e: Engine & { close(): void };
afterEach(() => e.close());

test('a time limit in 完成时间 is the deadline, not the completion date', async () => {
  e = await freshEngine();
  const csv = ['婺城区委第二轮巡察整改台账（截至2024年12月1日）', '序号,被巡察单位,反馈时间,具体问题,整改状态,完成时间,整改时限',
    '1,婺城区教育局,2024-03-01,理论学习不深入,正在推进,2024年12月底前,',
    '2,婺城区财政局,2024-03-01,违规吃喝,已完成,2024年5月,',
    '3,婺城区民政局,2024-03-01,公车私用,已完成,2024.6.30前,',
    '4,婺城区卫健局,2024-03-01,文山会海,正在推进,2024年11月底前,',
    // A deadline written in its own column stays the deadline.
    '5,婺城区文旅局,2024-03-01,违规发放津补贴,正在推进,2024年11月底前,2025年6月底前'].join('\n');
  const [r] = await importOk(e, '婺城区.csv', utf8(csv));
  expect(r.asOf).toBe('2024-12-01');
  expect(r.issues.filter((i) => i.code === 'completion_is_limit').map((i) => [i.row, i.value]))
    .toEqual([[3, '2024年12月底前'], [5, '2024.6.30前'], [6, '2024年11月底前'], [7, '2024年11月底前']]);
  expect(r.issues.filter((i) => i.code === 'date_invalid')).toEqual([]);
  expect(await e.query('SELECT source_row, completion_date, deadline FROM findings ORDER BY 1')).toEqual([
    { source_row: 3, completion_date: null, deadline: '2024-12-31' },
    { source_row: 4, completion_date: '2024-05-31', deadline: null },
    { source_row: 5, completion_date: null, deadline: '2024-06-30' },
    { source_row: 6, completion_date: null, deadline: '2024-11-30' },
    { source_row: 7, completion_date: null, deadline: '2025-06-30' }]);
});
