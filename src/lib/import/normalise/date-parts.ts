import { str } from '../../queries/sql';
import { bindSql, groups } from './text';

/**
 * Which part of a date text names the date (DOMAIN.md §3.4): one end of a range, each clause of a text of
 * several dates, the new deadline of one changed. dates.ts reads the date of the part.
 */

// The first year a text names: a clause or a change without its year is in it.
const FIRST_YEAR = '((?:19|20)\\d{2})年';

// A range of two dates: 2023.3.1-2023.6.30, 2023年3月至2023年6月, 2023/3/1~2023/6/30 (the second part
// starts with a year, so 2023-06-30 alone is no range), or 2023年3月至6月 (the year said once; also 从2024年3月起至6月底).
const SEP = '(至|到|~|—|–|-)';
const RANGE = `^(.*\\d\\D*?)${SEP}((19|20)\\d{2}.*)$`;
// Its end's month before the start's, or said in 次年, is in the next year (2024年10月至3月, 2024年10月至次年3月).
const RANGE_ONE_YEAR = `^((?:从|自)?((19|20)\\d{2})年(\\d{1,2})月(\\d{1,2}日|上旬|中旬|下旬)?(?:起|开始)?)${SEP}((次年|翌年|明年)?(\\d{1,2})月.*)$`;
// Months of one year, the month word said once: 2024年6-9月, 2024年6至9月底前.
const RANGE_MONTHS = `^(((19|20)\\d{2})年)(\\d{1,2})${SEP}(\\d{1,2}月.*)$`;
// Halves and quarters of one year, the year said once: 2024年第二季度至第三季度, 2024年上半年至下半年.
const RANGE_PERIODS = `^(((19|20)\\d{2})年(?:上半年|第?[1-4]季度))${SEP}((?:下半年|第?[1-4]季度).*)$`;
// From a month to the end of its year: 2024年3月至年底, 2024年3月到年底前.
const RANGE_TO_YEAR_END = `^(((19|20)\\d{2})年.*?)(至|到)(年底|年末|底)前?$`;
// Written with dots, the year said once: months (2024.4-6, 2024.4-6月底前) or days (2024.5.20-6.30); a later
// month than the first's, or a day of a later month, else no range (2024.4-3). Past December: the next year.
const RANGE_DOTS = `^((?:19|20)\\d{2})[./](\\d{1,2})(?:[./](\\d{1,2})日?)?${SEP}(\\d{1,2})(?:[./](\\d{1,2}))?([月日]?.*)$`;

/** TRUE when a text is a range whose both ends name their year (RANGE): one written backwards can be told. */
export function rangeOfWholeDatesSql(x: string): string {
  return `regexp_matches(${x}, ${str(RANGE)})`;
}

/**
 * One end of a date range, or the text itself when it is no range. A deadline, a completion or a
 * feedback date given as a range means its end; a station start means its start.
 */
export function rangePartSql(x: string, part: 'start' | 'end'): string {
  // Each pattern's groups are extracted once (bound as a lambda's parameter, see bindSql), not once per read.
  const [r, o, m, z, q, t] = ['st_rr', 'st_ro', 'st_rm', 'st_rz', 'st_rq', 'st_rt'];
  const nextYear = `${o}.next <> '' OR TRY_CAST(${o}.m2 AS INTEGER) < TRY_CAST(${o}.m AS INTEGER)`;
  // Both ends must have a day or neither; the second's month is a later one (a day of the same month is no range: 2024.4.1-6).
  const dots = `${t}.sep <> '' AND (${t}.d = '') = (${t}.d2 = '') AND TRY_CAST(${t}.m2 AS INTEGER) BETWEEN 1 AND 12
    AND (${t}.d <> '' OR TRY_CAST(${t}.m2 AS INTEGER) > TRY_CAST(${t}.m AS INTEGER))`;
  const year2 = `CAST(CAST(${t}.y AS INTEGER) + CASE WHEN TRY_CAST(${t}.m2 AS INTEGER) < TRY_CAST(${t}.m AS INTEGER) THEN 1 ELSE 0 END AS VARCHAR)`;
  const dotted = part === 'start'
    ? `${t}.y || '年' || ${t}.m || '月' || CASE WHEN ${t}.d <> '' THEN ${t}.d || '日' ELSE '' END`
    : `${year2} || '年' || ${t}.m2 || '月' || CASE WHEN ${t}.d2 <> '' THEN ${t}.d2 || '日' || regexp_replace(${t}.rest, '^日', '')
        ELSE regexp_replace(${t}.rest, '^月', '') END`;
  const [whole, one, months, toYearEnd, periods] = part === 'start'
    ? [`${r}.head`, `${o}.head`, `${m}.year || ${m}.from || '月'`, `${z}.head`, `${q}.head`]
    : [`${r}.tail`, `CAST(CAST(${o}.y AS INTEGER) + CASE WHEN ${nextYear} THEN 1 ELSE 0 END AS VARCHAR) || '年' || substr(${o}.tail, length(${o}.next) + 1)`, `${m}.year || ${m}.tail`, `${z}.y || '年底'`, `${q}.y || '年' || ${q}.tail`];
  // Written as a range the rule declines, with a month after the dash (2024.4.1-6, 2024.11-2, 2024.4-3): no date, since
  // it may be either end; a day after it (2024.6-30) is a date with mixed separators.
  const declined = `${t}.sep <> '' AND TRY_CAST(${t}.m2 AS INTEGER) BETWEEN 1 AND 12`;
  // Days of one month after a day, the number past any month's (2024.4.10-30, 2024.4.1-15日): that month's later day.
  const days = `${t}.d <> '' AND ${t}.d2 = '' AND TRY_CAST(${t}.m2 AS INTEGER) BETWEEN greatest(13, TRY_CAST(${t}.d AS INTEGER) + 1) AND 31`;
  const dayOfMonth = part === 'start' ? dotted : `${t}.y || '年' || ${t}.m || '月' || ${t}.m2 || '日' || regexp_replace(${t}.rest, '^[日号]', '')`;
  const cases = `CASE WHEN ${r}.tail <> '' THEN ${whole} WHEN ${o}.tail <> '' THEN ${one} WHEN ${m}.tail <> '' THEN ${months}
    WHEN ${z}.w <> '' THEN ${toYearEnd} WHEN ${q}.tail <> '' THEN ${periods} WHEN ${dots} THEN ${dotted} WHEN ${days} THEN ${dayOfMonth} WHEN ${declined} THEN NULL ELSE ${x} END`;
  return [
    [groups(x, RANGE, ['head', 'sep', 'tail']), r],
    [groups(x, RANGE_ONE_YEAR, ['head', 'y', 'c', 'm', 'd', 'sep', 'tail', 'next', 'm2']), o],
    [groups(x, RANGE_MONTHS, ['year', 'y', 'c', 'from', 'sep', 'tail']), m],
    [groups(x, RANGE_TO_YEAR_END, ['head', 'y', 'c', 'sep', 'w']), z],
    [groups(x, RANGE_PERIODS, ['head', 'y', 'c', 'sep', 'tail']), q],
    [groups(x, RANGE_DOTS, ['y', 'm', 'd', 'sep', 'm2', 'd2', 'rest']), t],
  ].reduceRight((body, [expr, name]) => bindSql(expr, name, body), cases);
}

// What divides a text into clauses, each read for a date of its own: punctuation, and 和, 及, 与 between two dates
// (2024年6月和12月; 2024年6月底前完成制度建设和人员培训 has one).
const CLAUSE_MARKS = ',;。、和及与';
// A date with its year straight after another date's last word (①2024年6月底前②2024年9月底前, 2024年6月30日2024年9月30日 once
// the notes in brackets between are gone, 2024.6.30/2024.9.30, a space between): a clause of its own (helper-148).
// Only a list mark, a space or a slash between: a year after words is the work's (2024年12月底前完成2025年6月到期合同的续签), and the
// 号 of 销号 no date's end (helper-149).
const NEXT_DATE = '([0-9][日号月]|[前底末]|[0-9][ /])([ /①-⑳⑴-⒇⒈-⒛]{0,3})((?:19|20)[0-9]{2}[年./-])';
// A clause that dates a step after the work, not the work (…，2024年7月底前报送整改报告; 2024年5月20日完成，2024年6月10日通过验收;
// 回头看, 销号, 接受…督查), unless it says the work is done then, before any report it names (2024年12月底前完成整改验收, …整改并报送结果;
// not …报送问题整改情况报告, whose 整改 is the report's name: helper-152); and a clause of the old date (原定2024年9月底前). Beside another
// dated clause neither is a date of the item's end (helper-148: the latest date was read, the item's end pushed later). Only a
// step's own verbs: 检查, 核查, 评估 are as often the work itself (2024年9月底前完成问题检查整改, helper-149), and so is a report
// system (数据报送系统建设).
const STEP_CLAUSE = '(报送|上报)([^系平功机流制]|$)|回头看|(通过|组织|申请|接受|进行)验收|[前底日号月](完成)?验收|验收(通过|合格)|销号|(接受|迎接|配合)[^,;。完]{0,8}?(督查|督导|检查)';
const WORK_DONE = '完成整改|整改完成|全面完成|全部完成|整改到位|整改完毕|发现问题整改|完成并|整改并';
const OLD_DATE_CLAUSE = '^原(定|计划|期限|时限|为|来|要求)[^0-9,;。]{0,2}(19|20)[0-9]{2}';

// A clause saying the work was done on a day (…；已于2024年7月10日完成, 实际完成时间2024年7月10日, 2024年7月10日已完成整改): beside a
// dated clause, the day it was done, no deadline (the latest date was read: a 整改时限 done late ran to the day it was done, its
// overdue hidden). Not done by a limit (已于2024年6月底前完成阶段整改: 前), which restates the limit; 实际 only with a date after it,
// at most after 完成 and 时间 (not 实际整改期限, 实际截止, 实际工作中: helper-153); 已于 only with what was done (not 已于…申请延期, 已于…结束).
const DONE_CLAUSE = '^实际(已经?)?(于|在)?(完成|办结)?(时间|日期)?:?(19|20)[0-9]{2}|^(现|目前|该问题|问题)?已经?(于|在)[^,;。]*(完成|办结|整改|到位|完毕|销号)|[0-9日号月底](已经?|均已)(全部|全面)?(完成|办结|整改)';
// The work done whole on the day, no stage, part or step of it (已于2024年7月10日完成整改, 2024年7月10日均已办结, 实际完成时间2024年7月10日;
// not 完成自查, 完成第一批整改, 启动整改, 申请延期, 通过验收: helper-153): only such a day is the completion date (done-day.ts doneDaySql).
const WHOLE_WORK = '(全部|全面)?(完成|办结|整改完毕|整改完成|整改到位)(该问题|问题|相关)?(整改|整改任务|整改工作|任务|工作)?((并|及)(通过)?(销号|验收|验收销号))?';
export const DONE_WHOLE = `^实际(已经?)?(于|在)?(完成|办结)?(时间|日期)?:?[0-9][0-9年月日号./-]*$|[0-9日号底](已经?|均已)?${WHOLE_WORK}(\\([^()]*\\))?$`;

// The same said without 已 or 实际 (2024年6月底前，2024年7月10日完成整改; …，于2024年7月10日整改完成; …，完成时间：2024年7月10日), which offices
// write as often: a whole day, not a month's last (a plan's limit: 2024年6月底前完成方案，2024年12月31日完成整改), and the whole work done,
// no stage (完成方案). Only beside a clause that is a bare limit, a limit's date and nothing more (BARE_LIMIT: 2024年6月底前, 2024年6月30日前;
// not 2024年6月底前（初步整改）, read with its brackets, nor a day alone: 2024年6月30日、2024年12月15日完成整改 is a plan), and with no other
// dated clause naming work that is no limit (2024年6月底前，2024年8月15日完成整改方案，2024年10月15日完成整改 is a plan of stages: helper-157).
// A plan names its first stage's work (2024年3月31日完成自查，2024年6月30日完成整改), a done note restates no work (helper-153 L2–L5).
// Whether the day was really done is the row's to say (findings.ts): by its status and the as-of date (the map flags such a day: ip).
const WHOLE_DAY = '(19|20)[0-9]{2}(年[0-9]{1,2}月|[./-][0-9]{1,2}[./-])([0-9]{1,2})[日号]?';
const IMPLIED_DONE = `^((于|在)?${WHOLE_DAY}${WHOLE_WORK}|完成(时间|日期):?${WHOLE_DAY})$`;
const MONTH_END_DAY = '([年./-](0?[469]|11)[月./-]30|[月./-]31|(年|[./-])0?2[月./-](28|29))[日号]?([^0-9]|$)';
const BARE_LIMIT = '^((整改)?(时限|期限):?)?(19|20)[0-9]{2}(年([0-9]{1,2}月([0-9]{1,2}[日号])?)?|[./-][0-9]{1,2}([./-][0-9]{1,2})?)((底|末)(之|以)?前?|(之|以)?前)$';

/**
 * TRUE when the clauses `l` (of a text with its brackets) hold a bare limit (BARE_LIMIT) and no dated clause naming work that is
 * neither a limit nor a day done, a step or an old date, so that a day said done without 已 may be one (IMPLIED_DONE).
 */
export function bareLimitSql(l: string): string {
  const work = (k: string) => `regexp_matches(${k}, '(19|20)[0-9]{2}') AND NOT regexp_matches(${k}, ${str(BARE_LIMIT)}) AND NOT regexp_matches(${k}, '前')
    AND NOT ${impliedDoneSql(k)} AND NOT regexp_matches(${k}, ${str(DONE_CLAUSE)}) AND NOT regexp_matches(${k}, ${str(OLD_DATE_CLAUSE)}) AND NOT ${stepClauseSql(k)}`;
  // A note in brackets names no work of a clause of its own (…完成整改（附件3）, （逾期）, （已销号）).
  const unbracketed = `list_transform(${l}, lambda st_bx: regexp_replace(st_bx, '\\([^()]*\\)', '', 'g'))`;
  return `(len(list_filter(${l}, lambda st_bj: regexp_matches(st_bj, ${str(BARE_LIMIT)}))) > 0
    AND len(list_filter(${unbracketed}, lambda st_bo: ${work('st_bo')})) = 0)`;
}

/**
 * TRUE when a clause `k` says the work was done on a day (DONE_CLAUSE), not by a limit; or, where `bare` (bareLimitSql) holds, says
 * so without 已 or 实际 (IMPLIED_DONE) on a day not a month's last.
 */
export function doneClauseSql(k: string, bare?: string): string {
  return `((regexp_matches(${k}, ${str(DONE_CLAUSE)}) AND NOT regexp_matches(${k}, '前'))${bare ? ` OR (${bare} AND ${impliedDoneSql(k)})` : ''})`;
}

/**
 * TRUE when a clause `k` says the whole work was done on a day without 已 (IMPLIED_DONE), not a month's last unless `anyDay`; the bare
 * limit beside it is the caller's test.
 */
export function impliedDoneSql(k: string, anyDay = false): string {
  return `(regexp_matches(${k}, ${str(IMPLIED_DONE)})${anyDay ? '' : ` AND NOT regexp_matches(${k}, ${str(MONTH_END_DAY)})`})`;
}

/** TRUE when a clause `k` dates a step after the work (STEP_CLAUSE), the work not said done before the report it names (WORK_DONE). */
export function stepClauseSql(k: string): string {
  return `(regexp_matches(${k}, ${str(STEP_CLAUSE)}) AND NOT regexp_matches(regexp_replace(${k}, '(报送|上报)[^,;。]*$', ''), ${str(WORK_DONE)}))`;
}

/** The text with a clause mark before each date run on after another (NEXT_DATE). */
const splitDatesSql = (x: string) => `regexp_replace(${x}, ${str(NEXT_DATE)}, '\\1\\2;\\3', 'g')`;

/** A clause of a text, and what parts two, as datedClausesSql cuts them. */
export const CLAUSE = `[^${CLAUSE_MARKS}]+`;
export const CLAUSE_MARK = `[${CLAUSE_MARKS}]`;

/**
 * The range part (rangePartSql) of each clause of a text that holds a year, as a list; NULL for one clause.
 * A later clause that sets a limit by a month or the year's end without the year (2024年6月底前完成80%，年底前
 * 全部完成; …，12月底前全面完成), or is a month or a half or quarter and nothing else (2024年6月和12月, 2024年6月、12月, 2024年上半年和下半年), is in the year
 * the text names first; one that only dates a step (…，6月开展回头看) is no date of the item's, nor, for the end, one of a
 * step after the work, of the old date, or of the day the work was done (STEP_CLAUSE, OLD_DATE_CLAUSE, DONE_CLAUSE).
 * `bareOf`: the same text with its bracketed notes, in which a bare limit is looked for (bareLimitSql).
 */
export function datedClausesSql(x: string, part: 'start' | 'end', bareOf: string = x): string {
  const split = splitDatesSql(x);
  const year = `regexp_extract(${x}, ${str(FIRST_YEAR)}, 1)`;
  const period = '(1[0-2]|0?[1-9])月|[上下]半年|第?[1-4]季度';
  const limit = `(regexp_matches(k, '前') OR regexp_full_match(k, '(${period})(\\d{1,2}[日号]|底|末)?'))`;
  // A done clause is left out only beside another dated clause that is still a candidate: not done, no step, no old date (every
  // clause done: the latest, helper-153; 2024年6月30日验收，2024年7月10日已办结 is 07-10).
  const setAside = (k: string) => `(regexp_matches(${k}, ${str(OLD_DATE_CLAUSE)}) OR ${stepClauseSql(k)})`;
  const candidate = `len(list_filter(st_ck, lambda j: regexp_matches(j, '[0-9]{4}|前|[月年][底末]')
    AND NOT ${doneClauseSql('j', 'st_bl')} AND NOT ${setAside('j')})) > 0`;
  const aside = part === 'end' ? `WHEN ${setAside('k')} OR (${doneClauseSql('k', 'st_bl')} AND st_cd) THEN NULL ` : '';
  const withYear = `CASE ${aside}WHEN regexp_matches(k, '\\d{4}') THEN k WHEN ${year} = '' OR NOT ${limit} THEN NULL
    WHEN regexp_matches(k, '^(${period})') OR regexp_matches(k, '^年[底末]') THEN ${year} || CASE WHEN left(k, 1) = '年' THEN '' ELSE '年' END || k END`;
  const dated = `list_filter(list_transform(st_ck, lambda k: ${withYear}), lambda k: k IS NOT NULL)`;
  // The split is bound once (bindSql): it is tested for a clause mark and then cut into clauses (st_ck); so is, for the end, whether a
  // clause is a bare limit (st_bl) and whether a candidate other than a done clause is left (st_cd), once per text, not per clause.
  const clauses = `list_transform(${dated}, lambda k: ${rangePartSql('k', part)})`;
  const bare = bareLimitSql(bareOf === x ? 'st_ck' : `regexp_extract_all(${splitDatesSql(bareOf)}, ${str(CLAUSE)})`);
  const ended = bindSql(bare, 'st_bl', bindSql(candidate, 'st_cd', clauses));
  const cut = bindSql(`regexp_extract_all(st_cl, ${str(CLAUSE)})`, 'st_ck', part === 'end' ? ended : clauses);
  return bindSql(split, 'st_cl', `CASE WHEN regexp_matches(st_cl, ${str(CLAUSE_MARK)}) THEN ${cut} END`);
}

// A month without its year, then a note of the year alone (6月底前（2024年）, 6月30日（2024年度）) or of that month in a year
// (6月底前（2025年6月底前全面完成））: the month in that year. The bracket is compact's ASCII one. A note of another month
// (6月底前（2024年9月底前完成验收）) is no year of this one (helper-152), left to the rules after.
const YEAR_NOTE = '^((1[0-2]|0?[1-9])月[^()]*?)\\(((?:19|20)[0-9]{2})年度?(?:(1[0-2]|0?[1-9])月([^()]*))?\\)(.*)$';

/** The text with a month given its year by the note after it (YEAR_NOTE), else the text. */
export function yearNoteSql(v: string): string {
  const [g, x] = ['st_yn', 'st_yx'];
  // Only where no later clause has a note of another year (六月底前（2024年），十二月底前（2025年）): it would take the first's (helper-158);
  // a note of a month's year only, not a year named in brackets (完成整改（2023年度问题）, 涉及（2023年）资金: helper-159 Y05, Y06).
  const other = `len(list_filter(regexp_extract_all(${g}.rest, '月[^(),;。、]*\\(((?:19|20)[0-9]{2})年度?\\)', 1), lambda st_yo: st_yo <> ${g}.y)) > 0`;
  const dated = `CASE WHEN ${other} THEN ${x} WHEN ${g}.m2 = '' THEN ${g}.y || '年' || ${g}.lim || ${g}.rest
    WHEN TRY_CAST(${g}.m2 AS INTEGER) = TRY_CAST(${g}.m AS INTEGER) THEN ${g}.y || '年' || ${g}.m2 || '月' || ${g}.note || ${g}.rest ELSE ${x} END`;
  return bindSql(v, x, `CASE WHEN regexp_matches(${x}, ${str(YEAR_NOTE)}) THEN ${bindSql(groups(x, YEAR_NOTE, ['lim', 'm', 'y', 'm2', 'note', 'rest']), g, dated)} ELSE ${x} END`);
}

// A deadline changed (2024年6月底前（已延期至9月底）; 原定2024年12月底前，现提前至2024年9月底前; 调整为2024年9月底; 调整后：2024年9月底): the
// word of change and what follows it, a date first. Put back (PUT_BACK), brought forward (提前) or changed either way
// (调整, 变更, 改). 未延期至… says the opposite; 调整为长期整改 names no date and changes none.
const PUT_BACK = '延期|延长|推迟|顺延';
const CHANGE_VERB = `${PUT_BACK}|调整|变更|提前|改`;
const CHANGE_WORD = `(?:^|[^未不没无])(${CHANGE_VERB})[^0-9]{0,3}?(?:至|到|为|后:)`;
// A text that opens with its change and names no old date (延期至9月底, 已调整为2024年9月底前): a time limit, the new one.
export const CHANGE_OPENING = `(?:已经?|经批准|申请)?(?:${CHANGE_VERB})[^0-9]{0,2}?(?:至|到|为)`;
/** `then` for a text with a word of change in it, else the text: the change readers run on no other. */
const onChangeSql = (x: string, then: string) => `CASE WHEN regexp_matches(${x}, ${str(CHANGE_VERB)}) THEN ${then} ELSE ${x} END`;
const CHANGED = `${CHANGE_WORD}([^0-9]{0,4}?(?:(?:19|20)\\d{2}|(?:1[0-2]|0?[1-9])月).*)$`;
// A change that did not happen, taken out of the text with the date it names: denied (2024年6月底前（未延期至2024年9月底）, 不同意延期至9月底)
// or refused (申请延期至9月底，未获批准; 申请延期，被驳回).
// Not a failed check of the work (延期至2025年3月底，未通过验收): only the change's approval.
const REFUSED = '(?:(?:未|没有|不予|未予)获?得?(?:批准|同意)|未获通过|未通过审批|驳回|退回|不同意)';
const VOID_CHANGE = `(?:没有|(?:不|未)(?:同意|批准)|不予|[未不没无])(?:${CHANGE_VERB})[^,;。)]*|(?:${CHANGE_VERB})[^,;。]*[,;。]?[^,;。\\d]{0,6}?${REFUSED}[^,;。]*`;

/** The text without the changes that did not happen (VOID_CHANGE). */
export function voidChangesRemovedSql(x: string): string {
  return onChangeSql(x, `regexp_replace(${x}, ${str(VOID_CHANGE)}, '', 'g')`);
}

// The last date before a change, which a change without its year is read against: a year with a month (and day) or its
// end (2024年6月底前, 2024年6月15日, 2024年底前, 2024.6.30).
const LAST_DATE = '^.*((?:19|20)\\d{2})(?:年(?:(\\d{1,2})月(?:(\\d{1,2})[日号])?|年?度?[底末内])|[./-](\\d{1,2})(?:[./-](\\d{1,2}))?(?:\\D|$))';
const LAST_DATE_PARTS = ['y', 'm', 'd', 'm2', 'd2'];

/** The month of the last date (LAST_DATE's parts `o`), the year's end as December. */
const lastMonth = (o: string) => `TRY_CAST(coalesce(NULLIF(${o}.m, ''), NULLIF(${o}.m2, ''), '12') AS INTEGER)`;

// A deadline put back by a length (2024年6月底前，延期3个月; 延期两个月; 延期半年; 延长30天): the old date and the length, a month's end staying one.
const PUT_BACK_BY = `^(.*?)(${PUT_BACK})了?(\\d{1,3}|两|半)(个月|年|天|日)`;

/** The text with a deadline put back by a length (PUT_BACK_BY) written as put back to the day it gives. */
export function putBackBySql(x: string): string {
  const [g, o] = ['st_pb', 'st_po'];
  const day = `NULLIF(coalesce(NULLIF(${o}.d, ''), ${o}.d2), '')`;
  const date = (d: string) => `TRY_CAST(${o}.y || '-' || ${lastMonth(o)} || '-' || ${d} AS DATE)`;
  // Months (a year is 12, 半年 6) or days; 半 of a month or a day is no length read.
  const n = `CASE WHEN ${g}.n = '半' THEN CASE WHEN ${g}.unit = '年' THEN 6 END
    ELSE CASE ${g}.n WHEN '两' THEN 2 ELSE TRY_CAST(${g}.n AS INTEGER) END * CASE WHEN ${g}.unit = '年' THEN 12 ELSE 1 END END`;
  const on = `CASE WHEN ${g}.unit IN ('个月', '年') THEN CASE WHEN ${day} IS NULL OR ${date(day)} = last_day(${date("'1'")})
      THEN last_day(${date("'1'")} + to_months(${n})) ELSE CAST(${date(day)} + to_months(${n}) AS DATE) END
    ELSE CAST(coalesce(${date(day)}, last_day(${date("'1'")})) + to_days(${n}) AS DATE) END`;
  const put = `CASE WHEN ${o}.y <> '' AND ${n} BETWEEN 1 AND CASE WHEN ${g}.unit IN ('天', '日') THEN 999 ELSE 120 END THEN ${g}.head || ${g}.w || '至' || strftime(${on}, '%Y年%m月%d日') || ${g}.rest END`;
  const read = bindSql(groups(`${g}.head`, LAST_DATE, LAST_DATE_PARTS), o, `coalesce(${put}, ${x})`);
  return onChangeSql(x, bindSql(groups(x, `${PUT_BACK_BY}(.*)$`, ['head', 'w', 'n', 'unit', 'rest']), g, `CASE WHEN ${g}.w = '' THEN ${x} ELSE ${read} END`));
}

// A change to a date without its year, after a date with one: a month (延期至9月底), the year's end (改为年底前), or a year
// said by a word, the next (顺延至次年3月底) or the same (调整为当年12月底).
const CHANGED_YEARLESS = `^(.*?(?:19|20)\\d{2}[年./-].*?${CHANGE_WORD})(?:(\\d{1,2})月|(次|明|翌|第2|下1?)年|(当|本|同|今)年|(年[底末内]))`;

/**
 * The text with its first change to a date without the year (CHANGED_YEARLESS) given the year, read against the last date
 * before it: put back, the next year when the month comes before the old one (2023年12月底前（已延期至3月底）→ 2024年3月);
 * brought forward, the year before when it comes after it (原定2025年3月底前，现提前至12月底前 → 2024年12月); changed either
 * way, the same year, or the next when the month comes over half a year before the old one (2024年12月底前，改为10月底前 →
 * 2024年10月; 2024年3月底前，调整为12月底前 → 2024年12月; 2024年11月底前，调整为2月底前 → 2025年2月).
 */
export function changedYearSql(x: string): string {
  const [g, o] = ['st_cg', 'st_co'];
  const [m, old] = [`TRY_CAST(${g}.m AS INTEGER)`, lastMonth(o)];
  const shift = `CASE WHEN ${g}.next <> '' THEN 1 WHEN ${g}.m = '' THEN 0
    WHEN regexp_full_match(${g}.w, ${str(PUT_BACK)}) THEN CASE WHEN ${m} < ${old} THEN 1 ELSE 0 END
    WHEN ${g}.w = '提前' THEN CASE WHEN ${m} > ${old} THEN -1 ELSE 0 END
    ELSE CASE WHEN ${m} - ${old} < -6 THEN 1 ELSE 0 END END`;
  const named = `CASE WHEN ${g}.m <> '' THEN ${g}.m || '月' ELSE ${g}.end END`;
  const given = bindSql(groups(`${g}.head`, LAST_DATE, LAST_DATE_PARTS), o,
    `CASE WHEN ${o}.y = '' THEN ${x} ELSE ${g}.head || CAST(CAST(${o}.y AS INTEGER) + ${shift} AS VARCHAR) || '年' || ${named} || ${g}.rest END`);
  return onChangeSql(x, bindSql(groups(x, `${CHANGED_YEARLESS}(.*)$`, ['head', 'w', 'm', 'next', 'same', 'end', 'rest']), g,
    `CASE WHEN ${g}.head = '' THEN ${x} ELSE ${given} END`));
}

/**
 * The new deadline of a changed one (see CHANGE_WORD: what follows the last word of change, a year or a month first),
 * else the text. Its year is given by changedYearSql, once per change; one still without it (a third change) is in the
 * year the text names first.
 */
export function changedDeadlineSql(x: string): string {
  const tail = `regexp_extract(${x}, ${str('^.*' + CHANGED)}, 2)`;
  const year = `regexp_extract(${x}, ${str(FIRST_YEAR)}, 1)`;
  const dated = `CASE WHEN regexp_matches(${tail}, '(19|20)\\d{2}|年') OR ${year} = '' THEN ${tail} ELSE ${year} || '年' || regexp_replace(${tail}, '^[^0-9]*', '') END`;
  return `CASE WHEN regexp_matches(${x}, ${str(CHANGED)}) THEN ${dated} ELSE ${x} END`;
}
