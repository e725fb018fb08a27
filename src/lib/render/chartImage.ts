import type { EChartsOption } from 'echarts';
import { echarts } from './echarts';
import { inertFormatters } from '../charts/inertText';
import { stripXmlIllegal } from '../text/xml';

/** Size of exported chart images in CSS pixels (× pixelRatio for PNG). */
export const EXPORT_SIZE = { width: 1000, height: 560 } as const;

/**
 * Renders an option off-screen (no animation, white background) and returns a PNG data URL at
 * the given pixel ratio. The option should be built with `forExport: true`.
 */
export function renderPng(option: EChartsOption, pixelRatio: number, size = EXPORT_SIZE): string {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.appendChild(host);
  const chart = echarts.init(host, null, { renderer: 'canvas', width: size.width, height: size.height, devicePixelRatio: pixelRatio });
  try {
    chart.setOption({ ...inertFormatters(option), animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    host.remove();
  }
}

/**
 * Renders an option to an SVG document string with the server-side SVG renderer. ECharts escapes
 * & < > in labels but passes control characters through (a form feed in a county name), which
 * make the document unparseable, so they are removed from the finished text.
 */
export function renderSvg(option: EChartsOption, size = EXPORT_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...inertFormatters(option), animation: false });
    return stripXmlIllegal(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Turns a data URL into a Blob (for downloads and the clipboard). */
export async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}
