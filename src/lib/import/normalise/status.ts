import { STATUS_CLOSED_PATTERN, STATUS_DONE_FRACTION_PATTERNS, STATUS_NOT_CLOSED_PATTERN, STATUS_LONG_TERM_PATTERN, STATUS_NEXT_STEP_PATTERN, STATUS_NOT_A_STATUS_PATTERN, STATUS_RULES } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { compactSql, firstMatchSql } from './text';

/**
 * Normalised status (DOMAIN.md §3.3) of a raw status expression: completed, basically_completed,
 * in_progress, not_completed, or NULL when unrecognised. Rule order is the vocabulary's. The text is
 * read clause by clause from its end: the last clause that names a status and does not say what
 * comes next (STATUS_NEXT_STEP_PATTERN) decides, else the whole text (持续推进 on its own). A cell of
 * several lines (LINE_MARK, see statusCompactSql) is read line by line and the least advanced status
 * of its lines decides: 1.已完成⏎2.正在推进 lists its measures, one still in progress.
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
  // A remark in brackets that only says what comes next (已完成（持续推进）: it begins with a next-step
  // word and names nothing done, undone or begun) is a clause of its own, which the next-step rule
  // then passes over; other brackets qualify the status before them (未完成（已完成3项，其余持续推进）).
  const remark = `[(【\\[]((?:${STATUS_NEXT_STEP_PATTERN})[^)】\\]完成未已]*)[)】\\]]`;
  const split = `regexp_replace(${x}, ${str(remark)}, ',\\1,', 'g')`;
  const named = `CASE WHEN regexp_matches(k, ${str(STATUS_NEXT_STEP_PATTERN)}) THEN NULL ELSE ${rules('k')} END`;
  const lastNamed = (line: string) =>
    `list_filter(list_transform(list_reverse(regexp_extract_all(${line}, '[^,;。!?]+')), lambda k: ${named}), lambda s: s IS NOT NULL)[1]`;
  const perLine = `list_filter(list_transform(string_split(${split}, ${str(LINE_MARK)}), lambda l: ${lastNamed('l')}), lambda s: s IS NOT NULL)`;
  const least = `list_min(list_transform(${perLine}, lambda s: ${RANK}))`;
  return `coalesce(${STATUS_BY_RANK(least)}, ${rules(`replace(${x}, ${str(LINE_MARK)}, ',')`)})`;
}

/** Marks a line break in a status cell's compact form (statusCompactSql). */
export const LINE_MARK = '¶';
// Statuses from least to most advanced.
const RANKED = ['not_completed', 'in_progress', 'basically_completed', 'completed'];
const RANK = `CASE s ${RANKED.map((v, i) => `WHEN ${str(v)} THEN ${i}`).join(' ')} END`;
const STATUS_BY_RANK = (rank: string) => `CASE ${rank} ${RANKED.map((v, i) => `WHEN ${i} THEN ${str(v)}`).join(' ')} END`;

/** TRUE when the status text says 长期坚持 / 常态化坚持 (not a status: it sets long_term). */
export function statusLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_LONG_TERM_PATTERN)}), false)`;
}

/**
 * The compact form (compactSql) a status cell is read in, its line breaks (Alt+Enter in Excel)
 * marked by LINE_MARK: statusSql reads each line.
 */
export function statusCompactSql(v: string): string {
  return compactSql(`regexp_replace(${v}, '\\s*[\\r\\n\\x{2028}\\x{2029}]+\\s*', ${str(LINE_MARK)}, 'g')`);
}

/** TRUE when the status text says the item is closed (销号; see STATUS_CLOSED_PATTERN). */
export function closedWordSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_CLOSED_PATTERN)}) AND NOT regexp_matches(${x}, ${str(STATUS_NOT_CLOSED_PATTERN)}), false)`;
}
