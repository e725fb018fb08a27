import { expect, test } from 'vitest';
import { countyInHeading } from '../../../src/lib/import/title';
import { engineEachTest, importOk, mergedWorkbook, utf8 } from './helpers';

/**
 * A city's ledger that lists each county's problems under a heading naming the county (一、东阳市,
 * 二、义乌市, 三、市直单位) and has no county column (county-headings.ts). Before, the headings were the
 * rows' 方面 and the rows took the file's county or none: a town's unit under 二、义乌市 was rejected
 * (county_local_unit), or counted in the county the file name gives.
 */
const e = engineEachTest();

const TITLE = '金华市委第三轮巡察反馈问题整改台账';
const rows = () => e.query<{ source_row: number; county: string | null; unit_name: string; aspect_raw: string | null }>(
  'SELECT source_row, county, unit_name, aspect_raw FROM findings ORDER BY source_row');

test('countyInHeading: a heading naming a county, a zone or the city\'s own units; a unit, a 方面 or the bare city is none', () => {
  const table: [string, string | null][] = [
    ['一、东阳市（12个问题）', '东阳市'], ['（二）浦江县：', '浦江县'], ['三、永康', '永康'], ['四、金华市婺城区', '婺城区'],
    ['五、金华开发区', '金华开发区'], ['六、市直单位', '市直单位'], ['1.义乌市反馈问题', '义乌市'], ['东阳市', '东阳市'],
    ['一、东阳市横店镇党委', null], ['二、东阳市教育局', null], ['三、全面从严治党方面', null], ['四、金华市', null],
    ['（一）党的建设', null], ['五、东阳市委', null], ['杭州市', null],
  ];
  expect(table.map(([t]) => countyInHeading(t))).toEqual(table.map(([, c]) => c));
});

test('county and unit headings: each row takes both; a county heading ends the unit above, and its rows before the next unit have none', async () => {
  const csv = [TITLE, '序号,问题,整改状态',
    '一、东阳市（2个问题）,,', '（一）横店镇党委,,', '1,违规吃喝,已完成', '（二）南马镇党委,,', '1,档案管理不规范,已完成',
    '二、义乌市,,', '1,会议记录不全,已完成', '（一）佛堂镇党委,,', '1,食堂管理不规范,已完成',
    '三、市直单位,,', '（一）市教育局党委,,', '1,经费管理不规范,正在整改'].join('\n');
  const [r] = await importOk(e, '整改台账.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([4, 1]);
  // Under 二、义乌市 before its first unit: not 南马镇党委 of 东阳市.
  expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[9, 'unit_missing']]);
  expect(r.issues.filter((i) => i.row === 0 && i.code.endsWith('_from_headings')).map((i) => [i.code, i.value])).toEqual([
    ['county_from_headings', '东阳市 | 义乌市 | 市直单位'], ['unit_from_headings', '横店镇党委 | 南马镇党委 | 佛堂镇党委 | 市教育局党委']]);
  expect((await rows()).map((x) => [x.source_row, x.county, x.unit_name])).toEqual([
    [5, '东阳市', '横店镇党委'], [7, '东阳市', '南马镇党委'], [11, '义乌市', '佛堂镇党委'], [14, '市本级', '市教育局党委']]);
});

test('beside a unit column: the heading gives the county over the file\'s, ends the 方面 above and is no 方面 itself', async () => {
  const csv = [TITLE, '序号,被巡察单位,问题,整改状态',
    '一、东阳市,,,', '（一）党的建设方面,,,', '1,横店镇党委,违规吃喝,已完成',
    '二、义乌市,,,', '1,佛堂镇党委,食堂管理不规范,已完成', '三、金华开发区,,,', '1,苏孟乡党委,档案管理不规范,已完成'].join('\n');
  const [r] = await importOk(e, '东阳市整改台账.csv', utf8(csv));
  expect(r.rowsAccepted).toBe(3);
  expect(r.issues.filter((i) => i.code.startsWith('row_skipped')).map((i) => [i.row, i.code])).toEqual([
    [3, 'row_skipped_heading'], [4, 'row_skipped_section'], [6, 'row_skipped_heading'], [8, 'row_skipped_heading']]);
  expect((await rows()).map((x) => [x.county, x.unit_name, x.aspect_raw])).toEqual([
    ['东阳市', '横店镇党委', '（一）党的建设方面'], ['义乌市', '佛堂镇党委', null], ['金华开发区', '苏孟乡党委', null]]);
});

test('beside a county column the column decides; the headings are still no 方面, and nothing is said about them', async () => {
  const csv = [TITLE, '序号,县（市、区）,被巡察单位,问题,整改状态',
    '一、东阳市,,,,', '1,东阳市,横店镇党委,违规吃喝,已完成', '二、义乌市,,,,', '1,义乌市,佛堂镇党委,食堂管理不规范,已完成', '2,东阳市,南马镇党委,档案管理不规范,已完成'].join('\n');
  const [r] = await importOk(e, '整改台账.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code === 'county_from_headings')).toEqual([]);
  expect((await rows()).map((x) => [x.county, x.unit_name, x.aspect_raw])).toEqual([
    ['东阳市', '横店镇党委', null], ['义乌市', '佛堂镇党委', null], ['东阳市', '南马镇党委', null]]);
});

test('one heading naming one county is a 方面 as before: it may be a topic, and a county\'s ledger is named by its title', async () => {
  const csv = ['东阳市委第三轮巡察反馈问题整改台账', '序号,被巡察单位,问题,整改状态', '一、东阳市,,,', '1,横店镇党委,违规吃喝,已完成'].join('\n');
  const [r] = await importOk(e, '整改台账.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code === 'county_from_headings')).toEqual([]);
  expect((await rows()).map((x) => [x.county, x.aspect_raw])).toEqual([['东阳市', '一、东阳市']]);
});

test('XLSX: county headings merged across the row', async () => {
  const bytes = mergedWorkbook([[TITLE], ['序号', '被巡察单位', '问题', '整改状态'],
    ['一、兰溪市（1个问题）'], [1, '游埠镇党委', '违规吃喝', '已完成'],
    ['二、武义县（1个问题）'], [1, '柳城畲族镇党委', '食堂管理不规范', '正在整改']], ['A1:D1', 'A3:D3', 'A5:D5']);
  const [r] = await importOk(e, '整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect((await rows()).map((x) => [x.county, x.unit_name])).toEqual([['兰溪市', '游埠镇党委'], ['武义县', '柳城畲族镇党委']]);
});

test('another heading of the counties\' level ends the county above; a unit naming its county keeps it (review)', async () => {
  const csv = [TITLE, '序号,被巡察单位,问题,整改状态',
    '一、市直单位,,', '1,市教育局党委,经费管理不规范,已完成', '二、金华开发区,,', '1,苏孟乡党委,食堂管理不规范,已完成',
    '三、各县（市、区）,,', '1,东阳市横店镇党委,违规吃喝,已完成', '2,义乌市佛堂镇党委,档案管理不规范,正在整改',
    '四、东阳市,,', '1,义乌市稠城街道党工委,会议记录不全,已完成', '2,南马镇党委,公车管理不规范,已完成'].join('\n');
  const [r] = await importOk(e, '整改台账.csv', utf8(csv));
  expect(r.rowsAccepted).toBe(6);
  // Before, the rows under 三 were counted in 金华开发区, and 义乌市稠城街道党工委 under 四、东阳市 in 东阳市.
  expect((await rows()).map((x) => [x.county, x.unit_name])).toEqual([['市本级', '市教育局党委'], ['金华开发区', '苏孟乡党委'],
    ['东阳市', '东阳市横店镇党委'], ['义乌市', '义乌市佛堂镇党委'], ['义乌市', '义乌市稠城街道党工委'], ['东阳市', '南马镇党委']]);
});
