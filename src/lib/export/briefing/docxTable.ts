import type { Paragraph as ParagraphT, Table as TableT } from 'docx';
import { cellText, columnPercents } from './layout';
import type { BriefingChart } from './types';

/** The `docx` module, loaded lazily by the builder and handed in here. */
export type DocxModule = typeof import('docx');

/** Body text font (宋体): Word on Chinese Windows has SimSun; LibreOffice substitutes a CJK serif. */
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };
/** Title, caption and heading font (黑体): SimHei, substituted by a CJK sans elsewhere. */
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei' };

const TABLE_TEXT_HALF_POINTS = 18; // 小五 (9 pt): a chart's table is reference material, not body text
const HEADER_FILL = 'D9E2F3';
const BORDER_COLOR = '808080';

/**
 * A cell's text as written into the document, as it is: Word runs no formulas, so the spreadsheet
 * neutraliser (a leading apostrophe before = + - @) would only print a stray ' before −5%.
 */
function printed(value: string | number | null): string {
  return cellText(value);
}

// Formatted numbers ("76%", "1,234", "7.13") line up on the right like real numbers do.
const NUMERIC_TEXT = /^[-+]?[\d,]+(\.\d+)?%?$/;

/** Whether every filled cell of a column is a number or a formatted number (then the column aligns right). */
export function numericColumns(table: BriefingChart['table']): boolean[] {
  return table.columns.map((_, i) => {
    const filled = table.rows.map((r) => r[i] ?? null).filter((v): v is string | number => v !== null && v !== '');
    return filled.length > 0 && filled.every((v) => typeof v === 'number' || NUMERIC_TEXT.test(v));
  });
}

function cellParagraph(d: DocxModule, text: string, align: 'left' | 'right' | 'center', bold: boolean): ParagraphT {
  const alignment = align === 'right' ? d.AlignmentType.RIGHT : align === 'center' ? d.AlignmentType.CENTER : d.AlignmentType.LEFT;
  return new d.Paragraph({
    alignment,
    spacing: { before: 0, after: 0, line: 240 },
    children: [new d.TextRun({ text, bold, font: BODY_FONT, size: TABLE_TEXT_HALF_POINTS })],
  });
}

/**
 * The chart's data table: full text width set in percent with fixed layout (so Word and
 * LibreOffice wrap long cells instead of widening the table), a shaded header row repeated on
 * every page, thin grey borders, number columns right-aligned (their dashes too).
 */
export function chartTableDocx(d: DocxModule, table: BriefingChart['table'], textWidthTwips: number): TableT {
  const percents = columnPercents(table.columns, table.rows);
  const numeric = numericColumns(table);
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const margins = { top: 30, bottom: 30, left: 70, right: 70 };
  const width = (i: number) => ({ size: percents[i], type: d.WidthType.PERCENTAGE });

  const header = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (label, i) =>
        new d.TableCell({
          width: width(i),
          margins,
          verticalAlign: d.VerticalAlign.CENTER,
          shading: { fill: HEADER_FILL, type: d.ShadingType.CLEAR, color: 'auto' },
          children: [cellParagraph(d, printed(label), 'center', true)],
        }),
    ),
  });
  const body = table.rows.map(
    (row) =>
      new d.TableRow({
        cantSplit: true,
        children: table.columns.map((_, i) => {
          const value = row[i] ?? null;
          return new d.TableCell({
            width: width(i),
            margins,
            verticalAlign: d.VerticalAlign.CENTER,
            children: [cellParagraph(d, printed(value), numeric[i] ? 'right' : 'left', false)],
          });
        }),
      }),
  );
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    columnWidths: percents.map((p) => Math.round((p / 100) * textWidthTwips)),
    layout: d.TableLayoutType.FIXED,
    borders,
    rows: [header, ...body],
  });
}
