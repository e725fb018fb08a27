import { Type, type Table, type Field } from 'apache-arrow';
import type { Row, Columns } from './types';

/**
 * The single place where Arrow values become JS values.
 * Policy: BigInt and DECIMAL are cast to double when the database is opened (see settings.ts),
 * so numbers arrive as `number`; a stray BigInt is converted here. DATE becomes a `YYYY-MM-DD`
 * string (calendar date, no time zone); TIMESTAMP becomes an ISO string in UTC.
 */
export function convertValue(value: unknown, field: Field): unknown {
  if (value === null || value === undefined) return null;
  switch (field.typeId) {
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
      return isoDate(value);
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond:
      return typeof value === 'number' ? new Date(value).toISOString() : String(value);
    default:
      if (typeof value === 'bigint') return Number(value);
      if (value instanceof Uint8Array) return value;
      if (typeof value === 'object' && value !== null && 'toArray' in value) {
        return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray());
      }
      return value;
  }
}

function isoDate(value: unknown): string {
  const ms = value instanceof Date ? value.getTime() : Number(value);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Converts an Arrow table to plain row objects. */
export function tableToRows<T = Row>(table: Table): T[] {
  const fields = table.schema.fields;
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const out: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      row[fields[c].name] = convertValue(vectors[c]?.get(r), fields[c]);
    }
    out[r] = row as T;
  }
  return out;
}

/** Pivots rows into columns (ECharts `dataset.source` shape). */
export function rowsToColumns(rows: Row[], names?: string[]): Columns {
  const keys = names ?? (rows.length ? Object.keys(rows[0]) : []);
  const cols: Columns = {};
  for (const k of keys) cols[k] = rows.map((r) => r[k]);
  return cols;
}
