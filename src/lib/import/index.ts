import type { Engine } from '../db/types';
import { DEFAULT_PARAMS } from '../domain/params';
import { sha256Hex } from './sha';
import { ImportFailure, checkCancelled, errorDetail } from './errors';
import { checkSize } from './read';
import { readSource } from './read';
import { holdsRows, missingFields, mappingRequest, prepareSheet, type PreparedSheet } from './prepare';
import { noteFileWarning, noteUnreadSheets, planSheet, type SheetPlan } from './plan';
import { today } from './newest-date';
import { dropContainedSheets, sharedRows, skipSheetOverlaps } from './sheet-overlaps';
import { columnLabel, commitPlans, datasetsToReplace, importTimestamp, storedDatasets } from './commit';
import { roundMergeText } from './round-merge';
import { buildReport } from './report';
import { isListedCounty, placeInText } from './normalise/county';
import { COUNTY_LEVEL, isBareNumeral, mergeNamedRounds, parseRoundText } from './round';
import { hintParts } from './round-lookup';
import { footerFilerLines } from './footer-lines';
import { closingDay, filerText, roundTitles, statedAsOf, statedCounty, statedFeedback, titleRound, unitInTexts } from './title';
import { laterVersionOf } from './later-version';
import { planUpdates } from './supersede';
import { importEngine } from './import-engine';
import { dropTables } from './staging';
import { warmSheetMaps } from './warm-maps';
import type { DatasetReport, ImportOptions, ImportResult, SourceFile } from './types';
import { str } from '../queries/sql';
import { EXAMPLE_SHEET_PATTERN } from '../domain/vocabulary/rows';

/** The public types of the import API (SourceFile, ImportOptions, ImportResult, reports, issues). */
export type * from './types';
export { isFileIssue, shownIssues } from './report';

/**
 * Imports one file (every sheet that holds a ledger) atomically: sniff → decode → stage → find
 * header → map → normalise → validate → commit in one transaction. On any failure nothing is
 * written and temp tables are dropped.
 */
export async function importFile(engine: Engine, file: SourceFile, opts: ImportOptions = {}): Promise<ImportResult> {
  // A cancel stops the work at its next statement; every working table made is dropped at the end (import-engine.ts).
  const work = importEngine(engine, opts.signal);
  const db = work.engine;
  // A question for the analyst is not asked once the import is cancelled (helper-127: a cancel during the statement
  // before it still opened the dialog).
  const asked = (result: ImportResult) => (checkCancelled(opts.signal), result);
  const tables: string[] = [];
  const progress = (stage: string, fraction: number) => opts.onProgress?.({ stage, fraction });
  let sheetName: string | undefined;
  try {
    checkCancelled(opts.signal);
    progress('read', 0);
    checkSize(file);
    // Hashed in slices while the engine's worker stages the file; awaited before it is first needed.
    const hashing = sha256Hex(file.bytes);
    hashing.catch(() => undefined);
    const read = await readSource(db, file, opts.signal);
    tables.push(...read.sheets.flatMap((s) => [s.table, ...(s.backing ? [s.backing] : [])]));
    checkCancelled(opts.signal);
    progress('parse', 0.3);

    const sheets = [...read.sheets];
    let hiddenSheets = read.hiddenSheets ?? [];
    let readHidden: string[] = [];
    const prepared: PreparedSheet[] = [];
    // Sheets with values but no header (a 说明 sheet, a ledger whose headers no alias knows): not
    // imported, and named in the report when another sheet of the file is.
    let unread: string[] = [];
    let blank = 0;
    const prepareAll = async (list: typeof sheets) => {
      for (const s of list) {
        const p = await prepareSheet(db, s, opts.mapping ?? {});
        if (p === 'no_header') unread.push(s.sheet ?? file.name);
        else if (p === 'blank') blank++;
        else prepared.push(p);
      }
    };
    const isLedger = (p: PreparedSheet) => p.columns.has('problem_title');
    await prepareAll(sheets);
    // No visible sheet holds a ledger (a 说明 sheet in front of a hidden one): the hidden sheets are
    // read after all.
    if (!prepared.some(isLedger) && hiddenSheets.length && read.stageHidden) {
      const more = await read.stageHidden();
      tables.push(...more.map((s) => s.table));
      sheets.push(...more);
      readHidden = hiddenSheets;
      hiddenSheets = [];
      await prepareAll(more);
    }
    // No sheet names two fields: a row of labels naming one is taken as the header, so that the
    // mapping dialog offers its columns rather than the file failing outright.
    for (const s of prepared.length ? [] : sheets) {
      const p = await prepareSheet(db, s, opts.mapping ?? {}, true);
      if (p === 'blank' || p === 'no_header') continue;
      prepared.push(p);
      unread = unread.filter((name) => name !== (s.sheet ?? file.name));
    }
    // Nothing but blank cells (a CSV of empty lines and commas, a workbook of blank sheets).
    if (!prepared.length && blank === sheets.length) throw new ImportFailure('empty_file');
    if (!prepared.length) throw new ImportFailure('no_header', {}, sheets.length === 1 ? sheets[0].sheet : undefined);
    // A sheet without a problem column beside sheets with one (a 汇总 of counts per unit) is no
    // ledger: named in the report rather than sent to the mapping dialog.
    const notLedgers = prepared.some(isLedger) ? prepared.filter((p) => !isLedger(p)) : [];
    if (notLedgers.length) prepared.splice(0, prepared.length, ...prepared.filter(isLedger));
    // A sheet named as a sample (填报示例, 样表, 模板) beside the ledger shows how to fill it in: its
    // placeholder rows (××镇党委) are no findings. Alone in the file, it is the ledger (filled in).
    const isExample = (p: PreparedSheet) => p.sheet !== undefined && EXAMPLE_SHEET_PATTERN.test(p.sheet.replace(/\s+/g, ''));
    const examples = prepared.some((p) => !isExample(p)) ? prepared.filter(isExample) : [];
    if (examples.length) prepared.splice(0, prepared.length, ...prepared.filter((p) => !isExample(p)));

    const sha256 = await hashing;
    const fileRound = parseRoundText(file.name.replace(/\.[^.]+$/, ''));
    // Both options together (the analyst replaces one dataset with a file that turns out to update
    // others too) replace all of them: the one picked, with its sibling sheets the file has too, and those updated.
    const exact = opts.replaceDatasetIds?.length ? await storedDatasets(db, opts.replaceDatasetIds) : [];
    const picked = opts.replaceDatasetId ? await datasetsToReplace(db, opts.replaceDatasetId, prepared.map((p) => p.sheet)) : [];
    if (opts.replaceDatasetId && !picked.length) throw new ImportFailure('dataset_not_found', { id: opts.replaceDatasetId });
    if (opts.replaceDatasetIds?.length && exact.length < opts.replaceDatasetIds.length) {
      throw new ImportFailure('dataset_not_found', { id: opts.replaceDatasetIds.filter((id) => !exact.includes(id)).join(', ') });
    }
    const replace = [...new Set([...picked, ...exact])];
    // Datasets some of whose problems the file updates (later-version.ts `part`): their rows the file holds are replaced.
    const update = opts.updateDatasetIds?.length ? await storedDatasets(db, opts.updateDatasetIds) : [];
    if (update.length < (opts.updateDatasetIds?.length ?? 0)) {
      throw new ImportFailure('dataset_not_found', { id: opts.updateDatasetIds!.filter((id) => !update.includes(id)).join(', ') });
    }
    const params = { ...DEFAULT_PARAMS, ...opts.params };
    // The same bytes stored before are asked about first, before any sheet is mapped or anything is
    // written: a copy of a file mapped once is no new mapping question, and a sheet of it written
    // beside the question would be written again by "keep both".
    const duplicates = opts.allowDuplicate ? [] : await storedCopies(db, prepared.map((p) => p.sheet), sha256, replace, file.name);
    if (duplicates.length) return asked({ ok: true, datasets: duplicates });
    // The values every sheet shares or brings, mapped once for the workbook (warm-maps.ts).
    await warmSheetMaps(db, prepared, params.concentratedPeriodMonths);
    checkCancelled(opts.signal);
    const plans: SheetPlan[] = [];
    const unfilled: string[] = [];
    const importedAt = importTimestamp();
    for (const [i, p] of prepared.entries()) {
      sheetName = p.sheet;
      const sheetRound = parseRoundText(p.sheet);
      const bare = isBareNumeral(p.sheet);
      const names = mergeNamedRounds(bare ? {} : sheetRound, titleRound(p.titles), fileRound, bare ? sheetRound : {});
      if (!p.columns.has('unit_name')) {
        // With headings that name each unit (一、横店镇党委), this is the unit of the rows above the first only.
        p.unitText = opts.roundHint?.unit_name?.trim() || unitInTexts([...p.titles, p.sheet, file.name]) || undefined;
      }
      // 反馈时间：2024年3月15日 in a title line: every row's feedback date, where no column gives one.
      if (!p.columns.has('feedback_date')) p.feedbackText = statedFeedback([...p.titles, p.sheet]) ?? undefined;
      // The place a form line (县市区：义乌市), the sheet, the title or the file names (placeInText; not
      // 市本级 in a county committee's round: that is the county's own level). A county is every row's
      // when no column gives one, as are one typed and a county committee's (fallbackCounty); 金华开发区 and
      // 市本级 only the rows no unit places (namedPlace). Either tells missingFields a county is given.
      const place = [statedCounty(p.titles) ?? '', p.sheet ?? '', roundTitles(p.titles), filerText(p.titles), file.name].map(placeInText)
        .find((x) => x && !(x === '市本级' && names.inspector_level === COUNTY_LEVEL)) ?? undefined;
      const namedPlace = place && !isListedCounty(place) ? place : undefined;
      const fallbackCounty = opts.roundHint?.county ?? hintParts(opts.roundHint).county ?? (namedPlace ? undefined : place) ?? names.county ?? undefined;
      const missing = missingFields(p, names, opts.roundHint, fallbackCounty ?? namedPlace);
      // A header with nothing under it is an unfilled template, named in the report, not mapped.
      if (missing.length && !(await holdsRows(db, p))) {
        unfilled.push(p.sheet ?? file.name);
        continue;
      }
      if (missing.length) return asked({ ok: false, needsMapping: await mappingRequest(db, p, file.name, missing) });
      // Marked before the sheet is normalised, most of an import's time, so the strip names the work under way.
      progress('normalise', 0.3 + (0.5 * i) / prepared.length);
      const plan = await planSheet(db, p, {
        datasetId: `${sha256.slice(0, 12)}-${Date.now().toString(36)}-${i}`,
        sheet: p.sheet, immediateFixDays: params.immediateFixDays, concentratedPeriodMonths: params.concentratedPeriodMonths,
        fundsYuanThreshold: params.fundsYuanThreshold, fallbackCounty, namedPlace, names, hint: opts.roundHint,
        // Units stacked under the table (被巡察单位：… lines, unit headings, blocks under titles), the county from a title's or
        // form line's place: each unit's own county first (helper-128, helper-129).
        unitsFirst: ((p.unitHeadings?.length ?? 0) > 0 || (p.blocks?.length ?? 0) > 0) && fallbackCounty === place && !names.county,
        // The as-of date the ledger states (截至2024年9月1日 or 填报日期 in its title, its sheet's or file's name, else a
        // filer line under its table, else a day its title or name closes with), else its newest date (planSheet).
        asOf: opts.asOf ?? statedAsOf([...p.titles, p.sheet, file.name], today()) ?? statedAsOf(await footerFilerLines(db, p, p.headerRow), today())
          ?? closingDay([...p.titles, p.sheet, file.name], today()) ?? undefined,
        replacing: replace,
      });
      tables.push(...plan.tables);
      plans.push(plan);
      checkCancelled(opts.signal);
      progress('normalise', 0.3 + (0.5 * (i + 1)) / prepared.length);
    }
    sheetName = undefined;
    // A sheet with a header but no problem rows (an unfilled template: only 序号, a 合计 row) is no
    // dataset: it is named in the report of one that is, or the file has no data at all.
    const empty = plans.filter((p) => p.counts.accepted + p.counts.rejected === 0);
    const withRows = plans.filter((p) => !empty.includes(p));
    const shared = await sharedRows(db, withRows);
    let withData: SheetPlan[];
    try {
      withData = await skipSheetOverlaps(db, await dropContainedSheets(db, withRows, shared), shared);
    } finally {
      await dropTables(db, shared.tables);
    }
    if (!withData.length) throw new ImportFailure('no_data');
    await noteUnreadSheets(db, withData[0], {
      sheet_not_imported: unread, sheet_not_ledger: notLedgers.map((p) => p.sheet ?? file.name), sheet_example: examples.map((p) => p.sheet ?? ''), sheet_hidden: hiddenSheets,
      // Read although hidden (no visible sheet holds a ledger): the analyst hears where the rows came from.
      sheet_read_hidden: withData.map((p) => p.prepared.sheet ?? '').filter((s) => readHidden.includes(s)),
      sheet_no_data: [...unfilled, ...empty.map((p) => p.prepared.sheet ?? file.name)],
      sheet_too_wide: read.wideSheets ?? [],
    });
    if (read.encoding === 'utf-8+gb18030') await noteFileWarning(db, withData[0], 'encoding_mixed');
    // A later version of a stored ledger (its statuses moved on) is asked about before anything is
    // written: beside the old one it would count every problem twice (later-version.ts).
    // Also when the analyst replaces a dataset: the file may update others too (asked, then all replaced).
    const later = opts.allowDuplicate || opts.replaceDatasetIds?.length || update.length ? null : await laterVersionOf(db, withData, tables, replace);
    if (later) {
      return asked({ ok: true, datasets: [notWrittenReport(later.datasetId, file.name, withData[0].prepared.sheet, sha256, { laterVersionOf: later })] });
    }
    // A replacement with nothing to import (every row rejected: a renamed 具体问题 column) would
    // leave the dataset empty: refused, the stored rows stay as they were.
    if (replace.length && withData.every((p) => p.counts.accepted === 0)) {
      throw new ImportFailure('replacement_empty', { rejected: withData.reduce((n, p) => n + p.counts.rejected, 0) });
    }
    const updates = update.length ? await planUpdates(db, withData, update, tables) : undefined;
    const reports = [];
    for (const plan of withData) reports.push(await buildReport(db, plan, file.name, sha256));
    checkCancelled(opts.signal);
    progress('commit', 0.9);
    const merges = await commitPlans(engine, withData, {
      file: file.name, fileSize: file.bytes.length, sha256, format: read.format, encoding: read.encoding,
      isSample: !!opts.isSample, importedAt,
    }, { replace, updates, updated: update }, opts.signal, () => progress('save', 0.95));
    // Said on the first dataset, as the commit stored it (round-merge.ts).
    const first = reports[0];
    const column = columnLabel(withData[0], 'round_label');
    const said = merges.map((m) => roundMergeText(m)).map((value) => ({ file: file.name, sheet: first.sheet, row: 0, column, value,
      severity: 'info' as const, code: 'round_merged', message: 'import.issue.round_merged', vars: { row: 0, column, value } }));
    const at = first.issues.findIndex((i) => i.row > 0);
    first.issues.splice(at < 0 ? first.issues.length : at, 0, ...said);
    if (first.issuesTotal !== undefined) first.issuesTotal += said.length;
    progress('done', 1);
    return { ok: true, datasets: reports };
  } catch (e) {
    return { ok: false, error: toImportError(e, file.name, sheetName) };
  } finally {
    // Through the engine itself: after a cancel, the import's engine refuses everything but a DROP.
    await dropTables(engine, [...new Set([...tables, ...work.made()])]);
  }
}

/**
 * Not-written reports of the sheets whose bytes a stored dataset holds (same SHA-256 and sheet),
 * leaving out the datasets being replaced: one per sheet, so the question names them all.
 */
async function storedCopies(engine: Engine, sheets: (string | undefined)[], sha256: string, replace: string[], fileName: string): Promise<DatasetReport[]> {
  const out: DatasetReport[] = [];
  for (const sheet of sheets) {
    const dup = await engine.query<{ dataset_id: string }>(`SELECT dataset_id FROM datasets WHERE sha256 = ${str(sha256)}
      AND sheet IS NOT DISTINCT FROM ${sheet === undefined ? 'NULL' : str(sheet)} ORDER BY dataset_id LIMIT 1`);
    if (dup.length && !replace.includes(dup[0].dataset_id)) out.push(notWrittenReport(dup[0].dataset_id, fileName, sheet, sha256, { duplicateOf: dup[0].dataset_id }));
  }
  return out;
}

/** The report of a sheet not written because the analyst is asked first (identical file, later version). */
function notWrittenReport(id: string, file: string, sheet: string | undefined, sha256: string,
  why: Pick<DatasetReport, 'duplicateOf' | 'laterVersionOf'>): DatasetReport {
  return {
    datasetId: id, file, sheet, sha256, rowsAccepted: 0, rowsWarned: 0, rowsRejected: 0, rowsSkipped: 0, asOf: '',
    issues: [], ...why,
  };
}

const STORAGE_FULL = /quota|no space|ENOSPC|disk is full|Maximum call stack size exceeded/i;

function toImportError(e: unknown, file: string, sheet?: string) {
  if (e instanceof ImportFailure) {
    return { code: e.code, message: `import.error.${e.code}`, vars: e.vars, file, sheet: e.sheet ?? sheet };
  }
  const detail = errorDetail(e);
  // A full origin quota surfaces from the engine's OPFS writes as QuotaExceededError, or as a wasm
  // abort ("Maximum call stack size exceeded") when the write fails deep inside a checkpoint.
  const code = STORAGE_FULL.test(detail) ? 'storage_full' : 'write_failed';
  return { code, message: `import.error.${code}`, vars: { detail }, file, sheet };
}
