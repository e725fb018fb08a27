import { IMMEDIATE_FIX_PATTERN, RECT_TYPE_LONG_TERM_PATTERN, RECT_TYPE_NOT_LONG_TERM, RECT_TYPE_RULES, SOURCE_IMMEDIATE_PATTERN } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { firstMatchSql } from './text';
import { boolSql } from './values';

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

/**
 * DOMAIN §3.4 and §6.1's long-term flag from the compact 是否长期坚持 and 整改类型 cells: the flag's answer
 * (是/否; a flag written 长期坚持 or 常态化 is 是), else 整改类型 naming the long-term tier (长期整改, 立行立改、
 * 长期坚持) once a negation's words are out (非长期整改, 非 长期整改). A flag of 否 is the ledger's own answer
 * (helper-122); one that says nothing (nan, 未知) leaves it to 整改类型 (helper-124). NULL: neither says.
 */
export function longTermFlagSql(flag: string, rectType: string): string {
  return `coalesce(CASE WHEN regexp_matches(${flag}, '^(长期|常态化)') THEN true ELSE ${boolSql(flag)} END,
    regexp_matches(regexp_replace(${rectType}, ${str(RECT_TYPE_NOT_LONG_TERM)}, '', 'g'), ${str(RECT_TYPE_LONG_TERM_PATTERN)}))`;
}
