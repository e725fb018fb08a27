import type { ChartSpec } from '../charts/types';
import { chartDataTable } from '../charts/dataTable';
import { buildBriefingDocx, buildBriefingPptx, briefingFileName, briefingTable, chartCaption, packDefinitions, packSubtitle, type BriefingChart } from '../export/briefing';
import { headlineSentence } from '../export/headline';
import { kpisQuery, type KpiRow } from '../queries/kpis';
import { outcomesQuery, type OutcomeRow } from '../queries/outcomes';
import { inspectionKindsQuery } from '../queries/inspectionKinds';
import { translate } from '../i18n/translate';
import { renderPng, dataUrlToBlob, EXPORT_SIZE } from '../render/chartImage';
import { downloadBlob } from '../render/download';
import { pngWithNote, sizeWithNote } from '../render/exportNote';
import type { Dimension, Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import type { Engine } from '../db/types';
import { DASHBOARD_CHARTS, ANALYSIS_CHARTS } from './chartSpecs';
import { REPEAT_CHARTS } from './repeatSpecs';
import { busy } from './busy';
import { database } from './database.svelte';
import { filterSummary } from './filterSummary';
import { rowsInView } from './crossFilter';
import { chartDefinition } from './chartDefinition';

/** Every chart the analyst can put into a briefing, in screen order. */
export const BRIEFING_CHARTS: ChartSpec[] = [...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS, ...REPEAT_CHARTS];

const PNG_RATIO = 2;

/**
 * The headline sentence (DOMAIN.md §4.2) for a view, from the KPI and outcome builders. It counts
 * the problems fed back and how many are done, so a status filter is left out: under 正在整改 it
 * said 反馈44个问题，已完成整改0个，整改完成率0%, which is neither.
 */
export async function buildHeadline(engine: Engine, view: Filters, params: MetricParams, lang: 'zh' | 'en'): Promise<string> {
  const filters = { ...view, statuses: [] };
  const [[k], [o], kinds] = await Promise.all([
    engine.query<KpiRow>(kpisQuery(filters, params)),
    engine.query<OutcomeRow>(outcomesQuery(filters, params)),
    engine.query<{ kind: string }>(inspectionKindsQuery(filters)),
  ]);
  return headlineSentence({
    asOf: filters.asOf, kinds: kinds.map((r) => r.kind), findings: k?.findings ?? 0, completed: k?.completed ?? 0,
    basicallyCompleted: k?.basically_completed ?? 0, partyDiscipline: o?.acc_party_discipline, govSanction: o?.acc_gov_sanction,
    orgHandling: o?.acc_org_handling, systems: o?.systems, fundsWan: o?.funds_wan,
  }, lang);
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
        const charts: BriefingChart[] = [];
        for (const [i, spec] of specs.entries()) {
          const first = await engine.query(spec.query(filters, params));
          const refine = spec.refine?.(first, filters, params);
          // What the screen draws: narrowed to a selection made elsewhere, the selection highlighted.
          const rows = rowsInView(spec, refine ? await engine.query(refine) : first, filters, origins);
          const title = t(spec.titleKey);
          const definition = chartDefinition(spec, params, lang);
          const selected = spec.dimension ? filters[spec.dimension] : [];
          const option = spec.option(rows, { lang, asOf: filters.asOf, params, forExport: true, isSample: database.sampleOnly, selected });
          // The definition goes in a wrapped band below the chart, as in the dashboard's own PNG
          // export: as a one-line subtitle, a long one (三色预警) ran past the image's right edge.
          const note = [`${t('definition')}${t('colon')}${definition}`];
          const size = sizeWithNote(note, EXPORT_SIZE);
          const url = await pngWithNote(renderPng(option, PNG_RATIO), note, EXPORT_SIZE, PNG_RATIO);
          const png = new Uint8Array(await (await dataUrlToBlob(url)).arrayBuffer());
          charts.push({
            id: spec.id, title, definition, caption: chartCaption(lang, i + 1, title, filters.asOf, filterText),
            png, widthPx: size.width * PNG_RATIO, heightPx: size.height * PNG_RATIO,
            table: briefingTable(chartDataTable(rows, lang)),
          });
        }
        const pack = {
          lang, title: t('briefing.title'), subtitle: packSubtitle(lang, filters.asOf, filterText, source),
          headline: await buildHeadline(engine, filters, params, lang),
          definitions: packDefinitions(lang),
          asOf: filters.asOf, charts,
        };
        const bytes = kind === 'docx' ? await buildBriefingDocx(pack) : await buildBriefingPptx(pack);
        const type = kind === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
        downloadBlob(new Blob([bytes as BlobPart], { type }), briefingFileName(lang, filters.asOf, kind));
      });
    } catch (e) {
      this.error = `${t('briefing.failed')}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.building = false;
    }
  }
}

export const briefing = new Briefing();
