import type { DataTable } from '../../charts/dataTable';
import { formatDate } from '../../charts/format';
import { translate, type Lang } from '../../i18n/translate';
import { exportFileName } from '../../text/fileName';
import type { BriefingChart } from './types';

// The words of a pack that the Briefing screen assembles, in one place so that the DOCX caption,
// the slide caption and the file name all say the same date and filters the same way.

/** The rates every pack defines in its notes (DOMAIN.md §7.7), before the charts' own definitions. */
export const PACK_DEFINITION_KEYS = ['def.completionRate', 'def.completionBasicRate', 'def.overdue'] as const;

/** The pack's definition notes in its language, each naming its measure: 整改完成率＝…. */
export function packDefinitions(lang: Lang): string[] {
  return PACK_DEFINITION_KEYS.map((key) => translate(lang, key));
}

/** The filters in words, or 全部 / All when nothing is filtered. */
function filtersOrAll(lang: Lang, filterText: string): string {
  return filterText.trim() || translate(lang, 'filter.all');
}

/** Figure caption: 图1 整改完成率（按县市区×轮次） 数据截至2026年6月30日 · 筛选：全部. */
export function chartCaption(lang: Lang, n: number, title: string, asOf: string, filterText: string): string {
  return translate(lang, 'briefing.caption', { n, title, date: formatDate(asOf, lang), filters: filtersOrAll(lang, filterText) });
}

/**
 * What the headline counts, as the screen says under it and the packs in their subtitle: the
 * filters but the status one (`scopeText`), since the sentence counts every status; a status filter
 * (`statusText`, empty when none) is named apart as applying to the charts only. Under 正在整改 the
 * line read 范围：整改状态：正在整改 beside a sentence counting the completed ones too.
 */
export function scopeLine(lang: Lang, scopeText: string, statusText: string): string {
  const filters = filtersOrAll(lang, scopeText);
  return statusText.trim()
    ? translate(lang, 'briefing.scopeStatus', { filters, status: statusText.trim() })
    : translate(lang, 'briefing.scope', { filters });
}

/** Subtitle: 数据截至… · 范围：… · 数据来源：…, the scope as `scopeLine` words it, the source left out when there is none. */
export function packSubtitle(lang: Lang, asOf: string, scope: string, source: string): string {
  const base = translate(lang, 'briefing.subtitle', { date: formatDate(asOf, lang), scope });
  return source.trim() ? `${base} · ${translate(lang, 'briefing.source', { source: source.trim() })}` : base;
}

/** A chart's data table (`chartDataTable`) in the pack's shape: header labels and the formatted rows. */
export function briefingTable(table: DataTable): BriefingChart['table'] {
  return { columns: table.columns.map((c) => c.label), rows: table.rows };
}

/**
 * Download name, e.g. 巡视巡察整改简报_2026-06-30_永康市.docx: the date, then the scope tag
 * (`scopeTag`, '' when nothing is filtered), made safe the way every export name is.
 */
export function briefingFileName(lang: Lang, asOf: string, ext: 'docx' | 'pptx', tag = ''): string {
  return exportFileName([translate(lang, 'briefing.fileName', { date: asOf }), tag], ext);
}
