import { translate, type Lang } from '../i18n/translate';
import type { DataTable } from './dataTable';

/** Rows a chart's spoken description reads out; the rest are in its data table (查看数据). */
export const ARIA_ROWS = 12;

/**
 * What a screen reader says for a chart: its caption (title, date line), then the first rows of the
 * chart's own data table as "header: value" pairs, then how many rows are left and where they are.
 * The table may hold only those first rows (built with a limit); `total` counts them all.
 * ECharts' generated description reads raw dimensions (数据是0，17.65，17.65，NaN) and says nothing.
 */
export function chartAriaDescription(caption: string, table: Pick<DataTable, 'columns' | 'rows' | 'total'>, lang: Lang): string {
  const sep = translate(lang, 'listSeparator');
  const colon = translate(lang, 'colon');
  const end = lang === 'zh' ? '。' : '. ';
  const line = (row: DataTable['rows'][number]) => table.columns
    .map((c, i) => [c.label, row[i]] as const)
    .filter(([, v]) => v !== null && v !== '')
    .map(([label, v]) => `${label}${colon}${v}`)
    .join(sep);
  const head = caption + end;
  if (!table.total) return head + translate(lang, 'aria.noRows');
  const rows = table.rows.slice(0, ARIA_ROWS);
  const shown = rows.map(line).join(end) + end;
  const rest = table.total - rows.length;
  return head + shown + (rest > 0 ? translate(lang, 'aria.moreRows', { n: rest }) : '');
}

/** The option with its spoken description (see chartAriaDescription) in place of ECharts' own. */
export function withAriaDescription<T extends { aria?: unknown }>(option: T, description: string): T {
  const aria = (option.aria ?? {}) as Record<string, unknown>;
  return { ...option, aria: { ...aria, enabled: true, label: { enabled: true, description } } };
}
