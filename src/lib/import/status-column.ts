import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { statusSql } from './normalise/status';
import { compactSql } from './normalise/text';
import type { ColumnClaim } from './headers';
import { cell, type StagedSheet } from './staging';

/**
 * Which of several status columns a sheet's statuses come from. Clerks keep a narrative
 * 整改进展情况 beside a 是否完成 of 是 / 否, or an old 整改状态 hidden beside the current one; the
 * header alone picks the wrong one in both. The status decides every rate, so the values decide:
 * among the columns of the best visibility (a visible one before a hidden one, fieldClaims), those
 * whose values name a status nearly as often as the best (STATUS_SHARE) are kept, and the one with
 * the shortest values wins: a status, not an account of the work. The analyst's own mapping is
 * never overruled.
 */

// Data rows read to judge the columns: enough for a sheet's habits, cheap on a 1M-row file.
const SAMPLE_ROWS = 2000;
// A column whose values name a status at least this share as often as the best one's stays in.
const STATUS_SHARE = 0.8;

/** The column the statuses come from, among the columns that claim the status (best first). */
export async function statusColumn(engine: Engine, s: StagedSheet, headerRow: number, claims: ColumnClaim[]): Promise<number> {
  const [best] = claims;
  if (claims.length < 2 || best.rank < 0) return best.col;
  const tier = claims.filter((c) => c.hidden === best.hidden);
  if (tier.length < 2) return best.col;
  const [row] = await engine.query<Record<string, number | null>>(`SELECT ${tier.map((c, i) =>
    `count(${statusSql(compactSql(cell(c.col)))}) AS k${i}, avg(length(${cell(c.col)})) AS l${i}`).join(', ')}
    FROM (SELECT * FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} ORDER BY src_row LIMIT ${SAMPLE_ROWS})`);
  const named = tier.map((_, i) => Number(row[`k${i}`] ?? 0));
  const most = Math.max(...named);
  if (most === 0) return best.col;
  let pick = -1;
  tier.forEach((_, i) => {
    if (named[i] < STATUS_SHARE * most) return;
    if (pick < 0 || Number(row[`l${i}`]) < Number(row[`l${pick}`])) pick = i;
  });
  return tier[pick].col;
}
