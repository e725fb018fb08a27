import type { Engine } from '../db/types';
import { inTransaction } from '../db/transaction';
import { normTitleSql, unitNameNormSql } from '../import/normalise/names';
import { compactSql } from '../import/normalise/text';
import { str } from '../queries/sql';

/**
 * The version of the rules behind stored keys that link findings across files and rounds: the
 * normalised unit name (UNIT_KEY: repeats, units inspected twice). Raise it when unitNameNormSql
 * changes, so that ledgers stored by an earlier version match those imported now.
 * 2: 金华市教育局 and 市教育局 are one unit (2026-12-02).
 */
export const NORMS_VERSION = '2';

/**
 * Statements that recompute the stored unit keys from the stored unit names, as an import now would:
 * once per distinct name, written only to the rows whose key changes, with their title words (which
 * leave the unit's name out, normTitleSql).
 */
export function renormaliseSql(): string[] {
  const map = 'renormalise_units';
  return [
    `CREATE OR REPLACE TEMP TABLE ${map} AS SELECT unit_name, ${unitNameNormSql(compactSql('unit_name'))} AS norm
      FROM (SELECT DISTINCT unit_name FROM findings WHERE unit_name IS NOT NULL)`,
    `UPDATE findings SET unit_name_norm = m.norm,
        norm_title = ${normTitleSql(compactSql('findings.problem_title'), compactSql('findings.unit_name'), 'm.norm')}
      FROM ${map} m WHERE findings.unit_name = m.unit_name AND findings.unit_name_norm IS DISTINCT FROM m.norm`,
    `DROP TABLE ${map}`,
    `INSERT OR REPLACE INTO meta VALUES ('norms_version', ${str(NORMS_VERSION)})`,
  ];
}

/**
 * Brings stored unit keys up to NORMS_VERSION, once, in one transaction (at start, after the schema).
 * A failure leaves the keys as they were and the start goes on.
 */
export async function renormaliseStored(engine: Engine): Promise<void> {
  try {
    const [row] = await engine.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'norms_version'`);
    if (row?.value === NORMS_VERSION) return;
    await inTransaction(engine, async (tx) => {
      for (const s of renormaliseSql()) await tx.exec(s);
    });
    // Persist to OPFS now, as every write does (datasets.ts); an in-memory database ignores it.
    await engine.exec('CHECKPOINT');
  } catch (e) {
    console.warn('stored unit keys not recomputed', e);
  }
}
