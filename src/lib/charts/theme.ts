import type { EChartsOption } from 'echarts';
import { translate } from '../i18n/translate';
import { formatDate } from './format';
import type { ChartContext } from './types';

/** Qualitative palette for L1 categories A–H, Z (colour-blind safe order; Z grey). */
export const CATEGORY_COLORS: Record<string, string> = {
  A: '#c0392b', B: '#e67e22', C: '#2874a6', D: '#16a085', E: '#8e44ad', F: '#7d6608', G: '#d35486', H: '#2e4053', Z: '#9aa0a6',
};

/** Status colours; decal patterns (aria) carry the same meaning without colour. */
export const STATUS_COLORS: Record<string, string> = {
  completed: '#2e7d32', basically_completed: '#9ccc65', in_progress: '#f9a825', not_completed: '#c62828', unknown: '#9e9e9e',
};

/** Three-colour warning colours (DOMAIN.md §7.3, 16). */
export const WARNING_COLORS: Record<string, string> = { red: '#d32f2f', yellow: '#f9a825', green: '#43a047' };

/** Sequential scale for rates 0..1 (low = warm, high = green). */
export const RATE_SCALE = ['#b71c1c', '#ef6c00', '#fdd835', '#9ccc65', '#2e7d32'];

// Single quotes: ECharts' SVG renderer writes this into a double-quoted style attribute unescaped.
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** What every chart says under its title: the as-of date, and on the embedded sample the sample mark. */
export function datedLine(ctx: Pick<ChartContext, 'lang' | 'asOf' | 'isSample'>): string[] {
  const parts = [translate(ctx.lang, 'chart.asOf', { date: formatDate(ctx.asOf, ctx.lang) })];
  if (ctx.isSample) parts.push(translate(ctx.lang, 'chart.sampleMark'));
  return parts;
}

/** The subtitle under every chart's title: its dated line, and the export's filters when it has them. */
export function subtitleText(ctx: ChartContext): string {
  return [...datedLine(ctx), ...(ctx.subtitle ? [ctx.subtitle] : [])].join('  ·  ');
}

/**
 * The frame every chart shares: title, a subtitle stating the as-of date (and sample mark or
 * export filters), decal patterns so colour is not the only carrier of meaning, CJK font, and
 * no animation in exports.
 */
export function baseOption(ctx: ChartContext, title: string): EChartsOption {
  return {
    title: {
      text: title,
      subtext: subtitleText(ctx),
      left: 8,
      top: 4,
      textStyle: { fontSize: 15, fontWeight: 'bold', color: '#1f2933' },
      subtextStyle: { fontSize: 11, color: '#52606d' },
    },
    aria: { enabled: true, decal: { show: true } },
    textStyle: { fontFamily: FONT_FAMILY },
    animation: !ctx.forExport,
    backgroundColor: ctx.forExport ? '#ffffff' : 'transparent',
    tooltip: { confine: true, renderMode: 'richText' },
  };
}
