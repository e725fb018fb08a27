import { COUNTIES } from '../domain/counties';
import { COUNTY_PREFIXES } from '../domain/vocabulary/places';
import { commonestLevel, headingRows, takeFromSections, type Headings } from './heading-rows';
import { unitInHeading, unitNameInHeading } from './title';

/** A unit heading: the rows under it, up to the next, are the unit's; a null unit ends the one above. */
export interface UnitHeading {
  row: number;
  unit: string | null;
}

// A 方面 heading (全面从严治党方面): never a unit, and at the units' level it does not end one.
const ASPECT = /方面(的)?(问题)?[:：]?$/u;

/** TRUE for a heading that opens with a county's or the city's full name and goes on (东阳市妇联): an organisation there. */
function placedName(text: string): boolean {
  const t = text.trim().normalize('NFKC');
  return COUNTIES.some((c) => t.startsWith(c.name) && t.length >= c.name.length + 2) 
    || COUNTY_PREFIXES.some((p) => p.endsWith('市') && t.startsWith(p) && t.length >= p.length + 2);
}

/**
 * A ledger that lists each unit's problems under a heading row naming the unit (一、横店镇党委（2个问题）,
 * then 1, 2 … under it) and has no unit column: the rows under such a heading are that unit's, up to
 * the next heading of its level. The level (一、, （一）, 1. …; title.ts headingLevel) is the one most
 * headings recognised as units (title.ts unitInHeading) are written at. At that level:
 * - a heading is a unit, also one the name endings do not tell (三、东阳市妇联, unitNameInHeading);
 * - one that names none (三、其他问题) ends the unit above: its rows have none and are rejected as such,
 *   rather than counted under the wrong unit;
 * - a 方面 stays a 方面.
 * Headings of other levels (（一）民主生活会 under 一、横店镇党委) are 方面 and topics, as before. The unit
 * headings leave the section headings, whose text is carried down as the rows' 方面, for the skipped
 * heading rows. Only for a sheet without a unit column. A county's heading (county-headings.ts, rows
 * `countyRows`) is none of these: it ends the unit above, whatever its level.
 */
export function splitUnitHeadings(h: Headings, countyRows: readonly number[] = []): Headings & { unitHeadings: UnitHeading[] } {
  const all = headingRows(h, new Set(countyRows)).map((x) => ({ ...x, unit: unitInHeading(x.text) }));
  const level = commonestLevel(all.filter((x) => x.unit));
  if (level === null) return { ...h, unitHeadings: [] };
  // Unnumbered headings are units only where the recognised units are unnumbered too, and then only
  // those recognised, or those that open with their place's name (东阳市妇联 among 东阳市…党委: helper-128; it was
  // counted under the unit above): a lone heading (婺城区, a block's title) is no unit for want of a number.
  const atLevel = all.filter((x) => x.level === level && !ASPECT.test(x.text) && (level > 0 || x.unit || placedName(x.text)));
  const unitHeadings = [
    ...atLevel.map((x) => ({ row: x.row, unit: x.unit ?? unitNameInHeading(x.text) })),
    ...countyRows.map((row) => ({ row, unit: null })),
  ].sort((a, b) => a.row - b.row);
  return {
    ...takeFromSections(h, atLevel),
    unitHeadings,
  };
}
