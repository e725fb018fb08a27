import { expect, test } from 'vitest';
import { splitHeader } from '../../../src/lib/import/split-headers';
import { engineEachTest, importOk, mergedWorkbook, utf8 } from './helpers';

// helper-130: a header whose words are split over two rows with no merge (整改 | 整改 | 完成 over 措施 | 时限 | 情况) lost its
// status, deadline and measures columns, and its lower row was a rejected finding: 整改完成率 0 %.
const e = engineEachTest();

const TITLE = '浦江县委第四轮巡察反馈问题整改台账';
const rows = () => e.query<{ status: string | null; deadline: string | null; measures: string | null }>(
  'SELECT status, CAST(deadline AS VARCHAR) AS deadline, measures FROM findings ORDER BY source_row');
const expected = [
  { status: 'completed', deadline: '2024-09-30', measures: '规范流程' },
  { status: 'in_progress', deadline: '2024-12-31', measures: '清退' },
];

test('splitHeader: words split over two rows join where the two name a field; a data row, one join or a header of its own do not', () => {
  const at = { index: 0, rows: 1 as const, headers: [] };
  const upper = ['序号', '被巡察单位', '具体问题', '整改', '整改', '完成'];
  expect(splitHeader([upper, [null, null, null, '措施', '时限', '情况']], at)?.headers)
    .toEqual(['序号', '被巡察单位', '具体问题', '整改措施', '整改时限', '完成情况']);
  // The group written once, carried right over the empty cells above lower words.
  expect(splitHeader([['序号', '被巡察单位', '具体问题', '整改', null, '完成'], [null, null, null, '措施', '时限', '情况']], at)?.headers)
    .toEqual(['序号', '被巡察单位', '具体问题', '整改措施', '整改时限', '完成情况']);
  // A data row under the header, one join only, a lower word a field itself: the header as it was.
  expect(splitHeader([upper, ['1', '浦江县财政局', '政府采购不规范', '措施', '时限', '2024年']], at)).toBe(at);
  expect(splitHeader([upper, [null, null, null, '措施', null, null]], at)).toBe(at);
  expect(splitHeader([['序号', '被巡察单位', '具体问题', '整改'], [null, null, null, '状态']], at)).toBe(at);
});

test('CSV: the two rows are one header; status, deadline and measures are read, no row is rejected', async () => {
  const csv = [TITLE, '序号,被巡察单位,具体问题,整改,整改,完成', ',,,措施,时限,情况',
    '1,浦江县财政局党组,政府采购程序不规范,规范流程,2024年9月底前,已完成', '2,浦江县财政局党组,违规发放津补贴,清退,2024年12月底前,正在整改'].join('\n');
  const [r] = await importOk(e, '浦江县.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(r.issues.filter((i) => i.code === 'status_missing' || i.code === 'column_ignored')).toEqual([]);
  expect(await rows()).toEqual(expected);
});

test('XLSX: the words typed in two unmerged rows, the group written once, read the same', async () => {
  const bytes = mergedWorkbook([[TITLE], ['序号', '被巡察单位', '具体问题', '整改', null, '完成'], [null, null, null, '措施', '时限', '情况'],
    [1, '浦江县财政局党组', '政府采购程序不规范', '规范流程', '2024年9月底前', '已完成'], [2, '浦江县财政局党组', '违规发放津补贴', '清退', '2024年12月底前', '正在整改']], []);
  const [r] = await importOk(e, '浦江县.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(await rows()).toEqual(expected);
});
