import type { PreparedSheet } from './prepare';
import { unitInHeading } from './title';

type Headings = Pick<PreparedSheet, 'sections' | 'loneRows'>;

/**
 * A ledger that lists each unit's problems under a heading row naming the unit (一、横店镇党委（2个问题）,
 * then 1, 2 … under it) and has no unit column: the rows under such a heading are that unit's, up to
 * the next one. The headings that name a unit (title.ts unitInHeading) leave the section headings,
 * whose text is carried down as the rows' 方面, for the skipped heading rows; the others stay as they
 * are (a 方面 under a unit heading is still a 方面). Only for a sheet without a unit column.
 */
export function splitUnitHeadings(h: Headings): Headings & { unitHeadings: { row: number; unit: string }[] } {
  const unitHeadings: { row: number; unit: string }[] = [];
  const unitOf = (text: string | undefined) => (text ? unitInHeading(text) : null);
  const sections = h.sections.filter((x) => {
    const unit = unitOf(x.text);
    if (unit) unitHeadings.push({ row: x.row, unit });
    return !unit;
  });
  for (const x of h.loneRows) {
    const unit = x.kind === 'heading' ? unitOf(x.text) : null;
    if (unit) unitHeadings.push({ row: x.row, unit });
  }
  const moved = h.sections.filter((x) => !sections.includes(x)).map((x) => ({ row: x.row, kind: 'heading' as const, text: x.text }));
  return {
    sections,
    loneRows: [...h.loneRows, ...moved].sort((a, b) => a.row - b.row),
    unitHeadings: unitHeadings.sort((a, b) => a.row - b.row),
  };
}
