import { formatDate } from '../../charts/format';
import { translate } from '../../i18n/translate';
import { bytesToBase64, fitInBox, uniqueDefinitions, xmlSafe } from './layout';
import type { BriefingChart, BriefingPack } from './types';

type Presentation = InstanceType<(typeof import('pptxgenjs'))['default']>;

// LAYOUT_WIDE is PowerPoint's own 16:9 size, in inches.
const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.5;
// Office on Chinese Windows ships Microsoft YaHei; other systems substitute a CJK sans.
const FONT = 'Microsoft YaHei';
const INK = '1F1F1F';
const MUTED = '595959';
const ACCENT = 'B22222'; // the red rule of Party-office briefing slides

/** The caption line, with the as-of date added when the caption given does not carry it. */
export function slideCaption(chart: BriefingChart, pack: BriefingPack): string {
  const date = formatDate(pack.asOf, pack.lang);
  if (chart.caption.includes(date) || chart.caption.includes(pack.asOf)) return chart.caption;
  const asOf = translate(pack.lang, 'briefing.asOf', { date });
  return chart.caption ? `${chart.caption} · ${asOf}` : asOf;
}

type Slide = ReturnType<Presentation['addSlide']>;
type TextStyle = NonNullable<Parameters<Slide['addText']>[1]>;

/** Common text style: the CJK font, and the run language that makes PowerPoint lay Chinese out as Chinese. */
function textStyle(pack: BriefingPack, style: TextStyle): TextStyle {
  return { fontFace: FONT, lang: pack.lang === 'zh' ? 'zh-CN' : 'en-US', color: INK, ...style };
}

function titleSlide(pptx: Presentation, pack: BriefingPack): void {
  const slide = pptx.addSlide();
  const width = SLIDE.width - 2 * MARGIN;
  const centred = { align: 'center', valign: 'middle' } as const;
  slide.addText(pack.title, textStyle(pack, { x: MARGIN, y: 1.3, w: width, h: 1.1, fontSize: 36, bold: true, ...centred }));
  slide.addShape(pptx.ShapeType.line, { x: 3.5, y: 2.55, w: SLIDE.width - 7, h: 0, line: { color: ACCENT, width: 2 } });
  slide.addText(pack.subtitle, textStyle(pack, { x: MARGIN, y: 2.75, w: width, h: 0.6, fontSize: 16, color: MUTED, ...centred }));
  slide.addText(
    pack.headline,
    textStyle(pack, { x: 1.2, y: 3.7, w: SLIDE.width - 2.4, h: 2.6, fontSize: 20, valign: 'top', lineSpacingMultiple: 1.3, fit: 'shrink' }),
  );
  const definitions = uniqueDefinitions(pack.definitions, []);
  if (definitions.length) slide.addNotes(`${translate(pack.lang, 'briefing.definitions')}\n${definitions.join('\n')}`);
}

function chartSlide(pptx: Presentation, chart: BriefingChart, n: number, pack: BriefingPack): void {
  const slide = pptx.addSlide();
  const width = SLIDE.width - 2 * MARGIN;
  slide.addText(chart.title, textStyle(pack, { x: MARGIN, y: 0.3, w: width, h: 0.8, fontSize: 26, bold: true, valign: 'middle', fit: 'shrink' }));
  slide.addShape(pptx.ShapeType.line, { x: MARGIN, y: 1.12, w: width, h: 0, line: { color: ACCENT, width: 1.5 } });
  // The picture area lies between the title rule and the caption line; the picture is centred in it.
  const box = { x: MARGIN, y: 1.3, width, height: 5.45 };
  const size = fitInBox(chart.widthPx, chart.heightPx, box);
  slide.addImage({
    data: `data:image/png;base64,${bytesToBase64(chart.png)}`,
    x: box.x + (box.width - size.width) / 2,
    y: box.y + (box.height - size.height) / 2,
    w: size.width,
    h: size.height,
    altText: translate(pack.lang, 'briefing.figureAlt', { n, title: chart.title }),
  });
  const footLine = { y: 6.85, h: 0.4, fontSize: 11, color: MUTED, valign: 'middle' } as const;
  slide.addText(slideCaption(chart, pack), textStyle(pack, { x: MARGIN, w: width - 0.8, fit: 'shrink', ...footLine }));
  slide.slideNumber = { ...textStyle(pack, { x: SLIDE.width - MARGIN - 0.6, w: 0.6, align: 'right', ...footLine }) };
  if (chart.definition) slide.addNotes(translate(pack.lang, 'briefing.definition', { text: chart.definition }));
}

/**
 * The briefing as a 16:9 deck: a title slide (title, subtitle, headline sentence), then one slide
 * per chart with its title, the picture centred at its own aspect ratio, a caption line with the
 * as-of date, and the metric definition in the speaker notes. `pptxgenjs` is loaded here, lazily.
 */
export async function buildBriefingPptx(given: BriefingPack): Promise<Uint8Array> {
  const pack = xmlSafe(given);
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = pack.title;
  pptx.subject = pack.subtitle;
  pptx.author = translate(pack.lang, 'app.title');
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  titleSlide(pptx, pack);
  pack.charts.forEach((chart, i) => chartSlide(pptx, chart, i + 1, pack));
  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
