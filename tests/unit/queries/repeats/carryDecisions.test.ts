import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { freshEngine, importOk } from '../../import/helpers';
import { DECISIONS_SQL, saveDecisionSql, type RepeatDecisionRow } from '../../../../src/lib/queries/repeats/decisions';

// The first 12 findings of the sample, as a ledger an office might correct and import again.
const lines = readFileSync('data/sample-ledger.csv', 'utf8').split('\n');
const v1 = lines.slice(0, 13).join('\n') + '\n';
// The corrected file: one more finding at the end, everything else as before.
const v2 = lines.slice(0, 14).join('\n') + '\n';
const enc = (s: string) => new TextEncoder().encode(s);

test('replacing a dataset keeps the repeat decisions on its findings (they follow the finding ids)', async () => {
  const engine = await freshEngine();
  const [first] = await importOk(engine, 'ledger.csv', enc(v1));
  const other = await importOk(engine, 'other.csv', enc(lines[0] + '\n' + lines.slice(20, 24).join('\n') + '\n'));
  const ids = (await engine.query<{ dataset_id: string; finding_id: string }>(
    `SELECT dataset_id, finding_id FROM findings ORDER BY dataset_id = '${first.datasetId}' DESC, finding_id`));
  const [a, b] = ids; // both in the file to be replaced
  const c = ids.find((r) => r.dataset_id === other[0].datasetId)!;
  await engine.exec(saveDecisionSql({ earlierDatasetId: a.dataset_id, earlierFindingId: a.finding_id, laterDatasetId: b.dataset_id, laterFindingId: b.finding_id, rule: 'same_unit_l2', score: 0.7, decision: 'confirmed', decidedAt: '2026-11-30T06:00:00Z' }));
  await engine.exec(saveDecisionSql({ earlierDatasetId: c.dataset_id, earlierFindingId: c.finding_id, laterDatasetId: a.dataset_id, laterFindingId: a.finding_id, rule: 'explicit', score: null, decision: 'rejected', decidedAt: '2026-11-30T06:01:00Z' }));

  const [replaced] = await importOk(engine, 'ledger-corrected.csv', enc(v2), { replaceDatasetId: first.datasetId });
  expect(replaced.datasetId).not.toBe(first.datasetId);
  const after = await engine.query<RepeatDecisionRow>(DECISIONS_SQL);
  expect(after.map((d) => [d.earlier_dataset_id, d.earlier_finding_id, d.later_dataset_id, d.later_finding_id, d.decision]).sort()).toEqual([
    [c.dataset_id, c.finding_id, replaced.datasetId, a.finding_id, 'rejected'],
    [replaced.datasetId, a.finding_id, replaced.datasetId, b.finding_id, 'confirmed'],
  ].sort());
  // Every decision still names a finding that exists.
  const [{ dangling }] = await engine.query<{ dangling: number }>(`SELECT CAST(count(*) AS INTEGER) AS dangling FROM repeat_decisions d
    WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id)`);
  expect(dangling).toBe(0);
  engine.close();
}, 60_000);
