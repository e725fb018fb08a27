import { afterEach, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { freshEngine, importOk, issuesOf } from './helpers';

// County cells as clerks write them: two counties in one cell, one zone under three spellings.
let engine: (Engine & { close(): void }) | null = null;
afterEach(() => engine?.close());
const ledger = (counties: string[]) => new TextEncoder().encode(['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态',
  ...counties.map((c, i) => `${i + 1},${c},单位${i + 1},八届市委第三轮巡察,问题${'一二三四五六七八'[i]}不深入,已完成`)].join('\n'));

test('a cell naming two counties counts under the first named, and the row is warned', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['东阳、义乌', '婺城区和金东区', '义乌市', '义乌市（含开发区）', '东阳 义乌', '婺 城 区']));
  expect((await engine.query<{ county: string }>('SELECT county FROM findings ORDER BY source_row')).map((r) => r.county))
    .toEqual(['东阳市', '婺城区', '义乌市', '义乌市', '东阳市', '婺城区']);
  expect(issuesOf(report, 'warning').filter((i) => i.code === 'county_multiple').map((i) => i.row)).toEqual([2, 3, 6]);
  expect(report.issues.find((i) => i.code === 'county_multiple')?.value).toBe('东阳、义乌 → 东阳市');
});

test('金华开发区, 金华经开区 and 金华经济技术开发区 are one zone, not a county to warn about', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['金华开发区', '金华经开区', '金华经济技术开发区', '金华市经济技术开发区', '浙江省金华经开区', '金华经济技术开发区管委会', '金华开发区党工委']));
  expect((await engine.query<{ county: string }>('SELECT DISTINCT county FROM findings')).map((r) => r.county)).toEqual(['金华开发区']);
  expect(report.issues.filter((i) => i.code.startsWith('county_'))).toEqual([]);
});

test('a zone named only by the unit (金华经开区党工委) is the same zone', async () => {
  engine = await freshEngine();
  const bytes = new TextEncoder().encode('序号,被巡察单位,轮次名称,具体问题,整改状态\n1,金华经开区党工委,八届市委第三轮巡察,问题不深入,已完成\n2,金华开发区管委会,八届市委第三轮巡察,问题不到位,已完成');
  await importOk(engine, 'a.csv', bytes);
  expect((await engine.query<{ county: string }>('SELECT DISTINCT county FROM findings')).map((r) => r.county)).toEqual(['金华开发区']);
});

test('a bare 开发区 or 高新区 names no county and is warned; a zone named by its place is not', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['开发区', '高新区', '义乌经济开发区', '金华山旅游经济区', '经济开发区', '高新技术产业开发区']));
  expect(issuesOf(report, 'warning').filter((i) => i.code === 'county_not_listed').map((i) => i.row)).toEqual([2, 3, 6, 7]);
});

test('in a 金华市委 round with no county column, a town, village or bare 区/县 unit names no county: not 市本级, rejected for its county', async () => {
  engine = await freshEngine();
  const bytes = new TextEncoder().encode(['序号,被巡察单位,轮次名称,具体问题,整改状态', '1,市教育局党委,八届市委第三轮巡察,问题不深入,已完成',
    '2,横店镇党委,八届市委第三轮巡察,问题不到位,已完成', '3,西城街道党工委,八届市委第三轮巡察,问题不规范,已完成', '4,东阳市横店镇党委,八届市委第三轮巡察,问题不严格,已完成',
    '5,东山村村民委员会,八届市委第三轮巡察,问题五,已完成', '6,横店镇纪委,八届市委第三轮巡察,问题六,已完成', '7,横店镇党委（政府）,八届市委第三轮巡察,问题七,已完成',
    '8,市农业农村局,八届市委第三轮巡察,问题八,已完成', '9,市民政局社区处,八届市委第三轮巡察,问题九,已完成', '10,市城乡建设局,八届市委第三轮巡察,问题十,已完成',
    '11,市人大农业与农村委员会,八届市委第三轮巡察,问题十一,已完成', '12,市农业农村委员会,八届市委第三轮巡察,问题十二,已完成',
    // A bare 区 or 县 before a unit is a district's or county's own (区卫健局, 中共县纪委), never the city's; 区域… is no such prefix.
    '13,区卫健局,八届市委第三轮巡察,问题十三,已完成', '14,中共县纪委,八届市委第三轮巡察,问题十四,已完成', '15,区域协作中心,八届市委第三轮巡察,问题十五,已完成',
    '16,区市场监管局,八届市委第三轮巡察,问题十六,已完成', '17,县级机关工委,八届市委第三轮巡察,问题十七,已完成', '18,县市区巡察工作指导中心,八届市委第三轮巡察,问题十八,已完成'].join('\n'));
  const [report] = await importOk(engine, 'a.csv', bytes);
  expect(await engine.query('SELECT unit_name, county FROM findings ORDER BY source_row')).toEqual([
    { unit_name: '市教育局党委', county: '市本级' }, { unit_name: '东阳市横店镇党委', county: '东阳市' },
    { unit_name: '市农业农村局', county: '市本级' }, { unit_name: '市民政局社区处', county: '市本级' }, { unit_name: '市城乡建设局', county: '市本级' },
    { unit_name: '市人大农业与农村委员会', county: '市本级' }, { unit_name: '市农业农村委员会', county: '市本级' },
    { unit_name: '区域协作中心', county: '市本级' }, { unit_name: '县市区巡察工作指导中心', county: '市本级' },
  ]);
  expect(issuesOf(report, 'error').filter((i) => i.code.startsWith('county_')).map((i) => [i.row, i.code]))
    .toEqual([3, 4, 6, 7, 8, 14, 15, 17, 18].map((row) => [row, 'county_local_unit']));
});

test('traditional characters name the same county (義烏市 is 义乌市), in the county cell, the unit and the file name', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['義烏', '義烏市', '東陽市', '蘭溪', '金東區', '武義縣', '义烏市', '婺城區']));
  expect((await engine.query<{ county: string }>('SELECT county FROM findings ORDER BY source_row')).map((r) => r.county))
    .toEqual(['义乌市', '义乌市', '东阳市', '兰溪市', '金东区', '武义县', '义乌市', '婺城区']);
  expect(report.issues.filter((i) => i.code.startsWith('county_'))).toEqual([]);
  const unit = new TextEncoder().encode('序号,被巡察单位,轮次名称,具体问题,整改状态\n1,東陽市衛健局,十五届县委第三轮巡察,问题不深入,已完成');
  const [b] = await importOk(engine, 'b.csv', unit);
  const [c] = await importOk(engine, '義烏市整改台账.csv', new TextEncoder().encode('序号,被巡察单位,轮次名称,具体问题,整改状态\n1,财政局,十五届县委第二轮巡察,问题不到位,已完成'));
  const countyOf = async (id: string) => (await engine!.query<{ county: string }>(`SELECT county FROM findings WHERE dataset_id = ${str(id)}`)).map((r) => r.county);
  expect([await countyOf(b.datasetId), await countyOf(c.datasetId)]).toEqual([['东阳市'], ['义乌市']]);
});

test('a place of another city or province is not the county it shares a name with; it is kept and warned', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['上海市浦江镇', '台南市永康区', '湖北省浠水县兰溪镇', '浙江省永康市', '金华市永康市', '中共永康市委', '东阳市横店镇']));
  expect((await engine.query<{ county: string }>('SELECT county FROM findings ORDER BY source_row')).map((r) => r.county))
    .toEqual(['上海市浦江镇', '台南市永康区', '湖北省浠水县兰溪镇', '永康市', '永康市', '永康市', '东阳市']);
  expect(issuesOf(report, 'warning').filter((i) => i.code === 'county_not_listed').map((i) => i.row)).toEqual([2, 3, 4]);
});

test('two counties written one after the other (婺城区金东区) are warned like 婺城区、金东区', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['婺城区金东区', '永康市', '东阳市横店镇']));
  expect(issuesOf(report, 'warning').filter((i) => i.code === 'county_multiple').map((i) => i.row)).toEqual([2]);
});

test('金义新区, also spelled 金义都市新区, is one zone, from its cell or from the file or sheet name', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['金义新区', '金义都市新区', '金华市金义都市新区']));
  expect((await engine.query<{ county: string }>('SELECT DISTINCT county FROM findings')).map((r) => r.county)).toEqual(['金义新区']);
  expect(report.issues.filter((i) => i.code.startsWith('county_'))).toEqual([]);
  const bytes = new TextEncoder().encode('问题编号,巡察轮次,被巡察单位,反馈日期,具体问题,整改时限,整改状态\nP1,十五届县委第三轮巡察,财政局,2024-03-01,违规吃喝问题,2024-06-30,已完成');
  const [zone] = await importOk(engine, '金义都市新区巡察整改.csv', bytes);
  expect(zone.rowsRejected).toBe(0);
  expect((await engine.query<{ county: string }>(`SELECT county FROM findings WHERE dataset_id = ${str(zone.datasetId)}`)).map((r) => r.county)).toEqual(['金义新区']);
});

test("a row that names no county is the county whose committee's round it is (十五届永康市委第三轮巡察)", async () => {
  engine = await freshEngine();
  const csv = ['问题编号,巡察轮次,被巡察单位,反馈日期,具体问题,整改时限,整改状态',
    'P1,十五届永康市委第三轮巡察,财政局,2024-03-01,违规吃喝问题,2024-06-30,已完成',
    'P2,中共义乌市委第二轮巡察,佛堂镇党委,2024-03-01,公车私用问题,2024-06-30,已完成',
    'P3,十五届永康市委第三轮巡察,东阳市横店镇党委,2024-03-01,三会一课不规范,2024-06-30,已完成',
    'P4,十五届县委第三轮巡察,财政局,2024-03-01,台账资料不齐全,2024-06-30,已完成'].join('\n');
  const [report] = await importOk(engine, '整改台账.csv', new TextEncoder().encode(csv));
  expect(await engine.query('SELECT finding_id, county, round_key FROM findings ORDER BY finding_id')).toEqual([
    { finding_id: 'P1', county: '永康市', round_key: '永康市|县(市、区)委|十五届|3' },
    { finding_id: 'P2', county: '义乌市', round_key: '义乌市|县(市、区)委||2' },
    // A row's own county stands (its round stays the committee's); a 县委 that names no county places none.
    { finding_id: 'P3', county: '东阳市', round_key: '永康市|县(市、区)委|十五届|3' },
  ]);
  expect(issuesOf(report, 'error')).toEqual([{ row: 5, code: 'county_missing' }, { row: 5, code: 'round_missing' }]);
});

test('金华\'s own names before a county, a zone with its district in brackets, 蘭谿 (helper-118)', async () => {
  engine = await freshEngine();
  const [report] = await importOk(engine, 'a.csv', ledger(['浙江金华市永康市', '中国浙江省金华市义乌市', '金华开发区（婺城区）', '金义新区(金东区)', '蘭谿市']));
  expect((await engine.query<{ county: string }>('SELECT county FROM findings ORDER BY source_row')).map((r) => r.county))
    .toEqual(['永康市', '义乌市', '金华开发区', '金义新区', '兰溪市']);
  expect(report.issues.filter((i) => i.code.startsWith('county_'))).toEqual([]);
});

test("under a county committee's round, a unit written 市财政局 is that 县级市's department, not 市本级 (helper-118)", async () => {
  engine = await freshEngine();
  const csv = ['问题编号,巡察轮次,被巡察单位,反馈日期,具体问题,整改时限,整改状态',
    'P1,十五届永康市委第三轮巡察,市财政局,2024-03-01,违规吃喝问题,2024-06-30,已完成',
    'P2,十五届永康市委第三轮巡察,市场监督管理局,2024-03-01,公车私用问题,2024-06-30,已完成',
    'P3,十五届義烏市委第三轮巡察,财政局,2024-03-01,三会一课不规范,2024-06-30,已完成',
    'P4,八届市委第三轮巡察,市财政局,2024-03-01,台账资料不齐全,2024-06-30,已完成'].join('\n');
  await importOk(engine, '整改台账.csv', new TextEncoder().encode(csv));
  expect(await engine.query('SELECT finding_id, county FROM findings ORDER BY finding_id')).toEqual([
    { finding_id: 'P1', county: '永康市' }, { finding_id: 'P2', county: '永康市' },
    { finding_id: 'P3', county: '义乌市' }, { finding_id: 'P4', county: '市本级' },
  ]);
});
