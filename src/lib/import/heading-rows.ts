import type { PreparedSheet } from './prepare';
import { headingLevel } from './title';

/** A sheet's heading rows as prepare.ts sorts them: sections (方面, carried down) and lone headings. */
export type Headings = Pick<PreparedSheet, 'sections' | 'loneRows'>;

/** One heading row: its text, its numbering level (title.ts headingLevel) and whether it is a section. */
export interface HeadingRow {
  row: number;
  text: string;
  level: number;
  section: boolean;
}

/** Every heading row with text, sections and lone headings alike, in row order; rows in `skip` left out. */
export function headingRows(h: Headings, skip: ReadonlySet<number> = new Set()): HeadingRow[] {
  return [
    ...h.sections.map((x) => ({ row: x.row, text: x.text, section: true })),
    ...h.loneRows.filter((x) => x.kind === 'heading' && x.text).map((x) => ({ row: x.row, text: x.text!, section: false })),
  ].filter((x) => !skip.has(x.row)).map((x) => ({ ...x, level: headingLevel(x.text) })).sort((a, b) => a.row - b.row);
}

/** The numbering level most of the headings are written at (the first such level on a tie); null for none. */
export function commonestLevel(headings: readonly Pick<HeadingRow, 'level'>[]): number | null {
  const counts = new Map<number, number>();
  for (const x of headings) counts.set(x.level, (counts.get(x.level) ?? 0) + 1);
  return counts.size ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : null;
}

/**
 * The headings with `taken` (county or unit headings) out of the sections, whose text is carried down as
 * the rows' 方面, and among the skipped heading rows instead.
 */
export function takeFromSections(h: Headings, taken: readonly HeadingRow[]): Headings {
  const rows = new Set(taken.map((x) => x.row));
  const moved = taken.filter((x) => x.section).map((x) => ({ row: x.row, kind: 'heading' as const, text: x.text }));
  return {
    sections: h.sections.filter((x) => !rows.has(x.row)),
    loneRows: [...h.loneRows, ...moved].sort((a, b) => a.row - b.row),
  };
}
