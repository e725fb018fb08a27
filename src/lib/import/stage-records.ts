import type { Engine } from '../db/types';
import { decodeText, detectEncoding, type TextEncodingName } from './decode';
import { ImportFailure } from './errors';
import { stageGrid, type GridRow, type StagedSheet } from './staging';

/**
 * Record formats → staging: Parquet (hyparquet, loaded lazily), a JSON array of objects (or of
 * arrays, first one the header) and NDJSON. Keys become the header row (src_row 0), record i
 * becomes src_row i (1-based), so issues name the record number.
 */
type Value = unknown;

const pad = (n: number) => String(n).padStart(2, '0');

/** A record value as cell text: dates as YYYY-MM-DD, big integers exact, objects as JSON. */
export function valueText(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
}

/** Objects → grid: the union of keys in first-seen order is the header. */
export function recordsToGrid(records: Record<string, Value>[]): GridRow[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) seen.add(k), keys.push(k);
  return [{ row: 0, cells: keys }, ...records.map((r, i) => ({ row: i + 1, cells: keys.map((k) => valueText(r[k])) }))];
}

function toGrid(items: unknown[]): GridRow[] {
  if (items.every((x) => Array.isArray(x))) {
    return (items as Value[][]).map((cells, i) => ({ row: i + 1, cells: cells.map(valueText) }));
  }
  if (!items.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) throw new ImportFailure('no_header');
  return recordsToGrid(items as Record<string, Value>[]);
}

/** Stages a JSON array or NDJSON file. */
export async function stageJson(engine: Engine, bytes: Uint8Array, format: 'json' | 'ndjson'): Promise<StagedSheet & { encoding: TextEncodingName }> {
  const encoding = detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  let items: unknown[];
  try {
    if (format === 'json') {
      const parsed = JSON.parse(text);
      items = Array.isArray(parsed) ? parsed : Array.isArray(parsed?.data) ? parsed.data : [parsed];
    } else {
      items = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
    }
  } catch (e) {
    throw new ImportFailure('corrupt_file', { detail: String(e instanceof Error ? e.message : e).slice(0, 300) });
  }
  if (!items.length) throw new ImportFailure('no_data');
  return { ...(await stageGrid(engine, toGrid(items))), encoding };
}

/** Stages a Parquet file (every row group). */
export async function stageParquet(engine: Engine, bytes: Uint8Array): Promise<StagedSheet> {
  const { parquetReadObjects } = await import('hyparquet');
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let records: Record<string, Value>[];
  try {
    records = await parquetReadObjects({ file });
  } catch (e) {
    throw new ImportFailure('corrupt_file', { detail: String(e instanceof Error ? e.message : e).slice(0, 300) });
  }
  if (!records.length) throw new ImportFailure('no_data');
  return stageGrid(engine, recordsToGrid(records));
}
