import { expect, test } from 'vitest';
import { database } from '../../../src/lib/state/database.svelte';
import type { DatasetRow } from '../../../src/lib/queries/catalogue';

// A ledger stated as of a day before T says nothing of its open items after that day, yet at T an
// item past its deadline counts as overdue: the filter bar says how many ledgers are so, and since when.
test('ledgersBefore counts the ledgers stated as of a day before T, with the earliest', () => {
  const ledger = (as_of_date: string | null) => ({ dataset_id: String(as_of_date), as_of_date } as DatasetRow);
  database.datasets = [ledger('2024-06-30'), ledger('2024-12-31'), ledger(null), ledger('2024-03-31')];
  expect(database.ledgersBefore('2024-12-31')).toEqual({ count: 2, earliest: '2024-03-31' });
  expect(database.ledgersBefore('2024-06-30')).toEqual({ count: 1, earliest: '2024-03-31' });
  expect(database.ledgersBefore('2024-03-31')).toBeNull();
  expect(database.ledgersBefore('2025-01-01')).toEqual({ count: 3, earliest: '2024-03-31' });
  database.datasets = [];
});
