import type { Engine } from '../db/types';
import { registeredFile } from '../db/settings';
import { withoutByte } from '../db/slices';
import { unifyLineEndings } from './line-endings';
import { ident, num, str } from '../queries/sql';
import { detectDialect } from './dialect';
import { decodeText, detectEncoding, holdsReplacement, toUtf8Sliced, type LineKind, type TextEncodingName } from './decode';
import { CELL_COUNT, ROW_SHIFT, backingRowSql, cell, dropTables, scratchTable, tempName, tempViewName, type StagedSheet } from './staging';
import { stagedCellSql } from './cells';
import { MAX_COLUMNS, checkWidth } from './errors';
import { repairQuotes } from './csv-quotes';
import { emptyLines, shiftsCsv } from './empty-lines';

/**
 * CSV/TXT → staging table through DuckDB's read_csv (fast enough for a 1M-row ledger). Title rows
 * above the header and ragged rows are why the dialect is given explicitly: every record becomes
 * one row of `width` cells, short rows padded with NULL (and counted, CELL_COUNT). Spare columns
 * beyond the widest sampled record make longer rows visible to the validator instead of silently
 * cut; a later record that fills them all has the file read again, wider.
 */
const SAMPLE_BYTES = 256 * 1024;
const SPARE_COLUMNS = 4;
// What the reader takes for NULL: control characters no ledger's cell is, so none is NULL but a lacking one.
const NO_NULL_TEXT = '\u0001\u0002';
// Above this size the per-cell saving of a guarded trim outweighs its fixed cost (cells.ts).
const GUARD_MIN_BYTES = 4 << 20;

/** A staged CSV with the encoding it was read in (recorded in datasets.encoding). */
export interface StagedCsv extends StagedSheet {
  encoding: TextEncodingName;
}

/** Stages the bytes of a delimited text file. */
export async function stageCsv(engine: Engine, bytes: Uint8Array): Promise<StagedCsv> {
  const encoding = detectEncoding(bytes);
  try {
    return await stageDecoded(engine, bytes, encoding);
  } catch (e) {
    // The encoding was guessed from the first megabyte; GBK further down shows up here. Read line
    // by line, the UTF-8 lines above stay as they are (a GBK ledger pasted under a UTF-8 one), and
    // the file is named by the lines it holds: mixed only if a line is GBK, else UTF-8 with a few
    // unreadable bytes (a field cut mid-character late in the file).
    if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && /unicode|utf-?8/i.test(String(e))) {
      const seen = new Set<LineKind>();
      const utf8 = await toUtf8Sliced(bytes, 'utf-8+gb18030', seen);
      return stageUtf8(engine, utf8, seen.has('gb18030') ? 'utf-8+gb18030' : 'utf-8-lossy');
    }
    throw e;
  }
}

/**
 * Stages the bytes read in an encoding. A file that was not UTF-8 already is searched for bytes
 * the decoder could not read (undecodable: the rows holding them are warned); a valid UTF-8 file
 * has none.
 */
async function stageDecoded(engine: Engine, bytes: Uint8Array, encoding: TextEncodingName): Promise<StagedCsv> {
  return stageUtf8(engine, await toUtf8Sliced(bytes, encoding), encoding);
}

/** Stages a file's bytes already turned into UTF-8 from `encoding`. */
async function stageUtf8(engine: Engine, utf8: Uint8Array, encoding: TextEncodingName): Promise<StagedCsv> {
  const staged = await stageText(engine, utf8, encoding);
  const decoded = encoding !== 'utf-8' && encoding !== 'utf-8-bom';
  return decoded && (await holdsReplacement(utf8)) ? { ...staged, undecodable: true } : staged;
}

// ="001", the way Excel is told a cell is text, as OA systems export ids, dates and names to CSV
// (also quoted, "=""001"""): a cell starting so in the sample, after a delimiter or at a line's start.
const EXCEL_TEXT_IN_SAMPLE = /(?:^|[,\t;])(?:="|"="")/m;

/** SQL: a cell written ="text" as its text; any other cell as it is. */
function excelTextSql(c: string): string {
  return `CASE WHEN prefix(${c}, '="') AND suffix(${c}, '"') AND length(${c}) >= 3 THEN substr(${c}, 3, length(${c}) - 3) ELSE ${c} END`;
}

async function stageText(engine: Engine, text: Uint8Array, encoding: TextEncodingName): Promise<StagedCsv> {
  // Without NUL: U+0000 is no text (a fixed-width export pads names with it), and a unit padded so would count apart
  // from its own name. Copied only when there is one.
  const utf8 = await unifyLineEndings(await withoutByte(text, 0));
  const sample = decodeText(utf8.subarray(0, SAMPLE_BYTES), 'utf-8');
  const dialect = detectDialect(sample);
  checkWidth(dialect.width);
  let width = dialect.width + SPARE_COLUMNS;
  const file = registeredFile(tempName('csv') + '.csv');
  const table = tempViewName('csv');
  const backing = tempName('csvdata');
  const repair = await repairQuotes(utf8, dialect.delimiter, dialect.cells);
  let rowShift = false;
  await engine.registerFile(file, repair?.bytes ?? utf8);
  try {
    // parallel=false: the parallel scanner refuses null_padding with quoted newlines.
    // rowid is the record's position (insertion order is preserved), so no window is needed.
    // Cells are trimmed here, once (cells.ts), while the reader's vectors are at hand.
    const guarded = utf8.length > GUARD_MIN_BYTES;
    const wrapped = EXCEL_TEXT_IN_SAMPLE.test(sample);
    let maxLine = '';
    const read = async () => {
      const columns = Array.from({ length: width }, (_, i) => `${str(cell(i))}: 'VARCHAR'`).join(', ');
      const cells = Array.from({ length: width }, (_, i) => `${stagedCellSql(wrapped ? excelTextSql(cell(i)) : cell(i), guarded)} AS ${cell(i)}`);
      // The record's own cell count (CELL_COUNT): an empty field is read as '' (nullstr is a text no
      // file holds), a cell the record lacks is padded as NULL, so a record shorter than the header is
      // told from one whose last cells are empty (row_short).
      const count = Array.from({ length: width }, (_, i) => `CAST(${cell(i)} IS NOT NULL AS SMALLINT)`).join(' + ');
      await engine.exec(`CREATE TABLE ${scratchTable(backing)} AS SELECT ${cells.join(', ')}, CAST(${count} AS SMALLINT) AS ${CELL_COUNT}
        FROM read_csv(${str(file)}, header = false, auto_detect = false, all_varchar = true,
          columns = {${columns}}, delim = ${str(dialect.delimiter)}, quote = '"', escape = '"', nullstr = ${str(NO_NULL_TEXT)},
          null_padding = true, strict_mode = false, parallel = false${maxLine})`);
    };
    try {
      await read();
    } catch (e) {
      // A record over the reader's 2 MB line limit (a pasted document in one cell) is read again with
      // room for the whole file: that cell then rejects its own row (cell_too_long), not the file.
      if (!/maximum line size/i.test(String(e))) throw e;
      maxLine = `, max_line_size = ${num((repair?.bytes ?? utf8).length + 16)}`;
      await read();
    }
    // A record past the sample as wide as the table may hold more cells, which the reader drops
    // without a word: read again twice as wide until the last column is empty (ragged_row then
    // quotes every extra cell), or refuse the file as too wide.
    while ((await lastColumnUsed(engine, backing, width)) && width <= MAX_COLUMNS) {
      await dropTables(engine, [backing]);
      width = Math.min(width * 2, MAX_COLUMNS + 1);
      await read();
    }
    checkWidth(width > MAX_COLUMNS && (await lastColumnUsed(engine, backing, width)) ? width : 0);
    rowShift = await shiftRows(engine, backing, await emptyLines(repair?.bytes ?? utf8, dialect.delimiter));
    await engine.exec(`CREATE TEMP VIEW ${ident(table)} AS SELECT CAST(${backingRowSql(null, rowShift)} AS INTEGER) AS src_row,
      *${rowShift ? ` EXCLUDE (${ROW_SHIFT})` : ''} FROM ${ident(backing)}`);
  } catch (e) {
    await dropTables(engine, [backing]);
    throw e;
  } finally {
    await engine.dropFile(file);
  }
  return { table, width, encoding, backing, cellCounts: true, ...(rowShift ? { rowShift } : {}), ...(repair ? { quoteRepairs: repair.records } : {}) };
}

/**
 * Gives `backing` a ROW_SHIFT column: the empty lines above each record, which the reader skipped, so that
 * src_row numbers the rows as a spreadsheet does. FALSE (nothing done) when no empty line stands above a record.
 */
async function shiftRows(engine: Engine, backing: string, empties: number[]): Promise<boolean> {
  if (!empties.length) return false;
  const [{ n }] = await engine.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(backing)}`);
  const above = empties.filter((at) => at < Number(n));
  if (!above.length) return false;
  const file = registeredFile(tempName('shifts') + '.csv');
  await engine.registerFile(file, shiftsCsv(above));
  try {
    await engine.exec(`ALTER TABLE ${ident(backing)} ADD COLUMN ${ROW_SHIFT} INTEGER DEFAULT 0`);
    await engine.exec(`UPDATE ${ident(backing)} SET ${ROW_SHIFT} = x.shift FROM (SELECT b.rowid AS r, g.shift FROM ${ident(backing)} b
        ASOF JOIN read_csv(${str(file)}, header = false, auto_detect = false, columns = {'at': 'BIGINT', 'shift': 'INTEGER'}) g ON b.rowid >= g.at) x
      WHERE ${ident(backing)}.rowid = x.r`);
  } finally {
    await engine.dropFile(file);
  }
  return true;
}

/** TRUE when a record of the staged `table` fills its last column (of `width`). */
async function lastColumnUsed(engine: Engine, table: string, width: number): Promise<boolean> {
  const rows = await engine.query(`SELECT 1 FROM ${ident(table)} WHERE ${cell(width - 1)} IS NOT NULL LIMIT 1`);
  return rows.length > 0;
}
