import { describe, expect, test } from 'vitest';
import { drillLabel, scopeValues } from '../../../src/lib/state/filterSummary';
import { stubDom } from '../dom-stub';

stubDom();
const { drill } = await import('../../../src/lib/state/drill.svelte');
const { viewStore } = await import('../../../src/lib/state/view.svelte');
const { locale } = await import('../../../src/lib/state/locale.svelte');

const YONGKANG_DONE = { counties: ['永康市'], statuses: ['completed'] };

describe('drill-down chip text', () => {
  test.each([
    ['zh', '各县市区整改状态构成 · 永康市 · 已完成'],
    ['en', 'Rectification status by county · Yongkang · Completed'],
  ] as const)('is written from the chart id and raw values in %s', (lang, expected) => {
    expect(drillLabel('status-by-county', YONGKANG_DONE, lang)).toBe(expected);
  });

  test.each([
    ['zh', 'warnings-by-county', { counties: ['永康市'], facet: 'warning_red' as const }, '各县市区三色预警 · 永康市 · 红色预警（已逾期）'],
    ['en', 'repeats-by-round', { counties: ['永康市'], facet: 'explicit_repeat' as const }, ' · Yongkang · explicit repeats'],
  ] as const)('names the facet of an element no dimension names (%s)', (lang, chart, filters, expected) => {
    expect(drillLabel(chart, { ...filters, counties: [...filters.counties] }, lang)).toContain(expected);
  });

  test('the values that narrow a view, facet last, as export file names are tagged with them', () => {
    expect(scopeValues({ statuses: ['completed'], counties: ['永康市'], facet: 'warning_red' }, 'zh')).toEqual(['永康市', '已完成', '红色预警（已逾期）']);
    expect(scopeValues({}, 'en')).toEqual([]);
  });

  test('a chart this build does not know still names the values', () => {
    expect(drillLabel('gone-chart', YONGKANG_DONE, 'en')).toBe('Yongkang · Completed');
  });
});

describe('drill-down in the link', () => {
  const search = '?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties%3Astatus-by-county&drill=status-by-county&drill.county=%E6%B0%B8%E5%BA%B7%E5%B8%82&drill.status=completed';

  test('a click writes the whole drill into the link and the link restores it', () => {
    viewStore.load('');
    viewStore.toggle('counties', '永康市', 'status-by-county');
    drill.set(YONGKANG_DONE, 'status-by-county');
    expect(viewStore.serialise()).toBe(search);

    drill.set(null, '');
    viewStore.load(search);
    expect(drill.current).toEqual({ chart: 'status-by-county', filters: YONGKANG_DONE });
    expect(drill.apply(viewStore.effectiveFilters)).toMatchObject(YONGKANG_DONE);
    expect(viewStore.serialise()).toBe(search);
  });

  test('the chip follows a language switch after the drill was set', () => {
    viewStore.load(search);
    const chip = () => drillLabel(drill.chart, drill.filters ?? {}, locale.lang);
    expect(chip()).toContain('永康市 · 已完成');
    locale.set('en');
    expect(chip()).toBe('Rectification status by county · Yongkang · Completed');
    locale.set('zh');
  });

  test('a link without a drill-down (an old one, or back to a view without one) ends the current one', () => {
    viewStore.load(search);
    viewStore.load('?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties:status-by-county');
    expect(drill.current).toBeNull();
    expect(viewStore.filters.counties).toEqual(['永康市']);
  });

  test('reset ends the drill-down and takes it out of the link', () => {
    viewStore.load(search);
    viewStore.reset();
    expect(drill.current).toBeNull();
    expect(viewStore.serialise()).toBe('');
  });
});
