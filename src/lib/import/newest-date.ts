import type { Engine } from '../db/types';
import { str } from '../queries/sql';
import { PLAUSIBLE_DATES } from './validate';

/** Today as a calendar date in the user's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The columns of a ledger's rows (normalised, or stored in findings) whose dates say how recent it is. */
export const DATED_COLUMNS = ['feedback_date', 'completion_date', 'closure_date', 'followup_date', 'station_end', 'station_start'] as const;

/**
 * Newest date the rows of `from` (a table, view or subquery) hold in `cols`, never after today nor before the
 * plausible dates (a typo's 1899-01-01, warned date_implausible, dates nothing); null when they hold none.
 */
export async function newestDate(engine: Engine, from: string, cols: readonly string[] = DATED_COLUMNS): Promise<string | null> {
  if (!cols.length) return null;
  const t = `DATE ${str(today())}`;
  const [row] = await engine.query<{ d: string | null }>(`SELECT CAST(max(d) AS VARCHAR) AS d FROM (${cols
    .map((c) => `SELECT max(${c}) FILTER (WHERE ${c} <= ${t} AND ${c} >= DATE ${str(PLAUSIBLE_DATES[0])}) AS d FROM ${from}`).join(' UNION ALL ')})`);
  return row?.d ?? null;
}
