import type { Engine } from '../db/types';
import { str } from '../queries/sql';
import { matchTimeColumnsSql } from './same-finding';
import { VERSION_MATCH, newRowsSql } from './later-version';
import type { SheetPlan } from './plan';

/**
 * A file written as a version of stored datasets (it replaces them, or updates some of their problems: later-version.ts)
 * may write their round the other way: 十五届永康市委第一轮巡察 for a stored 永康市委2024年第一轮巡察, or the reverse. The
 * question matched the two keys as one round (same-finding.ts periodAndTermSql), but each row kept its own: the
 * round's updated problems sat under one key and its others under another, one round counted as two on the rounds
 * page (helper-142, helper-143: an update list, the same list sent again, one unit's later ledger beside another's).
 * So the file's rows of such a key take the stored one, when its matched rows name exactly one. Rows without a term
 * are left to round-merge.ts, which places them afresh after every change.
 */
export interface Respelling {
  from: string;
  to: string;
}

/** The file's round keys to write as the stored datasets `ids` write them. Read before those datasets' rows go. */
export async function storedSpellings(tx: Engine, plans: SheetPlan[], ids: string[]): Promise<Respelling[]> {
  const rows = newRowsSql(plans);
  if (!ids.length || !rows) return [];
  const termed = (t: string) => `split_part(${t}.round_key, '|', 3) <> ''`;
  return tx.query<Respelling>(`SELECT n.round_key AS "from", min(o.round_key) AS "to"
    FROM (SELECT DISTINCT * FROM (${rows})) n
    JOIN (SELECT DISTINCT ${matchTimeColumnsSql('f')} FROM findings f WHERE f.dataset_id IN (${ids.map(str).join(', ')})) o
      ON ${VERSION_MATCH} AND n.round_key <> o.round_key AND ${termed('n')} AND ${termed('o')}
    GROUP BY n.round_key HAVING count(DISTINCT o.round_key) = 1`);
}

/** Writes the new datasets' rows of each `from` key under its `to` key; returns the keys touched. */
export async function respell(tx: Engine, datasetIds: string[], spellings: Respelling[]): Promise<string[]> {
  for (const s of spellings) {
    await tx.exec(`UPDATE findings SET round_key = ${str(s.to)} WHERE dataset_id IN (${datasetIds.map(str).join(', ')})
      AND round_key = ${str(s.from)}`);
  }
  return spellings.flatMap((s) => [s.from, s.to]);
}
