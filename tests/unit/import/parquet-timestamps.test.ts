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
