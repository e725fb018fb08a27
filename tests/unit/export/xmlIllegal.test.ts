import { describe, expect, test } from 'vitest';
import { buildBriefingPptx } from '../../../src/lib/export/briefing/pptx';
import { buildBriefingDocx } from '../../../src/lib/export/briefing/docx';
import { renderSvg } from '../../../src/lib/render/chartImage';
import { svgWithNote } from '../../../src/lib/render/exportNote';
import { samplePack } from './briefing/fixtures';
import { runs, unzip, xmlProblem } from './briefing/zip';

// A county typed with a form feed (U+000C) in the ledger, and the other characters XML 1.0 forbids.
const COUNTY = '婺城区\f\u0001\u000B\uFFFE\uD800';

describe('characters illegal in XML never reach an exported XML document', () => {
  test('the checker itself flags them and bad structure', () => {
    expect(xmlProblem('<a>婺城区\f</a>')).toMatch(/illegal character/);
    expect(xmlProblem('<a>&#12;</a>')).toMatch(/illegal character/);
    expect(xmlProblem('<a><b></a>')).toMatch(/closes nothing/);
    expect(xmlProblem('<a>x & y</a>')).toMatch(/bare &/);
    expect(xmlProblem('<?xml version="1.0"?>\n<a x="1"><b/>&amp;&#10;</a>')).toBeNull();
  });

  test('PPTX: every XML part parses with such a character in titles, captions, notes and properties', async () => {
    const pack = samplePack();
    pack.title = `${COUNTY}简报`;
    pack.subtitle = `筛选：${COUNTY}`;
    pack.headline = `${COUNTY}整改完成率76%。`;
    pack.definitions = [`${COUNTY}口径`];
    pack.charts[0] = { ...pack.charts[0], title: `${COUNTY}完成率`, caption: `图1 ${COUNTY}`, definition: `${COUNTY}定义` };
    const zip = await unzip(await buildBriefingPptx(pack));
    const parts = zip.names.filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts).toContain('docProps/core.xml');
    for (const part of parts) expect(xmlProblem(await zip.text(part)), part).toBeNull();
    // Only the illegal characters go: the words around them stay.
    expect(runs(await zip.text('ppt/slides/slide2.xml'), 'a:t')[0]).toBe('婺城区完成率');
    expect(await zip.text('docProps/core.xml')).toContain('婺城区简报');
  });

  test('DOCX: U+FFFE, U+FFFF and a lone surrogate (which the docx library keeps) are dropped too', async () => {
    const odd = `婺城区\f\u0001\u000B\uFFFE\uFFFF\uD800`;
    const pack = samplePack();
    pack.title = `${odd}简报`;
    pack.headline = `${odd}整改完成率76%。`;
    pack.charts[0] = { ...pack.charts[0], title: `${odd}完成率`, caption: `图1 ${odd}` };
    const zip = await unzip(await buildBriefingDocx(pack));
    const parts = zip.names.filter((n) => /\.(xml|rels)$/.test(n));
    for (const part of parts) expect(xmlProblem(await zip.text(part)), part).toBeNull();
    expect(await zip.text('word/document.xml')).toContain('婺城区简报');
  });

  test('SVG chart export: the chart\'s labels and the note below it', () => {
    const option = {
      xAxis: { type: 'category' as const, data: [COUNTY, '永康市'] },
      yAxis: { type: 'value' as const },
      series: [{ type: 'bar' as const, data: [3, 5], label: { show: true, formatter: `${COUNTY}{c}` } }],
      title: { text: COUNTY },
    };
    const svg = svgWithNote(renderSvg(option), [`筛选：县市区=${COUNTY}`], { width: 1000, height: 560 });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('婺城区');
  });
});
