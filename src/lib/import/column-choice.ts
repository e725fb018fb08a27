import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { statusSql } from './normalise/status';
import { compactSql } from './normalise/text';
import type { ColumnClaim } from './headers';
import { cell, type StagedSheet } from './staging';

/**
 * Which of several columns that claim one field is read. The header decides (fieldClaims: a
 * visible column before a hidden one, the better alias, the leftmost), with two corrections from
 * the values, over a sample of data rows:
 * - a column with no value gives way to one with values (an empty visible 反馈日期 beside the
 *   filled hidden 反馈时间);
 * - for the status, which decides every rate, a narrative column (整改进展情况: 已完成责任清单，下一步
 *   持续推进 …, long texts) gives way to a short one of the same visibility that names a status about as
 *   often (是否完成: 是 / 否). A short status column is never replaced: 整改状态's 基本完成 must not become
 *   是否完成's 是.
 * The analyst's own mapping is never overruled.
 *
 * A narrative column not read as the status (整改进展情况 beside 完成情况: 已制定学习计划，已清退80%) is what was
 * done on each problem: it is read as the completion summary where no column of the sheet gives that
 * field (none claims it, or those that do are empty), so no analyst's entry is left out of the findings.
 */

// Data rows read to judge the columns: enough for a sheet's habits, cheap on a 1M-row file.
const SAMPLE_ROWS = 2000;
// Mean length (characters) above which a status column reads as a narrative, not a status.
const NARRATIVE_LENGTH = 10;
// A short column that names a status at least this share as often as the narrative one replaces it.
const STATUS_SHARE = 0.8;

/** Field key → the column read, for every field that more than one column claims (best first in `claims`). */
export async function chooseColumns(engine: Engine, s: StagedSheet, headerRow: number, claims: Map<string, ColumnClaim[]>): Promise<Map<string, number>> {
  const contested = [...claims].filter(([, list]) => list.length > 1 && list[0].rank >= 0);
  const chosen = new Map<string, number>();
  if (!contested.length) return chosen;
  const status = claims.get('status_raw') ?? [];
  const summaries = claims.get('completion_summary') ?? [];
  const cols = [...new Set([...contested.flatMap(([, list]) => list.map((c) => c.col)), ...(status.length > 1 ? summaries.map((c) => c.col) : [])])];
  const [row] = await engine.query<Record<string, number | null>>(`SELECT ${[
    ...cols.map((c) => `count(${cell(c)}) AS n${c}`),
    ...status.map((c) => `count(${statusSql(compactSql(cell(c.col)))}) AS k${c.col}, avg(length(${cell(c.col)})) AS l${c.col}`),
  ].join(', ')} FROM (SELECT * FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} ORDER BY src_row LIMIT ${SAMPLE_ROWS})`);
  const filled = (c: ColumnClaim) => Number(row[`n${c.col}`] ?? 0) > 0;
  for (const [key, list] of contested) {
    const withValues = list.filter(filled);
    const best = withValues[0] ?? list[0];
    chosen.set(key, key === 'status_raw' ? statusOf(best, withValues, row) : best.col);
  }
  const statusCol = chosen.get('status_raw');
  const summary = statusCol === undefined || summaries.some((c) => filled(c) || c.rank < 0) ? undefined
    : status.find((c) => c.col !== statusCol && !c.hidden && filled(c) && Number(row[`l${c.col}`] ?? 0) > NARRATIVE_LENGTH);
  if (summary) chosen.set('completion_summary', summary.col);
  return chosen;
}

/** The status column: `best`, unless it reads as a narrative and a short column of its visibility names statuses about as often. */
function statusOf(best: ColumnClaim, candidates: ColumnClaim[], row: Record<string, number | null>): number {
  const named = (c: ColumnClaim) => Number(row[`k${c.col}`] ?? 0);
  const length = (c: ColumnClaim) => Number(row[`l${c.col}`] ?? 0);
  if (length(best) <= NARRATIVE_LENGTH) return best.col;
  const short = candidates.filter((c) => c !== best && c.hidden === best.hidden && length(c) <= NARRATIVE_LENGTH
    && named(c) > 0 && named(c) >= STATUS_SHARE * named(best));
  short.sort((a, b) => length(a) - length(b));
  return short[0]?.col ?? best.col;
}
