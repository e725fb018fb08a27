import { translate, type Lang } from '../i18n/translate';
import { categoryName } from '../domain/taxonomy';
import { countyLabel } from '../domain/counties';
import { formatRate, formatWan } from './format';
import { countiesOf } from './countyAxis';

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
 * Rows by county in the order the figures' county axes use (GB/T 2260, 市本级 last), each county's
 * rows kept in query order (rounds in sequence); queries sort counties by code point, which put
 * 东阳市 before 婺城区. A ranking (a `rank` column) keeps its rank order, as its figure does.
 */
function inFigureOrder(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (!rows.length || !('county' in rows[0]) || 'rank' in rows[0]) return rows;
  const counties = rows.map((r) => String(r.county ?? ''));
  const position = new Map(countiesOf(counties.map((county) => ({ county }))).map((c, i) => [c, i]));
  // Array.prototype.sort is stable: rows of one county keep their order.
  return rows.map((row, i) => ({ row, at: position.get(counties[i])! })).sort((a, b) => a.at - b.at).map((x) => x.row);
}

/**
 * Turns chart rows into a table with readable headers (`col.<key>` messages, else the key) and
 * formatted cells: rates as percentages, codes with names, statuses in words; counties in the
 * figures' order.
 */
export function chartDataTable(rows: Record<string, unknown>[], lang: Lang): DataTable {
  rows = inFigureOrder(rows);
  const keys = rows.length ? Object.keys(rows[0]).filter((k) => !HIDDEN.has(k)) : [];
  const columns = keys.map((key) => {
    const label = translate(lang, `col.${key}`);
    return { key, label: label === `col.${key}` ? key : label };
  });
  return { columns, rows: rows.map((r) => keys.map((k) => cell(k, r[k], lang))) };
}
