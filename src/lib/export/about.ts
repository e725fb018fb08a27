import { translate, type Lang } from '../i18n/translate';

/** One row of an XLSX export's About sheet (说明): the item and its value. */
export type AboutRow = [item: string, value: string | number];

/** What a findings export holds, each text already in the export's language. */
export interface FindingsAbout {
  asOf: string;
  /** The view's filters in words (`filterSummary`), as the screen and the briefing say them. */
  filters: string;
  /** The drill-down chip's text (`drillLabel`), '' without a drill-down. */
  drill: string;
  /** The table's search text, '' without one. */
  search: string;
  forPublication: boolean;
  rows: number;
  exportedAt: Date;
  /** The loaded datasets' names (`datasetNames`). */
  datasets: string[];
}

/** What an SQL console export holds: the statement it ran is the whole of its scope. */
export interface QueryAbout {
  sql: string;
  rows: number;
  exportedAt: Date;
  datasets: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as the analyst's own clock reads it: 2026-06-30 09:05:07 (local time, no zone). */
export function localTimestamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** A dataset's name as the exports cite it: its file, and its sheet when it came from one. */
export function datasetNames(datasets: readonly { file_name: string; sheet?: string | null }[]): string[] {
  return datasets.map((d) => (d.sheet ? `${d.file_name}/${d.sheet}` : d.file_name));
}

/**
 * The About sheet of a findings export, so a file sent on says what it is: contents, as-of date,
 * filters, the drill-down and search when there are any, whether it is for publication, rows,
 * when it was exported and from which datasets. Values are the app's own words or user text as
 * it is; the XLSX writer neutralises each cell like the data's.
 */
export function findingsAboutRows(a: FindingsAbout, lang: Lang): AboutRow[] {
  const t = (key: string) => translate(lang, key);
  return [
    [t('export.about.what'), t('export.about.findings')],
    [t('export.about.asOf'), a.asOf],
    [t('export.about.filters'), a.filters],
    ...(a.drill ? [[t('export.about.drill'), a.drill] as AboutRow] : []),
    ...(a.search.trim() ? [[t('export.about.search'), a.search] as AboutRow] : []),
    [t('export.about.publication'), t(a.forPublication ? 'export.about.publicYes' : 'export.about.publicNo')],
    [t('export.about.rows'), a.rows],
    [t('export.about.exportedAt'), localTimestamp(a.exportedAt)],
    ...(a.datasets.length ? [[t('export.about.datasets'), a.datasets.join(t('listSeparator'))] as AboutRow] : []),
  ];
}

/** The About sheet of an SQL console export: the statement (user text, neutralised on write), rows, time, datasets. */
export function queryAboutRows(q: QueryAbout, lang: Lang): AboutRow[] {
  const t = (key: string) => translate(lang, key);
  return [
    [t('export.about.what'), t('export.about.sqlResult')],
    [t('export.about.query'), q.sql],
    [t('export.about.rows'), q.rows],
    [t('export.about.exportedAt'), localTimestamp(q.exportedAt)],
    ...(q.datasets.length ? [[t('export.about.datasets'), q.datasets.join(t('listSeparator'))] as AboutRow] : []),
  ];
}
