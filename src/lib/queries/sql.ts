/**
 * The one quoting helper. Every value or identifier that reaches SQL from data, the URL or the
 * user goes through these functions; nothing is pasted into SQL text unquoted.
 */

/** A SQL string literal: single quotes doubled, NUL removed (DuckDB strings cannot hold it). */
export function str(value: string): string {
  return `'${String(value).replace(/\u0000/g, '').replace(/'/g, "''")}'`;
}

/** A quoted identifier (column or table name taken from a file header, say). */
export function ident(name: string): string {
  return `"${String(name).replace(/\u0000/g, '').replace(/"/g, '""')}"`;
}

/** A finite number literal; throws on NaN/Infinity so a bad parameter cannot slip through. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for `YYYY-MM-DD` naming a day of the calendar: not 2024-02-30, which the engine refuses. */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 100 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A DATE literal from `YYYY-MM-DD`; throws on anything else. */
export function date(value: string): string {
  if (!isCalendarDate(value)) {
    throw new Error(`not an ISO date: ${value}`);
  }
  return `DATE '${value}'`;
}

/** `expr IN ('a', 'b')`; an empty list means "no restriction" and yields `TRUE`. */
export function inList(expr: string, values: readonly string[]): string {
  if (!values.length) return 'TRUE';
  return `${expr} IN (${values.map(str).join(', ')})`;
}

/** A boolean literal. */
export function bool(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

/** A nullable text or number as a literal: NULL, str() or num(). */
export function literal(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'number' ? num(value) : str(value);
}
