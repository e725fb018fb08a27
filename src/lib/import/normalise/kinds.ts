import { IMMEDIATE_FIX_PATTERN, RECT_TYPE_RULES, SOURCE_IMMEDIATE_PATTERN } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { firstMatchSql } from './text';

// The enum's own values, which most ledgers write: kept without running a pattern on every row.
const RECT_TYPES = [...new Set(RECT_TYPE_RULES.map((r) => r.value))];
// First characters of the immediate-fix words (立行立改, 即知即改): a cheap test before the pattern.
const IMMEDIATE_FIRST = [...new Set(IMMEDIATE_FIX_PATTERN.split('|').map((w) => w[0]))];

/**
 * 整改类型 as its enum (RECT_TYPE_RULES: 立行整改 → 立行立改, 近期整改 → 限期整改), else the cleaned
 * text as written. `clean` is the cleaned text (cleanSql); the patterns are Chinese words anchored
 * at its start, so the compact form is not needed.
 */
export function rectTypeSql(clean: string): string {
  return `CASE WHEN ${clean} IN (${RECT_TYPES.map(str).join(', ')}) THEN ${clean} ELSE ${firstMatchSql(clean, RECT_TYPE_RULES, clean)} END`;
}

/**
 * 整改专项 / 问题来源: a cell that starts with an immediate-fix word (立行整改, 立即整改问题) is the
 * source 立行立改 (§6.1); others as written (巡察反馈（含立行立改） stays, as does a special check).
 */
export function sourceSql(clean: string): string {
  const first = IMMEDIATE_FIRST.map((c) => `starts_with(${clean}, ${str(c)})`).join(' OR ');
  return `CASE WHEN ${first} THEN CASE WHEN regexp_matches(${clean}, ${str(SOURCE_IMMEDIATE_PATTERN)}) THEN '立行立改' ELSE ${clean} END ELSE ${clean} END`;
}
