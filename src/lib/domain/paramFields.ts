import { DEFAULT_PARAMS, type MetricParams } from './params';

/** Parameters held as numbers (the URL and the settings panel may override them). */
export type NumericParam = {
  [K in keyof MetricParams]: MetricParams[K] extends number ? K : never;
}[keyof MetricParams];

/** Which part of the analysis a parameter belongs to (the settings panel groups by it). */
export type ParamGroup = 'timeliness' | 'repeats' | 'ranking';

/** How one parameter is edited and which values it accepts. */
export type ParamField =
  | { key: NumericParam; kind: 'number'; group: ParamGroup; min: number; max: number; integer: boolean; importTime?: boolean }
  | { key: 'longTermWithDeadline'; kind: 'choice'; group: ParamGroup; choices: MetricParams['longTermWithDeadline'][] }
  | { key: 'repeatDenominator'; kind: 'choice'; group: ParamGroup; choices: MetricParams['repeatDenominator'][] }
  | { key: 'persistenceBy'; kind: 'choice'; group: ParamGroup; choices: MetricParams['persistenceBy'][] }
  | { key: 'useTextSimilarity' | 'lightMeasuresInAccountability'; kind: 'bool'; group: ParamGroup };

/**
 * The analyst-settable parameters of DOMAIN.md §7 with their admissible ranges. One table, read
 * by the settings panel and by the URL parser, so a link can never carry a value the panel refuses.
 * `importTime` marks values applied when a file is imported (they shape stored deadlines).
 */
export const PARAM_FIELDS: ParamField[] = [
  { key: 'warnGreenDays', kind: 'number', group: 'timeliness', min: 1, max: 365, integer: true },
  { key: 'warnYellowDays', kind: 'number', group: 'timeliness', min: 0, max: 364, integer: true },
  { key: 'longTermWithDeadline', kind: 'choice', group: 'timeliness', choices: ['exclude', 'include'] },
  { key: 'concentratedPeriodMonths', kind: 'number', group: 'timeliness', min: 1, max: 24, integer: true },
  { key: 'immediateFixDays', kind: 'number', group: 'timeliness', min: 1, max: 365, integer: true, importTime: true },
  { key: 'useTextSimilarity', kind: 'bool', group: 'repeats' },
  { key: 'similarityThreshold', kind: 'number', group: 'repeats', min: 0.05, max: 1, integer: false },
  { key: 'repeatDenominator', kind: 'choice', group: 'repeats', choices: ['reinspected_units', 'later_rounds'] },
  { key: 'commonMinUnits', kind: 'number', group: 'repeats', min: 1, max: 1000, integer: true },
  { key: 'commonMinShare', kind: 'number', group: 'repeats', min: 0, max: 1, integer: false },
  { key: 'crossCountyMin', kind: 'number', group: 'repeats', min: 1, max: 100, integer: true },
  { key: 'persistenceBy', kind: 'choice', group: 'repeats', choices: ['round', 'year'] },
  { key: 'persistenceThreshold', kind: 'number', group: 'repeats', min: 1, max: 100, integer: true },
  { key: 'smallNMin', kind: 'number', group: 'ranking', min: 1, max: 10000, integer: true },
  { key: 'lightMeasuresInAccountability', kind: 'bool', group: 'ranking' },
];

/** Result of setting one parameter: the new parameters, or the message key of the refusal. */
export type ParamUpdate = { ok: true; params: MetricParams } | { ok: false; errorKey: string; vars?: Record<string, string | number> };

/** Parses a numeric parameter's text; `null` when it is not an admissible value. */
export function parseNumericParam(field: Extract<ParamField, { kind: 'number' }>, raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < field.min || n > field.max) return null;
  if (field.integer && !Number.isInteger(n)) return null;
  return n;
}

/** True when the three-colour thresholds are ordered (黄 ≤ yellow days < 绿 ≤ green days, DOMAIN #16). */
export function warnThresholdsOrdered(p: Pick<MetricParams, 'warnYellowDays' | 'warnGreenDays'>): boolean {
  return p.warnYellowDays < p.warnGreenDays;
}

/** Sets one parameter from the panel's input; out-of-range or inconsistent values are refused. */
export function setParam(params: MetricParams, key: ParamField['key'], value: string | boolean): ParamUpdate {
  const field = PARAM_FIELDS.find((f) => f.key === key);
  if (!field) return { ok: false, errorKey: 'params.error.unknown' };
  const next: MetricParams = { ...params };
  if (field.kind === 'number') {
    const n = parseNumericParam(field, String(value));
    if (n === null) return { ok: false, errorKey: 'params.error.range', vars: { min: field.min, max: field.max } };
    (next[field.key] as number) = n;
    if (!warnThresholdsOrdered(next)) return { ok: false, errorKey: 'params.error.warnOrder' };
  } else if (field.kind === 'bool') {
    next[field.key] = value === true || value === 'true';
  } else {
    const choice = String(value);
    if (!(field.choices as string[]).includes(choice)) return { ok: false, errorKey: 'params.error.unknown' };
    (next[field.key] as string) = choice;
  }
  return { ok: true, params: next };
}

/** True when any field differs from its default (the panel then offers "restore defaults"). */
export function paramsChanged(params: MetricParams): boolean {
  return PARAM_FIELDS.some((f) => params[f.key] !== DEFAULT_PARAMS[f.key]);
}
