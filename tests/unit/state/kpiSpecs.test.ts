import { expect, test } from 'vitest';
import { DETAIL_KPI_SPECS, type DetailRows } from '../../../src/lib/state/kpiSpecs';
import type { CompletionDetailRow } from '../../../src/lib/queries/completionDetail';

const evidence = DETAIL_KPI_SPECS.find((s) => s.name === 'evidence-rate')!;
const rows = (c: Partial<CompletionDetailRow>) => ({ completion: { completed: 4, evidence_complete: 0, evidence_rate: 0, evidence_known: 0, ...c } }) as unknown as DetailRows;

// 佐证完备率 (#12) on ledgers with no 佐证 column: 0% would read as "no completed item has evidence".
test('the evidence rate says the ledgers give no evidence instead of 0%', () => {
  expect(evidence.value(rows({}))).toBeNull();
  expect(evidence.basis!(rows({}))).toEqual(['kpi.evidenceUntold', 0, 4]);
  // Some completed findings from ledgers without the column: DOMAIN's rate, and the note says how many.
  expect(evidence.value(rows({ evidence_known: 1 }))).toBe(0);
  expect(evidence.basis!(rows({ evidence_known: 1 }))).toEqual(['kpi.evidencePartial', 0, 4, 3]);
  expect(evidence.basis!(rows({ evidence_known: 4 }))).toEqual(['kpi.basis', 0, 4]);
  expect(evidence.value(rows({ evidence_known: 4, evidence_complete: 3, evidence_rate: 0.75 }))).toBe(0.75);
  // Nothing completed: no rate either way.
  expect(evidence.value(rows({ completed: 0, evidence_rate: null }))).toBeNull();
});
