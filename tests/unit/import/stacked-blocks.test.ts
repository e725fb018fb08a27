import { describe, test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshEngine, importOk } from './helpers';

/**
 * Ledgers of several rounds pasted one under the other in one sheet (blocks.ts): each block's rows
 * take the round its title names; the title, its 填报单位 line, the repeated header and its column
 * numbers are skipped and reported. Each expectation is read off the rows by hand.
 */

const enc = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

describe('blocks of several rounds stacked in one sheet', () => {
  test('each block takes the round its own title names', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, '义乌市整改台账.csv', enc([
      '十四届义乌市委第一轮巡察反馈问题整改台账,,,,',
      '序号,被巡察单位,问题,整改状态,完成时间',
      '1,义乌市教育局,理论学习不深入,已完成,2023-05-01',
      '2,义乌市卫健局,采购程序不规范,正在整改,',
      ',,,,',
      '十五届义乌市委第二轮巡察反馈问题整改落实情况台账（截至2024年9月1日，共2个问题，请各单位认真核对）,,,,',
      '序号,被巡察单位,问题,整改状态,完成时间',
      '1,2,3,4,5',
      '1,义乌市教育局,意识形态工作责任制落实不到位,已完成,2024-06-30',
      '2,义乌市卫健局,公务接待超标准,未完成,',
    ]));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([4, 0]);
    expect(r.issues.filter((i) => i.severity !== 'info' && i.code !== 'year_missing')).toEqual([]);
    expect(r.issues.filter((i) => i.row > 0).map((i) => [i.row, i.code])).toEqual([
      [6, 'row_skipped_heading'], [7, 'row_skipped_header'], [8, 'row_skipped_numbering'],
    ]);
    expect(await e.query(`SELECT source_row, round_key, round_label FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, round_key: '义乌市|县(市、区)委|十四届|1', round_label: '十四届义乌市委第一轮巡察' },
      { source_row: 4, round_key: '义乌市|县(市、区)委|十四届|1', round_label: '十四届义乌市委第一轮巡察' },
      { source_row: 9, round_key: '义乌市|县(市、区)委|十五届|2', round_label: '十五届义乌市委第二轮巡察' },
      { source_row: 10, round_key: '义乌市|县(市、区)委|十五届|2', round_label: '十五届义乌市委第二轮巡察' },
    ]);
  });

  test('XLSX with merged titles and a 填报单位 line: a unit ledger without a unit column takes each block\'s unit', async () => {
    const e = await freshEngine();
    const rows = [
      ['中共义乌市教育局委员会关于十四届义乌市委第一轮巡察反馈问题整改落实情况台账', null, null],
      ['序号', '具体问题', '整改状态'],
      [1, '理论学习不深入', '已完成'],
      [2, '采购程序不规范', '正在整改'],
      ['中共义乌市卫生健康局委员会关于十五届义乌市委第二轮巡察反馈问题整改落实情况台账', null, null],
      ['填报单位：义乌市卫生健康局', null, '填报时间：2024年9月1日'],
      ['序号', '具体问题', '整改状态'],
      [1, '公务接待超标准', '未完成'],
    ];
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }, { s: { r: 4, c: 0 }, e: { r: 4, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '台账');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const [r] = await importOk(e, '整改台账.xlsx', bytes);
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
    expect(r.issues.filter((i) => i.row > 0 && i.severity === 'info').map((i) => [i.row, i.code])).toEqual([
      // The block's 填报单位 line is a filer's line, skipped as one.
      [5, 'row_skipped_heading'], [6, 'row_skipped_note'], [7, 'row_skipped_header'],
    ]);
    expect(await e.query(`SELECT source_row, unit_name, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, unit_name: '中共义乌市教育局委员会', round_key: '义乌市|县(市、区)委|十四届|1' },
      { source_row: 4, unit_name: '中共义乌市教育局委员会', round_key: '义乌市|县(市、区)委|十四届|1' },
      { source_row: 8, unit_name: '中共义乌市卫生健康局委员会', round_key: '义乌市|县(市、区)委|十五届|2' },
    ]);
  });

  test('a block title that names only its round number keeps the sheet title\'s committee and term', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'blocks.csv', enc([
      '八届市委第二轮巡察反馈问题整改台账,,',
      '被巡察单位,问题,整改状态',
      '市教育局党委,理论学习不深入,已完成',
      '第三轮巡察反馈问题,,',
      '被巡察单位,问题,整改状态',
      '市教育局党委,公务接待超标准,未完成',
    ]));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 2]);
    expect(await e.query(`SELECT source_row, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, round_key: '金华市|市委|八届|2' },
      { source_row: 6, round_key: '金华市|市委|八届|3' },
    ]);
  });

  test('a round column wins over a block title; a heading that names no round number changes nothing', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'blocks.csv', enc([
      '被巡察单位,问题,整改状态,轮次名称',
      '市教育局党委,理论学习不深入,已完成,八届市委第二轮巡察',
      '八届市委第三轮巡察反馈问题,,,',
      '被巡察单位,问题,整改状态,轮次名称',
      '市教育局党委,公务接待超标准,未完成,八届市委第二轮巡察',
      '上一轮巡察反馈问题整改情况,,,',
      '市教育局党委,采购程序不规范,未完成,',
    ]));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 3]);
    // The last row has no round of its own: the block title above the heading gives it round 3.
    expect(await e.query(`SELECT source_row, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 2, round_key: '金华市|市委|八届|2' },
      { source_row: 5, round_key: '金华市|市委|八届|2' },
      { source_row: 7, round_key: '金华市|市委|八届|3' },
    ]);
  });

  test('a note naming another round, between problems, is no block title', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, '八届市委第二轮巡察.csv', enc([
      '被巡察单位,问题,整改状态',
      '市教育局党委,理论学习不深入,已完成',
      '注：第一轮巡察反馈问题已于2022年整改完毕,,',
      '市教育局党委,公务接待超标准,未完成',
    ]));
    expect(r.rowsAccepted).toBe(2);
    expect(await e.query(`SELECT DISTINCT round_key FROM findings`)).toEqual([{ round_key: '金华市|市委|八届|2' }]);
  });

  test('a text naming a round in a column of its own, beside no other cell, is no block title', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, '八届市委第二轮巡察.csv', enc([
      '被巡察单位,问题,整改状态,整改措施',
      '市教育局党委,理论学习不深入,已完成,制定学习计划',
      ',,,对照第三轮巡察反馈问题再梳理',
      '市教育局党委,公务接待超标准,未完成,',
    ]));
    expect(r.rowsAccepted + r.rowsRejected).toBe(3);
    expect(await e.query(`SELECT DISTINCT round_key FROM findings`)).toEqual([{ round_key: '金华市|市委|八届|2' }]);
  });

  // Rows that mention another round but title no block: no header follows them. Each keeps the
  // sheet's round, as the file name gives it.
  test.each([
    ['a 四个聚焦 heading', '十五届义乌市委第三轮巡察反馈问题整改台账.csv', '序号,被巡察单位,具体问题,整改状态',
      ['一、聚焦党中央决策部署在基层的贯彻落实方面,,,', '1,义乌市教育局,理论学习不深入,已完成', '四、聚焦第二轮巡察反馈问题整改落实情况方面,,,',
        '2,义乌市教育局,第二轮巡察指出问题整改不彻底,正在整改', '3,义乌市教育局,整改台账不规范,未完成'], '义乌市|县(市、区)委|十五届|3'],
    ['a 回头看 heading', '八届市委第五轮巡察回头看整改台账.csv', '序号,被巡察单位,具体问题,整改状态',
      ['一、八届市委第二轮巡察反馈问题整改不到位方面,,,', '1,市教育局党委,理论学习不深入,已完成', '二、新发现问题方面,,,', '2,市教育局党委,整改台账不规范,未完成'],
      '金华市|市委|八届|5'],
    ['a category heading in column A', '八届市委第四轮巡察反馈问题整改台账.csv', '问题类别,具体问题,被巡察单位,整改状态',
      ['巡察整改落实：第一轮巡察反馈问题整改不到位,,,', ',理论学习不深入,市教育局党委,已完成'], '金华市|市委|八届|4'],
    ['a measure that mentions a round', '八届市委第四轮巡察反馈问题整改台账.csv', '具体问题,整改措施,被巡察单位,整改状态',
      ['理论学习不深入,制定学习计划,市教育局党委,已完成', ',对照第二轮巡察反馈意见举一反三，逐条梳理整改措施并建立长效机制确保整改到位,,', '公务接待超标准,清退,市教育局党委,未完成'],
      '金华市|市委|八届|4'],
    ['a total row', '八届市委第三轮巡察.csv', '被巡察单位,具体问题,整改状态',
      ['市教育局党委,理论学习不深入,已完成', '合计：第二轮巡察反馈问题共1个,,', '市卫健局党委,公务接待超标准,未完成'], '金华市|市委|八届|3'],
  ])('%s is no block title', async (_name, file, header, rows, round) => {
    const e = await freshEngine();
    await importOk(e, file, enc([header, ...rows]));
    expect(await e.query(`SELECT DISTINCT round_key FROM findings`)).toEqual([{ round_key: round }]);
    e.close();
  });

  test('a title in the problem column and a header spelled otherwise, under a 填报单位 line, still start a block', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, '中共金华市教育局委员会整改台账.csv', enc([
      '中共金华市教育局委员会关于八届市委第一轮巡察反馈问题整改台账,,',
      '具体问题,整改状态,完成时间',
      '理论学习不深入,已完成,2023-05-01',
      '八届市委第二轮巡察反馈问题整改台账,,',
      '填报单位：市教育局,,填报时间：2024年9月1日',
      '问题,整改进展,完成时限',
      '1,2,3',
      '公务接待超标准,未完成,',
    ]));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    expect(r.issues.filter((i) => i.row > 0 && i.severity === 'info').map((i) => [i.row, i.code])).toEqual([
      [4, 'row_skipped_heading'], [5, 'row_skipped_note'], [6, 'row_skipped_header'], [7, 'row_skipped_numbering'],
    ]);
    expect(await e.query(`SELECT source_row, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, round_key: '金华市|市委|八届|1' },
      { source_row: 8, round_key: '金华市|市委|八届|2' },
    ]);
    e.close();
  });

  test('a block of another committee does not take the sheet title\'s term', async () => {
    const e = await freshEngine();
    await importOk(e, 'blocks.csv', enc([
      '八届市委第二轮巡察反馈问题整改台账,,,',
      '序号,被巡察单位,具体问题,整改状态',
      '1,市教育局党委,理论学习不深入,已完成',
      '省委第三轮巡视反馈问题,,,',
      '序号,被巡察单位,具体问题,整改状态',
      '1,市教育局党委,公务接待超标准,未完成',
    ]));
    expect(await e.query(`SELECT source_row, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, round_key: '金华市|市委|八届|2' },
      { source_row: 6, round_key: '浙江省|省委||3' },
    ]);
    e.close();
  });

  test('a block titled by another county\'s committee is that county\'s, where no column names the county', async () => {
    const e = await freshEngine();
    await importOk(e, '义乌市巡察整改台账.csv', enc([
      '十五届义乌市委第二轮巡察反馈问题整改台账,,,',
      '序号,被巡察单位,具体问题,整改状态',
      '1,佛堂镇党委,理论学习不深入,已完成',
      '十五届东阳市委第三轮巡察反馈问题整改台账,,,',
      '序号,被巡察单位,具体问题,整改状态',
      '1,横店镇党委,公务接待超标准,未完成',
    ]));
    expect(await e.query(`SELECT source_row, county, round_key FROM findings ORDER BY source_row`)).toEqual([
      { source_row: 3, county: '义乌市', round_key: '义乌市|县(市、区)委|十五届|2' },
      { source_row: 6, county: '东阳市', round_key: '东阳市|县(市、区)委|十五届|3' },
    ]);
    e.close();
  });
});
