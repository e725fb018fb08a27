import { STATUS_LONG_TERM_PATTERN, STATUS_TICK_HEADER_PATTERN } from '../domain/vocabulary/status';

/**
 * Status given as tick columns (已完成 | 正在整改 | 未完成, often under a merged 整改情况): a mark (√,
 * 是, 1, a date) in the column of the item's status. The marked columns' words become the row's
 * status text, which the status rules read as any status cell (DOMAIN.md §3.3; the SQL is raw.ts statusTicksSql).
 */

/** A tick column: its index and the status word its header names. */
export interface StatusTick {
  col: number;
  label: string;
}

const TICK_HEADER = new RegExp(STATUS_TICK_HEADER_PATTERN);
const LONG_TERM = new RegExp(STATUS_LONG_TERM_PATTERN);
// What a header is compared without: spaces, punctuation, symbols (已完成（√）).
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** The status word a header names as a tick column, also as a sub-label under a group (整改情况/已完成); else null. */
export function tickLabel(header: string | null | undefined): string | null {
  if (!header) return null;
  const tail = (header.split('/').pop() ?? '').normalize('NFKC').replace(NOISE, '');
  return TICK_HEADER.test(tail) ? tail : null;
}

/**
 * The tick columns of a header, leaving out columns another field reads (`taken`): at least two,
 * one of them a status (长期坚持 alone is none); none otherwise, since a lone 已完成 column may hold
 * anything.
 */
export function findStatusTicks(headers: readonly (string | null)[], taken: ReadonlySet<number>): StatusTick[] {
  const ticks = headers.flatMap((h, col) => {
    const label = taken.has(col) ? null : tickLabel(h);
    return label ? [{ col, label }] : [];
  });
  return ticks.length >= 2 && ticks.some((t) => !LONG_TERM.test(t.label)) ? ticks : [];
}
