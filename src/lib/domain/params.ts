/** Metric parameters of DOMAIN.md §7 with their defaults. The URL and settings may override them. */
export interface MetricParams {
  concentratedPeriodMonths: number;
  immediateFixDays: number;
  longTermWithDeadline: 'exclude' | 'include';
  warnGreenDays: number;
  warnYellowDays: number;
  lightMeasuresInAccountability: boolean;
  explicitRepeatCodes: string[];
  repeatDenominator: 'reinspected_units' | 'later_rounds';
  useTextSimilarity: boolean;
  similarityThreshold: number;
  commonMinUnits: number;
  commonMinShare: number;
  crossCountyMin: number;
  /** 屡现指数 counts distinct rounds or distinct years (DOMAIN #26). */
  persistenceBy: 'round' | 'year';
  persistenceThreshold: number;
  smallNMin: number;
  fundsYuanThreshold: number;
}

export const DEFAULT_PARAMS: MetricParams = {
  concentratedPeriodMonths: 3,
  immediateFixDays: 30,
  longTermWithDeadline: 'exclude',
  warnGreenDays: 20,
  warnYellowDays: 10,
  lightMeasuresInAccountability: false,
  explicitRepeatCodes: ['H1', 'H2', 'H3', 'H4'],
  repeatDenominator: 'reinspected_units',
  useTextSimilarity: false,
  similarityThreshold: 0.5,
  commonMinUnits: 3,
  commonMinShare: 0.2,
  crossCountyMin: 3,
  persistenceBy: 'round',
  persistenceThreshold: 3,
  smallNMin: 10,
  fundsYuanThreshold: 1_000_000,
};
