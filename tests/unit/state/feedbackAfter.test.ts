import { expect, test } from 'vitest';
import { database } from '../../../src/lib/state/database.svelte';

// An as-of date before every round's feedback: no finding is in S whatever the filters (views say so).
test('feedbackAfter names the first feedback date when T is before it', () => {
  const round = (feedback_date: string | null) => ({ round_key: feedback_date ?? 'x', round_label: '', inspection_kind: null, year: null, feedback_date, findings: 1 });
  database.rounds = [round('2019-05-10'), round(null), round('2018-10-30')];
  expect(database.feedbackAfter('2010-01-01')).toBe('2018-10-30');
  expect(database.feedbackAfter('2018-10-30')).toBeNull();
  expect(database.feedbackAfter('2020-01-01')).toBeNull();
  database.rounds = [round(null)];
  expect(database.feedbackAfter('2010-01-01')).toBeNull();
  database.rounds = [];
});
