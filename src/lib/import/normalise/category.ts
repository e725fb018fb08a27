import { L1_FULL_NAMES, L1_GROUP_RULES, L1_NAME_WORDS, L1_RULES, L2_RULES, WEAK_L2 } from '../../domain/vocabulary/categories';
import { L2 } from '../../domain/taxonomy';
import { str } from '../../queries/sql';
import { firstMatchSql } from './text';

/**
 * Category → canonical L1/L2 (DOMAIN.md §2.3–2.4). Codes win ('A', 'A1', 'A 政治建设',
 * 'A1 贯彻…'), then the names and wording of the category columns (问题类别, 问题子类), then the
 * crosswalk heading (方面, else 对应四落实), then the wording of the problem title. Anything left is Z
 * (the validator flags it for manual mapping). Texts are compact forms (see compactSql).
 */

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
 * The 对应四落实 / 对应四聚焦 column as a heading: a bare number (③, 3) names the framework's item; 其他 names
 * none (the title decides, not Z).
 */
export function focusHeadingSql(focus: string): string {
  return `CASE WHEN regexp_matches(${focus}, '^(其他|其它)$') THEN NULL
    WHEN regexp_matches(${focus}, '^\\(?[①②③④1-4]\\)?$') THEN '四个聚焦' || regexp_extract(${focus}, '[①②③④1-4]') ELSE ${focus} END`;
}

/**
 * The category candidates of `from`'s rows, beside its columns; `from` holds the compact forms k1 (问题类别),
 * k2 (问题子类), ka (方面) and kf (the 对应四落实 column read as a heading: focusHeadingSql), which gives the
 * heading's L1 where the 方面 names none.
 * Candidate columns for a first SELECT: `cat_l1` (stated or named L1), `cat_l2` (stated or worded L2),
 * `cat_l2_weak` (that L2 came from a heading's words or names only a field, WEAK_L2) and `cat_group`: the L1
 * letters a framework heading names (L1_GROUP_RULES) when nothing but that heading placed the row: no code, no
 * L2 in the category columns themselves, no L1 of another name in the category column, and the heading's word
 * is what gave `cat_l1`.
 *
 * A more specific column wins over a broader one: 违规吃喝 in 问题类别 under the heading 落实全面从严治党战略部署
 * is D1, not the heading's G; but a field word (专项治理, 民生领域: WEAK_L2) leaves the heading's L1, whose L2 the
 * title's words give. A heading's own words (基层党组织 in 聚焦基层党组织软弱涣散) give an L2 only when the title's
 * words find none within the L1 (titleL2CandidateSql).
 */
export function categoryMapSql(from: string): string {
  // The heading's own words are no L2 of the column's: 全面从严治党 (G1's word) in 落实全面从严治党战略部署方面,
  // 决策部署 (A1's) in 贯彻落实党中央决策部署方面 name the group, whose L2 the title picks; so do an L1's names (两个责任).
  // An L1's full name goes first and whole: 全面从严治党责任落实 names G, not the group, and leaves no 责任落实 behind.
  const bare = (x: string) => `regexp_replace(${x}, ${str(L1_FULL_NAMES)}, '', 'g')`;
  const named = `SELECT *, ${bare('k1')} AS k1_bare, concat_ws('|', ${bare('k1')}, ${bare('ka')}, ${bare('kf')}) AS headings FROM (${from})`;
  const ownWords = `regexp_replace(k1_bare, ${str([...L1_GROUP_RULES.map((g) => g.pattern), L1_NAME_WORDS].join('|'))}, '', 'g')`;
  // Each keyword pass runs once (an inner SELECT): every pattern is a regex DuckDB compiles per query.
  const passes = `SELECT *, ${codeL1('k1')} AS cl1, ${codeL1('k2')} AS cl1s, ${codeL2('k1')} AS cl2, ${codeL2('k2')} AS cl2s,
      ${wordsL1('k1')} AS wc, coalesce(${wordsL1('ka')}, ${wordsL1('kf')}) AS wa,
      ${wordsL2(`concat_ws('|', k2, ${ownWords})`)} AS own_l2, ${wordsL2('headings')} AS heading_l2
    FROM (${named})`;
  const strong = `SELECT *, CASE WHEN own_l2 NOT IN (${WEAK_L2.map(str).join(', ')}) THEN own_l2 END AS own_strong FROM (${passes})`;
  // A category column that names an L1 of its own (政治建设) keeps it: the group is the heading's only
  // when the column is empty or names the group itself (问题类别 全面从严治党).
  const byHeading = `CASE ${L1_GROUP_RULES.map((g) =>
    `WHEN coalesce(wc, wa) = ${str(g.code)} AND regexp_matches(headings, ${str(g.pattern)})
      AND (wc IS NULL OR coalesce(regexp_matches(k1_bare, ${str(g.pattern)}), false)) THEN ${str(g.letters)}`).join(' ')} END`;
  return `SELECT * EXCLUDE (k1_bare, headings, cl1, cl1s, cl2, cl2s, wc, wa, own_l2, heading_l2, own_strong),
      coalesce(cl1, cl1s, wc, left(own_strong, 1), wa, left(own_l2, 1), left(heading_l2, 1)) AS cat_l1,
      coalesce(cl2, cl2s, own_l2, heading_l2) AS cat_l2,
      coalesce(cl2, cl2s, own_strong) IS NULL AND coalesce(own_l2, heading_l2) IS NOT NULL AS cat_l2_weak,
      CASE WHEN coalesce(cl1, cl1s, own_strong) IS NULL THEN ${byHeading} END AS cat_group
    FROM (${strong})`;
}

/** L2 from the title's wording among the L1s of a heading's group (categoryMapSql's cat_group). */
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
      WHEN cat_l2 IS NULL OR cat_l2_weak OR left(cat_l2, 1) <> cat_l1 THEN ${titleL2Sql('cat_l1', title)} END`;
}

/**
 * Final L1 from the candidates: the title's within a heading's group, else stated L1, else the L1
 * of a found L2, else Z.
 */
export function categoryL1Sql(): string {
  return `coalesce(CASE WHEN cat_group IS NOT NULL THEN left(title_l2, 1) END, cat_l1, left(cat_l2, 1), left(title_l2, 1), 'Z')`;
}

/**
 * Final L2: the title's within a heading's group, else the category columns' own consistent with the final L1,
 * else the title's, else the heading's, else NULL.
 */
export function categoryL2Sql(l1: string): string {
  return `CASE WHEN cat_group IS NOT NULL AND title_l2 IS NOT NULL THEN title_l2
    WHEN left(cat_l2, 1) = ${l1} AND NOT cat_l2_weak THEN cat_l2 WHEN left(title_l2, 1) = ${l1} THEN title_l2
    WHEN left(cat_l2, 1) = ${l1} THEN cat_l2 ELSE NULL END`;
}

/** TRUE when only the title's wording gave the category: the category columns named none. */
export function categoryByTitleSql(): string {
  return 'coalesce(cat_l1 IS NULL AND cat_l2 IS NULL AND title_l2 IS NOT NULL, false)';
}
