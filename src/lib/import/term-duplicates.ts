import type { Engine } from '../db/types';
import { ident } from '../queries/sql';
import { periodAndTermSql, rowYearSql, sameNumbersSql, sameTimeSql, sameUnitSql, yearNumberedSql } from './same-finding';

/**
 * The same problem loaded from a file that writes the round with its term and from one that leaves
 * the term out (round-merge.ts joins the two rounds at commit, after this check): same committee,
 * level and number, one side without a term, fed back within a year of each other, same county, unit
 * title words and numbers (same-finding.ts). So too a round numbered within its year and the round of that number
 * written with its 届次, where the rows fit one time and are not fed back over half a year apart (periodAndTermSql,
 * sameTimeSql: a problem found again the next year is no duplicate); these are not joined at commit. Checked only
 * when a side has rows without a term or numbered within a year, so the usual import pays nothing.
 */
export async function flagDuplicatesAcrossTerms(engine: Engine, norm: string, issues: string, kept: string, others: string): Promise<void> {
  // A round numbered within its year read from the key, not the term: a row written with its 届次 and counted in such
  // a round (round-spelling.ts) keeps its term (helper-143). The stored keys from the rounds table, one row a round.
  const kinds = (rows: string, keys: string) => `EXISTS (SELECT 1 FROM ${rows} WHERE term IS NULL)
    OR EXISTS (SELECT 1 FROM ${keys} WHERE ${yearNumberedSql()})`;
  const [{ here, stored }] = await engine.query<{ here: boolean; stored: boolean }>(`SELECT
    ${kinds(ident(norm), ident(norm))} AS here, ${kinds('findings', 'rounds')} AS stored`);
  if (!here && !stored) return;
  const part = (t: string, i: number) => `split_part(${t}.round_key, '|', ${i})`;
  await engine.exec(`INSERT INTO ${ident(issues)}
    SELECT src_row, 'problem_title', left(problem_title, 200), 'warning', 'duplicate_existing' FROM ${ident(norm)} f
    WHERE f.norm_title IS NOT NULL AND ${kept}
      AND f.src_row NOT IN (SELECT src_row FROM ${ident(issues)} WHERE code = 'duplicate_existing')
      AND EXISTS (SELECT 1 FROM findings g WHERE ${part('g', 1)} = ${part('f', 1)} AND g.inspector_level = f.inspector_level
        AND g.round_no = f.round_no AND g.norm_title = f.norm_title
        AND ${sameUnitSql('f', 'g', { loose: ['f'], city: ['g'] })} AND ${sameNumbersSql('f', 'g')} AND (g.term IS NULL OR f.term IS NULL OR (${periodAndTermSql('f', 'g')} AND ${sameTimeSql('f', 'g')}))
        AND abs(${rowYearSql('g')} - ${rowYearSql('f')}) <= 1 ${others})`);
}
