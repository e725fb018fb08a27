import type { MetricParams } from '../domain/params';
import { date, num, str } from './sql';

/**
 * SQL fragments shared by every metric builder, so one definition of DOMAIN.md §7 lives in one
 * place. They are evaluated over S (`scopedFindings`), whose `status_t` is the status at T.
 */

/** A count of the rows meeting `cond`, as INTEGER (a bare count is BIGINT). */
export function countWhere(cond: string): string {
  return `CAST(count(*) FILTER (WHERE ${cond}) AS INTEGER)`;
}

/** All rows of the group, as INTEGER. */
export const COUNT_ALL = 'CAST(count(*) AS INTEGER)';

/** A rate as a fraction 0..1; NULL when the denominator is 0 (never a division error or 0%). */
export function rateOf(numerator: string, denominator: string): string {
  return `CAST(${numerator} AS DOUBLE) / NULLIF(${denominator}, 0)`;
}

/** Completed at T (DOMAIN §7.2 #5). */
export const IS_COMPLETED = `status_t = 'completed'`;

/** "Not completed" = status ≠ completed, so 基本完成 and unrecognised statuses count as not completed. */
export const NOT_COMPLETED = `status_t IS DISTINCT FROM 'completed'`;

/** Completed or basically completed at T (#6). */
export const IS_COMPLETED_OR_BASIC = `status_t IN ('completed', 'basically_completed')`;

/**
 * Membership of D (§7.3): a dated item that is not long-term; dated long-term items join D
 * only with `longTermWithDeadline = 'include'`.
 */
export function inDeadlineSet(params: MetricParams): string {
  return params.longTermWithDeadline === 'include'
    ? '(deadline IS NOT NULL)'
    : '(deadline IS NOT NULL AND NOT coalesce(long_term, false))';
}

/** Days from T to the deadline, r = deadline − T (negative once overdue). */
export function daysToDeadline(asOf: string): string {
  return `CAST(deadline - ${date(asOf)} AS INTEGER)`;
}

/** 逾期未完成 (#14): f ∈ D, not completed at T, deadline before T. */
export function isOverdue(asOf: string, params: MetricParams): string {
  return `(${inDeadlineSet(params)} AND ${NOT_COMPLETED} AND deadline < ${date(asOf)})`;
}

/** The denominator of 逾期率 (#14): f ∈ D with deadline before T. */
export function isPastDeadline(asOf: string, params: MetricParams): string {
  return `(${inDeadlineSet(params)} AND deadline < ${date(asOf)})`;
}

/** 立行立改 items L (#4): by rectification type or by source. */
export const IS_IMMEDIATE = `(coalesce(rect_type = ${str('立行立改')}, false) OR coalesce(source = ${str('立行立改')}, false))`;

/** Explicit repeats E (#21): flagged, linked to a prior finding, or coded in `explicitRepeatCodes`. */
export function isExplicitRepeat(params: MetricParams): string {
  return `(coalesce(is_prior_round_issue, false) OR prior_finding_id IS NOT NULL OR ${repeatCodeMatch(params)})`;
}

/** The parameter-dependent part of E (#21): `category_l2` is one of `explicitRepeatCodes`. */
export function repeatCodeMatch(params: MetricParams): string {
  const codes = params.explicitRepeatCodes;
  return codes.length ? `coalesce(category_l2 IN (${codes.map(str).join(', ')}), false)` : 'FALSE';
}

/** Three-colour warning (#16) of a not-completed f ∈ D at T: 'red' | 'yellow' | 'green' | NULL. */
export function warningColour(asOf: string, params: MetricParams): string {
  const r = daysToDeadline(asOf);
  return `CASE WHEN NOT (${inDeadlineSet(params)} AND ${NOT_COMPLETED}) THEN NULL
    WHEN ${r} < 0 THEN 'red'
    WHEN ${r} <= ${num(Math.trunc(params.warnYellowDays))} THEN 'yellow'
    WHEN ${r} <= ${num(Math.trunc(params.warnGreenDays))} THEN 'green' END`;
}

/**
 * Unit identity, for the distinct-unit count and repeat matching alike: the normalised unit name
 * (the raw name where the import left none) within its county. A city committee's round inspects
 * 教育局 in several counties, each a unit of its own, and the normalised name leaves the county's
 * name out (names.ts).
 */
export const UNIT_KEY = `(county || '|' || ${unitNameKeySql()})`;

/**
 * The unit's part of UNIT_KEY, of the row aliased `t` (none by default): 义乌市佛堂镇党委 and 佛堂镇党委
 * are one name here. Imports match a finding already loaded by it too (import/same-finding.ts).
 */
export function unitNameKeySql(t?: string): string {
  const c = (col: string) => (t ? `${t}.${col}` : col);
  return `coalesce(nullif(trim(${c('unit_name_norm')}), ''), ${c('unit_name')})`;
}

const ACCOUNTABILITY_PARTS = ['acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish'];

/**
 * 问责人数 of one finding (#17): the ledger's total, else the sum of its parts when any is given;
 * `acc_light` is a part only with `lightMeasuresInAccountability`.
 */
export function accountabilityRowTotal(lightIncluded: boolean): string {
  const parts = accountabilityParts(lightIncluded);
  const anyPart = parts.map((p) => `${p} IS NOT NULL`).join(' OR ');
  return `coalesce(acc_people_total, CASE WHEN ${anyPart} THEN ${parts.map((p) => `coalesce(${p}, 0)`).join(' + ')} END)`;
}

const accountabilityParts = (lightIncluded: boolean) => (lightIncluded ? [...ACCOUNTABILITY_PARTS, 'acc_light'] : ACCOUNTABILITY_PARTS);

/**
 * 1 for a finding whose ledger total is not the sum of the parts the parameter counts (a total
 * that counts 批评教育 too, or one given without parts), else 0: the label of #17 cannot then say
 * which measures the total leaves out.
 */
export function accountabilityTotalAsFiled(lightIncluded: boolean): string {
  const sum = accountabilityParts(lightIncluded).map((p) => `coalesce(${p}, 0)`).join(' + ');
  return `CASE WHEN acc_people_total IS NOT NULL AND acc_people_total <> ${sum} THEN 1 ELSE 0 END`;
}
