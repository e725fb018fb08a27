import { VERSION_MATCH } from './later-version';

/**
 * Pairs each new row (`n`: new_dataset_id, new_finding_id, src_row and the columns VERSION_MATCH reads) with the stored
 * finding of `o` (dataset_id, finding_id, source_row, round_key, county and those columns) it is a later version of,
 * one to one: the k-th row of a problem with its k-th stored row, so a problem written twice on one side pairs once.
 * A stored finding of the same id comes first (a file with ids of its own names its problems). A new row matching
 * stored rows of two counties (its own county only a round's default: 教育局 under a 市委 round) pairs with none, as
 * which it is cannot be told. `n` and `o` are names of CTEs, tables or views. Returns a SELECT of new_dataset_id,
 * src_row, new_finding_id, dataset_id, finding_id, source_row, round_key, county.
 */
export function versionPairsSql(n: string, o: string): string {
  const byOld = `PARTITION BY dataset_id, finding_id ORDER BY same_id DESC, new_dataset_id, src_row`;
  const byNew = `PARTITION BY new_dataset_id, src_row ORDER BY same_id DESC, dataset_id, source_row, finding_id`;
  return `SELECT * EXCLUDE (i, j, same_id) FROM (
      SELECT *, row_number() OVER (${byOld}) AS i, row_number() OVER (${byNew}) AS j FROM (
        SELECT n.new_dataset_id, n.src_row, n.new_finding_id, o.dataset_id, o.finding_id, o.source_row, o.round_key, o.county,
          n.new_finding_id IS NOT DISTINCT FROM o.finding_id AS same_id
        FROM ${n} n JOIN ${o} o ON ${VERSION_MATCH}
        QUALIFY min(o.county) OVER (PARTITION BY n.new_dataset_id, n.src_row) = max(o.county) OVER (PARTITION BY n.new_dataset_id, n.src_row)))
    WHERE i = j
    QUALIFY row_number() OVER (${byOld}) = 1 AND row_number() OVER (${byNew}) = 1`;
}
