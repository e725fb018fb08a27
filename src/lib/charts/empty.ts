import type { EChartsOption } from 'echarts';
import { translate } from '../i18n/translate';
import { FONT_FAMILY, baseOption } from './theme';
import type { ChartContext } from './types';

/**
 * The option for an empty result: the chart's frame with a centred "no data" message, never a blank
 * canvas. `why` says what an empty result means for this chart (a rule nothing met), where that is
 * more than "nothing under the filters"; an as-of date before the first feedback says that instead.
 */
export function noDataOption(ctx: ChartContext, title: string, why?: string): EChartsOption {
  return {
    ...baseOption(ctx, title),
    graphic: [{
      type: 'text',
      left: 'center',
      top: 'middle',
      style: { text: ctx.firstFeedback ? translate(ctx.lang, 'chart.noDataBeforeFeedback', { date: ctx.firstFeedback }) : why ?? translate(ctx.lang, 'chart.noData'), fontFamily: FONT_FAMILY, fontSize: 14, fill: '#7b8794' },
    }],
    series: [],
  };
}
