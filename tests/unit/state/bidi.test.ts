import { describe, expect, test } from 'vitest';
import { isolateBidi } from '../../../src/lib/text/bidi';
import { translate } from '../../../src/lib/i18n/translate';
import { drillLabel, filterSummary } from '../../../src/lib/state/filterSummary';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { stubDom } from '../dom-stub';

stubDom();

// A ledger value holding an unclosed right-to-left override (U+202E) must not reverse the app's own words.
const RLO = '\u202E某县';
const FSI = '\u2068';
const PDI = '\u2069';

describe('directional controls in untrusted values stay inside the value', () => {
  test.each([
    ['plain Chinese is left as it is', '永康市', '永康市'],
    ['an override is wrapped in an isolate', RLO, `${FSI}${RLO}${PDI}`],
    ['a PDI that closes nothing is dropped, an isolate left open is closed', `\u2069\u202E县\u2066x`, `${FSI}\u202E县\u2066x${PDI}${PDI}`],
    ['a text of isolated values keeps them (a drill label set in a message)', `a · ${FSI}${'\u202E'}某县${PDI} · b`, `${FSI}a · ${FSI}${'\u202E'}某县${PDI} · b${PDI}`],
    ['embeddings too', '\u202B某\u202C', `${FSI}\u202B某\u202C${PDI}`],
  ])('%s', (_n, value, want) => expect(isolateBidi(value)).toBe(want));

  test('a validation message isolates the value it names; numbers and plain text are unchanged', () => {
    const text = translate('zh', 'import.issue.county_not_listed', { row: 2, column: '县市区', value: RLO });
    expect(text).toContain(`“${FSI}${RLO}${PDI}”`);
    expect(translate('zh', 'import.issue.county_not_listed', { row: 2, column: '县市区', value: '杭州市' })).not.toContain(FSI);
  });

  test('the filter line of exports and the drill chip isolate a county value', () => {
    const filters = { ...emptyFilters('2024-06-30'), counties: [RLO, '=cmd|县'] };
    expect(filterSummary(filters, 'zh')).toBe(`县市区：${FSI}${RLO}${PDI}、=cmd|县`);
    const label = drillLabel('status-by-county', { counties: [RLO], statuses: ['completed'] }, 'zh');
    expect(label).toBe(`各县市区整改状态构成 · ${FSI}${RLO}${PDI} · 已完成`);
    // Set inside the chip's message, the county stays isolated within the isolated label.
    expect(translate('zh', 'table.drill', { source: label })).toContain(`${FSI}各县市区整改状态构成 · ${FSI}${RLO}${PDI} · 已完成${PDI}`);
  });
});
