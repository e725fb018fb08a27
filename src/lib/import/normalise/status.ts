import { STATUS_LONG_TERM_PATTERN, STATUS_RULES } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { firstMatchSql } from './text';

/**
 * Normalised status (DOMAIN.md §3.3) of a raw status expression: completed, basically_completed,
 * in_progress, not_completed, or NULL when unrecognised. Rule order is the vocabulary's.
 * The input is a compact form (see compactSql).
 */
export function statusSql(x: string): string {
  return firstMatchSql(
    x,
    STATUS_RULES.map((r) => ({ pattern: r.pattern, value: r.status })),
  );
}

/** TRUE when the status text says 长期坚持 / 常态化坚持 (not a status: it sets long_term). */
export function statusLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_LONG_TERM_PATTERN)}), false)`;
}
