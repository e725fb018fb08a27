import type { ChartSpec } from '../charts/types';
import type { MetricParams } from '../domain/params';
import { translate, type Lang } from '../i18n/translate';

/**
 * The definition text of a chart with the parameters in force written in (最小样本数 12, 黄色阈值
 * 5天): on screen, in a chart's export note and in the briefing, a definition states the values
 * the chart was drawn with, not the defaults.
 */
export function chartDefinition(spec: Pick<ChartSpec<any>, 'definitionKey'>, params: MetricParams, lang: Lang): string {
  return translate(lang, spec.definitionKey, {
    smallN: params.smallNMin,
    yellow: params.warnYellowDays,
    green: params.warnGreenDays,
    crossCounty: params.crossCountyMin,
    persistence: params.persistenceThreshold,
    minUnits: params.commonMinUnits,
    minShare: params.commonMinShare,
  });
}
