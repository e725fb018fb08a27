import { LEDGER_FIELDS, fieldByKey } from '../domain/fields';
import { stagedText as text } from './cells';
import { tickSubHeaders } from './status-ticks';
import { subHeader } from './sub-headers';

/**
 * Header matching (DOMAIN.md §6): a header is normalised (case and full/half width folded, white
 * space and punctuation removed, so 县（市、区） matches 县市区) and matched exactly against the
 * aliases of src/lib/domain/fields.ts. The user's mapping, keyed by normalised header, wins.
 */

/** The comparison form of a header cell. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    // \p{Cf}: invisible format characters (a zero-width space U+200B pasted inside 被巡察单位).
    .replace(/[\s\p{P}\p{S}\p{Cf}]+/gu, '');
}

// A bracketed note, after NFKC has made （） into (): (…), […], 【…】, 〔…〕.
const NOTES = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;

/**
 * The header without its bracketed notes: 完成时间（年月日） → 完成时间, 追缴资金（元） → 追缴资金.
 * Only a fallback: some aliases carry brackets themselves (县（市、区）, 巡察时间(起)).
 */
export function withoutNotes(text: string): string {
  return text.normalize('NFKC').replace(NOTES, '');
}

// A match found only after the notes were dropped ranks below every exact alias of its field.
const NOTES_RANK = 1000;

// Headers that name a field only loosely (a yes/no or a result beside the status: 整改是否完成, 整改结果): read where no
// other column claims it, below even a header matched without its note (完成情况（填已完成、正在推进）: helper-129).
const WEAK_ALIASES: [string, string][] = [['整改是否完成', 'status_raw'], ['整改是否到位', 'status_raw'], ['整改结果', 'status_raw']];
const WEAK_RANK = 2 * NOTES_RANK;

/** Normalised alias → field key; earlier fields and canonical headers win collisions. */
const ALIAS_INDEX: Map<string, { key: string; rank: number }> = (() => {
  const index = new Map<string, { key: string; rank: number }>();
  for (const field of LEDGER_FIELDS) {
    field.aliases.forEach((alias, rank) => {
      const n = normaliseHeader(alias);
      if (!index.has(n)) index.set(n, { key: field.key, rank });
    });
  }
  for (const [alias, key] of WEAK_ALIASES) index.set(normaliseHeader(alias), { key, rank: WEAK_RANK });
  return index;
})();

/** The comparison forms (normaliseHeader) of a field's aliases. */
export function fieldAliasForms(key: string): string[] {
  return [...ALIAS_INDEX].filter(([, hit]) => hit.key === key).map(([alias]) => alias);
}

// A note that makes a column a count (反馈问题（个）, 整改完成（条）): such a column is no text field.
const COUNT_NOTE = /^\((个|条|项|件|人|人次|次|家|%|个数|数量)\)$/;
const TEXT_KINDS = new Set(['string', 'text']);

/**
 * The alias a header matches: exactly, else without its bracketed notes (ranked lower), unless the
 * note counts something and the field holds text (a 汇总 sheet's 反馈问题（个） is no problem column).
 */
function aliasHit(header: string): { key: string; rank: number } | undefined {
  const exact = ALIAS_INDEX.get(normaliseHeader(header));
  if (exact) return exact;
  // A template that numbers its labels (1.序号, 2、县市区, （3）被巡察单位, ④具体问题): the label without its number.
  const unnumbered = header.replace(/^\s*[①-⑳]/u, '').normalize('NFKC').replace(LABEL_NUMBER, '');
  if (unnumbered !== header.normalize('NFKC')) return aliasHit(unnumbered);
  // Bilingual headers (Status 整改状态, 整改状态 Status): the Chinese words alone.
  const chinese = /[\u4e00-\u9fff]/.test(header) ? header.normalize('NFKC').replace(/[A-Za-z][A-Za-z\s.&'/-]*/g, '') : header;
  const bare = ALIAS_INDEX.get(normaliseHeader(withoutNotes(header))) ?? ALIAS_INDEX.get(normaliseHeader(withoutNotes(chinese))) ?? datedProgress(header);
  if (!bare) return undefined;
  const notes = (header.normalize('NFKC').match(NOTES) ?? []).map((n) => n.replace(/\s+/g, ''));
  const counted = notes.some((n) => COUNT_NOTE.test(n));
  if (counted && TEXT_KINDS.has(fieldByKey(bare.key)?.kind ?? '')) return undefined;
  // A completion date noted as planned (完成时间（预计）, 完成时间【要求】) is the deadline: nothing is done yet.
  if (bare.key === 'completion_date' && notes.some((n) => PLANNED.test(n))) return { key: 'deadline_raw', rank: NOTES_RANK };
  return { key: bare.key, rank: bare.rank + NOTES_RANK };
}

// A progress column dated in its words rather than in a note: 截至9月底整改进展, 9月进展, 2024年6月整改进度,
// 截至2024年9月30日整改情况, 目前整改情况. A ledger updated month by month adds one each time (6月底进展情况 |
// 9月底进展情况); they rank as noted ones, and RIGHTMOST_FIRST reads the newest.
const DATED_PREFIX = /^(?:截至|截止|截止到|到)?(?:\d{2,4}年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:底|末|初|上旬|中旬|下旬|\d{1,2}日)?)?(?:前|止|为止)?的?(?:目前|当前|现阶段|最新)?/u;
const DATED_FIELDS = new Set(['status_raw', 'completion_summary']);

/** The progress field (DATED_FIELDS) a header names after a date or 目前 (DATED_PREFIX), if any. */
function datedProgress(header: string): { key: string; rank: number } | undefined {
  const n = normaliseHeader(withoutNotes(header));
  const rest = n.replace(DATED_PREFIX, '');
  const hit = rest && rest !== n ? ALIAS_INDEX.get(rest) : undefined;
  return hit && DATED_FIELDS.has(hit.key) ? hit : undefined;
}

// A label's leading number, before a Chinese word: 1. 1、 1) (1) 一、 A. — after NFKC, so （１） is (1) (① is cut before).
const LABEL_NUMBER = /^\s*(?:\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|\d{1,2}\s*[.、:)]|[一二三四五六七八九十]{1,3}\s*[、.]|[A-Za-z]\s*[.、)])\s*(?=[\u4e00-\u9fff])/u;

// A note, or the start of a header, that makes a date the one planned, not the one done.
const PLANNED = /^[(\[【〔]?(计划|预计|规定|要求|应|承诺)/;

/** The field key a header suggests by alias, or null. */
export function suggestField(header: string): string | null {
  return aliasHit(header)?.key ?? null;
}

/**
 * A guess for the mapping dialog only, never applied by itself: the field whose alias is the
 * longest one the header contains (被巡察单位名称 → 被巡察单位 → unit_name), or null when two fields
 * have aliases that long in it (具体问题描述 holds 具体问题 and 问题描述).
 */
export function guessField(header: string): string | null {
  const n = normaliseHeader(withoutNotes(header));
  let best = 0;
  let keys = new Set<string>();
  for (const [alias, { key }] of ALIAS_INDEX) {
    if (alias.length < 2 || /^[a-z0-9]+$/.test(alias) || !n.includes(alias)) continue;
    if (alias.length > best) (best = alias.length), (keys = new Set([key]));
    else if (alias.length === best) keys.add(key);
  }
  const guess = keys.size === 1 ? [...keys][0] : null;
  // 要求完成时间, 计划完成日期: the deadline, though they hold the completion date's alias.
  return guess === 'completion_date' && PLANNED.test(n) ? 'deadline_raw' : guess;
}

/**
 * The scale a header's unit note puts on an amount column: 追缴资金（元） → 1/10,000 (the field is
 * in 万元), （亿元） → 10,000, （万元） or no note → 1. A cell's own unit still wins (values.ts).
 */
export function headerAmountScale(header: string | null | undefined): number {
  const notes = (header ?? '').normalize('NFKC').match(NOTES)?.join('') ?? '';
  if (/亿元/.test(notes)) return 10_000;
  if (/万元/.test(notes)) return 1;
  if (/元/.test(notes)) return 1 / 10_000;
  return 1;
}

/** TRUE for a yes/no header (是否完成, 是否整改到位), under which a system export writes 1 and 0. */
export function yesNoHeader(header: string | null | undefined): boolean {
  return /^(整改)?是否/.test(normaliseHeader(header ?? ''));
}

// A column hidden in Excel ranks below every visible one: an old version kept beside its replacement.
const HIDDEN_RANK = 100_000;
const KNOWN_KEYS = new Set(LEDGER_FIELDS.map((f) => f.key));

/**
 * The field a header claims and how well (lower is better): the user's mapping (-1; '' or an
 * unknown key claims nothing), else its alias (see aliasHit); null when it claims none.
 */
export function headerClaim(header: string | null, mapping: Record<string, string> = {}): { key: string; rank: number } | null {
  if (!header) return null;
  const n = normaliseHeader(header);
  if (!n) return null;
  if (n in mapping) return KNOWN_KEYS.has(mapping[n]) ? { key: mapping[n], rank: -1 } : null;
  return aliasHit(header) ?? null;
}

/** A column that claims a field (headerClaim), with its rank; a hidden column's is raised past every visible one's. */
export interface ColumnClaim {
  col: number;
  rank: number;
  hidden: boolean;
}

/**
 * Field key → every column that claims it, best first: a visible column before a hidden one,
 * then the better alias (canonical header over alias), then the leftmost (the rightmost for a status,
 * RIGHTMOST_FIRST).
 */
export function fieldClaims(headers: (string | null)[], mapping: Record<string, string> = {}, hidden: readonly number[] = []): Map<string, ColumnClaim[]> {
  const claims = new Map<string, ColumnClaim[]>();
  headers.forEach((h, col) => {
    const hit = headerClaim(h, mapping);
    if (!hit) return;
    const list = claims.get(hit.key) ?? [];
    // The analyst's mapping (rank -1) names the column to read, hidden or not.
    const isHidden = hidden.includes(col) && hit.rank >= 0;
    list.push({ col, rank: hit.rank + (isHidden ? HIDDEN_RANK : 0), hidden: isHidden });
    claims.set(hit.key, list);
  });
  for (const [key, list] of claims) list.sort((a, b) => a.rank - b.rank || (RIGHTMOST_FIRST.has(key) ? b.col - a.col : a.col - b.col));
  return claims;
}

// Fields whose columns of equal rank are read from the right: a ledger updated month by month adds
// its new status column right of the old (整改状态（6月）| 整改状态（9月）), and the newest is the status.
const RIGHTMOST_FIRST = new Set(['status_raw']);

/** Column index → field key for a header row: each field's best column (fieldClaims). */
export function matchHeaders(headers: (string | null)[], mapping: Record<string, string> = {}, hidden: readonly number[] = []): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, [best]] of fieldClaims(headers, mapping, hidden)) out.set(best.col, key);
  return out;
}

/** Where the header is: the row the data follows and the header text of each column. */
export interface HeaderAt {
  /** Index of the header's last row among the rows searched; data rows follow it. */
  index: number;
  /** How many rows the header spans: 2 or 3 when group rows above sub-headers were merged in (see mergeHeaderRows). */
  rows: 1 | 2 | 3;
  headers: (string | null)[];
}

/**
 * The header of a sheet, one row, two or three: findHeaderRow's row, merged with the row below or
 * above it when the two form one header (group labels over sub-headers, as in 问责情况 over 党纪处分,
 * 政务处分, 组织处理, where every other header cell is merged down over both rows), and with the
 * row under those two when it holds sub-headers of theirs in turn.
 */
export function findHeader(rows: (string | null)[][], mapping: Record<string, string> = {}): HeaderAt | null {
  const at = findHeaderRow(rows, mapping);
  if (at === null) return null;
  for (const upper of [at, at - 1]) {
    if (upper < 0 || upper + 1 >= rows.length) continue;
    const headers = mergeHeaderRows(rows[upper], rows[upper + 1], mapping);
    if (!headers) continue;
    // A third row under a sub-group (整改情况 over 完成情况 over 状态 | 时间) joins the same way.
    const third = upper + 2 < rows.length ? mergeHeaderRows(headers, rows[upper + 2], mapping) : null;
    return third ? { index: upper + 2, rows: 3, headers: third } : { index: upper + 1, rows: 2, headers };
  }
  // Tick columns under a group label (整改情况 over 已完成 | 正在整改 | 未完成) name no field themselves.
  const ticks = at + 1 < rows.length ? tickSubHeaders(rows[at], rows[at + 1]) : null;
  if (ticks) return { index: at + 1, rows: 2, headers: ticks };
  return { index: at, rows: 1, headers: rows[at] };
}

/**
 * One header from two rows, or null when they are not one. They are when both rows name fields,
 * the lower row is empty (or repeats the text) under every column the upper row names but a group
 * label's (完成时间 merged over 计划 | 实际), and
 * together they name more fields than either alone (a data row fills the header's columns), or as
 * many under a group label. A
 * column's text is the lower row's field name, else the upper row's, else `group/sub`, the group
 * label carried right across the sub-columns a merged cell spans (only its first cell holds it).
 */
export function mergeHeaderRows(upper: (string | null)[], lower: (string | null)[], mapping: Record<string, string> = {}): (string | null)[] | null {
  const up = matchHeaders(upper, mapping);
  const low = matchHeaders(lower, mapping);
  if (!up.size || !low.size) return null;
  // A named upper cell over a different lower one is a group label merged across sub-columns
  // (完成时间 over 计划 | 实际): the next upper cell is empty where the next lower one is not.
  const group = (c: number) => !text(upper[c + 1]) && !!text(lower[c + 1]);
  for (const c of up.keys()) if (text(lower[c]) && text(lower[c]) !== text(upper[c]) && !group(c)) return null;
  const width = Math.max(upper.length, lower.length);
  const out: (string | null)[] = [];
  let label = '';
  for (let c = 0; c < width; c++) {
    const u = text(upper[c]);
    const l = text(lower[c]);
    if (u) label = u;
    else if (!l) label = '';
    if (!l || l === u) out.push(u || null);
    else if (low.has(c) || !label) out.push(l);
    else out.push(subHeader(label, l) ?? `${label}/${l}`);
  }
  // A group label over other names (整改情况 over 整改措施 | 完成情况) makes the two rows one header even
  // where the lower row names every field alone: an XLSX grid fills the cells merged down over both
  // rows into the lower one, so the lower row repeats the upper's other labels (two at least: a title
  // row above a header, 填报单位… | 问题, repeats none). Otherwise the rows must together name more (a
  // header repeated names no more).
  const grouped = [...up.keys()].some((c) => text(lower[c]) && text(lower[c]) !== text(upper[c]));
  const filledDown = [...up.keys()].filter((c) => text(lower[c]) === text(upper[c])).length >= 2;
  const named = matchHeaders(out, mapping).size;
  return named > Math.max(up.size, low.size) || (grouped && filledDown && named >= Math.max(up.size, low.size)) ? out : null;
}

/**
 * The header row among the first rows of a sheet: the first row that matches nearly as many fields as
 * the row that matches most (HEADER_SHARE of them; title rows above it match none or one). Not simply
 * the most: a second block pasted below with one more column (备注) would win, and the first block's
 * rows, above it, would be taken for titles. Null when no row matches at least two fields.
 */
export function findHeaderRow(rows: (string | null)[][], mapping: Record<string, string> = {}): number | null {
  const counts = rows.map((cells) => {
    const named = matchHeaders(cells, mapping);
    return formLine(cells, [...named.keys()], mapping) ? 0 : named.size;
  });
  const most = Math.max(0, ...counts);
  if (most < 2) return null;
  const enough = Math.max(2, Math.ceil(most * HEADER_SHARE));
  return counts.findIndex((n) => n >= enough);
}

/**
 * A line of a form above the header (被巡察单位： | 市教育局党委 | 县市区： | 市本级): every cell naming a
 * field (`named`: their columns) ends with a colon and has a value beside it. Its labels name fields, but it
 * heads no column.
 */
export function formLine(cells: (string | null)[], named: number[] = [...matchHeaders(cells).keys()], mapping: Record<string, string> = {}): boolean {
  return named.length > 0 && named.every((c) => /[:：]$/.test(text(cells[c])) && !!text(cells[c + 1]) && !headerClaim(cells[c + 1], mapping));
}

// The share of the fullest header's fields an earlier row must match to be the header.
const HEADER_SHARE = 0.75;
