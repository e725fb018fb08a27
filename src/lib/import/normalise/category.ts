import { L1_GROUP_RULES, L1_RULES, L2_RULES } from '../../domain/vocabulary/categories';
import { L2 } from '../../domain/taxonomy';
import { str } from '../../queries/sql';
import { bindSql, firstMatchSql } from './text';

/**
 * Category → canonical L1/L2 (DOMAIN.md §2.3–2.4). Codes win ('A', 'A1', 'A 政治建设',
 * 'A1 贯彻…'), then names and crosswalk headings of the category and aspect columns, then the
 * wording of the problem title. Anything left is Z (the validator flags it for manual mapping).
 * Inputs are compact forms (see compactSql), ideally column references.
 */
export interface CategoryInputs {
  /** 问题类别 cell (code or text), or NULL. */
  category: string;
  /** 问题子类 cell, or NULL. */
  subcategory: string;
  /** 方面 heading, or NULL. */
  aspect: string;
  /** 具体问题, used last. */
  title: string;
}

// A code is a letter, an optional digit, then anything that is not another Latin letter/digit.
const CODE = '^([a-hz])([1-9]?)([^a-z0-9]|$)';
const L2_CODES = L2.map((c) => c.code);

const codeL1 = (x: string) => `NULLIF(upper(regexp_extract(${x}, ${str(CODE)}, 1)), '')`;
const codeL2 = (x: string) => {
  const c = `upper(regexp_extract(${x}, ${str(CODE)}, 1) || regexp_extract(${x}, ${str(CODE)}, 2))`;
  return `CASE WHEN ${c} IN (${L2_CODES.map(str).join(', ')}) THEN ${c} ELSE NULL END`;
};
const wordsL1 = (x: string) => firstMatchSql(x, L1_RULES.map((r) => ({ pattern: r.pattern, value: r.code })));
const wordsL2 = (x: string) => firstMatchSql(x, L2_RULES.map((r) => ({ pattern: r.pattern, value: r.code })));


/**
 * Candidate columns for a first SELECT: `cat_l1` (stated or named L1), `cat_l2` (stated or
 * worded L2 from the category columns) and `cat_group`: the L1 letters a framework heading names
 * (L1_GROUP_RULES) when nothing but that heading placed the row: no code, no L2 in the category
 * columns themselves, no L1 of another name in the category column, and the heading's word is what
 * gave `cat_l1`.
 */
export function categoryCandidatesSql(i: CategoryInputs): string {
  // One L2 keyword pass over the category columns joined, not one per column: every pattern is a
  // regex DuckDB compiles per query, and an import should not compile hundreds.
  const joined = `concat_ws('|', ${i.subcategory}, ${i.category}, ${i.aspect})`;
  const named = `concat_ws('|', ${i.category}, ${i.aspect})`;
  // The category column's own L1 word, else the heading's: 作风建设 under 党的思想建设方面 is D, not B.
  const words = `coalesce(${wordsL1(i.category)}, ${wordsL1(i.aspect)})`;
  const l1 = `coalesce(${codeL1(i.category)}, ${codeL1(i.subcategory)}, ${words})`;
  const l2 = `coalesce(${codeL2(i.category)}, ${codeL2(i.subcategory)}, ${wordsL2(joined)})`;
  // The heading's own words are no L2 of the column's: 全面从严治党 (G1's word) in 落实全面从严治党战略部署方面,
  // 决策部署 (A1's) in 贯彻落实党中央决策部署方面 name the group, whose L2 the title picks.
  const ownWords = `regexp_replace(${i.category}, ${str(L1_GROUP_RULES.map((g) => g.pattern).join('|'))}, '', 'g')`;
  // Texts read several times are bound once (bindSql): this runs on distinct values, and written out they
  // made the statement long to plan.
  const inColumns = `coalesce(${codeL1(i.category)}, ${codeL1(i.subcategory)}, ${bindSql(`concat_ws('|', ${i.subcategory}, ${ownWords})`, 'st_co', wordsL2('st_co'))})`;
  // A category column that names an L1 of its own (政治建设) keeps it: the group is the heading's only
  // when the column is empty or names the group itself (问题类别 全面从严治党).
  const [w, col] = ['st_cw', 'st_cc'];
  const byHeading = `CASE ${L1_GROUP_RULES.map((g) =>
    `WHEN ${w} = ${str(g.code)} AND regexp_matches(${named}, ${str(g.pattern)})
      AND (${col} IS NULL OR coalesce(regexp_matches(${i.category}, ${str(g.pattern)}), false)) THEN ${str(g.letters)}`).join(' ')} END`;
  const group = `CASE WHEN ${inColumns} IS NULL THEN ${bindSql(wordsL1(i.category), col, bindSql(`coalesce(${col}, ${wordsL1(i.aspect)})`, w, byHeading))} END`;
  return `${l1} AS cat_l1, ${l2} AS cat_l2, ${group} AS cat_group`;
}

/** L2 from the title's wording among the L1s of a heading's group (categoryCandidatesSql). */
function groupTitleL2Sql(group: string, title: string): string {
  const byGroup = [...new Set(L1_GROUP_RULES.map((g) => g.letters))].map((letters) => {
    const rules = L2_RULES.filter((r) => letters.includes(r.code[0])).map((r) => ({ pattern: r.pattern, value: r.code }));
    return `WHEN ${str(letters)} THEN ${firstMatchSql(title, rules)}`;
  });
  return `CASE ${group} ${byGroup.join(' ')} END`;
}

/**
 * L2 from the title's wording, in a later layer than the candidates: when an L1 is stated, only
 * that L1's rules are tried, so 药品采购 under F gives F1 rather than E3 (采购).
 */
function titleL2Sql(catL1: string, title: string): string {
  const byL1 = [...new Set(L2_RULES.map((r) => r.code[0]))].map((l1) => {
    const rules = L2_RULES.filter((r) => r.code[0] === l1).map((r) => ({ pattern: r.pattern, value: r.code }));
    return `WHEN ${str(l1)} THEN ${firstMatchSql(title, rules)}`;
  });
  const all = firstMatchSql(title, L2_RULES.map((r) => ({ pattern: r.pattern, value: r.code })));
  return `CASE ${catL1} ${byL1.join(' ')} ELSE ${all} END`;
}

/**
 * `title_l2`, the L2 the title's wording gives over the candidates' columns (cat_l1, cat_l2, cat_group):
 * within a heading's group; else within the stated L1, where the category columns gave no L2 of that L1
 * (none, or a heading's: 落实全面从严治党战略部署方面's G1 over a 作风建设 column, whose title 违规发放津补贴 is D2).
 */
export function titleL2CandidateSql(title: string): string {
  return `CASE WHEN cat_group IS NOT NULL THEN ${groupTitleL2Sql('cat_group', title)}
      WHEN cat_l2 IS NULL OR left(cat_l2, 1) <> cat_l1 THEN ${titleL2Sql('cat_l1', title)} END`;
}

/**
 * Final L1 from the candidates: the title's within a heading's group, else stated L1, else the L1
 * of a found L2, else Z.
 */
export function categoryL1Sql(): string {
  return `coalesce(CASE WHEN cat_group IS NOT NULL THEN left(title_l2, 1) END, cat_l1, left(cat_l2, 1), left(title_l2, 1), 'Z')`;
}

/** Final L2: the title's within a heading's group, else a candidate consistent with the final L1, else NULL. */
export function categoryL2Sql(l1: string): string {
  return `CASE WHEN cat_group IS NOT NULL AND title_l2 IS NOT NULL THEN title_l2
    WHEN left(cat_l2, 1) = ${l1} THEN cat_l2 WHEN left(title_l2, 1) = ${l1} THEN title_l2 ELSE NULL END`;
}

/** TRUE when only the title's wording gave the category: the category columns named none. */
export function categoryByTitleSql(): string {
  return 'coalesce(cat_l1 IS NULL AND cat_l2 IS NULL AND title_l2 IS NOT NULL, false)';
}
