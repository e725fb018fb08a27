import { STATUS_LONG_TERM_PATTERN, STATUS_NARRATIVE_CHARS, STATUS_RULES } from '../../domain/vocabulary/status';
import { num, str } from '../../queries/sql';
import { firstMatchSql } from './text';

/**
 * Normalised status (DOMAIN.md §3.3) of a raw status expression: completed, basically_completed,
 * in_progress, not_completed, or NULL when unrecognised. Rule order is the vocabulary's. A
 * narrative (longer than STATUS_NARRATIVE_CHARS) is read clause by clause from its end: the last
 * clause that names a status decides, else the whole text.
 * The input is a compact form (see compactSql), where full-width ，；！？ are already half width.
 */
export function statusSql(x: string): string {
  const rules = (t: string) => firstMatchSql(t, STATUS_RULES.map((r) => ({ pattern: r.pattern, value: r.status })));
  const clauses = `list_reverse(regexp_extract_all(${x}, '[^,;。!?]+'))`;
  const lastNamed = `list_filter(list_transform(${clauses}, lambda k: ${rules('k')}), lambda s: s IS NOT NULL)[1]`;
  return `CASE WHEN length(${x}) > ${num(STATUS_NARRATIVE_CHARS)} THEN coalesce(${lastNamed}, ${rules(x)}) ELSE ${rules(x)} END`;
}

/** TRUE when the status text says 长期坚持 / 常态化坚持 (not a status: it sets long_term). */
export function statusLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_LONG_TERM_PATTERN)}), false)`;
}
