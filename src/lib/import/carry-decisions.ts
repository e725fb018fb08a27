import type { Engine } from '../db/types';
import { str } from '../queries/sql';
import { moveDecisionsSql } from '../queries/repeats/decisions';
import { matchTimeColumnsSql } from './same-finding';
import { newRowsSql } from './later-version';
import type { SheetPlan } from './plan';
import { versionPairsSql } from './version-pairs';

/**
 * A file that replaces stored datasets (a corrected ledger, a later snapshot: later-version.ts) takes over the analyst's
 * repeat decisions on their findings. Each finding a decision names goes to the new row of the same problem
 * (version-pairs.ts), else to the new row of its id that no such pair took (a file with ids of its own, a title
 * corrected). Decisions used to follow equal ids alone; but the ids the import builds from round, unit and row
 * (plan.ts) differ when the new file writes the round the other way (round-spelling.ts) or its rows moved, and the
 * decisions were lost or named another problem (helper-143). A decision on a problem the new file no longer holds
 * stays as it was: it names no finding and counts for nothing.
 */

const PAIRS = 'replaced_decision_pairs';

/**
 * In the import's transaction, before the `replaced` datasets' rows go: pairs their findings that decisions name with
 * the new rows, into a temporary table. Returns false when no decision names one (nothing to carry).
 */
export async function pairDecidedFindings(tx: Engine, plans: SheetPlan[], replaced: string[]): Promise<boolean> {
  const rows = newRowsSql(plans, ', f.dataset_id AS new_dataset_id, f.finding_id AS new_finding_id, f.src_row');
  if (!replaced.length || !rows) return false;
  const ids = replaced.map(str).join(', ');
  const decided = `SELECT earlier_dataset_id AS dataset_id, earlier_finding_id AS finding_id FROM repeat_decisions WHERE earlier_dataset_id IN (${ids})
    UNION SELECT later_dataset_id, later_finding_id FROM repeat_decisions WHERE later_dataset_id IN (${ids})`;
  const [{ n }] = await tx.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM (${decided})`);
  if (!Number(n)) return false;
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${PAIRS} AS
    WITH n AS (${rows}),
      o AS (SELECT f.dataset_id, f.finding_id, f.source_row, ${matchTimeColumnsSql('f')} FROM findings f
        JOIN (${decided}) d ON d.dataset_id = f.dataset_id AND d.finding_id = f.finding_id),
      same AS (SELECT dataset_id, finding_id, new_dataset_id, new_finding_id FROM (${versionPairsSql('n', 'o')})),
      ids AS (SELECT new_finding_id, min(new_dataset_id) AS new_dataset_id FROM n WHERE new_finding_id IS NOT NULL GROUP BY ALL)
    SELECT * FROM same
    UNION ALL
    SELECT o.dataset_id, o.finding_id, i.new_dataset_id, i.new_finding_id FROM o JOIN ids i ON i.new_finding_id = o.finding_id
    WHERE NOT EXISTS (SELECT 1 FROM same s WHERE s.dataset_id = o.dataset_id AND s.finding_id = o.finding_id)
      AND NOT EXISTS (SELECT 1 FROM same s WHERE s.new_dataset_id = i.new_dataset_id AND s.new_finding_id = i.new_finding_id)`);
  return true;
}

/** Statements that move the decisions along the pairs, after the new findings are written; they drop the pairs. */
export function carryDecisionsSql(): string[] {
  return [
    ...moveDecisionsSql(`SELECT dataset_id AS from_dataset, finding_id AS from_finding, new_dataset_id AS to_dataset,
      new_finding_id AS to_finding FROM ${PAIRS}`),
    `DROP TABLE ${PAIRS}`,
  ];
}
