/**
 * Status vocabulary (DOMAIN.md §3.3). Rules are tried in order because 完成 occurs inside 未完成
 * and 基本完成: the first pattern that matches the cleaned raw text decides.
 * Patterns are RE2 regular expressions (DuckDB's `regexp_matches`).
 */
export interface StatusRule {
  status: 'completed' | 'basically_completed' | 'in_progress' | 'not_completed';
  pattern: string;
}

/** The rules in matching order. */
export const STATUS_RULES: StatusRule[] = [
  // 未按期 / 滞后 are late but still being worked on: overdue is derived from the deadline, not stored.
  { status: 'in_progress', pattern: '未按期|无法按期|不能按期|滞后' },
  { status: 'not_completed', pattern: '未完成|未整改|尚未|未启动|未落实|不到位|没有完成|未开展|不能完成|无法完成|难以完成|未解决|未办结|未通过' },
  { status: 'basically_completed', pattern: '基本完成|基本整改|阶段性' },
  // Part done is still being worked on: 部分完成, 完成80% (a percentage below 100).
  { status: 'in_progress', pattern: '正在|推进|序时|整改中|进行中|持续整改|在整改|按计划|部分完成|落实中|办理中|(^|[^0-9.])[0-9]{1,2}(\\.[0-9]+)?%' },
  { status: 'completed', pattern: '已?完成|已整改|整改到位|销号|已办结|办结|已落实|落实到位|已解决|已验收|验收合格|验收通过|通过验收' },
];

/** In a status cell: words that are not a status but mark the item as ongoing (sets long_term). */
export const STATUS_LONG_TERM_PATTERN = '长期坚持|常态化';

/** In a deadline cell: words that mark the item as ongoing; the rest of the text is still parsed. */
export const DEADLINE_LONG_TERM_PATTERN = '长期坚持|常态化|持续';

/** Deadline words meaning "fix at once": deadline = feedback_date + immediateFixDays. */
export const IMMEDIATE_FIX_PATTERN = '立行立改|立行整改|立查立改|立即整改';

// Boolean cells: prefixes matched after cleaning and width folding.

/** Prefix of a true cell. */
export const BOOL_TRUE_PATTERN = '^(是|已|有|√|✓|✔|y|yes|true|1|对)';
/** Prefix of a false cell. */
export const BOOL_FALSE_PATTERN = '^(否|未|无|不|没|×|✗|✘|n|no|false|0)';
