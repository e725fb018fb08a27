import { COUNTIES } from '../../domain/counties';
import { CITY_LEVEL_PATTERN, COUNTY_PREFIXES, SIMPLIFIED_PLACE_CHARS, TRADITIONAL_PLACE_CHARS, ZONE_SPELLINGS, ZONE_WORDS, countyAliases,
} from '../../domain/vocabulary/places';
import { str } from '../../queries/sql';

// What may stand before a county's name without making it another place's: 中国, 浙江, 金华 and their suffixes.
const OWN_PLACES_BEFORE = '^(中华人民共和国|中国)?[-·・/]?(浙江省?)?[-·・/]?(金华(市|地区)?)?[-·・/]?$';

// Full-width Latin letters and digits (ＹＫ, Ｙｏｎｇｋａｎｇ) and their ASCII forms, for a name kept as typed.
const ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FULL_WIDTH = [...ASCII].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');

/**
 * County names (DOMAIN.md §5.1): 永康 → 永康市, stray and full-width spaces removed, 浙江省/金华市
 * prefixes dropped, 市直/市级 → 市本级; a cell that names a county with more words (兰溪市委,
 * 东阳市横店镇, 义乌市（含开发区）, 永康县) is that county, the first named where it names two
 * (东阳、义乌 → 东阳市, warned: countyMultipleSql); 金华经开区 is 金华开发区. Other names (金华开发区) are kept as
 * written, code NULL: in their compact form (spaces out) when Chinese, as typed (`raw`) when they
 * hold Latin letters (Yongkang City, markup; full-width ＹＫ as YK), which the compact form would
 * lowercase and run together; a prefix with only a word left (金华市区) is kept whole, not cut to 区.
 * `x` is the compact form (see compactSql).
 */
export function countySql(x: string, raw: string = x): string {
  const stripped = `regexp_replace(${x}, ${str('^(' + COUNTY_PREFIXES.join('|') + ')')}, '')`;
  const known = countyAliases().map((a) => `WHEN ${stripped} = ${str(a.alias)} THEN ${str(a.name)}`);
  // A zone, also with its host district in brackets (金华开发区（婺城区）): the zone (DOMAIN.md §5.1), not the district.
  const zone = zoneOfSql(`regexp_replace(${x}, '\\([^()]*\\)$', '')`);
  known.push(`WHEN ${zone} IS NOT NULL THEN ${zone}`);
  // A county written as its GB/T 2260 code (330702), as statistical systems export it.
  known.push(...COUNTIES.filter((c) => c.code).map((c) => `WHEN ${x} = ${str(c.code as string)} THEN ${str(c.name)}`));
  // The county named first in the text: (position, name) of every alias found, lowest position.
  const found = countyAliases().filter((a) => a.alias.length >= 2).map((a) => `{'p': instr(${stripped}, ${str(a.alias)}), 'n': ${str(a.name)}}`);
  // Not where a place of another city or province comes right before it (上海市浦江镇, 台南市永康区, 湖北省浠水县兰溪镇);
  // 金华's and 浙江's own names may (浙江金华市永康市, 中国浙江省金华市义乌市).
  const first = `list_transform([list_sort(list_filter([${found.join(', ')}], e -> e.p > 0))[1]],
    lambda fc: CASE WHEN NOT regexp_matches(left(${stripped}, fc.p - 1), '(省|市|县|州|自治区)$')
      OR regexp_matches(left(${stripped}, fc.p - 1), ${str(OWN_PLACES_BEFORE)}) THEN fc.n END)[1]`;
  return `CASE WHEN ${x} IS NULL THEN NULL
    WHEN regexp_matches(${x}, ${str(CITY_LEVEL_PATTERN)}) THEN '市本级'
    ${known.join(' ')}
    ELSE coalesce(${first}, CASE WHEN regexp_matches(${raw}, '[A-Za-zＡ-Ｚａ-ｚ]') THEN translate(${raw}, ${str(FULL_WIDTH)}, ${str(ASCII)})
      WHEN ${stripped} = '' OR regexp_matches(${stripped}, '^(区|县|市|市区|城区|辖区)$') THEN ${x} ELSE ${stripped} END) END`;
}

/**
 * The zone a spelling names (ZONE_SPELLINGS: 金华经开区 → 金华开发区, 金义都市新区 → 金义新区), with 金华, 金华市 or
 * 浙江省金华市 before it and its administration after it or not (金华经济技术开发区管委会, …党工委); else NULL.
 */
function zoneOfSql(x: string): string {
  // 金华 before a zone whose name holds it already (金华市金义新区) is dropped; 金华开发区's spellings keep theirs.
  const bare = `regexp_replace(regexp_replace(replace(replace(${x}, '浙江省', ''), '金华市', '金华'), '^金华金义', '金义'), '(管委会|管理委员会|党工委)$', '')`;
  return `CASE ${bare} ${ZONE_SPELLINGS.map((a) => `WHEN ${str(a.alias)} THEN ${str(a.name)}`).join(' ')} END`;
}

/** A zone's name from a unit (金华经开区党工委 → 金华经开区) as the county column would have it. */
export function zoneNameSql(x: string): string {
  return `coalesce(${zoneOfSql(x)}, ${x})`;
}

/** Traditional characters of place names folded to simplified (義烏市 → 义乌市): TRADITIONAL_PLACE_CHARS. */
export function placeFoldSql(x: string): string {
  return `translate(${x}, ${str(TRADITIONAL_PLACE_CHARS)}, ${str(SIMPLIFIED_PLACE_CHARS)})`;
}

/** The same fold in JS, for file, sheet and title names. */
export function foldPlaceChars(text: string): string {
  return [...text].map((ch) => SIMPLIFIED_PLACE_CHARS[TRADITIONAL_PLACE_CHARS.indexOf(ch)] ?? ch).join('');
}

/**
 * TRUE for a county cell that names two or more of the nine (东阳、义乌, 婺城区和金东区; by full names, 婺城区金东区,
 * without a separator): one row belongs to one county, so the first named is taken (countySql) and the row warned.
 */
export function countyMultipleSql(raw: string): string {
  const names = [...new Set(countyAliases().map((a) => a.name))];
  const count = (aliases: (n: string) => string[]) => names.map((n) => `CASE WHEN ${aliases(n)
    .map((a) => `contains(${raw}, ${str(a)})`).join(' OR ')} THEN 1 ELSE 0 END`).join(' + ');
  const named = count((n) => countyAliases().filter((a) => a.name === n && a.alias.length >= 2).map((a) => a.alias));
  return `CASE WHEN ${raw} IS NULL THEN false WHEN regexp_matches(${raw}, '[、,，/;；和及与\\s]') THEN (${named}) > 1
    ELSE (${count((n) => [n])}) > 1 END`;
}

/**
 * TRUE for a county that is none of 金华's nine, not 市本级 and not a functional zone (杭州市, a
 * typo): kept as written, as its own county, and warned about.
 */
// Words that say what kind of zone it is, not where (经济技术开发区, 高新技术产业开发区, 旅游度假区).
const ZONE_KIND_WORDS = '国家级|省级|经济|技术|高新|产业|工业|科技|旅游|度假|生态|文化|物流|保税|综合|现代|农业';

export function countyNotListedSql(county: string, code: string): string {
  // A zone named by its place (义乌经济开发区) is its own county; a bare 开发区, 高新区 or 经济开发区 names
  // none: the words of a zone's kind (经济, 高新技术产业) are no place.
  const place = `regexp_replace(${county}, ${str(`(${ZONE_KIND_WORDS})+(${ZONE_WORDS})$`)}, '\\2')`;
  return `(${county} IS NOT NULL AND ${code} IS NULL AND ${county} <> '市本级' AND NOT regexp_matches(${place}, ${str(`.{2,}(${ZONE_WORDS})`)}))`;
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

/**
 * The counties a text names, each once (永康市、武义县 → both; 东阳江镇, a town of 东阳市, → 东阳市 as countyInTextSql
 * reads it), longest alias first.
 */
export function countiesInText(text: string): string[] {
  let rest = foldPlaceChars(text.normalize('NFKC').replace(/\s+/g, ''));
  const named = new Set<string>();
  for (const a of countyAliases()) {
    if (a.alias.length < 2 || !rest.includes(a.alias)) continue;
    named.add(a.name);
    rest = rest.replaceAll(a.alias, '|');
  }
  return [...named];
}

// The city level as a sheet, title or file name says it: 市本级, 市直单位, 金华市级部门.
const CITY_LEVEL_WORDS = /市本级|市直属?(机关|部门|单位)?|市级(机关|部门|单位)/;
// Words that name more places than one (市直单位及各县（市、区）, （含金华开发区）, 市级部门和县市区).
const SEVERAL_PLACES = /各县|县\(?市|县区|[含及和与、]/;

/**
 * The place a sheet, title or file name gives its rows: the one county it names, else a zone (金华开发区,
 * 金义新区) in any spelling or 市本级, when it names no other place; null when it names none, or two counties
 * (永康市、武义县第三轮巡察整改台账: each row's unit tells). A county is every row's; the zone and the city
 * level only the rows no unit places (mappedCountySql's `place`).
 */
export function placeInText(text: string): string | null {
  const counties = countiesInText(text);
  if (counties.length) return counties.length === 1 ? counties[0] : null;
  const x = foldPlaceChars(text.normalize('NFKC').replace(/\s+/g, ''));
  if (SEVERAL_PLACES.test(x)) return null;
  const zone = ZONE_SPELLINGS.find((z) => x.replace(/金华市/g, '金华').includes(z.alias));
  if (zone) return zone.name;
  return CITY_LEVEL_WORDS.test(x) ? '市本级' : null;
}

/** TRUE for one of the nine counties (a place placeInText gives every row), not the zone or 市本级. */
export function isListedCounty(place: string): boolean {
  return COUNTIES.some((c) => c.name === place && c.kind !== '市本级');
}

/**
 * TRUE for values that cannot be a place name: no CJK character at all, or absurdly long.
 * Only these are warned about; plausible unknown names such as 金华开发区 are accepted.
 */
export function countyGarbageSql(county: string): string {
  return `(${county} IS NOT NULL AND (NOT regexp_matches(${county}, '[\\x{4E00}-\\x{9FFF}]') OR length(${county}) > 20))`;
}
