import { STATUS_CLOSED_DONE_PATTERN, STATUS_CLOSED_PATTERN, STATUS_CLOSURE_BELOW_FULL, STATUS_CLOSURE_RATE_CLAUSE, STATUS_COUNT_BEFORE_TOTAL, STATUS_COUNT_PATTERNS, STATUS_COUNT_SAME_KIND, STATUS_DESCRIBED_PROBLEM_PATTERN, STATUS_INSTRUCTION_PATTERN, STATUS_LATE_NOTE_PATTERN, STATUS_LATE_WORDS, STATUS_NOT_CLOSED_PATTERN, STATUS_LONG_TERM_PATTERN, STATUS_NEXT_STEP_PATTERN, STATUS_NOT_A_STATUS_PATTERN, STATUS_RECTIFICATION_WORDS, STATUS_REDONE_PATTERN, STATUS_REMAINDER_PATTERN, STATUS_RULES, STATUS_STEP_DONE_PATTERN, STATUS_TOTAL_BEFORE_COUNT } from '../../domain/vocabulary/status';
import { str } from '../../queries/sql';
import { hanDigitsSql } from './dates';
import { bindSql, compactSql, groups } from './text';
import { boolSql } from './values';

/**
 * Normalised status (DOMAIN.md §3.3) of a raw status expression: completed, basically_completed,
 * in_progress, not_completed, or NULL when unrecognised. Rule order is the vocabulary's. The text is
 * read clause by clause from its end: the last clause that names a status and does not say what
 * comes next (STATUS_NEXT_STEP_PATTERN) decides, else the whole text (持续推进 on its own). A line
 * break (LINE_MARK, see statusCompactSql) ends a clause, so a log of dated lines is read by its last
 * (2023年6月：正在整改⏎2023年12月：已完成整改 is completed); a numbered list of lines, one per measure
 * (1.已完成⏎2.正在推进), is as far as its least advanced line.
 * The input is a compact form (see compactSql), where full-width ，；！？（） are already half width.
 */
export function statusSql(raw: string): string {
  // Words that name a status but not the item's (a negative qualifying a noun, a denied delay) go
  // first; so does a full stop at the end (Completed.), which the clauses below do not split at.
  // The part done badly being done again (整改不到位的已重新整改) loses its 不到位 first.
  const strip = (t: string) => `regexp_replace(regexp_replace(regexp_replace(${t}, ${str(STATUS_REDONE_PATTERN)}, '\\1\\2\\3', 'g'),
    ${str(STATUS_NOT_A_STATUS_PATTERN)}, '', 'g'), '\\.+$', '')`;
  // A problem the text describes (存在未及时缴纳党费情况), taken out when what is left still names a status.
  const undescribed = (t: string) => `regexp_replace(${t}, ${str(STATUS_DESCRIBED_PROBLEM_PATTERN)}, '\\1', 'g')`;
  // Counts of parts done and the whole, compared: 0 all done, -1 a part, else no count (another thing counted, or
  // more done than the whole). Each pattern's groups are taken in one call (a struct), all compared by one lambda
  // (st_n); counts in Chinese numerals (两个) as numbers. Only a text with a count is tried.
  const count = (g: string) => `TRY_CAST(${hanDigitsSql(`replace(${g}, '两', '二')`)} AS INTEGER)`;
  const counts = (t: string) => `CASE WHEN regexp_matches(${t}, ${str(COUNT_HINT)}) THEN list_transform([${STATUS_COUNT_PATTERNS.map((p) =>
    groups(t, p.re, p.names)).join(', ')}], lambda st_n: CASE WHEN st_n.w <> '' AND (st_n.c = st_n.e OR st_n.c = '' OR st_n.e = ''
    OR regexp_matches(st_n.c || st_n.e, ${str(STATUS_COUNT_SAME_KIND)})) THEN sign(${count('st_n.d')} - ${count('st_n.w')}) END) END`;
  const done = (t: string) => `coalesce(list_contains(${counts(t)}, 0), false)`;
  // All parts done is completed before any rule; a part done is read where the vocabulary's counted rule stands.
  const rules = (t: string) => bindSql(counts(t), 'st_k', `CASE WHEN list_contains(st_k, 0) THEN 'completed' ${STATUS_RULES.map((r) =>
    `WHEN ${r.counted ? 'list_contains(st_k, -1)' : `regexp_matches(${t}, ${str(r.pattern)})`} THEN ${str(r.status)}`).join(' ')} END`);
  // A remark in brackets on what comes next (已完成（需持续推进）) is a clause of its own, which the
  // next-step rule then passes over; a bracket that says what is done or left (未完成（已完成3项，其余
  // 持续推进）) qualifies the status before it, and is marked 〔 first so that it stays attached.
  const protect = (t: string) => `regexp_replace(${t}, ${str(STATUS_BRACKET)}, '〔\\1\\2', 'g')`;
  // A late remark is a clause of its own too, in brackets or straight after a status word (已完成（逾期）,
  // 已完成逾期1个月), passed over as a next step is (STATUS_LATE_NOTE_PATTERN).
  const late = (t: string) => `regexp_replace(regexp_replace(${t}, ${str(LATE_BRACKET)}, ',\\1,', 'g'), ${str(LATE_AFTER_STATUS)}, '\\1,\\2', 'g')`;
  // 、 or a slash before a next step (已完成、持续推进, 已完成/持续推进) parts it off as a comma does; a total
  // before its count done (共3项措施，已完成2项) is one clause with it. Done once to each text read (st_w, below), so
  // the opening status, all parts done and a text whose clauses all pass (需整改问题6个，已完成整改4个: 需 opens an
  // instruction) read the joined count too.
  const parted = (t: string) => `regexp_replace(regexp_replace(regexp_replace(${t}, ${str(`[、/](${STATUS_NEXT_STEP_PATTERN})`)}, ',\\1', 'g'), ${str(STATUS_TOTAL_BEFORE_COUNT)}, '\\1\\2', 'g'), ${str(STATUS_COUNT_BEFORE_TOTAL)}, '\\1\\2\\3', 'g')`;
  const split = (t: string) => late(`regexp_replace(${protect(t)}, ${str(REMARK_BRACKET)}, ',\\1,', 'g')`);
  const clauses = (t: string) => `regexp_extract_all(${split(t)}, '[^,;。!?]+')`;
  // Each clause (k) is read once, as a struct: its status (r); whether it says what comes next, a late remark or an
  // instruction, and so names no status of the item (skip); whether it is a part still left (rem, below).
  // A part still left and not done (剩余1项持续推进: STATUS_REMAINDER_PATTERN, worded as a next step) holds the
  // status at in progress: 已完成3项措施，剩余1项持续推进 is in progress, 未完成（已完成3项，剩余2项持续推进） still not
  // completed; 5项长效机制持续发挥作用 says nothing is left, nor does work kept up as a long-term mechanism
  // (其余已纳入长效机制持续推进). A count left that says nothing more (完成2项，剩余1项, COUNT_LEFT) is left too.
  // A first step done (已完成自查) beside other clauses is no status of the item either; alone, the whole text reads it.
  const skip = `(regexp_matches(k, ${str(STATUS_NEXT_STEP_PATTERN)}) OR regexp_matches(k, ${str(STATUS_LATE_NOTE_PATTERN)}) OR regexp_matches(k, ${str(STATUS_INSTRUCTION_PATTERN)})
    OR regexp_matches(k, ${str(STATUS_STEP_DONE_PATTERN)}))`;
  const rem = `(regexp_matches(k, ${str(STATUS_REMAINDER_PATTERN)}) AND regexp_matches(k, ${str(STATUS_NEXT_STEP_PATTERN)}) AND NOT regexp_matches(k, '长效|常态|长期'))`;
  // (A clause passed over that is no part left needs no status.)
  const clause = `struct_pack(r := CASE WHEN ${skip} AND NOT ${rem} THEN NULL ELSE ${rules('k')} END, skip := ${skip}, rem := ${rem},
    cl := regexp_matches(k, ${str(COUNT_LEFT)}))`;
  // The last clause that names a status (st_z), held at in progress where a part is left; x is a bound text.
  const lastNamed = (x: string) => bindSql(`list_transform(${clauses(x)}, lambda k: ${clause})`, 'st_cs',
    bindSql(`list_filter(list_transform(list_reverse(st_cs), lambda st_q: CASE WHEN st_q.skip THEN NULL ELSE st_q.r END), lambda s: s IS NOT NULL)[1]`, 'st_z',
      `CASE WHEN st_z IN ('completed', 'basically_completed')
        AND len(list_filter(st_cs, lambda st_q: st_q.rem AND st_q.r IN ('in_progress', 'not_completed') OR st_q.cl)) > 0 THEN 'in_progress' ELSE st_z END`));
  // The reading without a described problem, else with it (存在未整改到位问题 is its own status): one reader over both.
  const read = (t: string) => `list_filter(list_transform(CASE WHEN regexp_matches(${t}, ${str(STATUS_DESCRIBED_PROBLEM_PATTERN)})
    THEN [${strip(undescribed(t))}, ${strip(t)}] ELSE [${strip(t)}] END, lambda st_v: ${lastNamed('st_v')}), lambda s: s IS NOT NULL)[1]`;
  // A closure rate after words of rectification (整改率100%，销号率80%) is no status: taken out.
  const unrated = `replace(${raw}, ${str(LINE_MARK)}, ',')`;
  const flat = `CASE WHEN regexp_matches(${raw}, ${str(STATUS_RECTIFICATION_WORDS)}) THEN regexp_replace(${unrated}, ${str(STATUS_CLOSURE_RATE_CLAUSE)}, '', 'g') ELSE ${unrated} END`;
  // A text that opens with a bare status short of done and goes on to count steps done (未完成，已完成3项措施;
  // 正在整改，已完成摸底排查; 正在整改，部分问题已解决) is that status, unless it says the whole is done (已完成整改):
  // a step done is no more. Otherwise it is read by its last clause (正在整改，2023年12月已完成).
  // All parts counted done is the whole (正在整改，已完成整改措施5项中的5项). A bare negative opening the text (未完成，
  // 正在推进) holds over a later clause in progress: DOMAIN.md §3.3 reads negatives first; a later clause that says done
  // is read as before (未完成，2023年12月已完成). The text (st_w) and its opening clause (st_o) are bound once.
  const whole = bindSql(`regexp_extract(st_w, '^([^,;。!?、]+)[,;。!?、]', 1)`, 'st_o', `CASE
    WHEN regexp_matches(st_o, ${str(OPENING_STATUS)}) AND regexp_matches(st_w, ${str(STEP_DONE)}) AND NOT regexp_matches(st_w, ${str(WHOLE_DONE)})
      AND NOT (${done('st_w')}) THEN ${rules('st_o')}
    ELSE ${bindSql(`coalesce(${read('st_w')}, ${bindSql(strip('st_w'), 'st_x', rules('st_x'))})`, 'st_z',
      `CASE WHEN st_z = 'in_progress' AND regexp_matches(st_o, ${str(OPENING_NEGATIVE)}) THEN 'not_completed' ELSE st_z END`)} END`);
  // A numbered list on one line (1.正在推进;2.已完成) is read as one on several lines.
  const lines = `regexp_replace(${raw}, ${str(`[;,。]\\s*(${LIST_NUMBER})`)}, ${str(LINE_MARK + '\\1')}, 'g')`;
  const numbered = `regexp_matches(${lines}, ${str(NUMBERED_LINES)})`;
  // The texts to read: the whole text last and, in a numbered list, each line before it without its list number
  // ((1)未完成，正在推进 is not completed). A list is as far as its least advanced line, else read as one text.
  const texts = `CASE WHEN ${numbered} THEN list_append(list_transform(string_split(${lines}, ${str(LINE_MARK)}),
    lambda l: regexp_replace(l, ${str(`^${LINE_NUMBER}`)}, '')), ${flat}) ELSE [${flat}] END`;
  const least = (r: string) => STATUS_BY_RANK(`list_min(list_transform(list_filter(${r}[1:-2], lambda s: s IS NOT NULL), lambda s: ${RANK}))`);
  return bindSql(`list_transform(${texts}, lambda st_p: ${bindSql(parted('st_p'), 'st_w', whole)})`, 'st_r', `CASE WHEN len(st_r) > 1 THEN coalesce(${least('st_r')}, st_r[-1]) ELSE st_r[1] END`);
}

// A count of parts (3项, 两个, 4家, 完成3/3): the cheap test before the count patterns are tried.
const COUNT_HINT = '[0-9一二三四五六七八九十两](项|条|个|件|处|家|户|名|人)|完成[0-9]+/';
// A part left, counted and nothing more: 剩余1项, 其余2个, 还有3项 (not 剩余0项).
const COUNT_LEFT = '^(剩余|其余|剩下|余下|尚有|还有|仍有)([1-9][0-9]*|[一二三四五六七八九十两]+)(项|个|件|条|处)$';
// A step or a part done, after an opening status short of done: 已完成3项措施, 2项已完成, 第一阶段已完成, 已完成摸底排查, 部分问题已解决.
const STEP_DONE = '(完成|落实|整改)了?(整改)?(措施|任务|事项|问题)?[0-9一二三四五六七八九十两]+(项|个|条)|[0-9一二三四五六七八九十两]+(项|个|条)[^,;。!?]{0,6}已?(完成|整改|落实)|第[一二三四五六七八九十]阶段|摸底|摸排|排查|方案|部分|一半';
// A bare negative opening a text (未完成, 尚未整改到位, 未完成整改, 没有完成).
const OPENING_NEGATIVE = '^(尚?未|没有?)(完成|整改)(整改)?(到位)?$';
// A bare status short of done, opening a text: it holds over steps or parts done (STEP_DONE), unless the text says the whole is done (WHOLE_DONE).
const OPENING_STATUS = '^(尚?未完成|未整改|尚未整改到位|未整改到位|尚?未完成整改|没有?完成|正在整改|整改中|正在推进|推进中|持续整改|整改推进中|正在落实|落实中)$';
// The whole done: 已完成整改, 整改完毕, 已办结, or a clause (a later line) that is a done word alone (正在整改⏎已完成).
// (已完成整改方案 and 已完成整改措施3项 are steps, not the whole; 已完成整改方案确定的全部任务 is the whole.)
const WHOLE_DONE = '(已经?|全部|全面)(完成|整改)(整改|到位|完毕)([^方措事任问]|$|(方案|措施)[^,;。!?0-9]*(全部|所有|各项))|整改(已经?)?(完成|到位|完毕)|已办结|已销号|全部完成' +
  '|(^|[,;。!?])(现已|均已|已经?|全部)?(完成|整改|落实|解决|办结)(整改)?(到位|完毕)?($|[,;。!?])';

// A bracket that names something done or undone (已完成3项, 未整改): part of the status before it.
const STATUS_BRACKET = '[(【\\[]([^)】\\]]*(?:已完成|未完成|完成[0-9一二三四五六七八九十两]|已整改|未整改|整改到位|已落实|未落实)[^)】\\]]*)([)】\\]])';
// A bracket that begins, within a few characters, with a next-step word (（持续推进）, （需持续推进）).
const REMARK_BRACKET = `[(【\\[]([^)】\\]]{0,4}(?:${STATUS_NEXT_STEP_PATTERN})[^)】\\]]*)[)】\\]]`;
// A bracket holding a late remark (（逾期）, (已超期), 【逾期1个月】).
const LATE_BRACKET = `[(【\\[](${STATUS_LATE_WORDS}[^)】\\]]{0,8})[)】\\]]`;
// A late remark straight after a status word (已完成逾期, 整改到位但逾期): done, then late.
const LATE_AFTER_STATUS = `(完成|到位|办结|完毕|整改中|推进中)(${STATUS_LATE_WORDS})`;
// Two lines or more that begin with a list number (1. 2、 (3) ④), not a date (6.30) or a year.
const LIST_NUMBER = '(?:[0-9]{1,2}[.、)][^0-9]|\\([0-9一二三四五六七八九十]{1,2}\\)|[①-⑳])';
// A list number opening a line: 1. 2、 3) (4) ⑤.
const LINE_NUMBER = '(?:[0-9]{1,2}[.、)]|\\([0-9一二三四五六七八九十]{1,2}\\)|[①-⑳])';
const NUMBERED_LINES = `(?:^|¶)${LIST_NUMBER}.*¶${LIST_NUMBER}`;

/** Marks a line break in a status cell's compact form (statusCompactSql). */
export const LINE_MARK = '¶';
// Statuses from least to most advanced.
const RANKED = ['not_completed', 'in_progress', 'basically_completed', 'completed'];
const RANK = `CASE s ${RANKED.map((v, i) => `WHEN ${str(v)} THEN ${i}`).join(' ')} END`;
const STATUS_BY_RANK = (rank: string) => `CASE ${rank} ${RANKED.map((v, i) => `WHEN ${i} THEN ${str(v)}`).join(' ')} END`;

/** TRUE when the status text says 长期坚持 / 常态化坚持 (not a status: it sets long_term). */
export function statusLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(STATUS_LONG_TERM_PATTERN)}), false)`;
}

/**
 * The compact form (compactSql) a status cell is read in, its line breaks (Alt+Enter in Excel)
 * marked by LINE_MARK: statusSql reads each line.
 */
export function statusCompactSql(v: string): string {
  const marked = `regexp_replace(${markedOptionSql(v)}, '\\s*[\\r\\n\\x{2028}\\x{2029}]+\\s*', ${str(LINE_MARK)}, 'g')`;
  // A line that is only a word its status goes on from (尚未⏎完成, 正在⏎整改) runs on into the next; not a
  // labelled line (是否销号：未) nor one that ends a word (尚未全部退还).
  return compactSql(`regexp_replace(${marked}, '(^|${LINE_MARK})(未|尚未|没有?|尚|仍|正在|已经?)${LINE_MARK}', '\\1\\2', 'g')`);
}

// A cell of options, one marked (a 销号 form from Word): ■已完成 □正在推进 □未完成, ☑已完成 ☐正在整改, and
// 已完成（√）正在推进（ ）, 已完成☑ 未完成☐. The marks, and the option after a mark (or before a ticked bracket or a mark
// ending it), up to a space or a mark; which of the two by the mark opening the cell or ending it (已完成 ☑ 未完成 ☐ ends with
// its marks: helper-131). One mark ticked, and an empty one opening the cell or after a space (or, marks after their options,
// ending the cell or before a space): bullets (●已完成 ●正在推进) and the ○ of 二○二四年 are
// no options (helper-129).
const TICKED = '■☑☒✔✓√●◼▣';
const UNTICKED = '□☐○◻◯';
const GAP = '[\\s\\x{3000}]';
const OPTION = `[^${TICKED}${UNTICKED}()（）\\s\\x{3000}]+`;
// Exactly one mark ticked, with an option's word on the given side of it.
const ONE_TICK_BEFORE_OPTION = `^[^${TICKED}]*[${TICKED}]${GAP}*${OPTION}[^${TICKED}]*$`;
const ONE_TICK_AFTER_OPTION = `^[^${TICKED}]*${OPTION}${GAP}*[${TICKED}][^${TICKED}]*$`;

/** The option a cell of options marks (helper-128: the whole cell read 未完成 or 正在整改), else the cell. */
function markedOptionSql(v: string): string {
  return `CASE WHEN regexp_matches(${v}, '^${GAP}*[${TICKED}${UNTICKED}]') AND regexp_matches(${v}, '(^|${GAP})[${UNTICKED}]') AND regexp_matches(${v}, '${ONE_TICK_BEFORE_OPTION}')
      THEN coalesce(nullif(regexp_extract(${v}, '[${TICKED}]${GAP}*(${OPTION})', 1), ''), ${v})
    WHEN regexp_matches(${v}, '[${TICKED}${UNTICKED}]${GAP}*$') AND regexp_matches(${v}, '[${UNTICKED}](${GAP}|$)') AND regexp_matches(${v}, '${ONE_TICK_AFTER_OPTION}')
      THEN coalesce(nullif(regexp_extract(${v}, '(${OPTION})${GAP}*[${TICKED}]', 1), ''), ${v})
    WHEN regexp_matches(${v}, '[(（]\\s*[√✓✔☑]\\s*[)）]') AND regexp_matches(${v}, '[(（]\\s*[)）]')
      THEN coalesce(nullif(regexp_extract(${v}, '(${OPTION})\\s*[(（]\\s*[√✓✔☑]\\s*[)）]', 1), ''), ${v})
    ELSE ${v} END`;
}

/**
 * A 是否销号 cell (its compact form) as the closed flag: 销号 said as done (同意销号, 已销号) is closed, an
 * application or a wait (已申请销号, 已提交销号申请, 待销号) is not, a date (the day it was closed) is; otherwise a
 * yes or no (是, 否, √; boolSql). NULL when it says none of these.
 */
export function closedCellSql(x: string): string {
  // A leading yes or no decides (是（已申请销号并获批准）); 已… and 未… are read by their words.
  return `CASE WHEN ${x} IS NULL THEN NULL WHEN regexp_matches(${x}, '^(是|否|√|✓|✔|×|✗|✘)') THEN ${boolSql(x)}
    WHEN regexp_matches(${x}, ${str(STATUS_CLOSED_DONE_PATTERN)}) THEN true
    WHEN regexp_matches(${x}, ${str(STATUS_NOT_CLOSED_PATTERN)}) THEN false
    ELSE coalesce(${boolSql(x)}, CASE WHEN regexp_matches(${x}, '^(19|20)\\d{2}[年./-]\\d{1,2}') OR ${x} = '销号' THEN true END) END`;
}

/** TRUE when the status text says the item is closed (销号; see STATUS_CLOSED_PATTERN). */
export function closedWordSql(x: string): string {
  return `coalesce(NOT regexp_matches(${x}, ${str(STATUS_CLOSURE_BELOW_FULL)}) AND regexp_matches(${x}, ${str(STATUS_CLOSED_DONE_PATTERN)})
    OR regexp_matches(${x}, ${str(STATUS_CLOSED_PATTERN)}) AND NOT regexp_matches(${x}, ${str(STATUS_NOT_CLOSED_PATTERN)}), false)`;
}
