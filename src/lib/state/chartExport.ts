import type { ChartContext, ChartSpec } from '../charts/types';
import type { Row } from '../db/types';
import { translate } from '../i18n/translate';
import { renderPng, renderSvg, dataUrlToBlob, EXPORT_SIZE } from '../render/chartImage';
import { pngWithNote, svgWithNote } from '../render/exportNote';
import { downloadBlob } from '../render/download';
import { exportFileName } from '../text/fileName';
import { datasetNames } from '../export/about';
import { database } from './database.svelte';
import { viewStore } from './view.svelte';
import { filterSummary } from './filterSummary';
import { chartScopeTag } from './chartData';
import { chartDefinition } from './chartDefinition';

/**
 * Exports one chart as PNG (1×/2×/3×), SVG or to the clipboard. The image is drawn off-screen
 * without animation on white, with a subtitle that names the active filters, the definition,
 * the as-of date and the data source, so it can go into a briefing as it is.
 */
export async function exportChart(spec: ChartSpec<any>, rows: Row[], ctx: ChartContext, kind: 'png' | 'svg' | 'clipboard', pixelRatio: number): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => translate(ctx.lang, key, vars);
  const sources = datasetNames(database.datasets);
  // Drawn below the chart (exportNote.ts): as a multi-line subtitle it ran over the plot.
  const note = [
    filterSummary(viewStore.filters, ctx.lang),
    `${t('definition')}${t('colon')}${chartDefinition(spec, ctx.params, ctx.lang)}`,
    `${t('export.source')}${t('colon')}${sources.slice(0, 3).join(t('listSeparator'))}${sources.length > 3 ? t('export.moreSources', { n: sources.length }) : ''}`,
  ];
  const option = spec.option(rows, { ...ctx, forExport: true });
  // Named after what it shows: title, date and the filters that narrow its rows (各轮次问题类别构成_2026-06-30_永康市).
  const tag = chartScopeTag(spec, viewStore.filters, ctx.lang);
  const name = exportFileName([t(spec.titleKey), ctx.asOf, tag], kind === 'svg' ? 'svg' : 'png');
  if (kind === 'svg') {
    downloadBlob(new Blob([svgWithNote(renderSvg(option), note, EXPORT_SIZE)], { type: 'image/svg+xml' }), name);
    return;
  }
  const blob = await dataUrlToBlob(await pngWithNote(renderPng(option, pixelRatio), note, EXPORT_SIZE, pixelRatio));
  if (kind === 'png') downloadBlob(blob, exportFileName([t(spec.titleKey), ctx.asOf, tag, `${pixelRatio}x`], 'png'));
  else await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
