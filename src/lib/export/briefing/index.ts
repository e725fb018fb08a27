// The briefing pack's public face. The builders load `docx` / `pptxgenjs` themselves on first
// call, so importing this module costs the start-up bundle only a few kilobytes.
export type { BriefingChart, BriefingPack } from './types';
export { buildBriefingDocx } from './docx';
export { buildBriefingPptx } from './pptx';
export { briefingFileName, briefingTable, chartCaption, packDefinitions, packSubtitle, scopeLine } from './pack';
