import { translate, type Lang } from '../i18n/translate';
import { categoryName } from '../domain/taxonomy';
import { countyLabel } from '../domain/counties';
import { formatRate, formatWan } from './format';

/** A chart's underlying data as a printable table (briefing DOCX, chart CSV/XLSX). */
export interface DataTable {
  columns: { key: string; label: string }[];
  rows: (string | number | null)[][];
}

// Technical columns that only order or key rows; the table shows their readable twins.
const HIDDEN = new Set(['round_key', 'round_pos', 'round_year', 'dataset_id', 'sort_key']);

function cell(key: string, value: unknown, lang: Lang): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (/rate|share|ratio|coverage/.test(key)) return formatRate(value);
    if (/wan|funds/.test(key)) return formatWan(value);
    return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  }
  const text = String(value);
  if (key === 'county') return countyLabel(text, lang);
  if (/^category_l[12]$|^code$|^l[12]$/.test(key)) return `${text} ${categoryName(text, lang)}`;
  if (key === 'status') return translate(lang, `status.${text}`);
  return text;
}

/**
 * Turns chart rows into a table with readable headers (`col.<key>` messages, else the key) and
 * formatted cells: rates as percentages, codes with names, statuses in words.
 */
export function chartDataTable(rows: Record<string, unknown>[], lang: Lang): DataTable {
  const keys = rows.length ? Object.keys(rows[0]).filter((k) => !HIDDEN.has(k)) : [];
  const columns = keys.map((key) => {
    const label = translate(lang, `col.${key}`);
    return { key, label: label === `col.${key}` ? key : label };
  });
  return { columns, rows: rows.map((r) => keys.map((k) => cell(k, r[k], lang))) };
}
