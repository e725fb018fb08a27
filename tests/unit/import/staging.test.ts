import { describe, expect, test } from 'vitest';
import { gridWidth, stageGrid, type GridRow } from '../../../src/lib/import/staging';
import { freshEngine } from './helpers';

describe('staging a grid (XLSX, JSON, Parquet)', () => {
  test('every cell stays text: a date column under a text header, zero-padded numbers, empty cells', async () => {
    const e = await freshEngine();
    const rows: GridRow[] = [{ row: 1, cells: ['反馈时间', '编号', '备注'] }];
    for (let i = 0; i < 30_000; i++) rows.push({ row: i + 2, cells: ['2018-10-30', '00' + i, i % 2 ? null : '12.50'] });
    rows.push({ row: 30_002, cells: ['注：以上日期为反馈日期'] });
    const s = await stageGrid(e, rows, 'Sheet1');
    const types = await e.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${s.table}' ORDER BY ordinal_position`,
    );
    expect(types.map((t) => t.data_type)).toEqual(['INTEGER', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
    const got = await e.query(`SELECT src_row, c0, c1, c2 FROM "${s.table}" WHERE src_row IN (1, 2, 3, 30002) ORDER BY src_row`);
    expect(got).toEqual([
      { src_row: 1, c0: '反馈时间', c1: '编号', c2: '备注' },
      { src_row: 2, c0: '2018-10-30', c1: '000', c2: '12.50' },
      { src_row: 3, c0: '2018-10-30', c1: '001', c2: null },
      { src_row: 30002, c0: '注：以上日期为反馈日期', c1: null, c2: null },
    ]);
    const [{ n }] = await e.query<{ n: number }>(`SELECT count(*) AS n FROM "${s.table}"`);
    expect(n).toBe(30_002);
  });

  test('the width of a 300k-row grid is found without spreading the rows into arguments', () => {
    const rows: GridRow[] = Array.from({ length: 300_000 }, (_, i) => ({ row: i + 1, cells: i === 123_456 ? ['a', 'b', 'c', 'd'] : ['a'] }));
    expect(gridWidth(rows)).toBe(4);
    expect(gridWidth([])).toBe(1);
  });
});
