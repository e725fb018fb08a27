// Formula cells that give no value: an error (#N/A), or a formula saved without its result.

type Cell = import('@e965/xlsx').CellObject;

// Excel's error codes (the cell's value in SheetJS) and the text Excel shows for each.
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/**
 * What a formula cell that gives no value shows, or null for any other cell: an error's text (#N/A),
 * or the formula itself (=IF(…)) where the file was saved without the formulas' results (written by a
 * program, openpyxl or POI, and never opened in Excel: SheetJS then reads the cell as a stub, or as an
 * error without a code). A formula whose saved result is "" has a value, and is no such cell.
 */
export function formulaWithoutValue(cell: Cell): string | null {
  if (cell.f && (cell.t === 'z' || (cell.t === 'e' && cell.v === undefined))) return `=${cell.f}`;
  return cell.t === 'e' ? ERROR_TEXT[Number(cell.v)] ?? '#ERROR' : null;
}
