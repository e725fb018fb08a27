import { describe, expect, test } from 'vitest';
import { sampleEngineWithCube } from '../import/helpers';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { stubDom } from '../dom-stub';

stubDom();

describe('the headline of a view', () => {
  test('leaves a status filter out: it states the problems fed back and how many are done', async () => {
    const { buildHeadline } = await import('../../../src/lib/state/briefing.svelte');
    const { engine } = await sampleEngineWithCube();
    const all = emptyFilters('2024-12-31');
    const plain = await buildHeadline(engine, all, DEFAULT_PARAMS, 'zh');
    expect(plain).toMatch(/^截至2024年12月31日，巡视巡察反馈1,151个问题，已完成整改[\d,]+个/);
    expect(await buildHeadline(engine, { ...all, statuses: ['in_progress'] }, DEFAULT_PARAMS, 'zh')).toBe(plain);
    // Other filters do narrow it.
    expect(await buildHeadline(engine, { ...all, counties: ['永康市'] }, DEFAULT_PARAMS, 'zh')).not.toBe(plain);
    engine.close();
  });
});
