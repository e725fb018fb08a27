import type { Paragraph as ParagraphT, Table as TableT } from 'docx';
import { translate } from '../../i18n/translate';
import { fitInBox, uniqueDefinitions, xmlSafe } from './layout';
import { BODY_FONT, HEADING_FONT, chartTableDocx, type DocxModule } from './docxTable';
import type { BriefingChart, BriefingPack } from './types';

// A4 portrait with Word's Chinese default margins (2.54 cm top/bottom, 3.17 cm left/right), in twips.
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1797, right: 1797 };
const TEXT_WIDTH_TWIPS = PAGE.width - PAGE.left - PAGE.right;
const TEXT_HEIGHT_TWIPS = PAGE.height - PAGE.top - PAGE.bottom;
const TWIPS_PER_PX = 15; // docx sizes pictures in 96-dpi pixels; 1440 twips to the inch
// A chart may take at most 55% of the text height, so its caption and the table's head follow on the page.
const PICTURE_BOX = { width: TEXT_WIDTH_TWIPS / TWIPS_PER_PX, height: (0.55 * TEXT_HEIGHT_TWIPS) / TWIPS_PER_PX };

interface ParagraphStyle {
  font: typeof BODY_FONT;
  halfPoints: number;
  center?: boolean;
  /** Justified lines suit Chinese; English justified in a narrow column opens wide gaps, so it stays ragged. */
  justify?: boolean;
  color?: string;
  before?: number;
  after?: number;
  /** First-line indent in characters: Chinese paragraphs start two characters in (首行缩进两字). */
  indentChars?: number;
  keepNext?: boolean;
}

function paragraph(d: DocxModule, text: string, opts: ParagraphStyle): ParagraphT {
  return new d.Paragraph({
    alignment: opts.center ? d.AlignmentType.CENTER : opts.justify ? d.AlignmentType.JUSTIFIED : d.AlignmentType.LEFT,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 360 },
    indent: opts.indentChars ? { firstLine: opts.indentChars * opts.halfPoints * 10 } : undefined,
    keepNext: opts.keepNext,
    children: [new d.TextRun({ text, font: opts.font, size: opts.halfPoints, color: opts.color })],
  });
}

/** Picture, caption under it, then the data table: picture and caption kept on one page. */
function chartBlock(d: DocxModule, chart: BriefingChart, n: number, pack: BriefingPack): (ParagraphT | TableT)[] {
  const size = fitInBox(chart.widthPx, chart.heightPx, PICTURE_BOX);
  const alt = translate(pack.lang, 'briefing.figureAlt', { n, title: chart.title });
  const picture = new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    spacing: { before: 360, after: 60 },
    keepNext: true,
    children: [
      new d.ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: Math.floor(size.width), height: Math.floor(size.height) },
        altText: { name: `chart-${chart.id}`, title: alt, description: chart.definition || alt },
      }),
    ],
  });
  const hasTable = chart.table.columns.length > 0;
  const caption = paragraph(d, chart.caption, { font: HEADING_FONT, halfPoints: 21, center: true, after: 120, keepNext: hasTable });
  return hasTable ? [picture, caption, chartTableDocx(d, chart.table, TEXT_WIDTH_TWIPS)] : [picture, caption];
}

function definitionsBlock(d: DocxModule, pack: BriefingPack): ParagraphT[] {
  const items = uniqueDefinitions(pack.definitions, pack.charts.map((c) => c.definition));
  if (items.length === 0) return [];
  const heading = paragraph(d, translate(pack.lang, 'briefing.definitions'), { font: HEADING_FONT, halfPoints: 28, before: 480, after: 120, keepNext: true });
  const lines = items.map((text, i) => paragraph(d, `${i + 1}. ${text}`, { font: BODY_FONT, halfPoints: 21, justify: pack.lang === 'zh', after: 60 }));
  return [heading, ...lines];
}

/**
 * The briefing as a Word document: A4 portrait, title, subtitle, the headline sentence as the
 * first paragraph, each chart with caption and data table, then the 口径说明. `docx` is loaded
 * here, on first use, so it stays out of the app's start-up bundle.
 */
export async function buildBriefingDocx(given: BriefingPack): Promise<Uint8Array> {
  const pack = xmlSafe(given);
  const d: DocxModule = await import('docx');
  const zh = pack.lang === 'zh';
  const children: (ParagraphT | TableT)[] = [
    paragraph(d, pack.title, { font: HEADING_FONT, halfPoints: 44, center: true, after: 120 }),
    paragraph(d, pack.subtitle, { font: BODY_FONT, halfPoints: 21, center: true, color: '595959', after: 360 }),
    paragraph(d, pack.headline, { font: BODY_FONT, halfPoints: 28, ...(zh ? { justify: true, indentChars: 2 } : {}), after: 120 }),
    ...pack.charts.flatMap((chart, i) => chartBlock(d, chart, i + 1, pack)),
    ...definitionsBlock(d, pack),
  ];
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 21 })],
      }),
    ],
  });
  const doc = new d.Document({
    title: pack.title,
    description: pack.subtitle,
    creator: translate(pack.lang, 'app.title'),
    styles: { default: { document: { run: { font: BODY_FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 992 },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}
