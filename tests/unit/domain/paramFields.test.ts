import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { PARAM_FIELDS, paramsChanged, setParam } from '../../../src/lib/domain/paramFields';
import { parseViewState, serialiseViewState } from '../../../src/lib/state/urlState';

describe('setParam', () => {
  test.each([
    ['warnGreenDays', '30', 30],
    ['warnYellowDays', '0', 0],
    ['similarityThreshold', '0.65', 0.65],
    ['commonMinShare', '0.25', 0.25],
    ['smallNMin', ' 5 ', 5],
  ] as const)('%s ← %j gives %d', (key, raw, expected) => {
    const res = setParam(DEFAULT_PARAMS, key, raw);
    expect(res).toEqual({ ok: true, params: { ...DEFAULT_PARAMS, [key]: expected } });
  });

  test.each([
    ['warnGreenDays', '-5'], ['warnGreenDays', 'abc'], ['warnGreenDays', '10.5'], ['warnGreenDays', ''],
    ['similarityThreshold', '1.5'], ['smallNMin', '0'], ['concentratedPeriodMonths', '1e3'],
  ] as const)('%s ← %j is refused with the range and leaves params unchanged', (key, raw) => {
    const res = setParam(DEFAULT_PARAMS, key, raw);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errorKey).toBe('params.error.range');
  });

  test('yellow days must stay below green days (otherwise no yellow band exists)', () => {
    expect(setParam(DEFAULT_PARAMS, 'warnYellowDays', '20')).toEqual({ ok: false, errorKey: 'params.error.warnOrder' });
    expect(setParam(DEFAULT_PARAMS, 'warnGreenDays', '10')).toEqual({ ok: false, errorKey: 'params.error.warnOrder' });
    const wider = setParam(DEFAULT_PARAMS, 'warnGreenDays', '40');
    expect(wider.ok && setParam(wider.params, 'warnYellowDays', '20').ok).toBe(true);
  });

  test('booleans and choices', () => {
    const on = setParam(DEFAULT_PARAMS, 'useTextSimilarity', true);
    expect(on.ok && on.params.useTextSimilarity).toBe(true);
    const inc = setParam(DEFAULT_PARAMS, 'longTermWithDeadline', 'include');
    expect(inc.ok && inc.params.longTermWithDeadline).toBe('include');
    expect(setParam(DEFAULT_PARAMS, 'repeatDenominator', 'everything').ok).toBe(false);
    const byYear = setParam(DEFAULT_PARAMS, 'persistenceBy', 'year');
    expect(byYear.ok && parseViewState(serialiseViewState({ ...parseViewState(''), params: byYear.params })).params.persistenceBy).toBe('year');
  });

  test('paramsChanged tells defaults from a changed view', () => {
    expect(paramsChanged(DEFAULT_PARAMS)).toBe(false);
    expect(paramsChanged({ ...DEFAULT_PARAMS, smallNMin: 20 })).toBe(true);
  });

  test('every field default is admissible', () => {
    for (const f of PARAM_FIELDS) expect(setParam(DEFAULT_PARAMS, f.key, String(DEFAULT_PARAMS[f.key])).ok, f.key).toBe(true);
  });
});

describe('the URL obeys the same ranges', () => {
  test('a changed parameter round-trips through the link', () => {
    const s = parseViewState('?warnGreenDays=45&warnYellowDays=15&similarityThreshold=0.7&longTerm=include');
    expect(s.params).toMatchObject({ warnGreenDays: 45, warnYellowDays: 15, similarityThreshold: 0.7, longTermWithDeadline: 'include' });
    expect(parseViewState(serialiseViewState(s)).params).toEqual(s.params);
  });

  test('out-of-range or unordered values in a link fall back to the defaults', () => {
    expect(parseViewState('?similarityThreshold=7&smallNMin=-3').params).toMatchObject({ similarityThreshold: 0.5, smallNMin: 10 });
    expect(parseViewState('?warnGreenDays=5&warnYellowDays=9').params).toMatchObject({ warnGreenDays: 20, warnYellowDays: 10 });
  });
});
