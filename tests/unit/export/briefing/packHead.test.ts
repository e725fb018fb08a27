import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sampleEngineWithCube } from '../../import/helpers';
import { emptyFilters, type Filters } from '../../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../../src/lib/domain/params';
import { buildBriefingDocx } from '../../../../src/lib/export/briefing/docx';
import { buildBriefingPptx } from '../../../../src/lib/export/briefing/pptx';
import { stubDom } from '../../dom-stub';
import { runs, unzip } from './zip';

stubDom();

// What the Briefing screen hands the DOCX and PPTX builders, built the way `download` builds it.
describe('the pack\'s opening words (packHead), as both packs print them', () => {
  let engine: Awaited<ReturnType<typeof sampleEngineWithCube>>['engine'];
  let packHead: typeof import('../../../../src/lib/state/briefing.svelte').packHead;
  beforeAll(async () => {
    ({ packHead } = await import('../../../../src/lib/state/briefing.svelte'));
    ({ engine } = await sampleEngineWithCube());
  }, 60_000);
  afterAll(() => engine?.close());

  async function packTexts(filters: Filters, lang: 'zh' | 'en', first: string | null) {
    const head = await packHead(engine, filters, DEFAULT_PARAMS, lang, '示例数据', first);
    const docx = await unzip(await buildBriefingDocx({ ...head, charts: [] }));
    const pptx = await unzip(await buildBriefingPptx({ ...head, charts: [] }));
    return { head, docx: runs(await docx.text('word/document.xml'), 'w:t'), slide: runs(await pptx.text('ppt/slides/slide1.xml'), 'a:t').join('\n') };
  }

  test.each<['zh' | 'en', Filters, string | null, RegExp]>([
    ['zh', emptyFilters('2010-01-01'), '2018-03-01', /^截至2010年1月1日，范围内没有反馈的问题：截至日早于最早反馈日期（2018年3月1日）/],
    ['en', emptyFilters('2010-01-01'), '2018-03-01', /^As of 2010-01-01, no findings are in scope: the as-of date is before the first feedback \(2018-03-01\)/],
    ['zh', { ...emptyFilters('2024-12-31'), counties: ['永康市'], categories: ['Z'] }, null, /^截至2024年12月31日，范围内没有反馈的问题：当前筛选条件下没有问题/],
    ['en', { ...emptyFilters('2024-12-31'), counties: ['永康市'], categories: ['Z'] }, null, /^As of 2024-12-31, no findings are in scope: the current filters leave none/],
  ])('%s, empty S: DOCX and PPTX open with why, not a sentence of zeros', async (lang, filters, first, expected) => {
    const { head, docx, slide } = await packTexts(filters, lang, first);
    expect(head.headline).toMatch(expected);
    expect(docx[2]).toBe(head.headline);
    expect(slide).toContain(head.headline);
    for (const text of [docx.join('\n'), slide]) expect(text).not.toMatch(/反馈0个问题|整改完成率—|fed back 0 problems|completion rate —/);
    // An English pack's words (its 口径说明 too) hold no Chinese.
    if (lang === 'en') for (const line of [head.title, head.subtitle.replace('示例数据', ''), head.headline, ...head.definitions]) expect(line).not.toMatch(/\p{Script=Han}/u);
  });

  test('under a status filter the subtitle says what the headline counted, and the headline ignores the filter', async () => {
    const all = emptyFilters('2024-12-31');
    const plain = await packHead(engine, all, DEFAULT_PARAMS, 'zh', '示例数据', null);
    const { head, docx, slide } = await packTexts({ ...all, statuses: ['in_progress'] }, 'zh', null);
    expect(head.headline).toBe(plain.headline);
    expect(head.subtitle).toBe('数据截至2024年12月31日 · 范围：未筛选（全部数据）；图表另限整改状态为正在整改，整改情况按全部整改状态统计 · 数据来源：示例数据');
    expect(docx[1]).toBe(head.subtitle);
    expect(slide).toContain(head.subtitle);
  });
});
