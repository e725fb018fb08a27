import type { Compressors, FileMetaData } from 'hyparquet';
import { ImportFailure } from './errors';
import { gridChunks, type EncodedSheet } from './staging';
import { CHINA_OFFSET_MS, detail, recordRows, type ColumnKind } from './records-grid';

/**
 * Parquet → an encoded grid through hyparquet and its decompressors (loaded lazily): the header is
 * the file's top-level columns, record i is src_row i. Pure: runs in the grid worker in the browser
 * and inline in Node.
 */
type Value = unknown;

const corruptParquet = (e: unknown) => new ImportFailure('corrupt_parquet', detail(e));

// The largest time a JS Date holds, in ms either side of 1970.
const DATE_LIMIT_MS = 8.64e15;

/**
 * Parquet's time types as Dates, as hyparquet's own parsers read them, but a value past what a Date holds
 * (year 275760) stays the number the file stores: an Invalid Date would be written NaN-NaN-NaN.
 */
const PARQUET_TIME_PARSERS = {
  timestampFromMilliseconds: (v: bigint) => timeOrNumber(Number(v), v),
  timestampFromMicroseconds: (v: bigint) => timeOrNumber(Number(v / 1000n), v),
  timestampFromNanoseconds: (v: bigint) => timeOrNumber(Number(v / 1000000n), v),
  dateFromDays: (days: number) => timeOrNumber(days * 86_400_000, days),
};

function timeOrNumber(ms: number, stored: bigint | number): Date | string {
  return Math.abs(ms) <= DATE_LIMIT_MS - CHINA_OFFSET_MS ? new Date(ms) : String(stored);
}

/**
 * The metadata with each DATE or DECIMAL column that states its type only as a logical type (valid,
 * though the format asks writers for both) given the converted type too, which is what hyparquet
 * reads: without it such a date read as its count of days (19783, then 1954-02-28 as a serial) and
 * an amount DECIMAL(9,3) 7.132 as 7132.
 */
function withConvertedTypes(metadata: FileMetaData): FileMetaData {
  for (const element of metadata.schema) {
    const logical = element.logical_type;
    if (element.converted_type || !logical) continue;
    if (logical.type === 'DATE') element.converted_type = 'DATE';
    if (logical.type === 'DECIMAL') Object.assign(element, { converted_type: 'DECIMAL', scale: logical.scale, precision: logical.precision });
  }
  return metadata;
}

/**
 * The first compression codec of the file's columns that no decompressor reads (LZO, deprecated and
 * never written by pandas, polars, DuckDB or Spark's defaults), so the file is refused by what it
 * uses rather than called damaged. Snappy, GZIP, Brotli, ZSTD, LZ4 are read (hyparquet-compressors).
 */
function unreadableCodec(metadata: FileMetaData, compressors: Compressors): string | undefined {
  for (const group of metadata.row_groups) {
    for (const column of group.columns) {
      const codec = column.meta_data?.codec;
      if (codec && codec !== 'UNCOMPRESSED' && !compressors[codec]) return codec;
    }
  }
  return undefined;
}

// Records read and converted at a time: a million-row file is never held as a million objects.
const PARQUET_SLICE = 50_000;

/** A Parquet file, read and encoded slice by slice; the header is its top-level columns. */
export async function encodeParquet(bytes: Uint8Array, sliceRows = PARQUET_SLICE): Promise<EncodedSheet[]> {
  const [{ parquetMetadata, parquetReadObjects, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = withConvertedTypes(parquetMetadata(file));
    const codec = unreadableCodec(metadata, compressors);
    if (codec) throw new ImportFailure('parquet_codec', { codec });
    const columns = parquetSchema(metadata).children.map((c) => c.element);
    const keys = columns.map((c) => c.name);
    // A TIMESTAMP not adjusted to UTC holds wall-clock time (a legacy TIMESTAMP_MILLIS type alone means UTC).
    const kinds = columns.map((c): ColumnKind => (c.logical_type?.type === 'TIMESTAMP' && !c.logical_type.isAdjustedToUTC ? 'wallClock'
      : c.type === 'FLOAT' ? 'float32' : undefined));
    const total = Number(metadata.num_rows);
    if (!total || !keys.length) throw new ImportFailure('no_data');
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < total; start += sliceRows) {
      const end = Math.min(total, start + sliceRows);
      const records = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: end, parsers: PARQUET_TIME_PARSERS, compressors });
      const rows = recordRows(records as Record<string, Value>[], keys, start + 1, kinds);
      chunks.push(...gridChunks(start === 0 ? [{ row: 0, cells: keys }, ...rows] : rows, keys.length));
    }
    return [{ width: keys.length, chunks }];
  } catch (e) {
    throw e instanceof ImportFailure ? e : corruptParquet(e);
  }
}
