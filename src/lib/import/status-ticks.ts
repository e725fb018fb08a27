import { STATUS_LONG_TERM_PATTERN, STATUS_TICK_HEADER_PATTERN } from '../domain/vocabulary/status';
import { subHeader } from './sub-headers';

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

/**
 * A row of tick labels under a header row (整改情况 merged over 已完成 | 正在整改 | 未完成): the header
 * with each ticked column named `group/label`, or null when the lower row is not such a row (fewer
 * than two tick labels, or another text that does not repeat the cell above it or name a date of
 * its group, see subHeader).
 */
export function tickSubHeaders(upper: readonly (string | null)[], lower: readonly (string | null)[]): (string | null)[] | null {
  const text = (v: string | null | undefined) => (v ?? '').trim();
  const width = Math.max(upper.length, lower.length);
  const out: (string | null)[] = [];
  let group = '';
  let ticks = 0;
  for (let c = 0; c < width; c++) {
    const u = text(upper[c]);
    const l = text(lower[c]);
    if (u) group = u;
    else if (!l) group = '';
    if (!l || l === u) {
      out.push(u || null);
      continue;
    }
    // A planned / actual date under a date group beside them (完成时间 over 计划 | 实际).
    const sub = group ? subHeader(group, l) : null;
    if (sub) {
      out.push(sub);
      continue;
    }
    if (!tickLabel(l)) return null;
    ticks++;
    out.push(group ? `${group}/${l}` : l);
  }
  return ticks >= 2 ? out : null;
}
