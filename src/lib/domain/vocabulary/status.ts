/**
 * Status vocabulary (DOMAIN.md §3.3). Rules are tried in order because 完成 occurs inside 未完成
 * and 基本完成: the first pattern that matches the cleaned raw text decides. A negative may have an
 * adverb before its verb (未全部完成, 未能整改到位, 没有整改到位).
 * Patterns are RE2 regular expressions (DuckDB's `regexp_matches`).
 */
export interface StatusRule {
  status: 'completed' | 'basically_completed' | 'in_progress' | 'not_completed';
  pattern: string;
  /** No pattern: a count of parts done short of the whole (statusSql compares STATUS_COUNT_PATTERNS' counts). */
  counted?: true;
}

// Counts of parts: a count, its unit, a noun of what is counted, a verb of doing it and a word of the whole.
const COUNT = '([0-9一二三四五六七八九十两]+)';
const UNIT = '(?:项|条|个|件|处|家|户|名|人)';
const NOUN = '(?:整改)?(?:措施|任务|事项|问题)';
// What is counted after a count (3个村, 4家单位, 12名党员), captured: a count done of another thing is no part of
// the whole (5个村已完成整改4个问题). A set phrase with a number (八项规定, 两个责任, 一个月) names none of these.
const THINGS = `${NOUN}|村|社区|单位|部门|乡镇|街道|企业|学校|支部|党支部|科室|党员|干部`;
const THING = `(${THINGS})`;
const VERB = '(?:完成|整改|落实|解决|销号|办结)';
// The verb of the count done: 已完成整改4个, 已整改到位3个, 整改完成2个.
const DONE_VERB = `已?${VERB}(?:整改)?(?:到位|完毕|完成)?了?`;
// A whole: 共5项, 涉及8家单位, and what a place has or is to do (全镇12个村, 应整改23人).
const WHOLE = '(?:共有?|共计|总共|总计|合计|涉及|全(?:镇|乡|县|市|区|街道|村)(?:共有?)?|应整改|需整改)';
// Between the whole and the count done: a few characters (中, 其中), not a number and not 月 (3个月内已完成3项 is no count).
const GAP = '[^,;。!?0-9月]{0,3}?';
// The count done (已完成整改4个) and what it counts, not a span of months (一个问题已整改两个月).
const DONE = `${DONE_VERB}${COUNT}${UNIT}${THING}?(?:[^月]|$)`;
/**
 * Counts of parts done and the whole (完成3/3, 3项措施中的2项, 五项中已完成四项, 共5个问题已整改3个, 5条措施已落实4条,
 * 三个村已整改两个, 三个村中有两个已整改, 12个村中已有10个完成整改, 全镇12个村，已完成整改10个, 应整改23人，已整改21人,
 * 全镇12个村，10个村已完成整改, 3项措施2项已完成, 涉及党员干部30名，已整改25名, 12名党员，已整改10名,
 * 已完成4项(共5项), 已完成4项(5项中)): each pattern with its groups' names, w the
 * whole and c what it counts, d the count done and e what that counts (3项措施中的3项未完成 counts none done). A part done is in progress, all of them completed (statusSql compares
 * the counts, Chinese numerals as numbers: 共2项措施，已完成两项 is whole); no part is a count done of another thing
 * (已整改3个村共8个问题, 5个村已完成整改4个问题) or more than the whole. A whole in Chinese numerals needs 共, 中 or a
 * thing counted after it, so a set phrase with a number (八项规定问题已整改3个, 两个责任问题已整改三项, 一个月内已完成3项)
 * is no whole; a whole after the count done is 共…, in brackets or after a slash, and ends its clause.
 */
export const STATUS_COUNT_PATTERNS: { re: string; names: string[] }[] = [
  { re: '完成([0-9]+)/([0-9]+)()()', names: ['d', 'w', 'c', 'e'] },
  { re: `${COUNT}${UNIT}${THING}?之?中的?(?:${DONE_VERB})?${COUNT}${UNIT}${THING}?(?:[^未没尚]|$)`, names: ['w', 'c', 'd', 'e'] },
  { re: `${COUNT}${UNIT}${THING}?(?:其?中)?(?:已经?)?有?${COUNT}${UNIT}${THING}?(?:均|都|全部)?(?:已经?)?${VERB}`, names: ['w', 'c', 'd', 'e'] },
  { re: `(?:${WHOLE}(?:${THINGS})*|${NOUN})${COUNT}${UNIT}${THING}?${GAP}${DONE}`, names: ['w', 'c', 'd', 'e'] },
  { re: `([0-9]+)${UNIT}${THING}?${GAP}${DONE}`, names: ['w', 'c', 'd', 'e'] },
  { re: `${COUNT}${UNIT}${THING}${GAP}${DONE}`, names: ['w', 'c', 'd', 'e'] },
  { re: `${DONE_VERB}${NOUN}?${COUNT}${UNIT}${THING}?(?:[(/]${WHOLE}?|${WHOLE})${COUNT}${UNIT}${THING}?(?:之?中)?\\)?(?:[,;。!?]|$)`, names: ['d', 'e', 'w', 'c'] },
];
/** Two things counted that are one kind (措施 and 任务, both parts of a plan): c and e of STATUS_COUNT_PATTERNS. */
export const STATUS_COUNT_SAME_KIND = `^${NOUN}${NOUN}$`;
/**
 * A whole named in the clause before its count done (共3项措施，其中已完成2项; 整改措施8条，已完成6条; 共5个村，已完成整改3个; 共5个问题，其中4个已整改;
 * 全镇12个村，已有10个村完成整改 or 10个村已完成整改; 涉及党员干部30名, its thing before the count; a clause that is a count alone, 12名党员，已整改10名),
 * to be joined into one. Not a count of people dealt with (问责干部3人，已整改2个问题): a thing before the count needs a word of the whole.
 */
export const STATUS_TOTAL_BEFORE_COUNT = `((?:${WHOLE}(?:${THINGS})*|${NOUN}|^|[,;。!?])[0-9一二三四五六七八九十两]+${UNIT}(?:${THINGS})?),((?:其中)?${DONE_VERB}[0-9一二三四五六七八九十两]+${UNIT}|(?:其中|已经?有)?[0-9一二三四五六七八九十两]+${UNIT})`;
/** A whole named in the clause after its count done, ending it (已完成4项，共5项), to be joined into one. */
export const STATUS_COUNT_BEFORE_TOTAL = `(${VERB}了?${NOUN}?[0-9一二三四五六七八九十两]+${UNIT}),(${WHOLE}[0-9一二三四五六七八九十两]+${UNIT}(?:${THINGS})?)([,;。!?]|$)`;

/** The rules in matching order. */
/**
 * A clause saying a first step is done, and nothing more (已完成第一阶段, 第一阶段任务已完成, 已完成前期调研, 已完成摸底排查;
 * 已完成排查整改 is the whole). Alone it is in progress (STATUS_RULES); beside a clause saying the rectification is done
 * (已完成整改，完成自查) it names no status of the item, and is passed over as a next step is (helper-131).
 */
export const STATUS_STEP_DONE_PATTERN = '完成了?(第[一二三四五六七八九十0-9]+阶段|前期|初期)(工作|任务)?$|^(第[一二三四五六七八九十0-9]+阶段|前期|初期)(工作|任务)?已?(完成|结束)$'
  + '|完成了?(前期|初步|全面)?(调研|摸底|摸排|排查|自查|摸底排查|调查摸底)(工作|任务)?$';

export const STATUS_RULES: StatusRule[] = [
  // Late and not done, and nothing more (逾期未完成, 超期未整改到位): DOMAIN's negatives (§3.3: 未完成,
  // 未整改) are tested before the late words. With more said (逾期未完成事项正在推进) the late rule reads it.
  { status: 'not_completed', pattern: '^已?经?(逾期|超期|滞后|延期)(仍|尚|还)?未(完成|整改)(整改)?(到位)?$' },
  // Done late is done: 逾期完成, 超期完成整改.
  { status: 'completed', pattern: '^已?(逾期|超期|延期)已?(完成|办结)(整改)?$' },
  // Late but still being worked on (未按期, 未按时完成, 未在规定时间内完成, 逾期): overdue is derived
  // from the deadline, not stored.
  // With an adverb between: 未能按期, 未如期完成, 没有按时完成.
  { status: 'in_progress', pattern: '(未|没有?|无法|不能)能?(如期|按期|按时|及时)|滞后|未在规定|逾期|超期' },
  // 尚未 only with what is not yet done: 已完成整改，尚未销号 (销号 is the closed flag), 已完成整改，尚未验收 (as
  // 待验收) and 已整改到位，尚未发现反弹 are completed.
  {
    status: 'not_completed',
    pattern: '(未|没有?)(能|全部|完全|全面|彻底|真正|及时|有效)*(完成|整改|到位|落实|解决)|待整改|未开始|尚未(完成|整改|落实|到位|解决|启动|开展|办结|达到|达标)|未启动|未落实|不到位|未到位|未按要求|未达到|未达标|没有完成|未开展|不能完成|无法完成|难以完成|未解决|未办结|未通过',
  },
  { status: 'basically_completed', pattern: '基本(完成|整改|到位|落实|解决|办结)|阶段性|初步完成|初步整改' },
  // A 是否完成 column: 否 or a cross (× or the letter X) is not done (是 or a tick is done, below).
  // So is a progress of 0 % (nothing done, also 完成率0%, 整改进度：0%; 80 % is in progress, below).
  { status: 'not_completed', pattern: '^(否|×|✗|✘|╳|x|0(\\.0+)?%|not ?(started|completed|done)|incomplete|open)$|(进度|完成率|完成)[:：]?0(\\.0+)?%$' },
  // A plan to complete is not completion: 预计2024年底前完成, 计划于9月底完成, 力争…完成, 待完成, and neither is
  // nearly done (接近完成), an instruction opening a clause (责令限期完成整改, 督促尽快完成; not 经督促已完成整改,
  // 已在限期内完成), a day to complete by (2024年底前完成, 需在6月底前完成; not 已于6月底前完成) or a target
  // (目标100%, 力争年底前达到100%). A bracket after the plan word says what is, not what is planned (待验收（已完成整改）).
  { status: 'in_progress', pattern: '(^|[^按])(预计|计划|拟|力争|争取|将于|确保|待|即将)[^,;。!?(〔]{0,15}完成|(接近|快要|临近)完成' +
    '|(^|,)(责令|督促|要求|需要?|尽快|限期)[^,;。!?已]{0,12}完成[^,;。!?已]*$|(目标|力争|达到|争取|前|接近|将近)[^,;。!?]{0,6}100(\\.0+)?%' +
    '|^(要求|需|应|须|必须)?(在|于)?([0-9]{4}年)?(年底|年末|底|末|[0-9]{1,2}月(底|末|[0-9]{1,2}日)?|[0-9]{4}[/.\\-][0-9]{1,2}([/.\\-][0-9]{1,2})?)前(全部)?完成(整改)?$' },
  // A plan drawn up is not the rectification done: 已完成整改方案制定, 整改方案已制定完成, 已完成整改措施的制定 (已完成整改方案 may be
  // the plan carried out, and stays completed).
  { status: 'in_progress', pattern: '完成[^,;。!?]{0,6}?(方案|措施)的?(制定|编制|起草)$|(方案|措施)[^,;。!?]{0,4}?(制定|编制|起草)(完成|完毕)$' },
  // A first step done, and nothing more, is no rectification done (helper-130): see STATUS_STEP_DONE_PATTERN.
  { status: 'in_progress', pattern: STATUS_STEP_DONE_PATTERN },
  // Part done is still being worked on: 完成部分整改, 部分措施已完成, 已完成大部分, 已完成1/3.
  {
    status: 'in_progress',
    pattern: '完成了?(部分|大部分|大部|一部分|多数|一半|过半|[一二三四五六七八九]成|[0-9一二三四五六七八九十]+分之)|完成\\(部分\\)|整改(了一?|一)部分|(部分|大部分|多数)(措施|事项|任务|问题)?已?(完成|整改|解决|落实)|完成了?百分之[一二三四五六七八九十]{1,3}$',
  },
  // …and so is a count of parts done short of the whole (STATUS_COUNT_PATTERNS: 3项措施中的2项, 三个村已整改两个).
  { status: 'in_progress', pattern: '', counted: true },
  // Part done is still being worked on: 部分完成, 完成80% (a percentage below 100).
  // Not due yet, within the rectification period, started (未到期, 整改期内, 已启动): being worked on, not
  // done; 未启动 and 尚未启动 are read as not started above.
  { status: 'in_progress', pattern: '^(in ?progress|ongoing|underway)$|正在|推进|序时|整改中|进行中|持续整改|(仍|还|尚)在整改|按计划(推进|实施|进行|开展)|部分完成|落实中|办理中|实施中|未到期|未到整改时限|(在|处于)?整改期(限)?内|已启动|已开始整改|(^|[^0-9.])[0-9]{1,2}(\\.[0-9]+)?%' },
  // 销号 but not 未销号 / 尚未销号, which says the item is not closed yet, not that it is done. A sign-off still to
  // come (待验收, 待上级验收, 待审核, 待销号) says the rectification is done: 已完成整改，尚未验收 is completed as 待验收 is.
  { status: 'completed', pattern: '^(是|√|✓|✔)$|(^|[^0-9.])100(\\.0+)?%|已?完成|整改完毕|已(全部|全面|彻底|重新)整改|全部整改(完毕|到位)|已经?纠正|已经?改正|已经?整改|已按(照)?要求(完成)?整改|整改到位|(^|[^未])销号|已办结|办结|已经?落实|落实到位|已经?解决|已验收|验收合格|验收通过|通过验收|待[^,;。!?]{0,4}?(验收|审核|复核)|已完结|已结案|^(completed?|done|closed|finished)$' },
];

/**
 * Words that name a status but are not the item's: a negative that qualifies a noun (对未能及时落实的
 * 事项已完成整改, 未完成整改的已全部完成), a denial of a problem (不存在未整改问题, 未发现整改不到位情况),
 * a denied delay (无逾期, 未超期), none left undone (无未完成事项, 未完成0项) and what was undone before
 * (原未完成事项已整改到位). Removed before the rules read the text.
 */
export const STATUS_NOT_A_STATUS_PATTERN =
  // …and those dealt with for not doing well enough (对落实不到位的2名干部, 约谈履职不到位人员; not 仍存在落实不到位的问题).
  '(未|没有?)[^,;。!?的]{0,10}的|(对|约谈|问责|处理|批评)[^,;。!?的]{0,8}不到位的|(约谈|问责|处理|批评)[^,;。!?]{0,6}不到位(人员|干部|责任人|党员|同志)|(不存在|未发现|没有发现|没发现|没有)[^,;。!?]{0,12}(问题|情况)|(无|未|没有?|不)(逾期|超期)' +
  // None left undone (已完成，无未完成事项, 逾期未完成0项), and what was undone before (原未完成事项已整改到位, 已完成（此前逾期未完成）).
  '|无(逾期)?未(完成|整改)(事项|问题|任务|情况)?|(逾期|超期|滞后)?未(完成|整改)[^,;。!?0-9]{0,4}?0(项|个|件|条)|(原|此前|之前|前期|先前|上轮)[^,;。!?]{0,6}?未(完成|整改)(到位)?(的)?(事项|问题|任务)?' +
  // A closure denied or put off (暂不销号, 不予销号, 不符合销号条件) says the item is not closed, not how far its
  // rectification is: 已完成，暂不销号 is completed, 暂不销号 alone no status (the completed rule's 销号 would read it).
  '|(暂不|暂缓|不予|不能|无法|不宜|不得|不可|不)销号|不(符合|具备|满足)[^,;。!?]{0,4}?销号(条件|标准|要求)?';

/**
 * The part done badly being done again (整改不到位的已重新整改, 落实不到位的问题已整改到位): its 不到位 names which
 * part, not the item's status, nor does 履职不到位的人员已进行问责. The words up to 已 are removed, keeping groups 1 and 2
 * (已 and the verb of doing it: 已通过专题会议整改 → 已整改), or 1 and 3 where others were urged to redo it and it is
 * done (已督促重新整改到位 → 已整改到位); 仍存在 落实不到位的问题 and 整改不到位的问题已责令重新整改 (urged, not said done)
 * still read not completed.
 */
export const STATUS_REDONE_PATTERN = '(?:整改|落实|履职)?不到位的?(?:问题|事项|地方|部分|情况|单位|村|人员)?' +
  '([^,;。!?]{0,4}?已)(?:(?:经|重新|全部|全面|进行|予以|于[^,;。!?]{0,10}?|通过[^,;。!?]{0,8}?)?(整改|完成|落实|解决|纠正|问责|追责|处理)' +
  '|(?:督促|要求|责令|指导)[^,;。!?]{0,4}?((?:整改|落实)(?:到位|完毕|完成)))';

/**
 * A clause giving a rate of closure or acceptance (销号率80%, 验收率100%) after words of rectification is not the
 * rectification's status: 整改率100%，销号率80% and 已完成整改，销号率为80% are completed. Alone (销号率80%;
 * 已销号10个，销号率83.3%) it is read as written.
 */
export const STATUS_CLOSURE_RATE_CLAUSE = '[,;。!?](?:其中)?(?:销号|验收)(?:率|比例)[^,;。!?]*';
export const STATUS_RECTIFICATION_WORDS = '整改|完成|到位|完毕|解决|落实|纠正|办结';


/**
 * A clause that says what comes next (下一步将持续推进, 巩固整改成果, 防止问题反弹) is not the status
 * of the item: a status text is read by its last clause that names a status and is not one of
 * these, so 已整改到位。下一步将持续推进制度落实 is completed (DOMAIN.md §3.3: completed and ongoing at
 * once), and a problem a narrative recounts (对未落实到位的3个村进行了约谈) does not outweigh how it
 * ends (问题已整改完成). A sign-off still to come (正在验收, 待验收, 待销号) is one too: 正在整改，待验收 is in progress;
 * alone, the rules read it (待验收 is completed).
 */
export const STATUS_NEXT_STEP_PATTERN = '下一步|下步|今后|继续|持续|巩固|防止.{0,8}反弹|常态化|长效|长期坚持|正在(申请|办理|开展)?(验收|销号|回头看)|待[^,;。!?]{0,4}?(验收|销号|审核|复核)';

/**
 * A clause that opens with an instruction (督促各村完成自查, 需完成销号手续, 要求各单位于6月底前完成自查): after a
 * status it is what others are to do next, passed over as a next step is; alone, the plan rule reads it.
 */
export const STATUS_INSTRUCTION_PATTERN = '^(责令|督促|要求|需要?|尽快)';

/**
 * A clause about the part still left (剩余1项持续推进, 其余3项持续推进, 个别事项持续推进中, 1个村持续整改中): not
 * what comes next but a part not done, which holds the status at in progress (已完成3项措施，剩余1项持续推进 is
 * in progress; statusSql). Its start, in the compact form.
 */
export const STATUS_REMAINDER_PATTERN = '^(剩余|其余|剩下|余下|尚有|还有|仍有|个别|少数|部分|[0-9一二三四五六七八九十两]+(项|个|件|条|处|户|家))';

/**
 * A problem the text describes rather than a status (该单位存在未及时缴纳党费情况, 针对3个村未按期召开三会一课问题
 * 进行了通报): its 未及时 is the problem's, not the item's. Removed, keeping the character before it (group 1), unless
 * that says the problem is still there (仍存在, 尚存在, 依然存在), and only where the rest still names a status
 * (statusSql): 存在未整改到位问题 alone is not completed.
 */
export const STATUS_DESCRIBED_PROBLEM_PATTERN = '(^|[^仍还尚然再])(?:针对|存在)[^,;。!?¶]{0,30}?(?:问题|情况|现象)';

/**
 * A clause that only says the item was or is late (逾期, 但逾期, 逾期1个月, 未按期完成, 超期完成): the
 * deadline already tells whether it is overdue, so after another status (已完成（逾期）, 已完成，但逾期,
 * 正在整改，已超期) it is a remark on that status, passed over as a next step is, and so is a remark that the
 * deadline is not reached yet (已完成（未到期）). Alone (逾期, 逾期完成, 未到期) the rules read it as before.
 * A whole clause, in the compact form.
 */
export const STATUS_LATE_NOTE_PATTERN =
  '^(但是?|且|并且?|已经?|属于?|系|为)*(逾期|超期|超时|延期|延迟|滞后|未按期|未按时|未如期|未在规定时[间限]内|未在时限内|尚?未到期|未到整改时限)' +
  '(完成|办结|整改|整改到位|完成整改)?了?([0-9一二三四五六七八九十两半]+个?(月|天|日|周|工作日|年))?$';
/** The words of a late remark, to set it apart as a clause of its own where it follows a status word (已完成逾期, 已完成（超期）). */
export const STATUS_LATE_WORDS = '(?:但是?)?(?:已经?)?(?:逾期|超期|超时|未按期|未按时|未如期|尚?未到期)';

/**
 * The header of a tick column: a ledger that gives the status as columns (已完成 | 正在整改 | 未完成,
 * often under a merged 整改情况) with a mark (√) in one of them. The header, without spaces and
 * punctuation, is the status word and nothing more; the status rules then read it as a status cell.
 * 长期坚持 and 常态化 mark the item as ongoing (STATUS_LONG_TERM_PATTERN).
 */
export const STATUS_TICK_HEADER_PATTERN =
  // 完成 and 整改 alone are no status word: a 整改 column holds measures, a 完成 column dates.
  '^(已经?|已全部|全部)(完成|整改)$|^(已经?|已全部|全部)?(完成整改|整改完成|整改到位|整改完毕|销号|办结)$|^(基本完成|基本整改|阶段性完成|取得阶段性成效)$' +
  '|^(正在整改|整改中|正在推进|推进中|持续推进|按序时推进|序时推进|进行中)$|^(未完成|未整改|尚未完成|未整改到位|未开始|未启动)$' +
  '|^(长期坚持|常态化|常态化坚持|长期整改)$';

/** A tick column's cell that marks nothing: blank aside, a no, a cross (also the letter X), a dash, an empty box or circle (否, ×, X, 0个, 无, /, —, □, ○). */
export const STATUS_TICK_EMPTY_PATTERN = '^(否|×|✗|✘|╳|x|0(个|项|件|条)?|无|/|／|-|—|–|n|no|false|□|☐|◻|▢|○|〇|◯)$';

/** In a status cell: words that are not a status but mark the item as ongoing (sets long_term). */
// 长期整改 and 持续深化 are said of an item kept up as 长期坚持 is (DOMAIN §3.3: not a status, long_term).
export const STATUS_LONG_TERM_PATTERN = '长期坚持|长期整改|常态化|持续深化';

/**
 * 销号 in a status text sets the closed flag (已销号, 已完成（销号）, 已完成整改并销号, 2023年10月销号), unless the
 * text says it is not closed yet or only asks for it (未销号, 尚未销号, 暂不销号, 待验收销号, 申请销号,
 * 申报销号, 建议销号, 正在办理销号, 销号中, 达到销号标准) and does not also say it was closed.
 */
export const STATUS_CLOSED_PATTERN = '销号';
/** A rate of closure short of 100 % (销号率80%, 销号比例为60%, 销号率达到83.3%) says not all is closed, whatever else is said. */
export const STATUS_CLOSURE_BELOW_FULL = '销号(率|比例)[^,;。¶0-9]{0,3}?[0-9]{1,2}(\\.[0-9]+)?%';
export const STATUS_NOT_CLOSED_PATTERN =
  '(未|待|申请|申报|提出|提请|报请|报送|提交|上报|建议|可|拟|尚未|暂未|暂不|不予|不|没有|无法|不能|正在|准备)[^,;。¶]{0,4}?销号|销号(中|申请|标准|条件|材料|手续)' +
  '|' + STATUS_CLOSURE_BELOW_FULL;
/** Said as done, 销号 is closed whatever else the text says (经验收达到销号标准，已销号). */
export const STATUS_CLOSED_DONE_PATTERN = '已经?(办理|完成|予以)?销号|(予以|同意|准予|批准|并)销号';

/** In a deadline cell: words that mark the item as ongoing; the rest of the text is still parsed. */
export const DEADLINE_LONG_TERM_PATTERN = '长期|常态化|持续|每年';

/** Deadline words meaning "fix at once": deadline = feedback_date + immediateFixDays. */
export const IMMEDIATE_FIX_PATTERN = '立行立改|立行整改|立查立改|立即整改|即时整改|当即整改|当场整改|即知即改|即查即改|立即改正|即时改正';
/** A fix-at-once word denied (非立行立改, 不属于立行立改, 无需立即整改): no fix at once. */
export const IMMEDIATE_FIX_DENIED_PATTERN = `(非|不属于|不是|不需要?|无需|无须|不)(${IMMEDIATE_FIX_PATTERN})`;

// Boolean cells: prefixes matched after cleaning and width folding.

/** Prefix of a true cell. */
export const BOOL_TRUE_PATTERN = '^(是|已|有|√|✓|✔|y|yes|true|1|对)';
/** Prefix of a false cell. */
export const BOOL_FALSE_PATTERN = '^(否|未|无|不|没|×|✗|✘|n|no|false|0)';
/**
 * A cell that answers nothing, read before the false prefixes it starts with (n, 未, 不, 没, 无): a
 * missing value a tool wrote (nan, null, none, n/a), or words for not known (未知, 未定, 不确定, 无法确定).
 */
export const BOOL_UNKNOWN_PATTERN = '^(nan|nat|nil|null|none|n/?a|n\\.a|<na>|#n/a|unknown)[.。]*$|^(未知|未定|未填|未明确|未确定|不详|不明|不清|不确定|不适用|没填|没有填|无法确定|无法判断|无法认定)';

/**
 * 整改类型 (DOMAIN.md §6.1 rect_type: 立行立改, 限期整改 (= 近期整改), 长期整改) by the word the
 * cleaned cell starts with, so a note after it (限期整改（立行立改部分已完成）) or a negation
 * before it (非立行立改) does not decide; a cell none matches is kept as written. 立行整改 and the
 * other immediate-fix words are 立行立改 (§3.4), so #4 counts them.
 */
export const RECT_TYPE_RULES = [
  { value: '立行立改', pattern: `^(${IMMEDIATE_FIX_PATTERN})` },
  { value: '限期整改', pattern: '^(限期整改|近期整改|限时整改|短期整改|限期完成)' },
  { value: '长期整改', pattern: '^(长期整改|长期坚持|长期|常态化)' },
];

/**
 * 整改类型 naming the long-term tier anywhere (长期整改; 立行立改、长期坚持 is both an immediate fix and long-term),
 * once the words a negation stands before are taken out (RECT_TYPE_NOT_LONG_TERM: 非长期, 无需长期坚持, 非常态化).
 */
export const RECT_TYPE_LONG_TERM_PATTERN = '长期|常态化';
export const RECT_TYPE_NOT_LONG_TERM = '(非|无需|无须|不需要?|不必|不用|不属于|不是|不)(长期|常态化)';

/** 整改专项 / 问题来源 that is an immediate fix: the cell starts with the word (立行立改问题, not 非立行立改). */
export const SOURCE_IMMEDIATE_PATTERN = `^(${IMMEDIATE_FIX_PATTERN})`;
