import { COUNTIES } from '../../domain/counties';
import { CITY_LEVEL_PATTERN, COUNTY_PREFIXES, ZONE_WORDS, countyAliases } from '../../domain/vocabulary/places';
import { str } from '../../queries/sql';

// Full-width Latin letters and digits (ＹＫ, Ｙｏｎｇｋａｎｇ) and their ASCII forms, for a name kept as typed.
const ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FULL_WIDTH = [...ASCII].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');

/**
 * County names (DOMAIN.md §5.1): 永康 → 永康市, stray and full-width spaces removed, 浙江省/金华市
 * prefixes dropped, 市直/市级 → 市本级; a cell that names a county with more words (兰溪市委,
 * 东阳市横店镇, 义乌市（含开发区）, 永康县) is that county. Other names (金华开发区) are kept as
 * written, code NULL: in their compact form (spaces out) when Chinese, as typed (`raw`) when they
 * hold Latin letters (Yongkang City, markup; full-width ＹＫ as YK), which the compact form would
 * lowercase and run together. `x` is the compact form (see compactSql).
 */
export function countySql(x: string, raw: string = x): string {
  const stripped = `regexp_replace(${x}, ${str('^(' + COUNTY_PREFIXES.join('|') + ')')}, '')`;
  const known = countyAliases().map((a) => `WHEN ${stripped} = ${str(a.alias)} THEN ${str(a.name)}`);
  const named = countyAliases().filter((a) => a.alias.length >= 2).map((a) => `WHEN contains(${stripped}, ${str(a.alias)}) THEN ${str(a.name)}`);
  return `CASE WHEN ${x} IS NULL THEN NULL
    WHEN regexp_matches(${x}, ${str(CITY_LEVEL_PATTERN)}) THEN '市本级'
    ${known.join(' ')} ${named.join(' ')}
    WHEN regexp_matches(${raw}, '[A-Za-zＡ-Ｚａ-ｚ]') THEN translate(${raw}, ${str(FULL_WIDTH)}, ${str(ASCII)})
    WHEN ${stripped} = '' THEN ${x} ELSE ${stripped} END`;
}

/**
 * TRUE for a county that is none of 金华's nine, not 市本级 and not a functional zone (杭州市, a
 * typo): kept as written, as its own county, and warned about.
 */
export function countyNotListedSql(county: string, code: string): string {
  return `(${county} IS NOT NULL AND ${code} IS NULL AND ${county} <> '市本级' AND NOT regexp_matches(${county}, ${str(ZONE_WORDS)}))`;
}

/** GB/T 2260 code of a normalised county name; NULL for zones and unknown names. */
export function countyCodeSql(county: string): string {
  const whens = COUNTIES.filter((c) => c.code).map((c) => `WHEN ${str(c.name)} THEN ${str(c.code!)}`);
  return `CASE ${county} ${whens.join(' ')} ELSE NULL END`;
}

/** The county a text names (a unit such as 中共永康市委 or 义乌市佛堂镇党委), else NULL. */
export function countyInTextSql(x: string): string {
  const whens = countyAliases()
    .filter((a) => a.alias.length >= 2)
    .map((a) => `WHEN contains(${x}, ${str(a.alias)}) THEN ${str(a.name)}`);
  return `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE NULL END`;
}

/** Same as countyInTextSql, in JS, for sheet and file names. */
export function countyInText(text: string): string | null {
  const x = text.normalize('NFKC').replace(/\s+/g, '');
  for (const a of countyAliases()) if (a.alias.length >= 2 && x.includes(a.alias)) return a.name;
  return null;
}

/**
 * TRUE for values that cannot be a place name: no CJK character at all, or absurdly long.
 * Only these are warned about; plausible unknown names such as 金华开发区 are accepted.
 */
export function countyGarbageSql(county: string): string {
  return `(${county} IS NOT NULL AND (NOT regexp_matches(${county}, '[\\x{4E00}-\\x{9FFF}]') OR length(${county}) > 20))`;
}
