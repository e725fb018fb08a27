import type { Engine } from '../db/types';
import { inTransaction } from '../db/transaction';
import { normTitleSql, titleNumbersSql, unitLocalNameSql, unitNameNormSql } from '../import/normalise/names';
import { compactSql } from '../import/normalise/text';
import { str } from '../queries/sql';

/**
 * The version of the rules behind stored keys that link findings across files and rounds: the
 * normalised unit name (UNIT_KEY: repeats, units inspected twice) and the title words (norm_title:
 * duplicates, later versions) with its numbers (title_numbers). Raise it when unitNameNormSql, normTitleSql or titleNumbersSql changes, so that ledgers
 * stored by an earlier version match those imported now.
 * 2: 金华市教育局 and 市教育局 are one unit (2026-12-02).
 * 3: title words leave out the unit's name without its place too (佛堂镇党委 under 义乌市佛堂镇党委).
 * 4: and its normalised name with the place and Party words around it (市教育局党组 under 金华市教育局).
 * 5: but not the 党组 of 党组织.
 * 6: a county's short name before a unit is left out only where three characters remain (东阳江镇党委 is 东阳江镇).
 * 7: a unit written with a bare 县 or 区 (县教育局) is its county's, as a bare 市 is the city's.
 * 8: the title's numbers (title_numbers), a column of its own, which findings stored before lack.
 * 9: a space between a title's leading amount and its unit (3 万元…) is no item number.
 * 10: but an item number before a word that starts with a counting character is one (1 村级…, 1. 项目…).
 * 11: a count after a space keeps its number unless a listed title word follows (12 名干部…; replaced by 12).
 * 12: a title's leading number is no title number unless an amount's unit follows it (1 套取…, 12名干部…; 3 万元… keeps 3).
 */
export const NORMS_VERSION = '12';

/**
 * Statements that recompute the stored unit keys and title words from the stored unit names and
 * titles, as an import now would: the unit's forms once per distinct name, written only to the rows
 * whose key or words change.
 */
export function renormaliseSql(): string[] {
  const map = 'renormalise_units';
  const words = normTitleSql(compactSql('findings.problem_title'), 'm.c', 'm.norm', 'm.local');
  const numbers = titleNumbersSql('findings.problem_title');
  return [
    `CREATE OR REPLACE TEMP TABLE ${map} AS SELECT unit_name, c, ${unitNameNormSql('c')} AS norm, ${unitLocalNameSql('c')} AS local
      FROM (SELECT unit_name, ${compactSql('unit_name')} AS c FROM (SELECT DISTINCT unit_name FROM findings WHERE unit_name IS NOT NULL))`,
    `UPDATE findings SET unit_name_norm = m.norm, norm_title = ${words}
      FROM ${map} m WHERE findings.unit_name = m.unit_name
        AND (findings.unit_name_norm IS DISTINCT FROM m.norm OR findings.norm_title IS DISTINCT FROM ${words})`,
    `DROP TABLE ${map}`,
    // Only the titles with digits are written: the others' numbers are NULL already.
    `UPDATE findings SET title_numbers = ${numbers} WHERE title_numbers IS DISTINCT FROM ${numbers}`,
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
