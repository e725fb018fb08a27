import { arabicYears, parseChineseNumber, toChineseNumber } from '../domain/vocabulary/numerals';
import { formatRoundKey } from '../domain/roundKey';
import { countiesInText, foldPlaceChars } from './normalise/county';
import { COUNTIES } from '../domain/counties';

/**
 * Rounds (DOMAIN.md §6.4): `round_key = committee|inspector_level|term|round_no`, where the
 * committee is 中央, 浙江省 (省委), 金华市 (市委) or the county (县(市、区)委), because two
 * committees both have a 第三轮. Facts come from columns, else the round label, else the sheet
 * or file name, else the caller's hint; each source only fills what the earlier ones left open.
 */
export interface RoundParts {
  inspector_level?: string;
  /** County of a 县(市、区)委 committee. */
  county?: string;
  term?: string;
  round_no?: number;
  kind?: '巡视' | '巡察';
  year?: number;
  /**
   * The year a round is numbered within (2023年第一轮巡察: round 1 of 2023), where a committee numbers
   * its rounds per year, not per term. It stands in the key's term place, so the first rounds of
   * 2023 and 2024 are two rounds; it belongs to the round number of the same text (mergeRoundParts).
   */
  period?: number;
  /** The text names 金华 as the 市委 (金华市委2024年第一轮巡察): the round stays 金华's in a 县级市's rows (countyCityRound). */
  jinhua?: true;
}

/** The inspector_level value of county committees (DOMAIN.md §6.1). */
export const COUNTY_LEVEL = '县(市、区)委';
const NUM = '[0-9０-９零〇一二两三四五六七八九十百]+';

// When a ledger was filled in, not a round's year: a date followed by 更新 / 填报 / 报送 / 导出 / 版
// (2024年9月更新, 2024.9.1报送), or a date to the day closing a file name (台账_2024.9.1.csv,
// 台账20240901). A date range or a stationing date (2019.3-2019.5, 2019.3.15进驻) is the round's.
const FILL_DATE = new RegExp([
  '(?:19|20)\\d{2}(?:年\\d{1,2}月(?:\\d{1,2}日)?|[.\\-/]\\d{1,2}(?:[.\\-/]\\d{1,2})?)(?=更新|填报|报送|导出|版)',
  '(?<=[_\\-—(（]|^)(?:19|20)\\d{2}(?:([.\\-/])\\d{1,2}\\1\\d{1,2}|年\\d{1,2}月\\d{1,2}日)[)）]?(?=(?:\\.[A-Za-z]{2,5})?$)',
  '(?:19|20)\\d{6}(?=(?:\\.[A-Za-z]{2,5})?$)',
  // A month closing the name, in brackets or after a dash (台账（2024年6月）.csv, 台账_2024.6.csv): the ledger's month.
  '(?<=[_\\-—(（])(?:19|20)\\d{2}(?:年\\d{1,2}月|[.\\-/]\\d{1,2})[)）]?(?=(?:\\.[A-Za-z]{2,5})?$)',
].join('|'), 'g');

/** Reads what a text says about a round: 十四届省委第三轮巡视, 十二届婺城区委第二轮巡察, 2019年第一轮. */
export function parseRoundText(text: string | null | undefined): RoundParts {
  if (!text) return {};
  const s = arabicYears(text.normalize('NFKC').replace(/\s+/g, ''));
  const out: RoundParts = {};
  const term = new RegExp(`(${NUM})届`).exec(s);
  if (term) out.term = normaliseTerm(term[1] + '届');
  // A bare number also as a spreadsheet writes it: '3 (typed as text) or 3.0.
  // 三轮巡察 without 第 too, but not 新一轮巡察, 上一轮巡视 (a round said of another), nor 第-3轮 (no 轮 is negative);
  // a dash with no 第 before it parts the round from what comes before (2024-3轮巡察, 八届市委—三轮巡察).
  // Right after the term, or its committee (十五届县委三轮), the number needs no 第, and may stand in brackets (十五届三轮,
  // 15届3轮, 十五届（三）轮, 第（三）轮).
  const round = new RegExp(`第(${NUM})轮`).exec(s) ?? new RegExp(`(?:届(?:[^0-9第轮届]{0,8}?委)?\\(?|第\\()(${NUM})\\)?轮`).exec(s)
    ?? new RegExp(`^'?(${NUM})(?:\\.0+)?轮?$`).exec(s)
    ?? new RegExp(`(?<![新上下本每这该同前后首末0-9０-９零〇一二两三四五六七八九十百])(?<!第[-‐−—–])(${NUM})轮(?:巡察|巡视)`).exec(s);
  if (round) out.round_no = parseChineseNumber(round[1]) ?? undefined;
  // A year right before the number numbers the round within that year: 2023年第一轮, 2023年度第二轮.
  const numbered = new RegExp(`((?:19|20)\\d{2})年?度?第(${NUM})轮`).exec(s);
  if (numbered && round && numbered[2] === round[1]) out.period = Number(numbered[1]);
  // A 截至 / 截止 date says when the ledger was filled in, not the round's year; so does a date to
  // the day (台账_2024.9.1, 20240901, 2024年9月1日) or one followed by 更新 / 填报 / 报送 / 版.
  const year = /((?:19|20)\d{2})年?/.exec(s.replace(/(截至|截止|更新至|更新于)[^)）]*/g, '').replace(FILL_DATE, ''));
  if (year) out.year = Number(year[1]);
  Object.assign(out, parseLevel(s));
  if (out.inspector_level === '市委' && /金华市?委/.test(s)) out.jinhua = true;
  if (/巡视/.test(s)) out.kind = '巡视';
  else if (/巡察/.test(s)) out.kind = '巡察';
  return out;
}

// A committee named as what is carried out, not as who inspects: 落实中央八项规定精神, 省委决策部署.
const COMMITTEE_AS_OBJECT = /(党中央|中央|省委|市委)(八项规定|决策部署|重大决策|精神|要求|部署|指示|文件)/g;
// A committee's department named as the unit inspected (东阳市委组织部, 市委宣传部), not the committee that
// inspects; its 巡察办 is the committee's own office, and stays.
const COMMITTEE_DEPARTMENT = /(?:[\u4e00-\u9fff]{1,3}?[市区县])?委(?:组织部|宣传部|统战部|政法委|政研室|办公室|党校|编办|网信办|老干部局|党史研究室|直属机关工委|社会工作部)/g;

/** The committee level a text names: 中央, 省委, 市委 (金华) or a county committee. */
export function parseLevel(text: string): Pick<RoundParts, 'inspector_level' | 'county'> {
  const s = foldPlaceChars(text.normalize('NFKC').replace(/\s+/g, '')).replace(COMMITTEE_AS_OBJECT, '').replace(COMMITTEE_DEPARTMENT, '');
  if (/中央/.test(s)) return { inspector_level: '中央' };
  if (/省委|省级|^省$/.test(s)) return { inspector_level: '省委' };
  // A county is the committee only when 委 follows its name (永康市委, 婺城区委), not in 永康市整改台账.
  const named = countiesInText(s);
  const committee = named.find((c) => new RegExp(`${c.slice(0, -1)}[市区县]?委`).test(s));
  if (committee) return { inspector_level: COUNTY_LEVEL, county: committee };
  if (/[县区]委|县\(市、区\)委|县级|^县$|^区$/.test(s)) return { inspector_level: COUNTY_LEVEL };
  // 金华 without 委 is the committee only in a text about an inspection (金华市巡察整改台账), not in a unit's
  // name (a sheet named 金华市财政局 or 金华开发区).
  if (/市委|市级|^市$/.test(s) || (/金华/.test(s) && /巡视|巡察/.test(s))) return { inspector_level: '市委' };
  if (/党组|内部/.test(s)) return { inspector_level: '党委(党组)内部' };
  // A county named beside 巡察 and no committee (浦江县第三轮巡察整改台账, 兰溪 巡察整改台账): its own; only
  // a county committee carries out 巡察 of a county's units. Two named (永康市、武义县…) tell no committee.
  if (named.length === 1 && /巡察/.test(s)) return { inspector_level: COUNTY_LEVEL, county: named[0] };
  return {};
}

/** 14届 / 十四届省委 / 第十四届 → 十四届 (Chinese numerals, so keys agree across files). */
export function normaliseTerm(text: string): string | undefined {
  const m = new RegExp(`(${NUM})届`).exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return undefined;
  const n = parseChineseNumber(m[1]);
  return n === null ? undefined : toChineseNumber(n) + '届';
}

/**
 * TRUE for a name that is only a numeral (a sheet named 1 or 二): it numbers sheets as often as
 * rounds, so it gives the round number only when nothing else does.
 */
export function isBareNumeral(text: string | null | undefined): boolean {
  return !!text && new RegExp(`^${NUM}$`).test(text.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * Fills the holes of `first` from the later sources, in order. The period comes with the round
 * number, from the same source: a 第二轮 column under a 2023年第一轮 title is no round of 2023's numbering.
 */
export function mergeRoundParts(...sources: RoundParts[]): RoundParts {
  const out: RoundParts = {};
  for (const src of sources) {
    if (out.round_no === undefined && src.round_no !== undefined && src.period !== undefined) out.period = src.period;
    for (const [k, v] of Object.entries(src) as [keyof RoundParts, never][]) {
      if (k !== 'period' && out[k] === undefined && v !== undefined && v !== null && v !== '') out[k] = v;
    }
  }
  return out;
}

/**
 * The round a sheet's names give, in order (sheet, title, file name…): the committee is that of the first
 * name stating one with its round number, else of the first stating one; a name stating another committee
 * lends nothing (not its term, nor its number), as mergeRoundParts would. So a county office's title
 * (婺城区巡察整改台账, 十二届金东区委巡察整改台账) under a file named for the city's round (八届市委第五轮巡察)
 * makes no round no name states (婺城区's 八届 round 5 counted every finding twice beside the 汇总 sheet):
 * the round is the file's, and the title names the rows' county. A title that states its own number
 * (婺城区第二轮巡察) keeps its committee, without the city's term.
 */
export function mergeNamedRounds(...names: RoundParts[]): RoundParts {
  const committee = names.find((s) => s.inspector_level && s.round_no !== undefined) ?? names.find((s) => s.inspector_level);
  const other = (s: RoundParts) => !!committee && !!s.inspector_level
    && (s.inspector_level !== committee.inspector_level || (!!s.county && !!committee.county && s.county !== committee.county));
  const none = { inspector_level: undefined, county: undefined, term: undefined, round_no: undefined, period: undefined, jinhua: undefined };
  const kept = names.map((s) => (other(s) ? { ...s, ...none } : s));
  // A sheet named 第一轮 under a title 永康市委2024年第一轮巡察: the same round, numbered within 2024 (helper-145: the
  // workbook's rounds lost their year, one round keyed two ways beside a CSV of the title). Not where a name states a term.
  const first = kept.findIndex((s) => s.round_no !== undefined);
  const dated = kept.find((s) => s.period !== undefined && s.round_no === kept[first]?.round_no);
  if (first >= 0 && dated && kept[first].period === undefined && !kept.some((s) => s.term)) kept[first] = { ...kept[first], period: dated.period };
  return mergeRoundParts(...kept);
}

/** What stands in a round's term place: its term, or the year it is numbered within (2023年). */
export function termOrPeriod(parts: RoundParts): string | undefined {
  return parts.period ? `${parts.period}年` : parts.term;
}


// Terms of 金华's own 市委 (DOMAIN.md §5.1: the 八届市委; the 七届 before it).
const CITY_TERMS = new Set(['七届', '八届', '九届']);
const COUNTY_CITIES = new Set(COUNTIES.filter((c) => c.kind === '县级市').map((c) => c.name));

/** True for a 县级市 (义乌市, 永康市…), whose own committee is a 市委 too. */
export function isCountyCity(name: string | null | undefined): boolean {
  return !!name && COUNTY_CITIES.has(name);
}

/**
 * A 县级市's committee is a 市委 too (义乌市委): a 市委 round whose term is not one of 金华's own
 * (十五届市委第三轮巡察 in a 义乌市 ledger) belongs to the row's 县级市, as a county committee. So does
 * one numbered within its year (2024年第一轮): 金华's 市委 numbers its rounds within the term (DOMAIN.md §5.1).
 * With neither, or where a text names 金华 (jinhua), the 市委 stays 金华's.
 */
export function countyCityRound(parts: RoundParts, rowCounty?: string | null): RoundParts {
  // A text naming 金华市委 outweighs year numbering only, not a term 金华's 市委 never had.
  const notJinhuas = (parts.period !== undefined && !parts.jinhua) || (!!parts.term && !CITY_TERMS.has(parts.term));
  if (parts.inspector_level !== '市委' || !notJinhuas || !rowCounty || !COUNTY_CITIES.has(rowCounty)) return parts;
  return { ...parts, inspector_level: COUNTY_LEVEL, county: rowCounty };
}

/** The committee a round belongs to. */
export function committeeOf(parts: RoundParts, rowCounty?: string | null): string | null {
  switch (parts.inspector_level) {
    case '中央':
      return '中央';
    case '省委':
      return '浙江省';
    case '市委':
      return '金华市';
    case COUNTY_LEVEL:
      return parts.county ?? rowCounty ?? null;
    case '党委(党组)内部':
      return rowCounty ?? null;
    default:
      return null;
  }
}

/** round_key, or null when the level or round number is unknown. */
export function roundKey(parts: RoundParts, rowCounty?: string | null): string | null {
  const committee = committeeOf(parts, rowCounty);
  if (!committee || !parts.inspector_level || !parts.round_no) return null;
  return formatRoundKey({ committee, level: parts.inspector_level, term: termOrPeriod(parts) ?? '', roundNo: parts.round_no });
}

/** A label for rounds whose file has none: 八届市委第三轮巡察, 十二届婺城区委第二轮巡察, 婺城区委2023年第一轮巡察. */
export function roundLabel(parts: RoundParts, rowCounty?: string | null): string | null {
  if (!parts.round_no || !parts.inspector_level) return null;
  const kind = inspectionKind(parts.inspector_level);
  const who = parts.inspector_level === COUNTY_LEVEL ? `${parts.county ?? rowCounty ?? ''}委` : parts.inspector_level;
  const round = `第${toChineseNumber(parts.round_no)}轮${kind}`;
  return parts.period ? `${who}${parts.period}年${round}` : `${parts.term ?? ''}${who}${round}`;
}

/** 巡视 for 中央/省委, 巡察 otherwise. */
export function inspectionKind(level: string | undefined): '巡视' | '巡察' {
  return level === '中央' || level === '省委' ? '巡视' : '巡察';
}
