import type { KpiRow } from '../queries/kpis';

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
  /** For rates: the count field shown beside it as context (e.g. N). */
  countField?: keyof KpiRow;
}

/** The KPI cards of the dashboard, in display order. */
export const KPI_SPECS: KpiSpec[] = [
  { name: 'findings', field: 'findings', labelKey: 'kpi.findings', definitionKey: 'def.findings', format: 'count', unitKey: 'unit.findings' },
  { name: 'completion-rate', field: 'completion_rate', labelKey: 'kpi.completionRate', definitionKey: 'def.completionRate', format: 'rate', countField: 'completed' },
  { name: 'completion-basic-rate', field: 'completion_basic_rate', labelKey: 'kpi.completionBasicRate', definitionKey: 'def.completionBasicRate', format: 'rate' },
  { name: 'overdue', field: 'overdue', labelKey: 'kpi.overdue', definitionKey: 'def.overdue', format: 'count', unitKey: 'unit.findings' },
  { name: 'overdue-rate', field: 'overdue_rate', labelKey: 'kpi.overdueRate', definitionKey: 'def.overdueRate', format: 'rate', countField: 'past_deadline' },
  { name: 'repeat', field: 'repeat', labelKey: 'kpi.repeat', definitionKey: 'def.repeat', format: 'count', unitKey: 'unit.findings' },
  { name: 'units', field: 'units', labelKey: 'kpi.units', definitionKey: 'def.units', format: 'count', unitKey: 'unit.units' },
  { name: 'immediate', field: 'immediate', labelKey: 'kpi.immediate', definitionKey: 'def.immediate', format: 'count', unitKey: 'unit.findings' },
];

/** Variables the definition texts need (e.g. the explicit-repeat codes in force). */
export function definitionVars(codes: string[]): Record<string, string> {
  return { codes: codes.join('、') || '—' };
}
