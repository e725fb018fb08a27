import { expect, test } from 'vitest';
import { localTimestamp } from '../../../src/lib/text/localTime';

test('a stored UTC import time shows as local time: Beijing is 8 hours ahead, across midnight and a year\'s end', () => {
  expect(localTimestamp('2026-12-03 05:44:10', -480)).toBe('2026-12-03 13:44');
  expect(localTimestamp('2026-12-03 19:00:00', -480)).toBe('2026-12-04 03:00');
  expect(localTimestamp('2026-12-31T16:30:00', -480)).toBe('2027-01-01 00:30');
  expect(localTimestamp('2026-12-03 05:44:10', 0)).toBe('2026-12-03 05:44');
  expect(localTimestamp('2026-03-01 02:00:00', 300)).toBe('2026-02-28 21:00');
  expect(localTimestamp('not a time')).toBe('not a time');
});
