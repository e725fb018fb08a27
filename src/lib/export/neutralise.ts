import { neutraliseText } from '../text/formula';

/** A value a spreadsheet cell takes as it is: text, a number, a boolean, or nothing. */
export type CellScalar = string | number | boolean | null | undefined;

// Inside JSON: BigInts as exact decimal text (JSON.stringify refuses them), maps as objects
// (JSON.stringify writes `{}`), binary as its size, other typed arrays as plain lists. Dates reach
// the replacer already as ISO text, through Date's own toJSON.
function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<unknown>);
  return v;
}

/**
 * A query value as the SQL console shows it and the exports write it: text, numbers, booleans and
 * nulls as they are; a BigInt as its exact decimal text; a Date as ISO text (UTC, as the engine
 * writes timestamps); binary as `<N bytes>`; lists, structs and maps as JSON. Anything else left
 * to the writer (SheetJS reads an array cell as [value, formula], CSV joins it with commas) could
 * smuggle a formula through.
 */
export function displayValue(value: unknown): CellScalar {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  try {
    return JSON.stringify(value, jsonReplacer) ?? String(value);
  } catch {
    return String(value); // a cycle: no such value comes from the engine, but never fail an export
  }
}

/**
 * Spreadsheet formula injection: text that starts like a formula (text/formula.ts: = + - @, also after
 * spaces or full-width, a tab or a carriage return) gets a leading apostrophe, in CSV and in XLSX alike.
 * Numbers stay numbers; any other value is first turned into its display text (`displayValue`), which is
 * then neutralised like any text.
 */
export function neutraliseCell(value: unknown): CellScalar {
  const shown = displayValue(value);
  return typeof shown === 'string' ? neutraliseText(shown) : shown;
}
