import type { ChartSpec } from '../charts/types';
import { specDataTable } from '../charts/dataTable';
import { buildBriefingDocx, buildBriefingPptx, briefingFileName, briefingTable, chartCaption, packDefinitions, packSubtitle, scopeLine, type BriefingChart, type BriefingPack } from '../export/briefing';
import { briefingHeadline, type Headline } from '../export/headline';
import { kpisQuery, type KpiRow } from '../queries/kpis';
import { outcomesQuery, type OutcomeRow } from '../queries/outcomes';
import { inspectionKindsQuery } from '../queries/inspectionKinds';
import { translate } from '../i18n/translate';
import { renderPng, dataUrlToBlob, EXPORT_SIZE } from '../render/chartImage';
import { downloadBlob } from '../render/download';
import { scopeTag } from '../text/fileName';
import { pngWithNote, sizeWithNote } from '../render/exportNote';
import type { Dimension, Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import type { Engine } from '../db/types';
import { DASHBOARD_CHARTS, ANALYSIS_CHARTS } from './chartSpecs';
import { REPEAT_CHARTS } from './repeatSpecs';
import { busy } from './busy';
import { database } from './database.svelte';
import { filterSummary, filterValueLabel, scopeValues } from './filterSummary';
import { rowsInView } from './crossFilter';
import { chartDefinition } from './chartDefinition';

/** Every chart the analyst can put into a briefing, in screen order. */
export const BRIEFING_CHARTS: ChartSpec[] = [...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS, ...REPEAT_CHARTS];

const PNG_RATIO = 2;

/**
 * What the briefing opens with (DOMAIN.md §4.2), for the screen and both packs alike: the headline
 * sentence from the KPI and outcome builders, or, with no finding in scope, why there is none
 * (T before `firstFeedback`, the loaded rounds' first feedback date by default, else the filters). It counts the problems fed back and how many are
 * done, so a status filter is left out: under 正在整改 it said 反馈44个问题，已完成整改0个，整改完成率0%,
 * which is neither (the scope line says so: `headlineScope`).
 */
export async function buildHeadline(
  engine: Engine, view: Filters, params: MetricParams, lang: 'zh' | 'en', firstFeedback = database.feedbackAfter(view.asOf),
): Promise<Headline> {
  const filters = { ...view, statuses: [] };
  const [[k], [o], kinds] = await Promise.all([
    engine.query<KpiRow>(kpisQuery(filters, params)),
    engine.query<OutcomeRow>(outcomesQuery(filters, params)),
    engine.query<{ kind: string }>(inspectionKindsQuery(filters)),
  ]);
  return briefingHeadline({
    asOf: filters.asOf, kinds: kinds.map((r) => r.kind), findings: k?.findings ?? 0, completed: k?.completed ?? 0,
    basicallyCompleted: k?.basically_completed ?? 0, partyDiscipline: o?.acc_party_discipline, govSanction: o?.acc_gov_sanction,
    orgHandling: o?.acc_org_handling, systems: o?.systems, fundsWan: o?.funds_wan,
  }, firstFeedback, lang);
}

/**
 * The scope line of the headline, on screen under it and in the packs' subtitle: every filter the
 * sentence follows, and a status filter named apart as applying to the charts only.
 */
export function headlineScope(filters: Filters, lang: 'zh' | 'en'): string {
  const statusText = filters.statuses.map((v) => filterValueLabel('statuses', v, lang)).join(translate(lang, 'listSeparator'));
  return scopeLine(lang, filterSummary({ ...filters, statuses: [] }, lang), statusText);
}

/**
 * Everything of a pack but its charts: title, subtitle with the headline's scope (`headlineScope`)
 * and the source, the opening line (`buildHeadline`: the sentence or why there is none), the
 * definitions. The screen shows the same line and scope.
 */
export async function packHead(
  engine: Engine, filters: Filters, params: MetricParams, lang: 'zh' | 'en', source: string, firstFeedback = database.feedbackAfter(filters.asOf),
): Promise<Omit<BriefingPack, 'charts'>> {
  return {
    lang, title: translate(lang, 'briefing.title'), subtitle: packSubtitle(lang, filters.asOf, headlineScope(filters, lang), source),
    headline: (await buildHeadline(engine, filters, params, lang, firstFeedback)).text,
    definitions: packDefinitions(lang),
    asOf: filters.asOf,
  };
}

/**
 * The Briefing screen's state: which charts go in (default: the dashboard set) and the export
 * of the pack as DOCX or PPTX, each chart re-queried and drawn off-screen for print.
 */
class Briefing {
  selected = $state<string[]>(DASHBOARD_CHARTS.map((c) => c.id));
  building = $state(false);
  error = $state<string | null>(null);

  /** Builds and downloads the pack for the current view. */
  async download(
    kind: 'docx' | 'pptx', filters: Filters, params: MetricParams, lang: 'zh' | 'en', origins: Partial<Record<Dimension, string>> = {},
  ): Promise<void> {
    const engine = database.engine;
    if (!engine || this.building) return;
    const t = (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars);
    const specs = BRIEFING_CHARTS.filter((c) => this.selected.includes(c.id));
    if (!specs.length) {
      this.error = t('briefing.noCharts');
      return;
    }
    this.building = true;
    this.error = null;
    try {
      await busy.track(async () => {
        const filterText = filterSummary(filters, lang);
        const source = database.datasets.map((d) => d.file_name).filter((v, i, a) => a.indexOf(v) === i).join('、');
        const firstFeedback = database.feedbackAfter(filters.asOf);
        const charts: BriefingChart[] = [];
        for (const [i, spec] of specs.entries()) {
          const first = await engine.query(spec.query(filters, params));
          const refine = spec.refine?.(first, filters, params);
          // What the screen draws: narrowed to a selection made elsewhere, the selection highlighted.
          const rows = rowsInView(spec, refine ? await engine.query(refine) : first, filters, origins);
          const title = t(spec.titleKey);
          const definition = chartDefinition(spec, params, lang);
          const selected = spec.dimension ? filters[spec.dimension] : [];
          // Before the first feedback an empty figure says so, as on screen, not "no data for the filters".
          const option = spec.option(rows, {
            lang, asOf: filters.asOf, params, forExport: true, isSample: database.sampleOnly, selected, firstFeedback: firstFeedback ?? undefined,
          });
          // The definition goes in a wrapped band below the chart, as in the dashboard's own PNG
          // export: as a one-line subtitle, a long one (三色预警) ran past the image's right edge.
          const note = [`${t('definition')}${t('colon')}${definition}`];
          const size = sizeWithNote(note, EXPORT_SIZE);
          const url = await pngWithNote(renderPng(option, PNG_RATIO), note, EXPORT_SIZE, PNG_RATIO);
          const png = new Uint8Array(await (await dataUrlToBlob(url)).arrayBuffer());
          charts.push({
            id: spec.id, title, definition, caption: chartCaption(lang, i + 1, title, filters.asOf, filterText),
            png, widthPx: size.width * PNG_RATIO, heightPx: size.height * PNG_RATIO,
            table: briefingTable(specDataTable(spec, rows, lang, params)),
          });
        }
        const pack: BriefingPack = { ...(await packHead(engine, filters, params, lang, source, firstFeedback)), charts };
        const bytes = kind === 'docx' ? await buildBriefingDocx(pack) : await buildBriefingPptx(pack);
        const type = kind === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
        // The name says what the pack covers, so packs of two counties do not both read 简报_日期.
        downloadBlob(new Blob([bytes as BlobPart], { type }), briefingFileName(lang, filters.asOf, kind, scopeTag(scopeValues(filters, lang))));
      });
    } catch (e) {
      this.error = `${t('briefing.failed')}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.building = false;
    }
  }
}

export const briefing = new Briefing();
