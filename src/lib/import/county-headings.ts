import type { PreparedSheet } from './prepare';
import { countyInHeading } from './title';

type Headings = Pick<PreparedSheet, 'sections' | 'loneRows'>;

/** A county heading: the rows under it, up to the next, are the county's. */
export interface CountyHeading {
  row: number;
  /** The county as the heading writes it (东阳, 市直单位): the county normaliser reads it as it reads a county cell. */
  county: string;
}

/**
 * A city's ledger that lists each county's problems under a heading naming the county (一、东阳市（12个问题）,
 * 二、义乌市, 三、市直单位): where no column names the county, the rows under such a heading are that
 * county's, up to the next (title.ts countyInHeading; raw.ts reads them only then). Only where headings name two counties or more: one heading naming a
 * place may be a topic, and a county's own ledger is named by its title. A county heading is no 方面: it
 * leaves the section headings for the skipped heading rows, and the importer ends the 方面 (raw.ts
 * aspectSql) and the unit (unit-headings.ts) above it.
 */
export function splitCountyHeadings(h: Headings): Headings & { countyHeadings: CountyHeading[] } {
  const found = [
    ...h.sections.map((x) => ({ row: x.row, text: x.text, section: true })),
    ...h.loneRows.filter((x) => x.kind === 'heading' && x.text).map((x) => ({ row: x.row, text: x.text!, section: false })),
  ].flatMap((x) => {
    const county = countyInHeading(x.text);
    return county ? [{ ...x, county }] : [];
  }).sort((a, b) => a.row - b.row);
  if (new Set(found.map((x) => x.county)).size < 2) return { ...h, countyHeadings: [] };
  const rows = new Set(found.map((x) => x.row));
  const moved = found.filter((x) => x.section).map((x) => ({ row: x.row, kind: 'heading' as const, text: x.text }));
  return {
    sections: h.sections.filter((x) => !rows.has(x.row)),
    loneRows: [...h.loneRows, ...moved].sort((a, b) => a.row - b.row),
    countyHeadings: found.map(({ row, county }) => ({ row, county })),
  };
}
