import { describe, expect, test } from 'vitest';
import { narrowToSelection } from '../../../src/lib/state/crossFilter';
import { emptyFilters } from '../../../src/lib/queries/filters';

const rows = [
  { county: '永康市', status: 'completed', n: 3 },
  { county: '义乌市', status: 'completed', n: 2 },
  { county: '义乌市', status: null, n: 1 },
];
const byCounty = { ...emptyFilters('2024-12-31'), counties: ['义乌市'] };

describe('cross-filter narrowing of same-dimension charts', () => {
  test('the chart that was clicked keeps every county', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, 'status-by-county', 'status-by-county')).toEqual(rows);
  });
  test('another chart on the county dimension narrows to the selected county', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, 'status-by-county', 'warnings-by-county')).toEqual(rows.slice(1));
  });
  test('a selection from the filter bar (no origin) narrows every chart', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, undefined, 'status-by-county')).toEqual(rows.slice(1));
  });
  test('no selection, no dimension or no matching column: rows unchanged', () => {
    expect(narrowToSelection(rows, 'counties', emptyFilters('2024-12-31'), undefined, 'x')).toEqual(rows);
    expect(narrowToSelection(rows, undefined, byCounty, undefined, 'x')).toEqual(rows);
    expect(narrowToSelection(rows, 'rounds', { ...byCounty, rounds: ['r'] }, undefined, 'x')).toEqual(rows);
  });
  test('the unrecognised status is selected by "unknown"', () => {
    const f = { ...emptyFilters('2024-12-31'), statuses: ['unknown'] };
    expect(narrowToSelection(rows, 'statuses', f, undefined, 'x')).toEqual([rows[2]]);
  });
});
