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

// A ledger of another county or round than those selected says nothing of the view: not counted.
test('ledgersBefore counts only the ledgers of the rounds and counties the filters select', () => {
  const ledger = (as_of_date: string, rounds: string[], counties: string[]) => ({ dataset_id: as_of_date, as_of_date, rounds, counties } as DatasetRow);
  database.datasets = [ledger('2024-03-31', ['r1'], ['永康市']), ledger('2024-06-30', ['r1', 'r2'], ['东阳市', '义乌市']), ledger('2024-09-30', ['r2'], ['永康市'])];
  expect(database.ledgersBefore('2024-12-31', { rounds: [], counties: [] })).toEqual({ count: 3, earliest: '2024-03-31' });
  expect(database.ledgersBefore('2024-12-31', { rounds: [], counties: ['永康市'] })).toEqual({ count: 2, earliest: '2024-03-31' });
  expect(database.ledgersBefore('2024-12-31', { rounds: ['r2'], counties: [] })).toEqual({ count: 2, earliest: '2024-06-30' });
  expect(database.ledgersBefore('2024-12-31', { rounds: ['r2'], counties: ['义乌市'] })).toEqual({ count: 1, earliest: '2024-06-30' });
  expect(database.ledgersBefore('2024-12-31', { rounds: ['r1'], counties: ['兰溪市'] })).toBeNull();
  database.datasets = [];
});
