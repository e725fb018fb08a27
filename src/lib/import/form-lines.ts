import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { stagedCell } from './cells';
import type { CountyHeading } from './county-headings';
import { formLine, matchHeaders } from './headers';
import { cell, type StagedSheet } from './staging';
import type { UnitHeading } from './unit-headings';

/** Form lines under the header, with the unit and the county each gives the rows below it. */
export interface FormLines {
  rows: number[];
  unitHeadings: UnitHeading[];
  countyHeadings: CountyHeading[];
}

// Form lines looked for under the header, at most.
const MAX_FORMS = 1000;

/**
 * Per-unit forms stacked in one sheet: the form line above the header (被巡察单位： | 佛堂镇党委 | 县市区： |
 * 义乌市) comes again, with its labels in the same cells, above each next unit's rows (under a repeat of
 * the header). Such a line is no finding: it is skipped as a header line, and its unit and county are
 * those of the rows under it, up to the next (as a unit heading and a county heading are). `titles`: the
 * rows above the header; none of them a form line, none found.
 */
export async function repeatedFormLines(engine: Engine, s: StagedSheet, headerRow: number, titles: (string | null)[][]): Promise<FormLines> {
  const form = titles.find((cells) => formLine(cells));
  if (!form) return { rows: [], unitHeadings: [], countyHeadings: [] };
  const fields = matchHeaders(form);
  const same = [...fields.keys()].map((c) => `coalesce(${cell(c)}, '') = ${str(stagedCell(form[c]) ?? '')}`).join(' AND ');
  const valueOf = (key: string) => {
    const col = [...fields].find(([, k]) => k === key)?.[0];
    return col === undefined ? 'CAST(NULL AS VARCHAR)' : cell(col + 1);
  };
  const rows = await engine.query<{ src_row: number; unit: string | null; county: string | null }>(`SELECT src_row,
    ${valueOf('unit_name')} AS unit, ${valueOf('county')} AS county FROM ${ident(s.table)}
    WHERE src_row > ${num(headerRow)} AND ${same} ORDER BY src_row LIMIT ${MAX_FORMS}`);
  const keys = new Set(fields.values());
  return {
    rows: rows.map((r) => Number(r.src_row)),
    unitHeadings: keys.has('unit_name') ? rows.map((r) => ({ row: Number(r.src_row), unit: r.unit })) : [],
    countyHeadings: keys.has('county') ? rows.map((r) => ({ row: Number(r.src_row), county: r.county })) : [],
  };
}
