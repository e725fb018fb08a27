import { platformApi } from 'zrender/lib/core/platform.js';

/** One line of text drawn in a rendered SVG chart, with its estimated box in px. */
export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The text lines of an ECharts SSR SVG (one `<text>` per line) as boxes: position from the
 * transform (translate or a 90° rotation matrix) plus x/y, width as zrender measured it when it
 * laid the chart out, height = font size. Hidden or transparent text is skipped.
 */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1];
    const text = decode(m[2]);
    if (!text.trim() || /opacity="0"|fill-opacity="0"|display="none"/.test(attrs)) continue;
    const fs = Number(/font-size:([\d.]+)px/.exec(attrs)?.[1] ?? 12);
    const x = Number(/\sx="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const y = Number(/\sy="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const w = platformApi.measureText(text, `${fs}px sans-serif`).width;
    const start = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    // Local box [start, start + w] × [y - fs/2, y + fs/2] (dominant-baseline central).
    let corners = [[start, y - fs / 2], [start + w, y + fs / 2]];
    const t = /transform="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const tr = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(t);
    const mx = /matrix\(([^)]*)\)/.exec(t);
    if (tr) corners = corners.map(([a, b]) => [a + Number(tr[1]), b + Number(tr[2])]);
    else if (mx) {
      const [a, b, c, d, e, f] = mx[1].split(/[ ,]+/).map(Number);
      corners = corners.map(([p, q]) => [a * p + c * q + e, b * p + d * q + f]);
    }
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    boxes.push({ text, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
  }
  return boxes;
}

/** Pairs of text lines whose boxes overlap by more than `tolerance` px both ways, as "a ⟂ b". */
export function overlappingTexts(svg: string, tolerance = 1): string[] {
  const boxes = textBoxes(svg);
  const hits: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > tolerance && dy > tolerance) hits.push(`${a.text} ⟂ ${b.text}`);
    }
  }
  return hits;
}
