import type { Engine } from '../db/types';
import { str } from '../queries/sql';
import { moveDecisionsSql } from '../queries/repeats/decisions';
import { matchTimeColumnsSql } from './same-finding';
import { newRowsSql } from './later-version';
import type { SheetPlan } from './plan';
import { ownIdSql, versionPairsSql } from './version-pairs';

/**
 * A file that replaces stored datasets (a corrected ledger, a later snapshot: later-version.ts) takes over the analyst's
 * repeat decisions on their findings. Each goes to the new row of the same problem (version-pairs.ts, every replaced
 * finding paired, so a row another stored finding pairs with is never taken), else to the new row of its id that pairs
 * with no stored finding: an id the file wrote (YK-3, a title corrected), in the same sheet or round;
 * an id the import built from round, unit and row only where the title is nearly the same (a typo corrected), since
 * such an id names a row, not a problem. Decisions used to follow equal ids alone; those built ids differ when the new
 * file writes the round the other way (round-spelling.ts) or its rows moved, and the decisions were lost or named another
 * problem (helper-143, helper-144). A decision on a problem the new file no longer holds stays as it was: it names no
 * finding and counts for nothing.
 */

const PAIRS = 'replaced_decision_pairs';
// jaro_winkler_similarity of two titles one correction apart (财务报销流程不规范 / 差旅费报销流程不规范: 0.84; a character
// added or changed in ten: ≥ 0.95); two problems worded alike (财务报销流程不规范 / 会议费报销不规范) are 0.76.
const NEARLY_SAME_TITLE = 0.9;

/**
 * In the import's transaction, before the `replaced` datasets' rows go: pairs their findings that decisions name with
 * the new rows, into a temporary table. Returns false when no decision names one (nothing to carry).
 */
export async function pairDecidedFindings(tx: Engine, plans: SheetPlan[], replaced: string[]): Promise<boolean> {
  const rows = newRowsSql(plans, ', f.dataset_id AS new_dataset_id, f.finding_id AS new_finding_id, f.src_row, f.problem_title');
  if (!replaced.length || !rows) return false;
  const ids = replaced.map(str).join(', ');
  const decided = `SELECT earlier_dataset_id AS dataset_id, earlier_finding_id AS finding_id FROM repeat_decisions WHERE earlier_dataset_id IN (${ids})
    UNION SELECT later_dataset_id, later_finding_id FROM repeat_decisions WHERE later_dataset_id IN (${ids})`;
  const [{ n }] = await tx.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM (${decided})`);
  if (!Number(n)) return false;
  // One dataset replaced by one sheet: its rows are the same ledger's, whatever the sheet is called. Else an id is the same
  // finding's only in the same sheet or round (helper-145: two rounds' sheets both numbering YK-1…).
  const sameLedger = replaced.length === 1 && plans.length === 1 ? 'true' : '(i.sheet IS NOT DISTINCT FROM d.sheet OR i.round_key = d.round_key)';
  const sheets = plans.map((p) => `(${str(p.datasetId)}, ${p.prepared.sheet === undefined ? 'NULL' : str(p.prepared.sheet)})`).join(', ');
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${PAIRS} AS
    WITH n AS (${rows}), x AS (${decided}),
      o AS (SELECT f.dataset_id, f.finding_id, f.source_row, ${matchTimeColumnsSql('f')} FROM findings f
        WHERE f.dataset_id IN (${ids}) AND f.norm_title IS NOT NULL),
      pairs AS MATERIALIZED (SELECT dataset_id, finding_id, new_dataset_id, new_finding_id, src_row FROM (${versionPairsSql('n', 'o')})),
      d AS (SELECT f.dataset_id, f.finding_id, f.problem_title, f.round_key, s.sheet FROM findings f JOIN x USING (dataset_id, finding_id)
        JOIN datasets s USING (dataset_id)
        WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.dataset_id = f.dataset_id AND p.finding_id = f.finding_id)),
      free AS (SELECT n.new_dataset_id, n.new_finding_id, n.problem_title, n.round_key, s.sheet
        FROM n JOIN (VALUES ${sheets}) s(dataset_id, sheet) ON s.dataset_id = n.new_dataset_id
        WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.new_dataset_id = n.new_dataset_id AND p.src_row = n.src_row))
    SELECT p.dataset_id, p.finding_id, p.new_dataset_id, p.new_finding_id FROM pairs p
    WHERE EXISTS (SELECT 1 FROM x WHERE x.dataset_id = p.dataset_id AND x.finding_id = p.finding_id)
    UNION ALL
    SELECT d.dataset_id, d.finding_id, i.new_dataset_id, i.new_finding_id FROM d JOIN free i ON i.new_finding_id = d.finding_id
      AND ${sameLedger}
    WHERE ${ownIdSql('d.finding_id')} OR jaro_winkler_similarity(d.problem_title, i.problem_title) >= ${NEARLY_SAME_TITLE}
    QUALIFY count(*) OVER (PARTITION BY d.dataset_id, d.finding_id) = 1 AND count(*) OVER (PARTITION BY i.new_dataset_id, i.new_finding_id) = 1`);
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
