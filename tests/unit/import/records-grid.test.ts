import { describe, expect, test } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { encodeParquet } from '../../../src/lib/import/parquet-grid';
import { RECORDS, recordsParquet } from '../../fixtures/records';

/** The grid rows an encoded sheet carries, decoded from its Arrow IPC chunks. */
function decoded(chunks: Uint8Array[]): { row: number; cells: (string | null)[] }[] {
  return chunks.flatMap((c) => {
    const t = tableFromIPC(c);
    const names = t.schema.fields.map((f) => f.name).filter((n) => n !== 'src_row');
    return t.toArray().map((r) => ({ row: Number(r.src_row), cells: names.map((n) => r[n] ?? null) }));
  });
}

describe('Parquet is read slice by slice', () => {
  test('slices of one, two and all rows give the same grid: header row 0, record i as row i', async () => {
    const want = [
      { row: 0, cells: Object.keys(RECORDS[0]) },
      ...RECORDS.map((r, i) => ({ row: i + 1, cells: Object.values(r).map((v) => (v === null ? null : String(v))) })),
    ];
    for (const slice of [1, 2, 50_000]) {
      const [sheet] = await encodeParquet(recordsParquet(), slice);
      expect(sheet.width).toBe(Object.keys(RECORDS[0]).length);
      expect(decoded(sheet.chunks), `slice ${slice}`).toEqual(want);
    }
  });

  test('a file that is not Parquet is a corrupt file', async () => {
    await expect(encodeParquet(new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3]))).rejects.toMatchObject({ code: 'corrupt_parquet' });
  });
});

describe('Parquet FLOAT columns', () => {
  test('a 32-bit float reads as the shortest decimal that is it (12.3, not 12.300000190734863); a DOUBLE as written', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const floats = [12.3, 0.1, 1234.56, 2024, 3e-8, -7.5].map(Math.fround);
    const doubles = [12.3, 0.1, 1234.56, 2024, 3e-8, -7.5];
    const bytes = parquetWriteBuffer({
      columnData: [{ name: '涉及金额', data: floats }, { name: '金额', data: doubles }],
      schema: [{ name: 'root', num_children: 2 },
        { name: '涉及金额', type: 'FLOAT', repetition_type: 'REQUIRED' }, { name: '金额', type: 'DOUBLE', repetition_type: 'REQUIRED' }],
    } as Parameters<typeof parquetWriteBuffer>[0]);
    const [sheet] = await encodeParquet(new Uint8Array(bytes));
    expect(decoded(sheet.chunks).slice(1).map((r) => r.cells)).toEqual([
      ['12.3', '12.3'], ['0.1', '0.1'], ['1234.56', '1234.56'], ['2024', '2024'], ['3e-8', '3e-8'], ['-7.5', '-7.5']]);
  });
});
