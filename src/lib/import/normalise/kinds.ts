import { RECT_TYPE_RULES, SOURCE_IMMEDIATE_PATTERN } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { firstMatchSql } from './text';

/**
 * 整改类型 as its enum (RECT_TYPE_RULES: 立行整改 → 立行立改, 近期整改 → 限期整改), else the cleaned
 * text as written. `x` is the compact form, `clean` the cleaned text.
 */
export function rectTypeSql(x: string, clean: string): string {
  return firstMatchSql(x, RECT_TYPE_RULES, clean);
}

/**
 * 整改专项 / 问题来源: a cell that starts with an immediate-fix word (立行整改, 立即整改问题) is the
 * source 立行立改 (§6.1); others as written (巡察反馈（含立行立改） stays, as does a special check).
 */
export function sourceSql(x: string, clean: string): string {
  return `CASE WHEN regexp_matches(${x}, ${str(SOURCE_IMMEDIATE_PATTERN)}) THEN '立行立改' ELSE ${clean} END`;
}
