import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { MAX_CACHED_VALUES } from '../../../src/lib/import/value-maps';
import { textFixtures } from '../../fixtures/make-fixtures';
import { recordFixtures } from '../../fixtures/records';
import { workbookFixtures } from '../../fixtures/workbooks';
import { freshEngine, importOk, utf8 } from './helpers';

// The value maps (dates, statuses, counties, units, categories) are kept for the session (value-maps.ts): a later
// sheet or file normalises only the values no earlier one gave. Nothing a file reads may depend on what came before.

const first = `2024年县委第一轮巡察东阳市整改台账
序号,县市区,被巡察单位,反馈时间,问题类别,问题,整改时限,完成时间,整改状态
1,东阳市,甲局党委,2024-03-15,政治建设,违规发放津补贴,2024年6月底前,2024.6.20,已完成
2,东阳,乙镇党委,2024-03-15,作风建设,公车私用,3个月内,,正在整改
3,东阳市,甲局党委,2024-03-15,其他,档案管理不规范,立行立改,二〇二四年四月一日,已完成整改
`;

// Shares values with the first (东阳市, 甲局党委, 2024-03-15, 已完成, 政治建设) and has its own (义乌, 丙局, 2024.4.1, …).
const second = `2024年县委第二轮巡察义乌市整改台账
序号,县市区,被巡察单位,反馈时间,问题类别,问题,整改时限,完成时间,整改状态
1,义乌,丙局党组,2024.4.1,政治建设,三重一大决策不规范,2024年底前,2024年12月,已完成
2,东阳市,甲局党委,2024-03-15,组织建设,选人用人不规范,6月底前,,未完成
3,义乌市,丁街道党工委,2024-04-01,作风建设,违规吃喝,立行立改,,已完成，长期坚持
4,义乌市,丙局党组,2024-04-01,纪律建设,违规收受礼金,2024年9月30日,9月10日,基本完成
`;

/** Every normalised column of a dataset's findings but the ids of the dataset and the finding, by row. */
async function readBack(engine: Engine, file: string) {
  return engine.query(`SELECT * EXCLUDE (dataset_id, finding_id) FROM findings
    WHERE dataset_id IN (SELECT dataset_id FROM datasets WHERE file_name = '${file}') ORDER BY source_row`);
}

/** Rows of a cache table, or null when there is none. */
async function cached(engine: Engine, table: string): Promise<number | null> {
  const [row] = await engine.query<{ n: number }>(`SELECT estimated_size AS n FROM duckdb_tables()
    WHERE database_name = 'import_scratch' AND table_name = '${table}'`);
  return row ? Number(row.n) : null;
}

describe('value maps kept across imports', () => {
  test('a file imported after another reads every value as it does on a fresh engine; the caches hold both files\' values', async () => {
    const alone = await freshEngine();
    await importOk(alone, 'second.csv', utf8(second));
    const expected = await readBack(alone, 'second.csv');
    alone.close();
    expect(expected).toHaveLength(4);

    const e = await freshEngine();
    await importOk(e, 'first.csv', utf8(first));
    await importOk(e, 'second.csv', utf8(second));
    expect(await readBack(e, 'second.csv')).toEqual(expected);
    // Hand-counted distinct values: statuses 已完成, 正在整改, 已完成整改 | 未完成, 已完成，长期坚持, 基本完成;
    // counties 东阳市, 东阳 | 义乌, 义乌市; units 甲局党委, 乙镇党委 | 丙局党组, 丁街道党工委;
    // categories 政治建设, 作风建设, 其他 | 组织建设, 纪律建设.
    expect(await cached(e, '__valuemap_status_text')).toBe(6);
    expect(await cached(e, '__valuemap_county_all')).toBe(4);
    expect(await cached(e, '__valuemap_unit_all')).toBe(4);
    expect(await cached(e, '__valuemap_category_all')).toBe(5);
    // The sheet's own map tables are dropped with the import; only the caches stay.
    expect(await e.query(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'import_scratch'
      AND NOT starts_with(table_name, '__valuemap_')`)).toEqual([]);
    e.close();
  });

  test('a map read with other options (the concentrated period) is kept apart: each file gets its own dates', async () => {
    const e = await freshEngine();
    const csv = (unit: string) => `2024年县委第一轮巡察东阳市整改台账
序号,县市区,被巡察单位,反馈时间,问题,整改措施,整改时限,整改状态
1,东阳市,${unit},2024-03-15,违规发放津补贴,清退,集中整改期内,正在整改
`;
    await importOk(e, 'four.csv', utf8(csv('甲局')), { params: { concentratedPeriodMonths: 4 } });
    await importOk(e, 'six.csv', utf8(csv('乙局')), { params: { concentratedPeriodMonths: 6 } });
    // 2024-03-15 + 4 months, + 6 months.
    expect(await e.query(`SELECT d.file_name AS file, f.deadline FROM findings f JOIN datasets d USING (dataset_id) ORDER BY file`))
      .toEqual([{ file: 'four.csv', deadline: '2024-07-15' }, { file: 'six.csv', deadline: '2024-09-15' }]);
    expect(await cached(e, '__valuemap_date_1900_4')).not.toBeNull();
    expect(await cached(e, '__valuemap_date_1900_6')).not.toBeNull();
    e.close();
  });

  test(`a cache past ${MAX_CACHED_VALUES} values is emptied before the next sheet; the sheet's rows are read right`, async () => {
    const e = await freshEngine();
    await importOk(e, 'first.csv', utf8(first));
    await e.exec(`INSERT INTO import_scratch.main.__valuemap_county_all BY NAME
      SELECT 'x' || i AS v, NULL AS county, false AS multiple FROM range(${MAX_CACHED_VALUES}) t(i)`);
    expect(await cached(e, '__valuemap_county_all')).toBe(MAX_CACHED_VALUES + 2);
    await importOk(e, 'second.csv', utf8(second));
    // Only the second file's counties: 义乌, 东阳市, 义乌市.
    expect(await cached(e, '__valuemap_county_all')).toBe(3);
    expect((await readBack(e, 'second.csv')).map((r) => r.county)).toEqual(['义乌市', '东阳市', '义乌市', '义乌市']);
    e.close();
  });

  test('a cache holding a value twice (two imports inserting at once) still gives each row one finding', async () => {
    const e = await freshEngine();
    await importOk(e, 'first.csv', utf8(first));
    await e.exec(`INSERT INTO import_scratch.main.__valuemap_status_text SELECT * FROM import_scratch.main.__valuemap_status_text WHERE v = '已完成'`);
    await e.exec(`INSERT INTO import_scratch.main.__valuemap_unit_all SELECT * FROM import_scratch.main.__valuemap_unit_all WHERE v = '甲局党委'`);
    await importOk(e, 'second.csv', utf8(second));
    expect((await readBack(e, 'second.csv')).map((r) => [r.source_row, r.status])).toEqual([
      [3, 'completed'], [4, 'not_completed'], [5, 'completed'], [6, 'basically_completed'],
    ]);
    e.close();
  });

  // Every column a value map feeds (dates, statuses, counties, units, categories and what is read from them).
  const MAPPED = ['source_sheet', 'source_row', 'county', 'county_code', 'unit_name_norm', 'norm_title', 'station_start', 'station_end',
    'feedback_date', 'category_l1', 'category_l2', 'deadline', 'long_term', 'status', 'completion_date', 'closed', 'closure_date',
    'in_concentrated_period', 'rect_type'];
  const mapped = (engine: Engine, file: string) => engine.query(`SELECT ${MAPPED.join(', ')} FROM findings
    WHERE dataset_id IN (SELECT dataset_id FROM datasets WHERE file_name = '${file.replaceAll("'", "''")}') ORDER BY source_sheet, source_row`);

  test('the sample and every good fixture read the same after all the others as each does alone', async () => {
    const files: [string, Uint8Array][] = [
      ['sample-ledger.csv', new Uint8Array(readFileSync('data/sample-ledger.csv'))],
      ...Object.entries(textFixtures()), ...Object.entries(await workbookFixtures()), ...Object.entries(await recordFixtures()),
    ];
    const alone = new Map<string, unknown[]>();
    for (const [name, bytes] of files) {
      const e = await freshEngine();
      const res = await importFile(e, { name, bytes });
      if (res.ok) alone.set(name, await mapped(e, name));
      e.close();
    }
    const e = await freshEngine();
    // Each after all the others (the same findings in several encodings are let in: they are other files).
    for (const [name, bytes] of files) await importFile(e, { name, bytes }, { allowDuplicate: true });
    let compared = 0;
    for (const [name, rows] of alone) {
      if (!rows.length) continue;
      expect(await mapped(e, name), name).toEqual(rows);
      compared += rows.length;
    }
    // The sample's 1,380 findings and the fixtures' rows were all compared.
    expect(compared).toBeGreaterThan(1_400);
    e.close();
  }, 300_000);

  // One sheet per county, as offices send them: each sheet brings dates and statuses of its own.
  const countySheet = (county: string, day: number, status: string): (string | number)[][] => [
    ['2024年县委第一轮巡察整改台账'],
    ['序号', '县市区', '被巡察单位', '反馈时间', '问题类别', '问题', '整改时限', '完成时间', '整改状态'],
    [1, county, '甲局党委', `2024-03-${day}`, '政治建设', '违规发放津补贴', `2024年${day % 12 + 1}月底前`, `2024.6.${day}`, status],
    [2, county, '乙镇党委', `2024-03-${day}`, '作风建设', '公车私用', '3个月内', '', '正在整改'],
  ];
  const book = (sheets: [string, (string | number)[][]][]) => {
    const wb = XLSX.utils.book_new();
    for (const [name, aoa] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  const counties: [string, (string | number)[][]][] = [
    ['东阳市', countySheet('东阳市', 11, '已完成')], ['义乌市', countySheet('义乌', 12, '已完成整改')], ['永康市', countySheet('永康', 13, '基本完成')],
  ];

  test('a workbook of several sheets fills each cache in one statement for all of them, and reads each sheet as it reads alone', async () => {
    const alone: unknown[] = [];
    for (const sheet of counties) {
      const e = await freshEngine();
      await importOk(e, 'one.xlsx', book([sheet]));
      alone.push(...(await mapped(e, 'one.xlsx')));
      e.close();
    }
    const e = await freshEngine();
    // The statements that normalise values into a cache: CREATE TABLE … __valuemap_… AS, INSERT INTO __valuemap_….
    const fills: string[] = [];
    const spy = new Proxy(e, {
      get(target, key) {
        if (key === 'exec') {
          return (sql: string) => {
            const cache = /^(?:CREATE TABLE \S+\.|INSERT INTO )"(__valuemap_\w+)"/.exec(sql);
            if (cache) fills.push(cache[1]);
            return target.exec(sql);
          };
        }
        const v = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const res = await importFile(spy, { name: 'counties.xlsx', bytes: book(counties) });
    expect(res.ok).toBe(true);
    expect((await mapped(e, 'counties.xlsx')).map((r) => ({ ...r, source_sheet: 'Sheet1' }))).toEqual(alone.map((r) => ({ ...(r as object), source_sheet: 'Sheet1' })));
    // Each sheet's dates are new to the cache, and so are two of its statuses: one statement per cache, not one per sheet.
    expect(fills.sort()).toEqual(['__valuemap_category_all', '__valuemap_county_all', '__valuemap_date_1900_3', '__valuemap_status_text', '__valuemap_unit_all']);
    // Hand-counted: dates 2024-03-11/12/13, 2024.6.11/12/13, 2024年12月/1月/2月底前, 3个月内; statuses 已完成, 已完成整改, 基本完成, 正在整改,
    // which the date cache holds too (the day a status may state, status-date.ts).
    expect(await cached(e, '__valuemap_date_1900_3')).toBe(14);
    expect(await cached(e, '__valuemap_status_text')).toBe(4);
    e.close();
  });
});
