import { commonestLevel, headingRows, takeFromSections, type Headings } from './heading-rows';
import { countyInHeading } from './title';

/** A county heading: the rows under it, up to the next, are the county's; a null county ends the one above. */
export interface CountyHeading {
  row: number;
  /** The county as the heading writes it (东阳, 市直单位): the county normaliser reads it as it reads a county cell. */
  county: string | null;
}

/**
 * A city's ledger that lists each county's problems under a heading naming the county (一、东阳市（12个问题）,
 * 二、义乌市, 三、市直单位): where no column names the county, the rows under such a heading are that
 * county's (title.ts countyInHeading; raw.ts reads them only then, and only for a row whose unit names no
 * county of its own), up to the next, or to another heading of their numbering level, which names none.
 * Only where headings name two counties or more: one heading naming a place may be a topic, and a county's
 * own ledger is named by its title. A county heading is no 方面: it leaves the section headings for the
 * skipped heading rows, and the importer ends the 方面 (raw.ts aspectSql) and the unit (unit-headings.ts)
 * above it.
 */
export function splitCountyHeadings(h: Headings): Headings & { countyHeadings: CountyHeading[] } {
  const all = headingRows(h).map((x) => ({ ...x, county: countyInHeading(x.text) }));
  const found = all.filter((x) => x.county !== null);
  if (new Set(found.map((x) => x.county)).size < 2) return { ...h, countyHeadings: [] };
  // Another heading of the counties' numbering level (三、各县（市、区）, 四、其他问题) ends the county above: its
  // rows take the county their unit names, or none, not the last county's.
  const level = commonestLevel(found)!;
  const ends = level > 0 ? all.filter((x) => x.county === null && x.level === level) : [];
  return {
    ...takeFromSections(h, found),
    countyHeadings: [...found, ...ends].sort((a, b) => a.row - b.row).map(({ row, county }) => ({ row, county })),
  };
}
