#!/usr/bin/env node
// Writes benchmark ledgers of N rows into bench/.tmp by expanding data/sample-ledger.csv (see
// lib/expand.mjs): ledger-N.csv (UTF-8, CRLF, canonical headers) and ledger-N.xlsx; and for --sheets S,
// a workbook of S sheets of SHEET_ROWS rows each (sheets-S.xlsx, one sheet per unit as offices send
// them), the same rows on one sheet (sheets-S-one.xlsx) and as a CSV (sheets-S.csv). Files are cached by
// N and regenerated only when the sample or this generator changes.
//
//   node bench/generate.mjs --csv 100000,1000000 --xlsx 100000,300000 --sheets 40
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv, csvLine } from './lib/csv.mjs';
import { BENCH_COLUMNS, expander } from './lib/expand.mjs';

const GENERATOR_VERSION = 1;
const ROOT = new URL('..', import.meta.url);
/** Where generated ledgers, the bench build and results live (git-ignored). */
export const TMP = fileURLToPath(new URL('bench/.tmp/', ROOT));
const SAMPLE = fileURLToPath(new URL('data/sample-ledger.csv', ROOT));

/** Path of the cached ledger of n rows in the given format. */
export const ledgerPath = (n, ext) => `${TMP}ledger-${n}.${ext}`;
/** Rows on each sheet of the many-sheet workbook. */
export const SHEET_ROWS = 25;
/** Paths of the many-sheet workbook of s sheets, its rows on one sheet, and as a CSV. */
export const sheetsPaths = (s) => ({ many: `${TMP}sheets-${s}.xlsx`, one: `${TMP}sheets-${s}-one.xlsx`, csv: `${TMP}sheets-${s}.csv` });

function sampleKey() {
  const hash = createHash('sha256').update(readFileSync(SAMPLE)).digest('hex').slice(0, 16);
  return `${GENERATOR_VERSION}:${hash}`;
}

function cached(path, key) {
  return existsSync(path) && existsSync(`${path}.key`) && readFileSync(`${path}.key`, 'utf8') === key;
}

function rowSource() {
  return expander(parseCsv(readFileSync(SAMPLE, 'utf8').replace(/^\ufeff/, '')));
}

/** Writes ledger-n.csv in 10k-row chunks so a 1M-row file never sits in memory as one string. */
function writeCsv(n, path) {
  const row = rowSource();
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, csvLine(BENCH_COLUMNS) + '\r\n');
    for (let start = 0; start < n; start += 10_000) {
      const lines = [];
      for (let i = start; i < Math.min(n, start + 10_000); i++) lines.push(csvLine(row(i)));
      writeSync(fd, lines.join('\r\n') + '\r\n');
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes ledger-n.xlsx through SheetJS with a dense sheet (its leanest in-memory form). */
async function writeXlsx(n, path) {
  const XLSX = await import('@e965/xlsx');
  const row = rowSource();
  const aoa = [BENCH_COLUMNS];
  for (let i = 0; i < n; i++) aoa.push(row(i));
  const sheet = XLSX.utils.aoa_to_sheet(aoa, { dense: true });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '整改台账');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

/** Writes the three files of sheetsPaths(s): the same s × SHEET_ROWS rows as s sheets, one sheet and a CSV. */
async function writeSheets(s) {
  const XLSX = await import('@e965/xlsx');
  const row = rowSource();
  const rows = Array.from({ length: s * SHEET_ROWS }, (_, i) => row(i));
  const paths = sheetsPaths(s);
  const book = (sheets) => {
    const b = XLSX.utils.book_new();
    for (const [name, aoa] of sheets) XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet([BENCH_COLUMNS, ...aoa]), name);
    return XLSX.write(b, { type: 'buffer', bookType: 'xlsx', compression: true });
  };
  writeFileSync(paths.many, book(Array.from({ length: s }, (_, k) => [`分表${k + 1}`, rows.slice(k * SHEET_ROWS, (k + 1) * SHEET_ROWS)])));
  writeFileSync(paths.one, book([['整改台账', rows]]));
  writeFileSync(paths.csv, [BENCH_COLUMNS, ...rows].map(csvLine).join('\r\n') + '\r\n');
}

/**
 * Makes sure the ledgers exist; returns [{ n, ext, path, seconds, cached, error }]. A ledger that
 * cannot be written (SheetJS cannot serialise a 1M-row sheet: its XML passes V8's maximum string
 * length) gets `error`, also saved beside the missing file as `<file>.error` for run.mjs.
 */
export async function ensureLedgers({ csv = [], xlsx = [], sheets = [] }, log = console.log) {
  mkdirSync(TMP, { recursive: true });
  const key = sampleKey();
  const out = [];
  for (const s of sheets) {
    const { many } = sheetsPaths(s);
    if (cached(many, key)) { out.push({ n: s, ext: 'sheets', path: many, seconds: 0, cached: true }); continue; }
    log(`generating ${s} sheets of ${SHEET_ROWS} rows → ${many}`);
    const t0 = performance.now();
    await writeSheets(s);
    writeFileSync(`${many}.key`, key);
    out.push({ n: s, ext: 'sheets', path: many, seconds: (performance.now() - t0) / 1000, cached: false });
  }
  for (const [ext, sizes, write] of [['csv', csv, writeCsv], ['xlsx', xlsx, writeXlsx]]) {
    for (const n of sizes) {
      const path = ledgerPath(n, ext);
      if (cached(path, key)) { out.push({ n, ext, path, seconds: 0, cached: true }); continue; }
      log(`generating ${n.toLocaleString('en')} rows → ${path}`);
      const t0 = performance.now();
      rmSync(`${path}.error`, { force: true });
      try {
        await write(n, path);
      } catch (e) {
        rmSync(path, { force: true });
        const error = `${e instanceof Error ? `${e.name}: ${e.message}` : e}`;
        writeFileSync(`${path}.error`, error);
        out.push({ n, ext, path, seconds: (performance.now() - t0) / 1000, cached: false, error });
        continue;
      }
      writeFileSync(`${path}.key`, key);
      out.push({ n, ext, path, seconds: (performance.now() - t0) / 1000, cached: false });
    }
  }
  return out;
}

/** Parses "--csv 1,2 --xlsx 3" style arguments into lists of integers. */
export function sizesArg(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  // 0 asks for none, as an empty list does (--sheets 0).
  return argv[i + 1].split(',').filter(Boolean).map((s) => Number(s.replace(/_/g, ''))).filter((n) => n > 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const done = await ensureLedgers({
    csv: sizesArg(argv, 'csv', [100_000, 1_000_000]),
    xlsx: sizesArg(argv, 'xlsx', [100_000]),
    sheets: sizesArg(argv, 'sheets', []),
  });
  for (const f of done) console.log(`${f.path}  ${f.error ? `FAILED ${f.error}` : f.cached ? 'cached' : `${f.seconds.toFixed(1)} s`}`);
}
