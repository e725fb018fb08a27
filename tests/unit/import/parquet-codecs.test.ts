import { expect, test } from 'vitest';
import { importFile } from '../../../src/lib/import';
import { translate } from '../../../src/lib/i18n/translate';
import { recordsParquet, type ParquetCodec } from '../../fixtures/records';
import { freshEngine, importOk, tableCounts } from './helpers';

/**
 * A Parquet file reads alike whatever codec its writer compressed it with: pandas and DuckDB write
 * Snappy, polars ZSTD, other pipelines GZIP, Brotli or LZ4. A codec no reader here unpacks (LZO)
 * is named as such, not called a damaged file, and the data already loaded stays.
 */
const READABLE: ParquetCodec[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4_RAW'];

for (const codec of READABLE) {
  test(`a ${codec} Parquet file lands its two good rows`, async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, `ledger-${codec}.parquet`, recordsParquet(codec));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
    expect(await e.query('SELECT finding_id, unit_name, problem_title, status, acc_people_total FROM findings ORDER BY finding_id')).toEqual([
      { finding_id: 'R-1', unit_name: '东阳市卫健局党委', problem_title: '药品和医疗器械采购廉政风险防控不力', status: 'completed', acc_people_total: 2 },
      { finding_id: 'R-2', unit_name: '东阳市卫健局党委', problem_title: '三会一课落实不规范', status: 'in_progress', acc_people_total: null },
    ]);
  });
}

test('an LZO Parquet file is refused by its codec, in both languages, and the loaded data stays', async () => {
  const e = await freshEngine();
  await importOk(e, 'ledger.parquet', recordsParquet('ZSTD'));
  const before = await tableCounts(e);
  const res = await importFile(e, { name: 'ledger-lzo.parquet', bytes: recordsParquet('LZO') });
  if (res.ok || !('error' in res)) throw new Error(`not refused: ${JSON.stringify(res).slice(0, 300)}`);
  expect(res.error.code).toBe('parquet_codec');
  expect(translate('zh', res.error.message, res.error.vars)).toBe(
    'Parquet 文件使用了本工具无法解压的压缩方式 LZO（文件本身可能完好）。请在导出时改用 Snappy、ZSTD 或 GZIP 压缩后重新导入。');
  expect(translate('en', res.error.message, res.error.vars)).toContain('compressed with LZO');
  expect(await tableCounts(e)).toEqual(before);
});
