import type { Messages } from '../translate';

/** Briefing pack (简报) words: the DOCX/PPTX fixed texts and the Briefing screen's export controls. */
export const briefing: Messages = {
  zh: {
    'briefing.title': '巡视巡察整改情况分析简报',
    'briefing.subtitle': '数据截至{date} · 筛选：{filters}',
    'briefing.source': '数据来源：{source}',
    'briefing.caption': '图{n} {title} 数据截至{date} · 筛选：{filters}',
    'briefing.asOf': '数据截至{date}',
    'briefing.definitions': '口径说明',
    'briefing.definition': '口径：{text}',
    'briefing.figureAlt': '图{n} {title}',
    'briefing.fileName': '巡视巡察整改简报_{date}',
    'briefing.docx': '下载简报（Word）',
    'briefing.pptx': '下载演示文稿（PPT）',
    'briefing.building': '正在生成简报…',
    'briefing.failed': '简报生成失败',
    'briefing.noCharts': '请至少选择一张图表。',
  },
  en: {
    'briefing.title': 'Inspection rectification briefing',
    'briefing.subtitle': 'Data as of {date} · Filters: {filters}',
    'briefing.source': 'Source: {source}',
    'briefing.caption': 'Figure {n} {title}, data as of {date} · Filters: {filters}',
    'briefing.asOf': 'Data as of {date}',
    'briefing.definitions': 'Definitions',
    'briefing.definition': 'Definition: {text}',
    'briefing.figureAlt': 'Figure {n} {title}',
    'briefing.fileName': 'rectification-briefing_{date}',
    'briefing.docx': 'Download briefing (Word)',
    'briefing.pptx': 'Download slides (PowerPoint)',
    'briefing.building': 'Building the briefing…',
    'briefing.failed': 'The briefing could not be built',
    'briefing.noCharts': 'Choose at least one chart.',
  },
};
