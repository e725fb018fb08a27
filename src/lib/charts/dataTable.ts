import { translate, type Lang } from '../i18n/translate';
import { categoryLabel } from '../domain/taxonomy';
import { countyLabel } from '../domain/counties';
import { STATUS_KEYS } from '../queries/statusByCounty';
import { formatRate, formatWan, roundHalfUp } from './format';
import { countiesOf } from './countyAxis';
import { LEVEL_NAME_KEYS, roundName } from './roundNames';
import type { ChartSpec } from './types';
import type { MetricParams } from '../domain/params';

/** A chart's underlying data as a printable table (briefing DOCX, chart CSV/XLSX). */
export interface DataTable {
  columns: { key: string; label: string }[];
  rows: (string | number | null)[][];
  /** The chart's row each table row was made from, in the table's order (a row's drill-down reads it). */
  source: Row[];
  /** Rows the chart has; more than `rows` holds when the table was built with a limit. */
  total: number;
}

/** What a table needs beyond the rows: the minimum sample, when its figure greys small samples. */
export interface DataTableOptions {
  /** Rates over fewer findings than this get 样本不足 beside them, as the figure marks them. */
  smallNMin?: number;
  /** Format only the first rows, in the figure's order (a spoken summary); `total` still counts them all. */
  limit?: number;
}

// Technical columns that only order or key rows, and flags that only steer the drawing (the
// outcome chart's note on lighter measures): the table shows their readable twins or nothing.
const HIDDEN = new Set(['round_key', 'round_pos', 'round_year', 'dataset_id', 'sort_key', 'light_included', 'parts_only']);

type Row = Record<string, unknown>;

function cell(key: string, row: Row, lang: Lang): string | number | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') {
    // A flag reads as a word, never true/false: a small sample says so (the figure greys it), others 是/否.
    if (key === 'small_sample') return value ? translate(lang, 'chart.smallN') : '';
    return translate(lang, value ? 'cell.yes' : 'cell.no');
  }
  if (typeof value === 'number') {
    if (/rate|share|ratio|coverage/.test(key)) return formatRate(value);
    if (/wan|funds/.test(key)) return formatWan(value);
    return Number.isInteger(value) ? value : roundHalfUp(value, 2);
  }
  const text = String(value);
  if (key === 'county') return countyLabel(text, lang);
  // The round as the figures name it: the ledger's label in Chinese, made from the key in English.
  if (key === 'round_label') return roundName({ round_key: String(row.round_key ?? text), round_label: text }, lang);
  if (key === 'inspector_level') return LEVEL_NAME_KEYS[text] ? translate(lang, LEVEL_NAME_KEYS[text]) : text;
  if (/^category_l[12]$|^code$|^l[12]$/.test(key)) return categoryLabel(text, lang);
  if (key === 'status') return translate(lang, `status.${text}`);
  return text;
}

/**
 * Rows by county in the order the figures' county axes use (GB/T 2260, 市本级 last), each county's
 * rows kept in query order (rounds in sequence); queries sort counties by code point, which put
 * 东阳市 before 婺城区. A ranking (a `rank` column) keeps its rank order, as its figure does.
 */
function inFigureOrder(rows: Row[]): Row[] {
  if (!rows.length || !('county' in rows[0]) || 'rank' in rows[0]) return rows;
  const counties = rows.map((r) => String(r.county ?? ''));
  const position = new Map(countiesOf(counties.map((county) => ({ county }))).map((c, i) => [c, i]));
  // Array.prototype.sort is stable: rows of one county keep their order.
  return rows.map((row, i) => ({ row, at: position.get(counties[i])! })).sort((a, b) => a.at - b.at).map((x) => x.row);
}

/**
 * Statuses within each county or round in the order the stacked bars draw them (已完成, 基本完成,
 * 正在整改, 未完成, 未识别), not the query's alphabetical one; the groups keep their order.
 */
function statusesInFigureOrder(rows: Row[]): Row[] {
  if (!rows.length || !('status' in rows[0])) return rows;
  const groups = new Map<string, number>();
  const group = (r: Row) => `${String(r.county ?? '')}\u0000${String(r.round_key ?? '')}`;
  for (const r of rows) if (!groups.has(group(r))) groups.set(group(r), groups.size);
  const rank = (r: Row) => {
    const i = STATUS_KEYS.indexOf((r.status ?? 'unknown') as (typeof STATUS_KEYS)[number]);
    return i < 0 ? STATUS_KEYS.length : i;
  };
  return [...rows].sort((a, b) => groups.get(group(a))! - groups.get(group(b))! || rank(a) - rank(b));
}

/** With `smallNMin`, a rate row without its own flag gets one from its N, set right after the rate. */
function withSmallSample(rows: Row[], smallNMin: number | undefined): Row[] {
  if (smallNMin === undefined || !rows.length || 'small_sample' in rows[0] || !('n' in rows[0]) || !('completion_rate' in rows[0])) return rows;
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) {
      out[k] = v;
      if (k === 'completion_rate') out.small_sample = typeof r.n === 'number' && r.n < smallNMin;
    }
    return out;
  });
}

/**
 * Turns chart rows into a table with readable headers (`col.<key>` messages; every column a chart
 * writes has one, and a test builds every chart's table to hold that) and formatted cells: rates as
 * percentages, codes with names, statuses, rounds and levels in words, flags as words; counties
 * and statuses in the figures' order.
 */
export function chartDataTable(rows: Row[], lang: Lang, opts: DataTableOptions = {}): DataTable {
  rows = withSmallSample(statusesInFigureOrder(inFigureOrder(rows)), opts.smallNMin);
  const keys = rows.length ? Object.keys(rows[0]).filter((k) => !HIDDEN.has(k)) : [];
  const columns = keys.map((key) => {
    const label = translate(lang, `col.${key}`);
    return { key, label: label === `col.${key}` ? key : label };
  });
  const shown = opts.limit === undefined ? rows : rows.slice(0, opts.limit);
  return { columns, rows: shown.map((r) => keys.map((k) => cell(k, r, lang))), source: shown, total: rows.length };
}

/**
 * A chart's data table as every place that shows it prints it (the dashboard card's 查看数据 and
 * its CSV, the briefing packs): small samples said in words where the figure greys them
 * (ChartSpec.flagsSmallSamples; the ranking's rows carry their own flag).
 */
export function specDataTable(
  spec: Pick<ChartSpec, 'flagsSmallSamples'>, rows: Row[], lang: Lang, params: Pick<MetricParams, 'smallNMin'>, limit?: number,
): DataTable {
  return chartDataTable(rows, lang, { ...(spec.flagsSmallSamples ? { smallNMin: params.smallNMin } : {}), limit });
}

// A formatted figure: a count, an amount with separators, a rate; a rate without a denominator prints as —.
const FIGURE = /^-?[\d,]+(\.\d+)?%?$/;

/**
 * Which columns hold figures (numbers, or rates and amounts formatted as text), to align them
 * right: every filled cell is one, and at least one cell is filled. Empty cells and — do not count.
 */
export function figureColumns(table: Pick<DataTable, 'columns' | 'rows'>): boolean[] {
  return table.columns.map((_, i) => {
    const filled = table.rows.map((r) => r[i]).filter((v) => v !== null && v !== '' && v !== '—');
    return filled.length > 0 && filled.every((v) => typeof v === 'number' || FIGURE.test(v as string));
  });
}
