import { FONT_FAMILY } from '../charts/theme';
import { textWidth } from '../charts/layout';
import { escapeXml } from '../text/xml';

/**
 * The note under an exported chart: the filters, the definition and the data source, each line
 * wrapped to the image's width. Drawn in a band of its own below the chart, so it never meets
 * the chart's title, plot, labels or legend, whatever their layout.
 */
const FONT_SIZE = 12;
const LINE_HEIGHT = 17;
const PAD = 10;
const COLOR = '#52606d';

/** The note's lines wrapped to `width` px (CJK text breaks anywhere, as it may). */
export function wrapNote(lines: string[], width: number): string[] {
  const out: string[] = [];
  const max = width - 2 * PAD;
  for (const line of lines) {
    let current = '';
    // Units that never break: a run of anything but spaces and Chinese (a word with its punctuation,
    // 10.5%), with the spaces after it; a Chinese character or full-width mark on its own.
    for (const unit of line.match(/[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+\s*|\s+|[^]/gu) ?? []) {
      if (current && textWidth(current + unit.trimEnd(), FONT_SIZE) > max) {
        out.push(current.trimEnd());
        current = '';
      }
      // A word longer than the line is cut where it must be.
      for (const ch of textWidth(unit, FONT_SIZE) > max ? [...unit] : [unit]) {
        if (current && textWidth(current + ch, FONT_SIZE) > max) {
          out.push(current.trimEnd());
          current = '';
        }
        current += ch;
      }
    }
    if (current.trim()) out.push(current.trimEnd());
  }
  return out;
}

/** Height in px of the band that holds `n` wrapped lines. */
export const noteHeight = (n: number) => (n ? n * LINE_HEIGHT + 2 * PAD : 0);

/** CSS-pixel size of a chart image of `size` with the note's band below it (what `pngWithNote` draws). */
export function sizeWithNote(lines: string[], size: { width: number; height: number }): { width: number; height: number } {
  return { width: size.width, height: size.height + noteHeight(wrapNote(lines, size.width).length) };
}

/** A PNG data URL: the chart's PNG with the note drawn in a band below it. */
export async function pngWithNote(chartUrl: string, lines: string[], size: { width: number; height: number }, pixelRatio: number): Promise<string> {
  const wrapped = wrapNote(lines, size.width);
  if (!wrapped.length) return chartUrl;
  const image = new Image();
  image.src = chartUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size.width * pixelRatio;
  canvas.height = (size.height + noteHeight(wrapped.length)) * pixelRatio;
  const g = canvas.getContext('2d')!;
  g.scale(pixelRatio, pixelRatio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, size.width, size.height + noteHeight(wrapped.length));
  g.drawImage(image, 0, 0, size.width, size.height);
  g.fillStyle = COLOR;
  g.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
  g.textBaseline = 'top';
  wrapped.forEach((line, i) => g.fillText(line, PAD, size.height + PAD + i * LINE_HEIGHT));
  return canvas.toDataURL('image/png');
}


/** An SVG document: the chart's SVG nested above, the note as text (escaped) in a band below it. */
export function svgWithNote(chartSvg: string, lines: string[], size: { width: number; height: number }): string {
  const wrapped = wrapNote(lines, size.width);
  if (!wrapped.length) return chartSvg;
  const height = size.height + noteHeight(wrapped.length);
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '');
  const texts = wrapped.map((line, i) =>
    `<text x="${PAD}" y="${size.height + PAD + i * LINE_HEIGHT + FONT_SIZE}" font-size="${FONT_SIZE}" fill="${COLOR}">${escapeXml(line)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`
    + `<rect width="${size.width}" height="${height}" fill="#ffffff"/>${inner}${texts}</svg>`;
}
