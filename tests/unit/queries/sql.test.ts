import { describe, expect, test } from 'vitest';
import { date, isCalendarDate } from '../../../src/lib/queries/sql';

describe('date literals', () => {
  test.each(['2024-02-29', '2023-12-31', '1999-01-01'])('%s is a day of the calendar', (d) => {
    expect(isCalendarDate(d)).toBe(true);
    expect(date(d)).toBe(`DATE '${d}'`);
  });

  // 2024-02-30 passed the old check (Date.parse rolls it over) and the engine then refused the query.
  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '0000-01-01', '2024-2-3', '', "2024-01-01' OR 1=1"])('%j is refused', (d) => {
    expect(isCalendarDate(d)).toBe(false);
    expect(() => date(d)).toThrow(/not an ISO date/);
  });
});
