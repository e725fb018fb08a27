/**
 * The briefing pack (简报): what the Briefing screen hands to the DOCX and PPTX builders. Every
 * string is already in the pack's language and already formatted, so the builders only lay out.
 */

/** One chart of the pack: its rendered picture, its words and its data table. */
export interface BriefingChart {
  id: string;
  /** Chart title (Chinese by default). */
  title: string;
  /** Metric definition, e.g. 整改完成率＝已完成/反馈问题总数. */
  definition: string;
  /** Figure caption, e.g. "图1 整改完成率（按县市区×轮次） 数据截至2026年6月30日 · 筛选：全部". */
  caption: string;
  /** PNG bytes, rendered at 2× of 1000×560 CSS px plus the definition band below (so 2000×1120+ px). */
  png: Uint8Array;
  /** Pixel size of `png`. */
  widthPx: number;
  heightPx: number;
  /** The chart's data table, cells already formatted. */
  table: { columns: string[]; rows: (string | number | null)[][] };
}

/** A whole briefing: title block, the headline sentence, charts and definition notes. */
export interface BriefingPack {
  lang: 'zh' | 'en';
  /** e.g. 巡视巡察整改情况分析简报. */
  title: string;
  /** e.g. 数据截至2026年6月30日 · 筛选：全部 · 数据来源：…. */
  subtitle: string;
  /** The headline sentence (DOMAIN.md §4.2). */
  headline: string;
  /** Definition notes, one per rate (每个比率的口径). */
  definitions: string[];
  /** As-of date, YYYY-MM-DD. */
  asOf: string;
  charts: BriefingChart[];
}
