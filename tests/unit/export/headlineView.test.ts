import { describe, expect, test } from 'vitest';
import { sampleEngineWithCube } from '../import/helpers';
import { emptyFilters, type Filters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { stubDom } from '../dom-stub';

stubDom();

describe('the headline of a view', () => {
  test('leaves a status filter out: it states the problems fed back and how many are done', async () => {
    const { buildHeadline } = await import('../../../src/lib/state/briefing.svelte');
    const { engine } = await sampleEngineWithCube();
    const all = emptyFilters('2024-12-31');
    const plain = (await buildHeadline(engine, all, DEFAULT_PARAMS, 'zh')).text;
    expect(plain).toMatch(/^截至2024年12月31日，巡视巡察反馈1,151个问题，已完成整改[\d,]+个/);
    expect((await buildHeadline(engine, { ...all, statuses: ['in_progress'] }, DEFAULT_PARAMS, 'zh')).text).toBe(plain);
    // Other filters do narrow it.
    expect((await buildHeadline(engine, { ...all, counties: ['永康市'] }, DEFAULT_PARAMS, 'zh')).text).not.toBe(plain);
    engine.close();
  });
});

describe('no finding in scope: the screen and both packs say why, not a sentence of zeros', () => {
  test.each<[string, Partial<Filters>, string | null, RegExp]>([
    // as-of, filters, first feedback handed in, expected start of the line
    ['2010-01-01', {}, '2018-06-12', /^截至2010年1月1日，范围内没有反馈的问题：截至日早于最早反馈日期（2018年6月12日）/],
    ['2024-12-31', { counties: ['不存在县'] }, null, /^截至2024年12月31日，范围内没有反馈的问题：当前筛选条件下没有问题/],
    ['2024-12-31', { counties: ['永康市'], categories: ['Z'] }, null, /当前筛选条件下没有问题/],
  ])('T %s with %o', async (asOf, narrowing, first, expected) => {
    const { buildHeadline } = await import('../../../src/lib/state/briefing.svelte');
    const { engine } = await sampleEngineWithCube();
    const h = await buildHeadline(engine, { ...emptyFilters(asOf), ...narrowing }, DEFAULT_PARAMS, 'zh', first);
    expect(h.empty).toBe(true);
    expect(h.text).toMatch(expected);
    expect(h.text).not.toMatch(/反馈0个问题|整改完成率—/);
    const en = await buildHeadline(engine, { ...emptyFilters(asOf), ...narrowing }, DEFAULT_PARAMS, 'en', first);
    expect(en.text).toMatch(/^As of \d{4}-\d{2}-\d{2}, no findings are in scope: /);
    expect(en.text).not.toMatch(/completion rate —/);
    engine.close();
  });
});

describe('the scope line says what the headline counted', () => {
  test.each<['zh' | 'en', Partial<Filters>, string]>([
    ['zh', {}, '范围：未筛选（全部数据）'],
    ['zh', { counties: ['永康市'] }, '范围：县市区：永康市'],
    ['zh', { counties: ['永康市'], statuses: ['in_progress'] }, '范围：县市区：永康市；图表另限整改状态为正在整改，整改情况按全部整改状态统计'],
    ['zh', { statuses: ['in_progress'] }, '范围：未筛选（全部数据）；图表另限整改状态为正在整改，整改情况按全部整改状态统计'],
    ['en', { statuses: ['in_progress', 'not_completed'] }, 'Scope: No filter (all data); charts only: status In progress, Not completed, the summary counts every status'],
  ])('%s %o', async (lang, narrowing, expected) => {
    const { headlineScope } = await import('../../../src/lib/state/briefing.svelte');
    expect(headlineScope({ ...emptyFilters('2024-12-31'), ...narrowing }, lang)).toBe(expected);
  });
});
