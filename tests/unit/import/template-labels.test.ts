import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// Hunt helper-95: a template that numbers its labels (1.序号|2.县市区|…) was refused as no_header.
test('numbered header labels are read as their labels, and the column-number row under them is skipped', async () => {
  const e = await freshEngine();
  const csv = ['十二届婺城区委第二轮巡察整改台账,,,,',
    '1.序号,2.县市区,3.被巡察单位,4.具体问题,5.整改状态',
    '1,2,3,4,5',
    '1,婺城区,区教育局,理论学习不深入,已完成',
    '2,婺城区,区卫健局,违规发放津补贴,正在推进'].join('\n');
  const [r] = await importOk(e, 'ledger.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 1]);
  expect(await e.query('SELECT county, unit_name, problem_title, status FROM findings ORDER BY source_row')).toEqual([
    { county: '婺城区', unit_name: '区教育局', problem_title: '理论学习不深入', status: 'completed' },
    { county: '婺城区', unit_name: '区卫健局', problem_title: '违规发放津补贴', status: 'in_progress' },
  ]);
  e.close();
});

// Hunt helper-95: a file or sheet that names where its rows are when no column does.
describe('the place a file or sheet name gives', () => {
  const csv = (units: string[]) => ['八届市委第三轮巡察整改台账,,,',
    '序号,被巡察单位,具体问题,整改状态',
    ...units.map((u, i) => `${i + 1},${u},问题${i + 1},已完成`)].join('\n');
  const counties = async (e: Engine) => (await e.query<{ c: string }>('SELECT county AS c FROM findings ORDER BY source_row')).map((x) => x.c);

  test('金华开发区 or 市本级 named only in the file name places the rows no unit places; a street is still no 市本级 unit', async () => {
    const e = await freshEngine();
    const [zone] = await importOk(e, '金华开发区-第三轮巡察整改台账.csv', utf8(csv(['区财政局', '区建设局'])));
    expect([zone.rowsAccepted, zone.rowsRejected]).toEqual([2, 0]);
    expect(await counties(e)).toEqual(['金华开发区', '金华开发区']);
    const e2 = await freshEngine();
    const [city] = await importOk(e2, '金华市本级-第三轮巡察整改台账.csv', utf8(csv(['财政局', '西城街道党工委'])));
    expect([city.rowsAccepted, city.rowsRejected]).toEqual([1, 1]);
    expect(issuesOf(city, 'error').map((i) => i.code)).toEqual(['county_local_unit']);
    expect(await counties(e2)).toEqual(['市本级']);
    e.close();
    e2.close();
  });

  // Review helper-96: a name listing several places, or a 县级市's own 市直单位, put every row in 市本级.
  test('a unit naming its county or zone keeps it under a name saying 市直单位, and a name listing several places gives none', async () => {
    const e = await freshEngine();
    await importOk(e, '十五届市委第三轮巡察市直单位整改台账.csv', utf8(['序号,被巡察单位,具体问题,整改状态', '1,永康市财政局,问题1,已完成'].join('\n')));
    expect(await e.query('SELECT county, round_key FROM findings')).toEqual([{ county: '永康市', round_key: '永康市|县(市、区)委|十五届|3' }]);
    const e2 = await freshEngine();
    const listing = ['八届市委第三轮巡察市直单位及各县（市、区）反馈问题整改台账,,,', '序号,被巡察单位,具体问题,整改状态',
      '1,市教育局,问题1,已完成', '2,义乌市佛堂镇党委,问题2,已完成', '3,金华开发区党工委,问题3,已完成'].join('\n');
    await importOk(e2, '八届市委第三轮巡察整改台账（含金华开发区）.csv', utf8(listing));
    expect(await counties(e2)).toEqual(['市本级', '义乌市', '金华开发区']);
    e.close();
    e2.close();
  });

  test('a file name naming two counties gives neither: each row\'s unit names its own, or the row is rejected for it', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, '永康市、武义县第三轮巡察整改台账.csv', utf8(csv(['武义县财政局', '永康市教育局', '武义县卫健局'])));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
    expect(await counties(e)).toEqual(['武义县', '永康市', '武义县']);
    e.close();
  });
});

// Hunt helper-95: a form line above a short header (被巡察单位： | … | 县市区： | …) names fields too, and was
// taken for the header; the mapping dialog then asked for the problem column.
test('a form line of labels with colons and their values above the header is no header: its unit and county are every row\'s', async () => {
  const e = await freshEngine();
  const csv = ['八届市委第三轮巡察整改台账,,,,,',
    '被巡察单位：,佛堂镇党委,县市区：,义乌市,整改责任人：,张三',
    '序号,存在问题,整改措施,整改情况,,',
    '1,理论学习不深入,加强学习,已完成,,',
    '2,违规发放津补贴,清退,正在推进,,'].join('\n');
  const [r] = await importOk(e, 'ledger.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(await e.query('SELECT county, unit_name, problem_title, status FROM findings ORDER BY source_row')).toEqual([
    { county: '义乌市', unit_name: '佛堂镇党委', problem_title: '理论学习不深入', status: 'completed' },
    { county: '义乌市', unit_name: '佛堂镇党委', problem_title: '违规发放津补贴', status: 'in_progress' },
  ]);
  e.close();
});

// Review helper-96: per-unit forms stacked in one sheet; the second form line was imported as a finding and the
// second unit's rows were given the first unit and county.
test('forms stacked in one sheet: each form line gives the rows under it their unit and county, and is no finding', async () => {
  const e = await freshEngine();
  const csv = ['八届市委第三轮巡察整改台账,,,,,',
    '被巡察单位：,佛堂镇党委,县市区：,义乌市,整改责任人：,张三', '序号,存在问题,整改措施,整改情况,,',
    '1,理论学习不深入,加强学习,已完成,,', '2,违规发放津补贴,清退,正在推进,,',
    '被巡察单位：,市教育局党委,县市区：,市本级,整改责任人：,李四', '序号,存在问题,整改措施,整改情况,,',
    '1,采购不规范,完善制度,已完成,,'].join('\n');
  const [r] = await importOk(e, 'ledger.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2]);
  expect(await e.query('SELECT county, unit_name, problem_title FROM findings ORDER BY source_row')).toEqual([
    { county: '义乌市', unit_name: '佛堂镇党委', problem_title: '理论学习不深入' },
    { county: '义乌市', unit_name: '佛堂镇党委', problem_title: '违规发放津补贴' },
    { county: '市本级', unit_name: '市教育局党委', problem_title: '采购不规范' },
  ]);
  e.close();
});
