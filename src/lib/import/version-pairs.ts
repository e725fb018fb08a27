import { VERSION_MATCH } from './later-version';

/** TRUE for a finding id the file wrote (YK-3), not one the import built from round, unit and row (plan.ts). */
export const ownIdSql = (id: string) => `strpos(${id}, '|') = 0`;

/**
 * Pairs each new row (`n`: new_dataset_id, new_finding_id, src_row and the columns VERSION_MATCH reads) with the stored
 * finding of `o` (dataset_id, finding_id, source_row, round_key, county and those columns) it is a later version of,
 * one to one. First the pairs of one id the file wrote itself (a problem written twice, told apart by its ids), then
 * the k-th remaining row of a problem with its k-th remaining stored row, so a problem written twice on one side pairs
 * once. The two stages stay apart: an order that put equal ids first inside the k-th/k-th ranking broke its diagonal and
 * left rows unpaired (helper-144). A new row matching stored rows of two counties (its own county only a round's
 * default: 教育局 under a 市委 round) pairs with none, as which it is cannot be told. `n` and `o` are names of CTEs, tables
 * or views. Returns a SELECT of new_dataset_id, src_row, new_finding_id, dataset_id, finding_id, source_row, round_key,
 * county.
 */
export function versionPairsSql(n: string, o: string): string {
  const byOld = `PARTITION BY dataset_id, finding_id ORDER BY new_dataset_id, src_row`;
  const byNew = `PARTITION BY new_dataset_id, src_row ORDER BY dataset_id, source_row, finding_id`;
  const oneToOne = `QUALIFY row_number() OVER (${byOld}) = 1 AND row_number() OVER (${byNew}) = 1`;
  return `WITH p AS MATERIALIZED (SELECT n.new_dataset_id, n.src_row, n.new_finding_id, o.dataset_id, o.finding_id, o.source_row, o.round_key, o.county,
        n.new_finding_id = o.finding_id AND ${ownIdSql('o.finding_id')} AS same_id
      FROM ${n} n JOIN ${o} o ON ${VERSION_MATCH}
      QUALIFY min(o.county) OVER (PARTITION BY n.new_dataset_id, n.src_row) = max(o.county) OVER (PARTITION BY n.new_dataset_id, n.src_row)),
    s AS MATERIALIZED (SELECT * EXCLUDE (same_id) FROM p WHERE same_id ${oneToOne}),
    r AS (SELECT * EXCLUDE (same_id) FROM p WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.dataset_id = p.dataset_id AND s.finding_id = p.finding_id)
      AND NOT EXISTS (SELECT 1 FROM s WHERE s.new_dataset_id = p.new_dataset_id AND s.src_row = p.src_row))
    SELECT * FROM s
    UNION ALL
    SELECT * EXCLUDE (i, j) FROM (SELECT *, row_number() OVER (${byOld}) AS i, row_number() OVER (${byNew}) AS j FROM r)
    WHERE i = j ${oneToOne}`;
}
