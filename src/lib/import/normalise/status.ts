import { STATUS_CLOSED_PATTERN, STATUS_DONE_FRACTION_PATTERNS, STATUS_NOT_CLOSED_PATTERN, STATUS_LONG_TERM_PATTERN, STATUS_NEXT_STEP_PATTERN, STATUS_NOT_A_STATUS_PATTERN, STATUS_RULES } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { compactSql, firstMatchSql } from './text';

/**
 * Normalised status (DOMAIN.md §3.3) of a raw status expression: completed, basically_completed,
 * in_progress, not_completed, or NULL when unrecognised. Rule order is the vocabulary's. The text is
 * read clause by clause from its end: the last clause that names a status and does not say what
 * comes next (STATUS_NEXT_STEP_PATTERN) decides, else the whole text (持续推进 on its own).
 * The input is a compact form (see compactSql), where full-width ，；！？ are already half width.
 */
export function statusSql(raw: string): string {
  // Words that name a status but not the item's (a negative qualifying a noun, a denied delay) go
  // first; so does a full stop at the end (Completed.), which the clauses below do not split at.
  const x = `regexp_replace(regexp_replace(${raw}, ${str(STATUS_NOT_A_STATUS_PATTERN)}, '', 'g'), '\\.+$', '')`;
  const done = (t: string) => STATUS_DONE_FRACTION_PATTERNS.map((p) =>
    `(regexp_extract(${t}, ${str(p)}, 1) <> '' AND regexp_extract(${t}, ${str(p)}, 1) = regexp_extract(${t}, ${str(p)}, 2))`).join(' OR ');
  const rules = (t: string) =>
    `CASE WHEN ${done(t)} THEN 'completed' ELSE ${firstMatchSql(t, STATUS_RULES.map((r) => ({ pattern: r.pattern, value: r.status })))} END`;
  // A remark in brackets that says what comes next (已完成（持续推进）) is a clause of its own, which
  // the next-step rule then passes over; other brackets qualify the status before them (未完成（正在推进）).
  const remark = `[(【\\[]([^)】\\]]*(?:${STATUS_NEXT_STEP_PATTERN})[^)】\\]]*)[)】\\]]`;
  const split = `regexp_replace(${x}, ${str(remark)}, ',\\1,', 'g')`;
  const clauses = `list_reverse(regexp_extract_all(${split}, '[^,;。!?]+'))`;
  const named = `CASE WHEN regexp_matches(k, ${str(STATUS_NEXT_STEP_PATTERN)}) THEN NULL ELSE ${rules('k')} END`;
  const lastNamed = `list_filter(list_transform(${clauses}, lambda k: ${named}), lambda s: s IS NOT NULL)[1]`;
  return `coalesce(${lastNamed}, ${rules(x)})`;
}

/** TRUE when the status text says 长期坚持 / 常态化坚持 (not a status: it sets long_term). */
export function statusLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_LONG_TERM_PATTERN)}), false)`;
}

/**
 * The compact form (compactSql) a status cell is read in: a line break (Alt+Enter in Excel) ends a
 * clause as a comma does, so 已完成⏎持续推进 is read as 已完成，持续推进.
 */
export function statusCompactSql(v: string): string {
  return compactSql(`regexp_replace(${v}, '\\s*[\\r\\n\\x{2028}\\x{2029}]+\\s*', ',', 'g')`);
}

/** TRUE when the status text says the item is closed (销号; see STATUS_CLOSED_PATTERN). */
export function closedWordSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_CLOSED_PATTERN)}) AND NOT regexp_matches(${x}, ${str(STATUS_NOT_CLOSED_PATTERN)}), false)`;
}
