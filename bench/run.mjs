#!/usr/bin/env node
// `npm run bench`: generates (or reuses) ledgers, builds and serves the bench page, and measures in
// ONE headless Chromium run, per size: the raw engine's read_csv, the app's importFile of the same
// file, the longest main-thread task, filter-click latency and memory; then XLSX imports. Prints a
// markdown table with budgets (DESIGN.md "Performance envelope") and writes bench/.tmp/results.md.
// Never asserts: budgets are reported, not enforced.
//
//   node bench/run.mjs [--sizes 100000,1000000] [--xlsx 100000,300000] [--sheets 40] [--states 20] [--replicate 10] [--accumulate 5]
//
// --replicate k: after the smallest size, its imported findings are multiplied k-fold in SQL and
// the query and memory rows are measured again, so they exist at 1M even when the 1M import fails.
// --first-chart n: fresh browser profiles for the first-chart row (0 skips it).
// --accumulate k: the 1M ledger imported k times into one engine (DESIGN.md: 5M findings import
// without a crash); 0 skips it.
// --sheets s: a workbook of s small sheets (one per unit) against the same rows on one sheet and the raw
// read_csv of them: what each sheet costs beside its rows; "" skips it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SHEET_ROWS, TMP, ledgerPath, sheetsPaths, sizesArg } from './generate.mjs';
import { firstChartTiming, launchChromium, openBenchPage, rendererMemory, serveApp, serveBenchPage } from './lib/browser.mjs';
import { fmt, importProfile, interactionProfile, resultTable } from './lib/report.mjs';

const argv = process.argv.slice(2);
const SIZES = sizesArg(argv, 'sizes', [100_000, 1_000_000]);
const XLSX_SIZES = sizesArg(argv, 'xlsx', [100_000, 300_000]);
const SHEET_COUNTS = sizesArg(argv, 'sheets', [40]);
const STATES = sizesArg(argv, 'states', [20])[0];
const REPLICATE = sizesArg(argv, 'replicate', [10])[0];
const ACCUMULATE = sizesArg(argv, 'accumulate', [5])[0] ?? 0;
const PROFILES = sizesArg(argv, 'first-chart', [5])[0] ?? 0;
// The page warms its engine while idle after every data change (src/lib/state/warmup.ts); the
// clicks are measured after that warm-up unless --no-warmup asks for clicks straight after the load.
const WARMUP = !argv.includes('--no-warmup');
const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const ONE_M = 1_000_000;
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// Writing a big XLSX needs a larger heap than Node's default, so generation runs in a child.
const gen = spawnSync(process.execPath, ['--max-old-space-size=12000', fileURLToPath(new URL('./generate.mjs', import.meta.url)),
  '--csv', [...new Set([...SIZES, ...(ACCUMULATE > 0 ? [1_000_000] : [])])].join(','), '--xlsx', XLSX_SIZES.join(','), '--sheets', SHEET_COUNTS.join(',')], { stdio: ['ignore', 'inherit', 'inherit'] });
if (gen.status !== 0) throw new Error('generating the ledgers failed');

const table = resultTable();
const sections = [];
/** Everything measured, unformatted, for results.json. */
const raw = { csv: {}, xlsx: {}, loaded: {}, firstChart: [] };
const loadAtStart = loadavg();
const server = await serveBenchPage(CONFIG);
const browser = await launchChromium();
const chromiumVersion = browser.version();
log(`Chromium ${chromiumVersion}, page at ${server.origin}`);

try {
  if (PROFILES > 0) await measureFirstChart();
  for (const n of SIZES) await measureCsv(n);
  for (const n of XLSX_SIZES) await measureXlsx(n);
  for (const n of SHEET_COUNTS) await measureSheets(n);
  if (ACCUMULATE > 0) await measureAccumulated(ACCUMULATE);
  if (!XLSX_SIZES.includes(ONE_M)) {
    table.add('XLSX 1M not measured by default: SheetJS cannot write a 1M-row sheet (its sheet XML passes V8\'s maximum string ' +
      'length: RangeError at write_ws_xml_data); try with --xlsx 1000000', fmt.rows(ONE_M), '—');
  }
} finally {
  await browser.close();
  await server.close();
}

/** DESIGN.md: first chart on screen ≤ 2 s after the page opens on the embedded sample (the app's own build). */
async function measureFirstChart() {
  const app = await serveApp();
  try {
    for (let i = 0; i < PROFILES; i++) raw.firstChart.push(await firstChartTiming(browser, app.origin));
  } finally {
    await app.close();
  }
  for (const [kind, what] of [['cold', 'first visit: empty storage, the sample snapshot drawn while the engine starts and imports the sample'], ['warm', 'reload: the sample stored, snapshot drawn while the engine starts']]) {
    const sorted = raw.firstChart.map((r) => r[kind]).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    log(`first chart (${kind}): ${sorted.map((v) => Math.round(v)).join(', ')} ms`);
    table.add(`app opens on the embedded sample → first chart with data, ${what} (median of ${PROFILES} fresh profiles; min–max)`, 'sample',
      `${fmt.ms(median)} (${fmt.ms(sorted[0])}–${fmt.ms(sorted[sorted.length - 1])})`, '≤ 2 s', median <= 2000);
  }
}

async function measureCsv(n) {
  const name = `ledger-${n}.csv`;
  const { page, close } = await openBenchPage(browser, server.origin);
  try {
    await page.setInputFiles('#ledgers', ledgerPath(n, 'csv'));
    const idle = await rendererMemory(browser);
    log(`${name}: raw read_csv`);
    const rawCsv = await page.evaluate((f) => window.bench.rawCsv(f), name);
    log(`${name}: raw ${fmt.ms(rawCsv.ms)}; app importFile`);
    const app = await page.evaluate((f) => window.bench.appImport(f, true), name);
    log(`${name}: app ${fmt.ms(app.ms)} (${app.ok ? 'ok' : JSON.stringify(app.error)})`);
    raw.csv[n] = { idle, raw: rawCsv, app };
    const ratio = app.ms / rawCsv.ms;
    table.add('CSV file (UTF-8)', fmt.rows(n), fmt.mb(rawCsv.size));
    table.add('raw engine: registerFileBuffer + CREATE TABLE AS read_csv(all_varchar)', fmt.rows(n), fmt.ms(rawCsv.ms),
      n >= ONE_M ? 'reference (≈ 2.5 s)' : 'reference');
    table.add('app importFile (fresh engine, schema created)', fmt.rows(n), fmt.ms(app.ms), app.ok ? '—' : 'imports', app.ok ? null : false);
    table.add('app import / raw read_csv', fmt.rows(n), `${ratio.toFixed(2)}×`, '≤ 1.5×', ratio <= 1.5);
    addRowCounts('CSV', n, app);
    table.add('longest main-thread task during app import', fmt.rows(n), fmt.ms(app.longestTaskMs), '≤ 200 ms', app.longestTaskMs <= 200);
    sections.push(importProfile(`CSV ${fmt.rows(n)} rows: app import`, app));
    if (app.findings > 0) {
      await measureLoaded(page, fmt.rows(n), n, idle);
      if (n === Math.min(...SIZES) && REPLICATE > 1) {
        log(`replicating ${fmt.rows(app.findings)} findings ×${REPLICATE} in SQL`);
        const rep = await page.evaluate((k) => window.bench.replicate(k), REPLICATE);
        await measureLoaded(page, `${fmt.rows(rep.findings)} (${fmt.rows(n)} import ×${REPLICATE} in SQL)`, rep.findings, idle);
      }
    }
    await page.evaluate(() => window.bench.dropLoaded());
  } finally {
    await close();
  }
}

/** Findings in the table must equal the ledger's rows; the report's own counts are shown beside. */
function addRowCounts(kind, n, app) {
  table.add(`${kind} findings rows in the table after import (report: accepted ${fmt.rows(app.rowsAccepted)}, warned ` +
    `${fmt.rows(app.rowsWarned)}, rejected ${fmt.rows(app.rowsRejected)}, skipped ${fmt.rows(app.rowsSkipped)})`, fmt.rows(n),
    fmt.rows(app.findings), `= ${fmt.rows(n)}`, app.findings === n);
}

/** Memory and filter-click rows for the findings now loaded (`label` names the size in the table). */
async function measureLoaded(page, label, n, idle) {
  const mem = await page.evaluate(() => window.bench.memory());
  const rss = await rendererMemory(browser);
  const result = (raw.loaded[label] = { memory: { ...mem, rss } });
  table.add('DuckDB memory after load (sum of duckdb_memory())', label, fmt.mb(mem.duckdbBytes));
  table.add('renderer RSS after load (wasm heap + page) / peak of the run / page before any engine', label,
    `${fmt.mb(rss.rss)} / ${fmt.mb(rss.peak)} / ${fmt.mb(idle.rss)}`);
  const heap = await page.evaluate(() => window.bench.collectGarbage());
  result.heap = heap;
  table.add('main-thread JS heap (performance.memory) / after a full GC', label, `${fmt.mb(mem.jsHeapUsed)} / ${fmt.mb(heap.after)}`);
  // DESIGN.md budgets the wasm memory; the page's own JS heap (which still holds the picked file)
  // and the page as it was before any engine are not part of it. What is left bounds it from above.
  const engineShare = rss.rss - idle.rss - mem.jsHeapUsed;
  table.add('engine memory after load, upper bound: renderer RSS − page before any engine − main-thread JS heap', label,
    fmt.mb(engineShare), n >= ONE_M ? 'wasm memory < 1.5 GB at 1M' : '—', n >= ONE_M ? engineShare < 1.5e9 : null);
  log(`interaction on ${label} rows, ${STATES} states`);
  const r = await page.evaluate(([k, w]) => window.bench.interaction(k, 7, false, w), [STATES, WARMUP]);
  result.interaction = r;
  // Memory with both engines as the page has them after the warm-ups and the clicks, before the
  // base-table reference below grows the main engine with queries the app never runs.
  const after = await page.evaluate(() => window.bench.memory());
  const rssAfter = await rendererMemory(browser);
  const bothEngines = rssAfter.rss - idle.rss - after.jsHeapUsed;
  // The same clicks again (the first pass also pays for the engines' first runs of these
  // queries), then each query on the base table for the reference.
  const again = await page.evaluate(([k]) => window.bench.interaction(k, 7, true), [STATES]);
  result.interactionAgain = again;
  const baseSum = Object.values(again.baseTablePerQuery).reduce((s, v) => s + v, 0);
  const basePerQuery = baseSum / Object.keys(again.baseTablePerQuery).length;
  table.add(`cube rebuild after the load (${r.cubeRows.toLocaleString('en-US')} cells for ${r.findingRows.toLocaleString('en-US')} findings)`, label, fmt.ms(r.cubeBuildMs));
  if (r.warmup) {
    table.add(`the app's idle warm-up after the load (${r.warmup.states} filter states, ${r.warmup.queries} queries)`, label, fmt.ms(r.warmup.ms));
  }
  addReplicaRows(table, label, r);
  // Not the budget row: the findings live in the main engine (measured above, right after the
  // load). This adds the second engine (its own compiled code and a heap holding only the cube)
  // and what the warm-ups and clicks grew in both.
  table.add('engine memory with both engines, after the warm-ups and clicks, upper bound: renderer RSS − page before any engine − main-thread JS heap', label,
    fmt.mb(bothEngines));
  const when = r.warmup ? 'after the warm-up' : 'straight after the load, no warm-up';
  table.add(`filter click → all KPI and chart queries of the dashboard settled, through both engines, ${when}, p50 (${STATES} states)`, label, fmt.ms(r.p50));
  table.add(`filter click → all KPI and chart queries of the dashboard settled, through both engines, ${when}, p95 (${STATES} states)`, label, fmt.ms(r.p95),
    '≤ 100 ms', r.p95 <= 100);
  if (r.oneEngine) table.add('the same clicks on the main engine alone (as before the copy is made), alternating with the above, p50 / p95', label, `${fmt.ms(r.oneEngine.p50)} / ${fmt.ms(r.oneEngine.p95)}`);
  table.add(`the same ${STATES} clicks once more (both engines), p50 / p95`, label, `${fmt.ms(again.p50)} / ${fmt.ms(again.p95)}`);
  table.add('base table: mean time of one view query, unfiltered', label, fmt.ms(basePerQuery),
    n >= ONE_M ? 'reference (≈ 80–100 ms)' : 'reference');
  const speedup = baseSum / r.p50;
  table.add('speed-up: all queries on the base table ÷ settled p50', label, `${speedup.toFixed(1)}×`,
    n >= ONE_M ? '≥ 10× at 1M' : '—', n >= ONE_M ? speedup >= 10 : null);
  sections.push(interactionProfile(`Interaction on ${label} rows: time per query`, { ...r, baseTablePerQuery: again.baseTablePerQuery }));
}

/** The second engine's rows: the cube copy after the rebuild, and that engine's own warm-up. */
function addReplicaRows(table, label, r) {
  if (!r.replica) return;
  table.add(`the cube copy into the app's second engine (${r.cubeRows.toLocaleString('en-US')} cells and the other derived tables)`, label, fmt.ms(r.replica.copyMs));
  if (r.replica.warmup) {
    table.add(`the second engine's warm-up, after the copy (${r.replica.warmup.states} filter states, ${r.replica.warmup.queries} queries)`, label, fmt.ms(r.replica.warmup.ms));
  }
}

async function measureXlsx(n) {
  const name = `ledger-${n}.xlsx`;
  if (!existsSync(ledgerPath(n, 'xlsx'))) {
    const why = readFileSync(`${ledgerPath(n, 'xlsx')}.error`, 'utf8');
    table.add(`XLSX not measured: SheetJS could not write it (${why}); the app reads XLSX with the same library`, fmt.rows(n), '—', 'imports', false);
    return;
  }
  const { page, close } = await openBenchPage(browser, server.origin);
  try {
    await page.setInputFiles('#ledgers', ledgerPath(n, 'xlsx'));
    log(`${name}: app importFile`);
    const app = await page.evaluate((f) => window.bench.appImport(f, true), name);
    log(`${name}: app ${fmt.ms(app.ms)} (${app.ok ? 'ok' : JSON.stringify(app.error)})`);
    const rss = await rendererMemory(browser);
    raw.xlsx[n] = { app, rss };
    table.add('XLSX file', fmt.rows(n), fmt.mb(app.size));
    table.add('app importFile of the XLSX', fmt.rows(n), fmt.ms(app.ms), app.ok ? '—' : 'imports', app.ok ? null : false);
    addRowCounts('XLSX', n, app);
    table.add('longest main-thread task during XLSX import', fmt.rows(n), fmt.ms(app.longestTaskMs), '≤ 200 ms', app.longestTaskMs <= 200);
    table.add('renderer RSS after XLSX import / peak', fmt.rows(n), `${fmt.mb(rss.rss)} / ${fmt.mb(rss.peak)}`);
    sections.push(importProfile(`XLSX ${fmt.rows(n)} rows: app import`, app));
    await page.evaluate(() => window.bench.dropLoaded());
  } finally {
    await close();
  }
}

/**
 * Offices send one sheet per unit or per county: a workbook of `s` sheets of SHEET_ROWS rows, the same rows on
 * one sheet, and the raw engine's read_csv of them. What a sheet costs beside its rows (planning the importer's
 * statements, not running them, is most of a small sheet's time) is no DESIGN budget; it is reported.
 */
async function measureSheets(s) {
  const paths = sheetsPaths(s);
  const label = `${s} × ${SHEET_ROWS} rows`;
  const { page, close } = await openBenchPage(browser, server.origin);
  try {
    await page.setInputFiles('#ledgers', [paths.many, paths.one, paths.csv]);
    const name = (p) => p.slice(p.lastIndexOf('/') + 1);
    const rawCsv = await page.evaluate((f) => window.bench.rawCsv(f), name(paths.csv));
    const one = await page.evaluate((f) => window.bench.appImport(f), name(paths.one));
    log(`${name(paths.many)}: app importFile`);
    const many = await page.evaluate((f) => window.bench.appImport(f), name(paths.many));
    log(`${name(paths.many)}: ${fmt.ms(many.ms)}, one sheet ${fmt.ms(one.ms)}, raw ${fmt.ms(rawCsv.ms)}`);
    raw.sheets = { ...raw.sheets, [s]: { raw: rawCsv, one, many } };
    table.add('raw engine: read_csv of the same rows (as one CSV)', label, fmt.ms(rawCsv.ms), 'reference');
    table.add('app importFile of the rows on one sheet', label, fmt.ms(one.ms), one.ok ? '—' : 'imports', one.ok ? null : false);
    table.add(`app importFile of the workbook of ${s} sheets`, label, fmt.ms(many.ms), many.ok ? '—' : 'imports', many.ok ? null : false);
    table.add('  each sheet beside its rows: (workbook − one sheet) ÷ (sheets − 1)', label, fmt.ms((many.ms - one.ms) / (s - 1)));
    table.add('  findings of the workbook / of the one sheet', label, `${fmt.rows(many.findings)} / ${fmt.rows(one.findings)}`,
      `= ${fmt.rows(s * SHEET_ROWS)} each`, many.findings === s * SHEET_ROWS && one.findings === s * SHEET_ROWS);
    sections.push(importProfile(`XLSX of ${s} sheets (${label}): app import`, many));
  } finally {
    await close();
  }
}

/** DESIGN.md: 5M findings import without a crash. The 1M ledger, imported `times` times into one engine. */
async function measureAccumulated(times) {
  const name = `ledger-${ONE_M}.csv`;
  const label = `${fmt.rows(times * ONE_M)} (${times} × 1M import)`;
  const { page, close } = await openBenchPage(browser, server.origin);
  try {
    await page.setInputFiles('#ledgers', ledgerPath(ONE_M, 'csv'));
    const idle = await rendererMemory(browser);
    log(`${name}: imported ${times} times into one engine`);
    const acc = await page.evaluate(([f, k]) => window.bench.accumulate(f, k), [name, times]);
    raw.accumulated = acc;
    for (const [i, p] of acc.passes.entries()) {
      log(`pass ${i + 1}: ${fmt.ms(p.ms)}, cube ${fmt.ms(p.cubeMs)}, ${fmt.rows(p.findings)} findings${p.ok ? '' : ` (${JSON.stringify(p.error)})`}`);
      table.add(`import ${i + 1} of ${times} of the 1M ledger (new ids) into the same engine, then the cube rebuild${p.ok ? '' : `: ${p.error?.code ?? 'failed'}`}`,
        `${fmt.rows(p.findings)} after`, `${fmt.ms(p.ms)} + ${fmt.ms(p.cubeMs)}`, 'imports', p.ok);
    }
    const rss = await rendererMemory(browser);
    table.add(`findings after ${times} imports`, label, fmt.rows(acc.findings), `= ${fmt.rows(times * ONE_M)}, no crash`,
      acc.findings === times * ONE_M);
    table.add('renderer RSS after the imports / peak of the run / page before any engine', label,
      `${fmt.mb(rss.rss)} / ${fmt.mb(rss.peak)} / ${fmt.mb(idle.rss)}`);
    if (acc.findings > 0) {
      log(`interaction on ${label}, ${STATES} states`);
      const r = await page.evaluate(([k, w]) => window.bench.interaction(k, 7, false, w), [STATES, WARMUP]);
      raw.accumulated.interaction = r;
      table.add(`cube rebuild (${r.cubeRows.toLocaleString('en-US')} cells for ${r.findingRows.toLocaleString('en-US')} findings)`, label, fmt.ms(r.cubeBuildMs));
      if (r.warmup) table.add(`the app's idle warm-up (${r.warmup.states} filter states)`, label, fmt.ms(r.warmup.ms));
      addReplicaRows(table, label, r);
      table.add(`filter click → all KPI and chart queries settled, through both engines, ${r.warmup ? 'after the warm-up' : 'no warm-up'}, p50 / p95 (${STATES} states)`, label, `${fmt.ms(r.p50)} / ${fmt.ms(r.p95)}`);
      if (r.oneEngine) table.add('the same clicks on the main engine alone, p50 / p95', label, `${fmt.ms(r.oneEngine.p50)} / ${fmt.ms(r.oneEngine.p95)}`);
    }
    await page.evaluate(() => window.bench.dropLoaded());
  } finally {
    await close();
  }
}

const header = `Benchmark run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Chromium ${chromiumVersion}, ` +
  `${cpus().length} cores, sizes ${SIZES.join(', ')}, XLSX ${XLSX_SIZES.join(', ') || 'none'}, sheets ${SHEET_COUNTS.join(', ') || 'none'}. ` +
  `Load average (1 min) at start ${loadAtStart[0].toFixed(1)}, at end ${loadavg()[0].toFixed(1)}: ` +
  'other work on the machine inflates absolute times; ratios measured in the same run suffer less.';
const markdown = [header, '', table.markdown(), '', '## Where the time goes', '', ...sections.flatMap((s) => [s, ''])].join('\n');
writeFileSync(`${TMP}results.md`, markdown);
writeFileSync(`${TMP}results.json`, JSON.stringify({ header, table: table.lines, raw }, null, 2));
console.log(markdown);
