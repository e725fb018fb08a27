import { CITY_LEVEL_PATTERN, COUNTY_PREFIXES, ZONE_SPELLINGS, countyAliases } from '../domain/vocabulary/places';
import { FILER_WORDS, NUMBER_LEVELS } from '../domain/vocabulary/rows';
import { suggestField } from './headers';
import { parseRoundText, type RoundParts } from './round';

/**
 * What a ledger says about itself outside its columns. A unit's own ledger has no 被巡察单位
 * column: its title names the unit (中共金华市教育局委员会关于市委第三轮巡察反馈意见整改落实情况台账),
 * or a 填报单位 line does, or the file name. The title also names the round when no column does.
 */

// Endings of an organisation's name: 党委, 党组, 委员会, 局, 办, 公司, 镇, 社区 …
const ORG = '(?:党工委|党委|党组|委员会|总支|支部|委|局|办公室|办|院|中心|公司|集团|政府|街道|镇|乡|村|社区|学校|医院|馆|所|站|队|厂|社|会|部|处|行)';
const NAME = `((?:中共)?[\\p{Script=Han}A-Za-z0-9（）()·]{1,40}?${ORG})`;
// Words that follow the unit in a title.
const AFTER = '(?:关于|对|贯彻|落实|巡察|巡视|反馈|整改|问题|的)';
// Words a unit's name never holds: a round, a title's own words.
const NOT_A_UNIT = /巡察|巡视|轮|届|整改|台账|反馈|清单|问题|落实|关于/;

// 填报单位：XX局（盖章）　填报时间：… or 填报单位（盖章）：XX局: the name runs to a space, a bracket or punctuation.
const LABELLED = new RegExp(`(?:被巡察单位|被巡视单位|被巡察党组织|填报单位|单位名称|单位)(?:\\([^)]*\\))?[:：]\\s*${NAME}(?=$|[\\s(（,，;；:：])`, 'u');
const LEADING = new RegExp(`^(?:关于)?${NAME}${AFTER}`, 'u');
const AFTER_ROUND = new RegExp(`(?:巡察|巡视)组?(?:对)?${NAME}(?:的)?(?:反馈|问题|整改)`, 'u');
// A file named after the unit alone: 县卫健局党委.xlsx.
const WHOLE = new RegExp(`^${NAME}$`, 'u');

/** The unit a title, a 填报单位 line or a file name names, or null. */
export function unitInText(text: string | undefined | null): string | null {
  if (!text) return null;
  const spaced = text.normalize('NFKC').replace(/\.[a-z0-9]{2,5}$/i, '').trim();
  const t = spaced.replace(/\s+/g, '');
  for (const [re, s] of [[LABELLED, spaced], [LEADING, t], [AFTER_ROUND, t], [WHOLE, t]] as const) {
    const unit = re.exec(s)?.[1];
    if (unit && unit.length >= 3 && !NOT_A_UNIT.test(unit)) return unit;
  }
  return null;
}

// A heading's numbering (一、 （一） 1. 第一部分) before a unit's name, and what may follow the name: a
// count of its problems (（2个问题）, （共3项）, 2个问题) or a colon.
// A heading's number, at any level of the numbering (NUMBER_LEVELS), and the spaces after it.
const HEADING_NUMBER = new RegExp(`^(?:${NUMBER_LEVELS.map(({ lead }) => lead).join('|')})\\s*`, 'u');
const HEADING_COUNT = /(?:\((?:共|计)?[0-9一二三四五六七八九十百]+(?:个|项|条|件)[^)]*\)|(?:共|计)?[0-9一二三四五六七八九十百]+(?:个|项|条|件)(?:问题)?)$/u;
// A heading that names a field of work, a meeting or every unit of a kind, not one organisation
// (全面从严治党方面, 民主生活会, 各乡镇, 乡镇（街道）党委, 党支部).
const NOT_A_UNIT_HEADING = /方面|情况|生活会|党委会|会议|^各|^(乡镇|街道|城乡|村社区|社区)|^(党支部|党委|党组|党总支)$/u;

// A form's unit line written in one cell (被巡察单位：东阳市妇联, 县市区：义乌市　被巡察单位：…): the name after its label.
const UNIT_LABEL = /(?:^|\s)(?:被巡[察视](?:单位|党组织)(?:名称)?|巡[察视]对象|单位名称)\s*[:：]\s*(\S+)/u;

/** A heading's text without its numbering, a colon or a count of problems after it (NFKC, no spaces); a unit line's name. */
function headingName(text: string): string {
  const nfkc = text.trim().normalize('NFKC');
  const labelled = UNIT_LABEL.exec(nfkc)?.[1];
  return (labelled ?? nfkc.replace(/^[①-⑳]/u, '').replace(HEADING_NUMBER, '')).replace(/[:：]\s*$/u, '').replace(/\s+/g, '')
    .replace(HEADING_COUNT, '');
}

/**
 * The unit a heading row names (一、横店镇党委（2个问题）, （二）市场监管局：, 南马镇党委), or null: a
 * ledger that lists each unit's problems under its name has no unit column.
 */
export function unitInHeading(text: string): string | null {
  // A unit line's label says the name is a unit's, whatever its ending (被巡察单位：东阳市妇联).
  if (UNIT_LABEL.test(text.normalize('NFKC'))) return unitNameInHeading(text);
  const unit = WHOLE.exec(headingName(text))?.[1];
  return unit && unit.length >= 3 && !NOT_A_UNIT.test(unit) && !NOT_A_UNIT_HEADING.test(unit) ? unit : null;
}

/**
 * The name a heading gives where headings at its level name units (unit-headings.ts): one the
 * endings do not tell (东阳市妇联, 市委党校, 东阳中学) is still a unit; null for a 方面, a round's or
 * a problem's words, or a meeting, which name none.
 */
export function unitNameInHeading(text: string): string | null {
  const name = headingName(text);
  return name.length >= 2 && name.length <= 40 && !NOT_A_UNIT.test(name) && !NOT_A_UNIT_HEADING.test(name) ? name : null;
}

// A heading naming a county (一、东阳市（12个问题）, （二）浦江县：, 三、金华开发区), or the city's own units
// (四、市直单位): its name, maybe after the city or province, maybe followed by 问题 or 反馈问题. Plain
// Chinese names: no character of a pattern's syntax.
const COUNTY_HEADING = new RegExp(`^(?:${COUNTY_PREFIXES.join('|')})?(${[...countyAliases(), ...ZONE_SPELLINGS]
  .filter((a) => a.alias.length >= 2).map((a) => a.alias).join('|')})(?:巡察|巡视)?(?:反馈)?(?:问题|整改情况)?$`, 'u');
const CITY_LEVEL = new RegExp(CITY_LEVEL_PATTERN, 'u');

/**
 * The county a heading row names, as written (东阳市, 东阳, 市直单位), or null: a city's ledger that lists
 * each county's problems under the county's name (county-headings.ts). The bare city (金华市) is none.
 */
export function countyInHeading(text: string): string | null {
  const name = headingName(text);
  const county = COUNTY_HEADING.exec(name)?.[1];
  if (county) return county;
  return CITY_LEVEL.test(name) && !/^(浙江省)?金华市?$/u.test(name) ? name : null;
}

const HEADING_LEADS = NUMBER_LEVELS.map(({ level, lead }) => ({ level, lead: new RegExp(`^(?:${lead})`, 'u') }));

/**
 * The numbering level of a heading (0 none; 1 一、; 2 （一）; 3 1. or 1、; 4 （1）; 5 ① or 1）; 6 第一部分; the
 * table is NUMBER_LEVELS, which also gives a 序号 cell its level): the headings that name units are those of
 * one level, the others are 方面 and topics under them.
 */
export function headingLevel(text: string): number {
  const t = text.trim();
  // As written first (① is level 5, but 1 once width-folded); then width-folded: ⑴ is (1), ⒈ is 1.
  const level = (x: string) => HEADING_LEADS.find(({ lead }) => lead.test(x))?.level ?? 0;
  return level(t) || level(t.normalize('NFKC'));
}

/** The first unit named by any of the texts, in order (title rows, then sheet, then file name). */
export function unitInTexts(texts: (string | undefined | null)[]): string | null {
  for (const t of texts) {
    const unit = unitInText(t);
    if (unit) return unit;
  }
  return null;
}

// Who filled the ledger in (填报单位：义乌市委巡察办, 报送单位（盖章）：…), not whose round it is: a
// city round's ledger sent in by a county's office is still the city's round.
const FILER = /(?:填报|报送|填表|制表|编制|上报|汇总)(?:单位|部门|机关|人)[^:：\s]{0,8}[:：]\s*\S*/gu;

/** The filers the title rows name (填报单位：义乌市委巡察办 → 义乌市委巡察办), joined. */
export function filerText(titles: string[]): string {
  return titles.flatMap((t) => [...t.normalize('NFKC').matchAll(FILER)].map((m) => m[0])).join(' ');
}

/**
 * The county a form line above the header states (县市区：义乌市, 所属县（市、区）：金华开发区), as
 * written: the label is the county column's alias (suggestField), the value follows its colon.
 */
export function statedCounty(titles: string[]): string | null {
  for (const t of titles) {
    const m = /^(.{1,12}?)[:：]\s*(\S.*)$/u.exec(t.trim());
    if (m && suggestField(m[1]) === 'county') return m[2];
  }
  return null;
}

/**
 * Title rows that read like a round's name (巡察, 巡视, 第…轮, or a committee of a term: 八届市委整改台账),
 * without their filer lines: where round facts may come from.
 */
export function roundTitles(titles: string[]): string {
  return titles.map((t) => t.normalize('NFKC').replace(FILER, '').trim()).filter((t) => /巡察|巡视|第.{1,3}轮|届.{0,8}委/.test(t)).join(' ');
}

/**
 * Round facts the title rows state: only when they name a round (第三轮), a committee of a term
 * (八届市委整改台账, whose 轮次 column gives the number), or one committee only (省委巡视反馈问题整改台账,
 * 兰溪市委巡察反馈问题整改台账: the level), and never its year: a ledger titled 金华市巡察整改台账（2022年）
 * summarises rounds of several years; rows carry their own. Unless the year numbers the round (2024年第一轮).
 */
export function titleRound(titles: string[]): RoundParts {
  const { year, ...rest } = parseRoundText(roundTitles(titles));
  // A round numbered within its year (兰溪市委2024年第一轮巡察) is that year's: its rows' year where they state none (helper-130).
  const parts: RoundParts = rest.period !== undefined && year !== undefined ? { ...rest, year } : rest;
  if (parts.round_no || (parts.inspector_level && parts.term)) return parts;
  const one = parts.inspector_level === '中央' || parts.inspector_level === '省委' || (parts.county !== undefined && parts.inspector_level !== undefined);
  return one ? { inspector_level: parts.inspector_level, ...(parts.county ? { county: parts.county } : {}), ...(parts.kind ? { kind: parts.kind } : {}) } : {};
}

// 截至2024年9月1日, （截止2024.9.1）, 数据统计至2024年9月底: the day the ledger was filled in to; and the
// day a filer line says it was filled in (填报时间：2024年9月30日, 填报日期 2024.10.8, 报送日期, 制表时间).
// Not a period (统计时间 names one: 2024年1月1日-2024年6月30日, 2024.1-2024.6): no date followed by a
// range word counts, whatever the day reads as. Nor a deadline (整改截止日期：2024年12月31日, 整改时限：截止…);
// 截至 (up to) is the as-of word even there (整改截至2024年9月30日进展情况), unless it is written for 截止:
// after a time limit's label (完成时限截至…, 整改时限： 截至…, 完成时间：截至…, 时限要求：截至…, 整改时限（截至…）), or
// as a deadline's field (整改截至日期：…). A date followed by 前 (截至2024年12月31日前完成) is a deadline too.
const LIMIT_LABEL = '(?:时限|期限|要求|(?:整改|完成)时间)(?:[:：]?\\s*|[（(])';
const DEADLINE_BEFORE = `(?:(?:整改|完成|办结|销号)(?:[:：]\\s*)?|${LIMIT_LABEL})`;
const AS_OF_WORD = `(?:(?<!${DEADLINE_BEFORE})(?:截止|截至(?=时间|日期))|(?<!${LIMIT_LABEL})截至(?!时间|日期))`;
const STATED_AS_OF = new RegExp(String.raw`(?:${AS_OF_WORD}(?:时间|日期)?\s*[:：]?|统计至|更新至|更新于|填报至|(?:${FILER_WORDS})(?:时间|日期)\s*[:：]?)(?:到)?\s*((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(\d{1,2})(?!\d)\s*[日号]?|月底?|月末)(?![日号\d底末]|\s*[-—–~～至到前]|\s*以前|\s*之前)`);

/**
 * The as-of date a title, filer line, sheet or file name states (截至2024年9月1日; 截至2024年9月底 is the
 * month's last day; 填报时间：2024年9月30日), as YYYY-MM-DD; null when none does, or the date is invalid
 * or after `today`.
 */
export function statedAsOf(texts: (string | undefined | null)[], today: string): string | null {
  for (const text of texts) {
    const m = text ? STATED_AS_OF.exec(text.normalize('NFKC')) : null;
    if (!m) continue;
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue;
    const iso = date.toISOString().slice(0, 10);
    if (iso <= today) return iso;
  }
  return null;
}

// A day closing a title or a name, where no word says what it is: in brackets or after a separator (…整改进展情况
// （2024年9月30日）, 台账_2024.9.30.csv, 台账20240930.xlsx), or alone in a title row's cell (填报单位：…（盖章） | 2024年9月30日).
// A day before 前 (（2024年12月31日前）) is a deadline, one opening a title (2024年3月15日巡察反馈…) a round's.
const CLOSING_DAY = /(?<before>^|[^\d.\-/年月]|(?<=[^\d.\-/年月日号\s]\s*)-\s*)(?<y>(?:19|20)\d{2})(?:\s*年\s*(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*[日号]|(?<sep>[.\-/])(?<m2>\d{1,2})\k<sep>(?<d2>\d{1,2})|(?<m3>\d{2})(?<d3>\d{2}))\s*[)）]?(?:\.[A-Za-z]{2,5})?$/;
// Another date's label or a range's word before the day, in its text or in the cell before (反馈时间：2024年3月15日, 反馈时间 |
// 2024年3月15日, 巡察反馈：2024年3月15日, 进驻时间：2024年3月1日—2024年4月30日, （整改时限至2024年12月31日）, 组长：张三 2024年3月15日):
// that date, or a period's end, not the ledger's (helper-131). An opening bracket (…整改进展情况（2024年9月30日）) is none, nor
// is a hyphen after a word (整改台账-20240930.xlsx), which parts a name from its day as an underscore does; after a date it is a range's.
const OTHER_DATE_LABEL = /((?<!填报|报送|填表|制表)(时间|日期)|时限|期限|反馈|进驻|开始|结束|起|自|从|至|到|止|[—–~～:：,，;；]|(?<=[\d年月日号]\s*)-|[^\s(（\-]\s+)\s*(为|是)?\s*$/;

/**
 * The day a title, sheet or file name closes with (CLOSING_DAY), as YYYY-MM-DD: the day the ledger was filled in, read
 * only where no text states its as-of date in words (statedAsOf); null when none does, or the day is invalid or after `today`.
 */
export function closingDay(texts: (string | undefined | null)[], today: string): string | null {
  for (const [i, text] of texts.entries()) {
    const t = (text ?? '').normalize('NFKC').trim();
    const m = CLOSING_DAY.exec(t);
    if (!m?.groups) continue;
    const g = m.groups;
    // A hyphen after a word is the name's separator; the word before it may still be a date's label (反馈时间-20240315).
    const before = t.slice(0, m.index + g.before.length).replace(/[(（]\s*$/, '').replace(/(?<![\d年月日号]\s*)\s*-\s*$/, '');
    if (OTHER_DATE_LABEL.test(before || (texts[i - 1] ?? ''))) continue;
    const [y, mo, d] = [Number(g.y), Number(g.m1 ?? g.m2 ?? g.m3), Number(g.d1 ?? g.d2 ?? g.d3)];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue;
    const iso = date.toISOString().slice(0, 10);
    if (iso <= today) return iso;
  }
  return null;
}

/**
 * The texts of one title row, a label ending in a colon joined to the cell after it: a form puts
 * 反馈时间： in one cell and the date in the next (截至时间： | 2024-06-30), which read as one line does.
 */
export function titleRowTexts(cells: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const joined = /[:：]\s*$/.test(cells[i]) && i + 1 < cells.length;
    out.push(joined ? cells[i] + cells[++i] : cells[i]);
  }
  return out;
}

// 反馈时间：2024年3月15日, 反馈日期 2024.3.15: the feedback date a title line states for every row.
const STATED_FEEDBACK = /反馈(?:时间|日期)\s*(?:为|是)?\s*[:：]?\s*((?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*(?:[月.\-/]\s*\d{1,2}\s*[日号]?|月))/;

/** The feedback date a title line, sheet or file name states, as written (the date map reads it), or null. */
export function statedFeedback(texts: (string | undefined | null)[]): string | null {
  for (const text of texts) {
    const m = text ? STATED_FEEDBACK.exec(text.normalize('NFKC')) : null;
    if (m) return m[1].replace(/\s+/g, '');
  }
  return null;
}
