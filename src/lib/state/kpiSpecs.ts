import { kpisQuery, type KpiRow } from '../queries/kpis';
import { timelinessQuery, type TimelinessRow } from '../queries/timeliness';
import { completionDetailQuery, type CompletionDetailRow } from '../queries/completionDetail';
import type { Filters } from '../queries/filters';
import type { SourceOptions } from '../queries/source';
import type { MetricParams } from '../domain/params';
import { translate, type Lang } from '../i18n/translate';
import { roundHalfUp } from '../charts/format';

/** The SQL of the dashboard's KPI strip: the KPI row, timeliness details, completion details. */
export function kpiQueries(filters: Filters, params: MetricParams, opts: SourceOptions): { kpis: string; timeliness: string; completion: string } {
  return {
    kpis: kpisQuery(filters, params, opts),
    timeliness: timelinessQuery(filters, params, opts),
    completion: completionDetailQuery(filters, params, opts),
  };
}

/** How a KPI value prints: a count with its unit, or a rate (fraction 0..1 shown as %). */
export type KpiFormat = 'count' | 'rate';

/** One KPI card: where its number comes from in `KpiRow` and the keys of its texts. */
export interface KpiSpec {
  /** `data-testid="kpi-<name>"` (DESIGN.md testability contract). */
  name: string;
  /** The `KpiRow` column holding the raw value (`data-value`). */
  field: keyof KpiRow;
  labelKey: string;
  /** Hover text: the definition, e.g. 整改完成率＝已完成/反馈问题总数. */
  definitionKey: string;
  format: KpiFormat;
  /** Unit key for counts (个问题); rates carry none. */
  unitKey?: string;
  /** For rates: the numerator and denominator fields, shown under it (逾期率: overdue / past deadline, not N). */
  fraction?: [numerator: keyof KpiRow, denominator: keyof KpiRow];
}

/** The KPI cards of the dashboard, in display order. */
export const KPI_SPECS: KpiSpec[] = [
  { name: 'findings', field: 'findings', labelKey: 'kpi.findings', definitionKey: 'def.findings', format: 'count', unitKey: 'unit.findings' },
  { name: 'completion-rate', field: 'completion_rate', labelKey: 'kpi.completionRate', definitionKey: 'def.completionRate', format: 'rate', fraction: ['completed', 'findings'] },
  { name: 'completion-basic-rate', field: 'completion_basic_rate', labelKey: 'kpi.completionBasicRate', definitionKey: 'def.completionBasicRate', format: 'rate' },
  { name: 'overdue', field: 'overdue', labelKey: 'kpi.overdue', definitionKey: 'def.overdue', format: 'count', unitKey: 'unit.findings' },
  { name: 'overdue-rate', field: 'overdue_rate', labelKey: 'kpi.overdueRate', definitionKey: 'def.overdueRate', format: 'rate', fraction: ['overdue', 'past_deadline'] },
  { name: 'repeat', field: 'repeat', labelKey: 'kpi.repeat', definitionKey: 'def.repeat', format: 'count', unitKey: 'unit.findings' },
  { name: 'units', field: 'units', labelKey: 'kpi.units', definitionKey: 'def.units', format: 'count', unitKey: 'unit.units' },
  { name: 'immediate', field: 'immediate', labelKey: 'kpi.immediate', definitionKey: 'def.immediate', format: 'count', unitKey: 'unit.findings' },
];

/** Variables the definition texts need (e.g. the explicit-repeat codes in force). */
export function definitionVars(codes: string[], lang: Lang): Record<string, string> {
  return { codes: codes.join(translate(lang, 'listSeparator')) || '—' };
}

/** The rows the second KPI strip reads: timeliness (#13–#15) and completion details (#9–#12). */
export interface DetailRows {
  timeliness: TimelinessRow | null;
  completion: CompletionDetailRow | null;
}

/** A card of the timeliness and progress strip: its value and the basis shown under it. */
export interface DetailKpiSpec {
  name: string;
  labelKey: string;
  definitionKey: string;
  format: KpiFormat | 'days';
  unitKey?: string;
  value(rows: DetailRows): number | null;
  /**
   * Numerator / denominator (or sample) as [label key, a, b], shown as context; a fourth number is a
   * remark on the denominator (kpi.evidencePartial).
   */
  basis?(rows: DetailRows): [string, number, number] | [string, number, number, number] | null;
}

/** True when S has completed findings but no ledger behind them gave an evidence count. */
function evidenceUntold(r: DetailRows): boolean {
  return !!r.completion && r.completion.completed > 0 && r.completion.evidence_known === 0;
}

/** Timeliness, progress and completion-detail cards (DOMAIN §7.2 #9–#12, §7.3 #13–#15). */
export const DETAIL_KPI_SPECS: DetailKpiSpec[] = [
  { name: 'on-time-rate', labelKey: 'kpi.onTimeRate', definitionKey: 'def.onTimeRate', format: 'rate',
    value: (r) => r.timeliness?.on_time_rate ?? null, basis: (r) => (r.timeliness ? ['kpi.basis', r.timeliness.on_time, r.timeliness.due] : null) },
  { name: 'on-schedule', labelKey: 'kpi.onSchedule', definitionKey: 'def.progress', format: 'count', unitKey: 'unit.findings',
    value: (r) => r.timeliness?.progress_on_schedule ?? null },
  { name: 'lagging', labelKey: 'kpi.lagging', definitionKey: 'def.progress', format: 'count', unitKey: 'unit.findings',
    value: (r) => r.timeliness?.progress_lagging ?? null },
  { name: 'concentrated-rate', labelKey: 'kpi.concentratedRate', definitionKey: 'def.concentratedRate', format: 'rate',
    value: (r) => r.completion?.concentrated_rate ?? null, basis: (r) => (r.completion ? ['kpi.basis', r.completion.concentrated_completed, r.completion.findings] : null) },
  { name: 'closure-rate', labelKey: 'kpi.closureRate', definitionKey: 'def.closureRate', format: 'rate',
    value: (r) => r.completion?.closure_rate ?? null, basis: (r) => (r.completion ? ['kpi.basis', r.completion.closed, r.completion.findings] : null) },
  { name: 'mean-days', labelKey: 'kpi.meanDays', definitionKey: 'def.daysToClose', format: 'days', unitKey: 'unit.days',
    value: (r) => (r.completion?.mean_days == null ? null : roundHalfUp(r.completion.mean_days, 1)),
    basis: (r) => (r.completion?.median_days == null ? null : ['kpi.median', r.completion.median_days, r.completion.days_sample]) },
  // When no completed finding's ledger has a 佐证 column, #12's 0% would read as "none has evidence":
  // the card says the ledgers do not tell instead. When some have none, the rate stays as DOMAIN
  // defines it (over every completed finding) and the note says how many of them cannot tell.
  { name: 'evidence-rate', labelKey: 'kpi.evidenceRate', definitionKey: 'def.evidenceRate', format: 'rate',
    value: (r) => (evidenceUntold(r) ? null : r.completion?.evidence_rate ?? null),
    basis: (r) => {
      const c = r.completion;
      if (!c) return null;
      if (evidenceUntold(r)) return ['kpi.evidenceUntold', 0, c.completed];
      const untold = c.completed - c.evidence_known;
      return untold > 0 ? ['kpi.evidencePartial', c.evidence_complete, c.completed, untold] : ['kpi.basis', c.evidence_complete, c.completed];
    } },
];
