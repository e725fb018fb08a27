import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
import { COUNT_ALL, countWhere } from '../measures';
import { str } from '../sql';
import { repeatLinkCtes } from './links';

/** 整改后反弹 (#23) and its two sources. */
export interface ReboundRow {
  findings: number;
  /** followup_result = 问题反弹. */
  followup_rebounds: number;
  /** Unit repeats whose matched earlier finding was completed or closed at T ("closed but recurred"). */
  recurred_after_closure: number;
  /** In both terms (counted once in `rebounds`). */
  in_both: number;
  /** 整改后反弹数: the union of both terms. */
  rebounds: number;
}

/**
 * 整改后反弹数 (DOMAIN.md §7.5 #23) over S at T: findings whose follow-up found 问题反弹, plus
 * unit repeats (counted links, #22) whose earlier finding g was completed or closed at T, a
 * finding in both counted once. g's state is taken at T like every status in the app.
 */
export function reboundSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${repeatLinkCtes(filters, params, { except: opts.except })},
recurred AS (
  SELECT DISTINCT f_dataset_id, f_finding_id FROM links
  WHERE counted AND (g_status_t = 'completed' OR g_closed_t)
),
flagged AS (
  SELECT coalesce(fs.followup_result = ${str('问题反弹')}, FALSE) AS by_followup, r.f_finding_id IS NOT NULL AS by_recurrence
  FROM fs LEFT JOIN recurred r ON r.f_dataset_id = fs.dataset_id AND r.f_finding_id = fs.finding_id
)
SELECT ${COUNT_ALL} AS findings,
  ${countWhere('by_followup')} AS followup_rebounds,
  ${countWhere('by_recurrence')} AS recurred_after_closure,
  ${countWhere('by_followup AND by_recurrence')} AS in_both,
  ${countWhere('by_followup OR by_recurrence')} AS rebounds
FROM flagged`;
}
