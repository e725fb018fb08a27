/**
 * CSV dialect from a sample of the text: the delimiter and the widest record. DuckDB's own sniffer
 * is thrown off by title rows above the header (one cell wide), so we tell it both explicitly.
 */
export interface CsvDialect {
  delimiter: ',' | '\t' | ';' | '|';
  /** The most cells any sampled record has. */
  width: number;
}

const CANDIDATES: CsvDialect['delimiter'][] = [',', '\t', ';', '|'];

/** Splits text into records of cells, honouring "quoted, fields" with doubled quotes and newlines. */
export function splitRecords(text: string, delimiter: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (records.length < maxRecords && (cell !== '' || cells.length)) records.push([...cells, cell]);
  return records;
}

/**
 * Picks the delimiter whose most common cell count (over records with more than one cell) is
 * highest and most frequent; a comma wins ties, as Excel writes it.
 */
export function detectDialect(sample: string): CsvDialect {
  let best: CsvDialect & { score: number } = { delimiter: ',', width: 1, score: 0 };
  for (const delimiter of CANDIDATES) {
    const records = splitRecords(sample, delimiter, 200);
    const counts = new Map<number, number>();
    let width = 1;
    for (const r of records) {
      width = Math.max(width, r.length);
      if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    let score = 0;
    for (const [cells, freq] of counts) score = Math.max(score, cells * freq);
    if (score > best.score) best = { delimiter, width, score };
  }
  return { delimiter: best.delimiter, width: best.width };
}
