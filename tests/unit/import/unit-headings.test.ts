import { expect, test } from 'vitest';
import { importFile } from '../../../src/lib/import';
import { headingLevel, unitInHeading } from '../../../src/lib/import/title';
import { engineEachTest, importOk, mergedWorkbook, utf8 } from './helpers';

/**
 * A ledger with no unit column that lists each unit's problems under a heading row naming the unit
 * (一、横店镇党委（2个问题）): the rows under it are that unit's (unit-headings.ts). It used to ask for one
 * unit for the whole sheet in the mapping dialog.
 */
const e = engineEachTest();

const TITLE = '东阳市委第三轮巡察反馈问题整改台账';
const units = () => e.query<{ source_row: number; unit_name: string; aspect_raw: string | null; county: string }>(
  'SELECT source_row, unit_name, aspect_raw, county FROM findings ORDER BY source_row');

test('unitInHeading: a heading naming an organisation, its numbering and problem count left out; a 方面 or field of work is none', () => {
  const table: [string, string | null][] = [
    ['一、横店镇党委（2个问题）', '横店镇党委'], ['（二）市场监管局：', '市场监管局'], ['南马镇党委', '南马镇党委'],
    ['1.东阳市教育局党委（共3项）', '东阳市教育局党委'], ['一、中共东阳市横店镇委员会（5个）', '中共东阳市横店镇委员会'],
    ['二、全面从严治党方面', null], ['一、党的政治建设', null], ['三、选人用人专项检查反馈问题', null], ['（一）组织建设', null],
    ['婺城区', null], ['一、理论学习中心组', null], ['（一）党委主体责任落实不到位', null], ['四、巡察整改落实情况', null],
    // Review: names with 建设 or 纪律 are units; meetings, 各乡镇 and bare Party words are not; a count without brackets goes.
    ['二、东阳市住房和城乡建设局（1个问题）', '东阳市住房和城乡建设局'], ['一、东阳市纪律检查委员会', '东阳市纪律检查委员会'],
    ['横店镇党委 2个问题', '横店镇党委'], ['（一）民主生活会', null], ['一、各乡镇', null], ['乡镇（街道）党委', null], ['党支部', null],
  ];
  expect(table.map(([t]) => unitInHeading(t))).toEqual(table.map(([, u]) => u));
});

test('CSV: each unit heading gives the rows under it their unit, is skipped as a heading and listed once in the report', async () => {
  const csv = [TITLE, '序号,问题,整改措施,整改状态,完成时间',
    '一、横店镇党委（2个问题）,,,,', '1,理论学习不深入,制定计划,已完成,2024-05-01', '2,违规发放津补贴,清退,正在整改,',
    '二、南马镇党委（1个问题）,,,,', '1,三会一课不规范,整改,已完成,2024-05-03',
    '三、市场监管局,,,,', '1,执法不规范,整改,已完成,2024-05-03'].join('\n');
  const [r] = await importOk(e, '东阳市整改台账.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 3]);
  expect(r.issues.filter((i) => i.code === 'row_skipped_heading').map((i) => i.row)).toEqual([3, 6, 8]);
  expect(r.issues.filter((i) => i.code === 'unit_from_headings').map((i) => [i.row, i.severity, i.value]))
    .toEqual([[0, 'info', '横店镇党委 | 南马镇党委 | 市场监管局']]);
  expect(r.issues.filter((i) => i.code === 'unit_from_title')).toEqual([]);
  expect(await units()).toEqual([
    { source_row: 4, unit_name: '横店镇党委', aspect_raw: null, county: '东阳市' },
    { source_row: 5, unit_name: '横店镇党委', aspect_raw: null, county: '东阳市' },
    { source_row: 7, unit_name: '南马镇党委', aspect_raw: null, county: '东阳市' },
    { source_row: 9, unit_name: '市场监管局', aspect_raw: null, county: '东阳市' },
  ]);
});

test('XLSX: a unit heading merged across the row, with 方面 headings under it: the unit from the one, the 方面 from the other, up to the next unit', async () => {
  const bytes = mergedWorkbook([[TITLE], ['序号', '问题', '整改状态'],
    ['一、横店镇党委（2个问题）'], ['（一）全面从严治党方面'], [1, '违规吃喝问题仍有发生', '已完成'], ['（二）组织建设方面'], [2, '村班子配备不齐', '正在整改'],
    ['二、南马镇党委（1个问题）'], [1, '理论学习不深入', '已完成']], ['A3:C3', 'A4:C4', 'A6:C6', 'A8:C8'], '台账');
  const [r] = await importOk(e, '东阳市整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect((await units()).map((u) => [u.unit_name, u.aspect_raw])).toEqual([
    ['横店镇党委', '（一）全面从严治党方面'], ['横店镇党委', '（二）组织建设方面'], ['南马镇党委', null],
  ]);
});

test('a unit column wins: the same headings are sections as before; 方面 headings alone still ask for the unit', async () => {
  const withColumn = [TITLE, '序号,被巡察单位,问题,整改状态', '一、横店镇党委（1个问题）,,,', '1,南马镇党委,理论学习不深入,已完成'].join('\n');
  await importOk(e, '东阳市整改台账.csv', utf8(withColumn));
  expect((await units()).map((u) => u.unit_name)).toEqual(['南马镇党委']);
  const aspectsOnly = [TITLE, '序号,问题,整改状态', '一、全面从严治党方面,,', '1,违规吃喝,已完成'].join('\n');
  const res = await importFile(e, { name: '东阳市整改台账2.csv', bytes: utf8(aspectsOnly) });
  expect(!res.ok && 'needsMapping' in res && res.needsMapping.missing).toEqual(['unit_name']);
});

test('headingLevel: the numbering of official documents, circled numbers before width folding', () => {
  expect(['一、横店镇', '（一）方面', '(二)方面', '1.横店镇', '1、横店镇', '1.1 措施', '（1）措施', '①措施', '第一部分', '横店镇党委'].map(headingLevel))
    .toEqual([1, 2, 2, 3, 3, 0, 4, 5, 6, 0]);
  // Single characters for a numbering (⑴ is (1), ⒈ is 1. once width-folded), and 1） (review).
  expect(['⑴横店镇党委', '⒈横店镇党委', '1）横店镇党委'].map(headingLevel)).toEqual([4, 3, 5]);
});

test('units under headings numbered ⑴ or 1） are named without their number (review)', async () => {
  await importOk(e, '东阳市整改台账.csv', utf8([TITLE, '序号,问题,整改状态', '⑴横店镇党委,,', '1,违规吃喝,已完成', '⑵东阳市妇联,,', '1,会议记录不全,已完成'].join('\n')));
  await importOk(e, '东阳市整改台账2.csv', utf8([TITLE, '序号,问题,整改状态',
    '1）南马镇党委（2个问题）,,', '1,档案管理不规范,已完成', '2）画水镇党委,,', '1,公车管理不规范,已完成'].join('\n')));
  expect((await units()).map((u) => u.unit_name).sort()).toEqual(['东阳市妇联', '南马镇党委', '横店镇党委', '画水镇党委'].sort());
});

test('at the units\' level every heading is a unit or ends one; 方面 and topics of other levels stay 方面 (review)', async () => {
  const csv = ['中共东阳市教育局委员会关于市委第三轮巡察反馈意见整改落实情况台账', '序号,问题,整改状态',
    '1,学校食堂管理不规范,已完成',
    '一、横店镇党委（2个问题）,,', '（一）民主生活会,,', '1,民主生活会批评不深入,已完成', '（二）全面从严治党方面,,', '2,违规吃喝,正在整改',
    '二、东阳市住房和城乡建设局（1个问题）,,', '1,工程招投标不规范,已完成',
    '三、东阳市妇联,,', '1,财务报销不规范,已完成',
    '四、其他问题,,', '1,档案管理不规范,已完成'].join('\n');
  const [r] = await importOk(e, '东阳市整改台账.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([5, 1]);
  expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[14, 'unit_missing']]);
  expect((await units()).map((u) => [u.source_row, u.unit_name, u.aspect_raw])).toEqual([
    // Above the first heading: the unit the title names.
    [3, '中共东阳市教育局委员会', null],
    [6, '横店镇党委', '（一）民主生活会'], [8, '横店镇党委', '（二）全面从严治党方面'],
    [10, '东阳市住房和城乡建设局', null], [12, '东阳市妇联', null],
  ]);
  expect(r.issues.filter((i) => i.code === 'unit_from_headings').map((i) => i.value)).toEqual(['横店镇党委 | 东阳市住房和城乡建设局 | 东阳市妇联']);
});

test('250 unit headings: every row has its unit (one sorted join, no cap)', async () => {
  const lines = [TITLE, '序号,问题,整改状态'];
  for (let i = 1; i <= 250; i++) lines.push(`${i}.第${i}村党支部（1个问题）,,`, `（1）,村务公开不及时${i},已完成`);
  const [r] = await importOk(e, '东阳市整改台账.csv', utf8(lines.join('\n')));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([250, 0]);
  const rows = await units();
  expect([rows[0].unit_name, rows[249].unit_name, new Set(rows.map((x) => x.unit_name)).size]).toEqual(['第1村党支部', '第250村党支部', 250]);
});

// helper-128: units stacked in one sheet under one-cell lines (被巡察单位：…), under bare names, or each under its own title.
// The line's unit was lost (its rows went to the first unit), a bare 东阳市妇联 among …党委 headings was counted under the unit
// above, and the county of the first title or form line was every row's, so a unit of 义乌市 was counted in 东阳市.
test('units stacked under 被巡察单位： lines, bare names or their own titles: each row its unit, each unit its county', async () => {
  const block = (u: string, titled: (u: string) => string[]) => [...titled(u), '序号,具体问题,整改措施,整改时限,整改状态',
    '1,村级财务管理不规范,开展清查,2024年6月底前,已完成', `2,违规发放误工补贴${u.length},清退,2024年6月底前,正在整改`];
  const byUnit = async (name: string, lines: string[]) => {
    const [r] = await importOk(e, name, utf8(lines.join('\n')), { allowDuplicate: true });
    expect(r.rowsRejected).toBe(0);
    return e.query<{ unit_name: string; county: string; n: number }>(`SELECT unit_name, county, count(*)::INT AS n FROM findings
      WHERE dataset_id = '${r.datasetId}' GROUP BY ALL ORDER BY min(source_row)`);
  };
  const two = [{ unit_name: '东阳市横店镇党委', county: '东阳市', n: 2 }, { unit_name: '义乌市稠城街道党工委', county: '义乌市', n: 2 }];
  const units = ['东阳市横店镇党委', '义乌市稠城街道党工委'];
  expect(await byUnit('a.csv', ['八届市委第六轮巡察反馈问题整改台账', ...units.flatMap((u) => block(u, (x) => [`被巡察单位：${x}`]))])).toEqual(two);
  expect(await byUnit('b.csv', ['八届市委第六轮巡察反馈问题整改台账', ...units.flatMap((u) => block(u, (x) => [`县市区：${x.slice(0, 3)}　被巡察单位：${x}`]))])).toEqual(two);
  expect(await byUnit('c.csv', units.flatMap((u) => block(u, (x) => [`${x}落实八届市委第六轮巡察反馈意见整改台账`])))).toEqual(two);
  // helper-129: a 县级市's own departments (市财政局) stacked so stay in the county the file or the form line names, not 市本级.
  const own = ['市财政局党组', '市卫健局党委'];
  const inLanxi = [{ unit_name: '市财政局党组', county: '兰溪市', n: 2 }, { unit_name: '市卫健局党委', county: '兰溪市', n: 2 }];
  expect(await byUnit('兰溪市第六轮巡察整改台账.csv', ['八届市委第六轮巡察反馈问题整改台账', ...own.flatMap((u) => block(u, (x) => [`被巡察单位：${x}`]))])).toEqual(inLanxi);
  expect(await byUnit('e.csv', ['八届市委第六轮巡察反馈问题整改台账', ...own.flatMap((u) => block(u, (x) => [`县市区：兰溪市　被巡察单位：${x}`]))])).toEqual(inLanxi);
  // Unnumbered headings: a name its ending does not tell is a unit where it opens with its place's name.
  const bare = ['十五届东阳市委第六轮巡察反馈问题整改台账', '序号,具体问题,整改措施,整改时限,整改状态', '东阳市横店镇党委,,,,',
    '1,村级财务管理不规范,开展清查,2024年6月底前,已完成', '东阳市教育局党委,,,,', '1,校园食堂管理不规范,规范管理,2024年6月底前,已完成',
    '东阳市妇联,,,,', '1,意识形态工作责任制落实不到位,完善制度,2024年6月底前,已完成'];
  expect((await byUnit('d.csv', bare)).map((x) => [x.unit_name, x.n])).toEqual([['东阳市横店镇党委', 1], ['东阳市教育局党委', 1], ['东阳市妇联', 1]]);
});
