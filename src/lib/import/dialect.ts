/**
 * CSV dialect from a sample of the text: the delimiter and the widest record. DuckDB's own sniffer
 * is thrown off by title rows above the header (one cell wide), so we tell it both explicitly.
 */
export interface CsvDialect {
  delimiter: ',' | '\t' | ';' | '|';
  /** The most cells any sampled record has. */
  width: number;
  /** The cells most sampled records agree on, give or take one (a wide footer or stray row aside). */
  cells: number;
}

const CANDIDATES: CsvDialect['delimiter'][] = [',', '\t', ';', '|'];

/**
 * Splits text into records of cells, honouring "quoted, fields" with doubled quotes and newlines.
 * A quote opens a quoted section only at the start of a cell; blank lines are not records. Runs
 * between special characters are sliced, not copied a character at a time: dialect detection
 * splits a 256 KB sample four times on the page's thread at the start of every CSV import.
 */
export function splitRecords(text: string, delimiter: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < n && records.length < maxRecords) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        cell += text.slice(i);
        i = n;
      } else if (text.charCodeAt(q + 1) === 34) {
        cell += text.slice(i, q) + '"';
        i = q + 2;
      } else {
        cell += text.slice(i, q);
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 34 && cell === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === 10 || c === 13) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push(cells);
      cells = [];
      cell = '';
    } else {
      // A run of ordinary characters: a quote inside it is literal (its cell is not empty).
      let j = i + 1;
      for (; j < n; j++) {
        const k = text.charCodeAt(j);
        if (k === d || k === 10 || k === 13) break;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (records.length < maxRecords && (cell !== '' || cells.length)) records.push([...cells, cell]);
  return records;
}

/**
 * Picks the delimiter that splits the most records into one same number of cells, give or take one
 * (over records with more than one cell), then the one giving more cells; a comma wins ties, as Excel writes it. The
 * records agreeing count first: one row whose cell holds forty commas must not outweigh a tab-separated
 * header and row of eight cells each.
 */
export function detectDialect(sample: string): CsvDialect {
  let best: CsvDialect & { agreeing: number } = { delimiter: ',', width: 1, agreeing: 0, cells: 0 };
  for (const delimiter of CANDIDATES) {
    const records = splitRecords(sample, delimiter, 200);
    const counts = new Map<number, number>();
    let width = 1;
    for (const r of records) {
      width = Math.max(width, r.length);
      if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    for (const cells of counts.keys()) {
      // A hand-made file's rows may be ragged by a cell (a trailing blank left off): a record one cell
      // wider or narrower still agrees, or a semicolon in every row's text outvotes comma rows of 5 and 6.
      const agreeing = (counts.get(cells - 1) ?? 0) + (counts.get(cells) ?? 0) + (counts.get(cells + 1) ?? 0);
      if (agreeing > best.agreeing || (agreeing === best.agreeing && cells > best.cells)) best = { delimiter, width, agreeing, cells };
    }
  }
  return { delimiter: best.delimiter, width: best.width, cells: Math.max(best.cells, 1) };
}
