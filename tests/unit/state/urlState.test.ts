import { describe, expect, test } from 'vitest';
import { historyStep, parseViewState, serialiseViewState, withSettingsOf } from '../../../src/lib/state/urlState';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

describe('URL view state', () => {
  test('an empty query gives the default dashboard in Chinese with the sample on', () => {
    const s = parseViewState('');
    expect(s.view).toBe('dashboard');
    expect(s.lang).toBe('zh');
    expect(s.sample).toBe(true);
    expect(s.filters.asOf).toBe('');
    expect(s.params).toEqual(DEFAULT_PARAMS);
    expect(serialiseViewState(s)).toBe('');
  });

  test('round-trips filters, as-of date, thresholds and language', () => {
    const search = '?view=repeats&lang=en&asOf=2021-06-30&county=%E6%B0%B8%E5%BA%B7%E5%B8%82&county=%E4%B9%89%E4%B9%8C%E5%B8%82&cat=D&round=%E6%B5%99%E6%B1%9F%E7%9C%81%7C%E7%9C%81%E5%A7%94%7C%E5%8D%81%E5%9B%9B%E5%B1%8A%7C4&warnGreenDays=30';
    const s = parseViewState(search);
    expect(s.view).toBe('repeats');
    expect(s.lang).toBe('en');
    expect(s.filters.asOf).toBe('2021-06-30');
    expect(s.filters.counties).toEqual(['永康市', '义乌市']);
    expect(s.filters.categories).toEqual(['D']);
    expect(s.filters.rounds).toEqual(['浙江省|省委|十四届|4']);
    expect(s.params.warnGreenDays).toBe(30);
    expect(parseViewState(serialiseViewState(s))).toEqual(s);
  });

  test.each([
    ['?asOf=2021-13', ''],
    ['?asOf=%27%3B%20DROP%20TABLE%20findings', ''],
  ])('a malformed as-of date %s is ignored', (search, expected) => {
    expect(parseViewState(search).filters.asOf).toBe(expected);
  });

  test('negative or non-numeric thresholds fall back to defaults; unknown views to the dashboard', () => {
    const s = parseViewState('?warnGreenDays=-5&warnYellowDays=abc&view=evil');
    expect(s.params.warnGreenDays).toBe(20);
    expect(s.params.warnYellowDays).toBe(10);
    expect(s.view).toBe('dashboard');
  });

  test('unit-type and source filters travel in the link', () => {
    const s = parseViewState('?unitType=%E4%B9%A1%E9%95%87(%E8%A1%97%E9%81%93)&source=%E7%AB%8B%E8%A1%8C%E7%AB%8B%E6%94%B9');
    expect([s.filters.unitTypes, s.filters.sources]).toEqual([['乡镇(街道)'], ['立行立改']]);
    expect(parseViewState(serialiseViewState(s)).filters).toEqual(s.filters);
  });

  test('status and category values outside their lists are dropped, in the filters and in a drill; free-text ones kept', () => {
    const s = parseViewState('?status=%7Ba%7Cb%7D&status=completed&cat=%3Cscript%3E&cat=C&l2=C9&l2=C4&county=%3Cb%3E&drill=status-by-county&drill.status=evil&drill.county=x');
    expect([s.filters.statuses, s.filters.categories, s.filters.l2, s.filters.counties]).toEqual([['completed'], ['C'], ['C4'], ['<b>']]);
    expect(s.drill).toEqual({ chart: 'status-by-county', filters: { counties: ['x'] } });
  });

  test('a drill-down facet (a warning colour, the explicit repeats) travels with it; an unknown one is dropped', () => {
    const s = parseViewState('');
    const drilled = { ...s, drill: { chart: 'warnings-by-county', filters: { counties: ['永康市'], facet: 'warning_red' as const } } };
    const search = serialiseViewState(drilled);
    expect(new URLSearchParams(search).get('drill.facet')).toBe('warning_red');
    expect(parseViewState(search)).toEqual(drilled);
    expect(parseViewState('?drill=warnings-by-county&drill.county=x&drill.facet=1%3D1').drill).toEqual({ chart: 'warnings-by-county', filters: { counties: ['x'] } });
    expect(parseViewState('?drill=warnings-by-county&drill.facet=explicit_repeat').drill).toEqual({ chart: 'warnings-by-county', filters: { facet: 'explicit_repeat' } });
  });

  test('a new screen, filter or drill-down is a step back; the as-of date, settings and language change in place', () => {
    expect(historyStep('', '?view=repeats')).toBe('push');
    expect(historyStep('?view=repeats', '?view=repeats&county=a')).toBe('push');
    expect(historyStep('?county=a&county=b', '?county=b&county=a')).toBe('replace');
    expect(historyStep('?county=a', '?county=a&drill=status-by-county&drill.county=a')).toBe('push');
    expect(historyStep('?drill=x&drill.facet=warning_red', '?drill=x&drill.facet=warning_green')).toBe('push');
    expect(historyStep('?county=a', '?county=a&asOf=2024-01-01&lang=en&warnGreenDays=20')).toBe('replace');
    // A link the app only tidies on arrival is replaced, or Back would land on it and be tidied forward again.
    expect(['?view=dashboard', '?status=bogus', '?drill=status-by-county', '?drill=x&drill.facet=bogus', '?from=counties:status-by-county']
      .map((from) => historyStep(from, ''))).toEqual(['replace', 'replace', 'replace', 'replace', 'replace']);
    expect(historyStep('?view=dashboard&status=completed', '?status=completed')).toBe('replace');
  });

  test('Back lands on the screen, filters and drill-down of its step with the language, date and settings of the moment', () => {
    expect(withSettingsOf('?view=repeats&lang=zh&asOf=2020-01-01', '?county=a&lang=en&asOf=2024-06-30&warnGreenDays=20'))
      .toBe('?view=repeats&lang=en&asOf=2024-06-30&warnGreenDays=20');
    expect(withSettingsOf('?county=a&from=counties%3Astatus-by-county&drill=x&drill.county=a', '')).toBe('?county=a&from=counties%3Astatus-by-county&drill=x&drill.county=a');
    expect(withSettingsOf('', '')).toBe('');
  });

  test('an as-of date in a link that is no day of the calendar falls back to the default', () => {
    expect(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01', '2024-2-3', 'garbage'].map((d) => parseViewState(`?asOf=${d}`).filters.asOf))
      .toEqual(['', '', '', '', '', '', '']);
    expect(['2024-02-29', '2023-12-31', '1999-01-01'].map((d) => parseViewState(`?asOf=${d}`).filters.asOf)).toEqual(['2024-02-29', '2023-12-31', '1999-01-01']);
  });

  test('the chart a filter was clicked in travels with it, and only while that filter is set', () => {
    const s = parseViewState('?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties:status-by-county&from=rounds:category-mix&from=bogus:x');
    expect(s.origins).toEqual({ counties: 'status-by-county', rounds: 'category-mix' });
    expect(serialiseViewState(s)).toBe('?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties%3Astatus-by-county');
    expect(parseViewState('?from=counties:%3Cscript%3E').origins).toEqual({});
  });

  test('a drill-down travels whole: the chart and every value of the element clicked', () => {
    const s = parseViewState('');
    const drilled = { ...s, filters: { ...s.filters, counties: ['永康市'] }, origins: { counties: 'status-by-county' },
      drill: { chart: 'status-by-county', filters: { counties: ['永康市'], statuses: ['completed'] } } };
    const search = serialiseViewState(drilled);
    expect(new URLSearchParams(search).get('drill')).toBe('status-by-county');
    expect(new URLSearchParams(search).getAll('drill.county')).toEqual(['永康市']);
    expect(new URLSearchParams(search).getAll('drill.status')).toEqual(['completed']);
    expect(parseViewState(search)).toEqual(drilled);
  });

  test.each([
    ['an old link without one', '?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties:status-by-county'],
    ['a chart with no values', '?drill=status-by-county'],
    ['values with no chart', '?drill.county=%E6%B0%B8%E5%BA%B7%E5%B8%82'],
    ['a malformed chart id', '?drill=%3Cscript%3E&drill.status=completed'],
  ])('no drill-down from %s; the rest of the link still reads', (_, search) => {
    const s = parseViewState(search);
    expect(s.drill).toBeNull();
    expect(serialiseViewState(s)).not.toContain('drill');
  });

  test('an old link keeps its filter and origin', () => {
    const s = parseViewState('?county=%E6%B0%B8%E5%BA%B7%E5%B8%82&from=counties:status-by-county');
    expect(s.filters.counties).toEqual(['永康市']);
    expect(s.origins).toEqual({ counties: 'status-by-county' });
  });

  test('sample=off is kept', () => {
    expect(parseViewState('?sample=off').sample).toBe(false);
    expect(serialiseViewState(parseViewState('?sample=off'))).toBe('?sample=off');
  });
});
