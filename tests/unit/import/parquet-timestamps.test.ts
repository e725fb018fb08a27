import { test, expect } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { freshEngine, importOk } from './helpers';

/**
 * A Parquet TIMESTAMP is an instant only when isAdjustedToUTC is true: it is read in China time
 * (Beijing midnight is 16:00 UTC the day before). One not adjusted to UTC (what pandas writes for
 * a tz-naive datetime64 and DuckDB for TIMESTAMP) is the wall-clock time written, whose date is
 * its own even late in the day.
 */
const R = '八届市委第三轮巡察';
const text = (name: string, data: string[]) => ({ name, data, schema: { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } });
/** A Parquet file of the given columns (name, data, schema element each). */
const parquetOf = (columns: { name: string; data: unknown[]; schema: object }[]) => new Uint8Array(parquetWriteBuffer({
  columnData: columns.map(({ name, data }) => ({ name, data })),
  schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => c.schema)],
} as Parameters<typeof parquetWriteBuffer>[0]));
const time = (name: string, data: (Date | null)[], isAdjustedToUTC: boolean, unit: 'MILLIS' | 'MICROS' | 'NANOS') => ({
  name, data, schema: { name, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC, unit }, repetition_type: 'OPTIONAL' },
});

test('naive timestamps keep their wall-clock date; UTC-adjusted ones are read in China time', async () => {
  const columns = [
    text('县市区', ['婺城区', '婺城区', '婺城区']),
    text('被巡察单位', ['单位1', '单位2', '单位3']),
    text('轮次名称', [R, R, R]),
    text('具体问题', ['理论学习不深入', '违规吃喝', '三会一课不规范']),
    text('整改状态', ['已完成', '已完成', '已完成']),
    // An instant: 16:00 UTC is midnight in Beijing, the next day.
    time('反馈时间', [new Date('2019-02-28T16:00:00Z'), new Date('2019-03-01T00:00:00Z'), null], true, 'MICROS'),
    // Wall-clock times, late in the day, in each unit.
    time('完成时间', [new Date('2019-06-30T18:30:00Z'), new Date('2019-06-30T09:00:00Z'), new Date('2019-06-30T23:59:59Z')], false, 'MICROS'),
    time('整改时限', [new Date('2019-12-31T20:00:00Z'), null, new Date('2019-12-31T16:00:00Z')], false, 'MILLIS'),
  ];
  const bytes = parquetOf(columns);
  const e = await freshEngine();
  const [r] = await importOk(e, 'export.parquet', bytes);
  expect(r.rowsAccepted).toBe(3);
  expect(await e.query(`SELECT source_row, feedback_date, completion_date, deadline FROM findings ORDER BY 1`)).toEqual([
    { source_row: 1, feedback_date: '2019-03-01', completion_date: '2019-06-30', deadline: '2019-12-31' },
    { source_row: 2, feedback_date: '2019-03-01', completion_date: '2019-06-30', deadline: null },
    { source_row: 3, feedback_date: null, completion_date: '2019-06-30', deadline: '2019-12-31' },
  ]);
});

test('nanosecond wall-clock timestamps (pandas datetime64[ns]) keep their date too', async () => {
  const columns = [
    text('县市区', ['婺城区']), text('被巡察单位', ['单位1']), text('轮次名称', [R]), text('具体问题', ['理论学习不深入']), text('整改状态', ['已完成']),
    time('完成时间', [new Date('2019-06-30T18:30:00Z')], false, 'NANOS'),
  ];
  const bytes = parquetOf(columns);
  const e = await freshEngine();
  await importOk(e, 'export.parquet', bytes);
  expect(await e.query(`SELECT completion_date, completion_date_raw FROM findings`)).toEqual([{ completion_date: '2019-06-30', completion_date_raw: '2019-06-30' }]);
});

test('a timestamp past what a date can hold keeps the number the file stores; year 0 is written 0000', async () => {
  // 9e15 ms is past JS's last date (8.64e15 ms, year 275760); 0000-06-30 is a date, far before any plausible one (kept, warned).
  const stamp = (name: string, data: (bigint | null)[]) => ({
    name, data, schema: { name, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' }, repetition_type: 'OPTIONAL' },
  });
  const columns = [
    text('县市区', ['婺城区', '婺城区']), text('被巡察单位', ['单位1', '单位2']), text('轮次名称', [R, R]),
    text('具体问题', ['理论学习不深入', '违规吃喝']), text('整改状态', ['已完成', '已完成']),
    stamp('完成时间', [9_000_000_000_000_000n, BigInt(Date.parse('0000-06-30T00:00:00Z'))]),
  ];
  const bytes = parquetOf(columns);
  const e = await freshEngine();
  const [r] = await importOk(e, 'export.parquet', bytes);
  expect(await e.query(`SELECT completion_date, completion_date_raw FROM findings ORDER BY source_row`)).toEqual([
    { completion_date: null, completion_date_raw: '9000000000000000' },
    { completion_date: '0000-06-30', completion_date_raw: '0000-06-30' },
  ]);
  // Each is reported with the text kept: no date, and a date no ledger holds.
  expect(r.issues.filter((i) => i.column === '完成时间').map((i) => [i.value?.split(' → ')[0], i.code])).toEqual([
    ['9000000000000000', 'date_invalid'], ['0000-06-30', 'date_implausible'],
  ]);
  e.close();
});

test('a DATE or DECIMAL column typed only by its logical type reads as a date and as the amount it holds', async () => {
  // Valid Parquet that leaves out the older converted type: 19783 days after 1970-01-01 is 2024-03-01
  // (read before as the serial 19783, 1954-02-28); DECIMAL(9,3) 7132 is 7.132 万元 (read before as 7132).
  const columns = [
    text('县市区', ['婺城区', '婺城区']), text('被巡察单位', ['单位1', '单位2']), text('轮次名称', [R, R]),
    text('具体问题', ['理论学习不深入', '违规吃喝']), text('整改状态', ['已完成', '已完成']),
    { name: '反馈时间', data: [19783, null], schema: { name: '反馈时间', type: 'INT32', logical_type: { type: 'DATE' }, repetition_type: 'OPTIONAL' } },
    { name: '挽回经济损失（万元）', data: [7132, 500], schema: { name: '挽回经济损失（万元）', type: 'INT32', logical_type: { type: 'DECIMAL', scale: 3, precision: 9 }, repetition_type: 'REQUIRED' } },
  ];
  const e = await freshEngine();
  const [r] = await importOk(e, 'export.parquet', parquetOf(columns));
  expect(r.issues.filter((i) => i.column === '反馈时间' || i.column?.startsWith('挽回'))).toEqual([]);
  expect(await e.query(`SELECT feedback_date, funds_wan FROM findings ORDER BY source_row`)).toEqual([
    { feedback_date: '2024-03-01', funds_wan: 7.132 },
    { feedback_date: null, funds_wan: 0.5 },
  ]);
  e.close();
});
