/**
 * Non-data rows found in ledgers: totals (合计) and notes (注) at the bottom of a sheet, section
 * headings between problems. They are skipped and reported, never imported. Patterns match the
 * first non-empty cell of a row.
 */

// White space inside a word: RE2's \s does not cover the ideographic space (合　计).
const GAP = '[\\s\\x{3000}]*';

/** Total rows: 合计, 总计, 小计, 共计 (also spaced out: 合　计), also of a page or table (本页小计, 本表合计). */
export const TOTAL_ROW_PATTERN = `^(本页|本表|全表|各项)?(合${GAP}计|总${GAP}计|小${GAP}计|共${GAP}计)`;
/**
 * A total's label alone in its cell, with a count, or before a colon or a space: 合计, 合　计：, 共计15个问题,
 * 小计（3项）, 合计：反馈问题2个. Where a total's words start the problem's own text (共计12笔公务接待无公函), only
 * this, or a row otherwise empty but for numbers, is a total.
 */
export const TOTAL_CELL_PATTERN = `${TOTAL_ROW_PATTERN}([:：\\s\\x{3000}]|[(（]?(共|计)?[0-9０-９一二三四五六七八九十百]*(个|项|条|件|处)?(问题)?[)）]?[。.]?$)`;
/**
 * A rate or count line under the table, its label alone in its cell, perhaps with a note and its figure: 整改完成率,
 * 完成率（%）, 整改完成率：66.7%, 已完成数, 办结率, 问题总数 (helper-128: read as a problem, it cut the rate). A title
 * that goes on after the label (完成率偏低) is a problem's.
 */
export const RATE_CELL_PATTERN = `^(整改|问题)?(完成整改|整改完成|完成|办结|销号|整改|按期完成|按时完成)(率|比例|比率)`
  + `|^(已|未)?(整改)?(完成|办结|销号|整改)(问题)?(数|数量|个数|项数)|^问题(总数|数|数量|个数)`;
/** RATE_CELL_PATTERN with what may follow the label: a note in brackets, then a figure after a colon or a space. */
export const RATE_ROW_PATTERN = `(${RATE_CELL_PATTERN})${GAP}([(（][^)）]{0,8}[)）])?([:：\\s\\x{3000}]*[0-9０-９.．,，%％]*(个|项|条|件)?)?$`;

/**
 * A total row labelled in its unit or county cell: 西城街道小计, 永康市合计（共3个问题）, 西城街道小计：2个,
 * 西城街道 汇总, and the 婺城区 计数 rows Excel's 分类汇总 inserts when it counts a text column. Matched on
 * those cells only, where no real unit ends so.
 */
export const TOTAL_LABEL_PATTERN = `(合${GAP}计|总${GAP}计|小${GAP}计|共${GAP}计|累${GAP}计|汇${GAP}总|计${GAP}数)([:：(（].*)?$`;

/** The words a filer's line opens with (填报单位, 报送时间, 填表日期, 制表人): also read for a filer's date (title.ts, footer-lines.ts). */
export const FILER_WORDS = '填报|报送|填表|制表';

// How to sign, after the signature's words: （签字）, （盖章）, (签名), （签字盖章）, or 签字 run on (单位负责人签字：).
const SIGN_NOTE = `(${GAP}[(（][^)）]{0,6}[)）]|签字|签名|签章|盖章)?`;
// What follows such words on a signature line: blanks to sign on (＿＿＿), a name of 4 characters at most or
// a list of names (张三、李四, 张三，李四), then, after separators or none, notes in brackets (（签字）, （局长）, （盖章）), dates
// (2024年7月1日, 7月1日, ＿＿年＿＿月＿＿日, 二〇二四年七月一日, 2024.7.1, with a weekday or an hour), phone numbers
// and contact words before their colon (，联系电话：…, 填表人：李四), to the end. Prose (书记：履行第一责任人职责不到位,
// 书记：把关不严，致使…, 书记：2023年以来未召开…, 党组书记：（一）…, 书记：学习不够、调研不深, 书记：重业务、轻党建,
// 负责人：职务消费不规范) is none of these.
const BLANKS = '[_＿\\-—\\s\\x{3000}]*';
// No name holds 不, 未 or 违: 主要负责人：履职不力, 分管领导：把关不严 are problems (helper-121).
const NAME_CHAR = '[^\\s\\x{3000}，,。；;:：、(（)）_＿0-9０-９不未违]';
const NAME = (n: string) => `${NAME_CHAR}{${n}}`;
const CONTACT = '(联系电话|联系方式|联系人|电话|手机|[Tt]el|日期|时间|职务|审核人?|复核人?|审批人|统计人|填表人|填报人|签发人|经办人|负责人|分管领导'
  + `|(${FILER_WORDS})(人|单位|日期|时间)?)([:：\\s\\x{3000}_＿0-9０-９(（].*)?`;
const DATE_DIGIT = '[0-9０-９_＿\\s\\x{3000}]';
const HAN_DATE = '[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}日)?';
const DATE = `${DATE_DIGIT}*年${DATE_DIGIT}*月(${DATE_DIGIT}*[日号])?|[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]|[0-9０-９]{4}[.．\\-/／][0-9０-９]{1,2}([.．\\-/／][0-9０-９]{1,2})?|${HAN_DATE}`;
const DATE_TAIL = `(${BLANKS}(星期|周)[一二三四五六日天])?(${BLANKS}[0-9０-９]{1,2}[:：][0-9０-９]{2})?(印发|签发)?`;
const PHONE = '[0-9０-９(（][0-9０-９\\-－()（）\\s\\x{3000}]{6,}(转[0-9０-９]+)?';
const AFTER_NAME = `(${BLANKS}[，,；;、]?${BLANKS}(${CONTACT}|(${DATE})${DATE_TAIL}|${PHONE}|[(（][^)）]{0,12}[)）]))*${BLANKS}[。.]?${BLANKS}$`;
// One name of up to n characters, or names of 2 or 3 in a list (a list of 4-character words is prose), none
// starting with a word of judgement (重业务、轻党建, 不学习、不调研 are phrases).
const LISTED = `[^\\s\\x{3000}，,。；;:：、(（)）_＿0-9０-９不重轻未无没缺]${NAME('1,2')}`;
const NAMES = (n: string) => `(${NAME(n)}|${LISTED}([、，,\\s\\x{3000}]+${LISTED})+)`;
const SIGNED_TAIL = (n: string) => `${BLANKS}${NAMES(n)}?${AFTER_NAME}`;
// After a colon, names of up to 4 characters; after a space only, of 2 or 3 (负责人 把关不严 is a problem).
const SIGNED_NAME = `(${SIGN_NOTE}${GAP}[:：]${SIGNED_TAIL('1,4')}|[\\s\\x{3000}]+${SIGNED_TAIL('2,3')})`;

/**
 * Note rows: 注：…, 说明：…, 填表说明, 制表/审核 and 填表人/联系电话 signature lines, and the marks
 * under the last row of a printed form: （以下空白）, （此页无正文）, （本页无正文）, 以下无内容.
 */
export const NOTE_ROW_PATTERN =
  `^(注|备注|说明|填表说明|填报说明|附注)${GAP}[:：0-9一二三四五六七八九十、.．]`
  // A signature's words before a colon or a space (审核人：张三, 填表人 李四); a note on how to sign may come
  // between (填报人（签字）：, 填报单位（盖章）：).
  + `|^(制表人?|审核人?|填报人?|填表人|联系人|联系电话)(${SIGN_NOTE}${GAP}[:：]|[\\s\\x{3000}]+)`
  // The filer's and the date's lines (填报单位：…, 报送时间：2024年7月1日), before a colon.
  + `|^(${FILER_WORDS})(单位|日期|时间)${SIGN_NOTE}${GAP}[:：]|^联系电话${GAP}[0-9０-９]`
  // Words a problem also starts with (书记：履行第一责任人职责不到位, 负责人 把关不严, 主要负责人：履行第一责任人职责
  // 不到位, 分管领导：对分管领域廉政风险防控不力, in a ledger listing its problems first): a signature only when
  // SIGNED_TAIL follows (经办人：张三  2024年7月1日, 党组书记（签字）：＿＿＿, 单位负责人（签字）：, 分管领导：张三，联系电话：…).
  + `|^((单位)?(主要)?负责人|分管领导|经办人|签发人|批准人|(党组|党委|党工委|党支部)?书记)${SIGNED_NAME}`
  // An opinion's label alone in its cell, the opinion and the signature in others (部门负责人意见： | 同意 | 签名：, 巡察组意见：
  // | 经核查，同意销号), as a 归零表 or a 销号 form signs off under its table (helper-128: a finding titled 同意).
  + `|^[^\\s\\x{3000}，,。；;:：]{0,12}意见${SIGN_NOTE}${GAP}[:：]${GAP}$`
  + '|^[(（]?(以下空白|(此|本)页无正文|以下无(正文|内容))';

/**
 * Section rows: a heading over the problems below it, alone in its row (一、党的政治建设方面,
 * （二）…, 第三部分 …, …方面问题). Skipped and reported; its text is the 方面 of the rows under it.
 */
export const SECTION_ROW_PATTERN =
  '^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(部分|方面|类|项))|方面(的)?(问题)?[:：]?$';

/**
 * A 问题 heading over its 具体表现 (DOMAIN §2.2: 方面 → 问题 → 具体表现), which quotes the problem it
 * heads: 1.关于"学习贯彻…不够到位"问题, 关于“意识形态工作责任制落实不到位”的问题. A title that says
 * 关于公务接待管理不规范的问题 without quotes is a problem. Read as a heading only in the problem column
 * of a row that holds nothing else but a 序号 (one-cell-rows.ts).
 */
export const ISSUE_HEADING_PATTERN = '^([0-9０-９]{1,3}[、.．]?\\s*|[（(][0-9０-９]{1,3}[)）]\\s*)?关于[“"\'‘「『].{2,}[”"\'’」』](的)?(问题|方面)[:：]?$';

// The 序号 column: what a sequence number looks like. One family, three uses: the file's own ids are
// not used when every one is a sequence number (plan.ts), a row holding nothing read but a plain one
// is a template's unfilled row (template-rows.ts), a plain one beside a 问题 heading numbers the
// heading (one-cell-rows.ts), and a Chinese one numbers a section heading.
const SEQ_DIGITS = '[0-9０-９]';
const SEQ_HAN = '[一二三四五六七八九十]';
/** A plain 序号: 3, ３, 3. 3、, 3.0 (a number cell read as text), （4）. Not 2.1, which numbers a measure of problem 2. */
export const PLAIN_SEQ_PATTERN = `${SEQ_DIGITS}{1,5}(\\.0+)?[.、．]?|[(（]${SEQ_DIGITS}{1,5}[)）]`;
/** A 序号 that numbers a heading, not a problem: 一、 二. （一） (三). */
export const HEADING_SEQ_PATTERN = `${SEQ_HAN}+[、.．]?|[（(]${SEQ_HAN}+[)）]`;
/**
 * Any 序号, both of the above and more (unbounded digits, (3, 三), ①): counts only within its sheet.
 * Not 1.2, 2024-01 or YK001, which may be ids a later round's 上轮问题编号 cites.
 */
export const SEQUENCE_NUMBER_PATTERN = `[(（]?(${SEQ_DIGITS}+(\\.0+)?|${SEQ_HAN}+)[)）、.．]?|[①-⑳]`;

/**
 * The numbering of official documents, one level per entry (一、 > （一） > 1. > （1） > ① , and 第一部分):
 * `cell` is a whole 序号 cell numbered so (1, 1、, 1.0, 1.1 and 1-2 are level 3; 1) and ① level 5), `lead`
 * the start of a heading's text, all of its number (一、党的建设, 1.横店镇党委, 1）…; not 1.1, a measure's
 * number). `cell` is an RE2 and JS pattern, `lead` JS only (title.ts); the first entry that matches gives
 * the level. 第一部分 numbers only headings.
 */
const NUM_HAN = '[一二三四五六七八九十百〇零]{1,4}';
const NUM_DIGITS = '[0-9０-９]{1,3}';
export const NUMBER_LEVELS: readonly { level: number; cell?: string; lead: string }[] = [
  { level: 1, cell: `${NUM_HAN}[、.．]?`, lead: `${NUM_HAN}[、.．]` },
  { level: 2, cell: `[（(]${NUM_HAN}[)）]`, lead: `[（(]${NUM_HAN}[)）]` },
  {
    level: 3,
    cell: `[0-9０-９]{1,4}(\\.0+)?[、.．]?|${NUM_DIGITS}([.．\\-－]${NUM_DIGITS})+`,
    lead: `${NUM_DIGITS}(、|[.．](?![0-9０-９]))`,
  },
  { level: 4, cell: `[（(]${NUM_DIGITS}[)）]`, lead: `[（(]${NUM_DIGITS}[)）]` },
  { level: 5, cell: `${NUM_DIGITS}[)）]|[①-⑳][、.．]?`, lead: `${NUM_DIGITS}[)）]|[①-⑳]` },
  { level: 6, lead: '第[一二三四五六七八九十]+(部分|个?单位)?[:：、]?' },
];

/** Noise stripped from unit names before comparing them across rounds (中共永康市委 ~ 永康市委). */
export const UNIT_PREFIX_NOISE = '^(中国共产党|中共)';
/**
 * Suffixes stripped repeatedly (中共永康市委员会 and 永康市委 both become 永康市; 西城街道党工委 and its formal name
 * 中共永康市西城街道工作委员会 both 西城街道, as 机关工委 and 机关工作委员会 are one).
 */
export const UNIT_SUFFIX_NOISE = '(党委|党组|党工委|工委|(党的)?工作委员会|委员会|党总支|总支部|党支部|支部|委)$';

/**
 * A sheet named as a sample or a template (填报示例, 示例, 样表, 模板, 空白表, 范例): beside a ledger it shows
 * how to fill one in. Matched on the sheet name without spaces, as a JS RegExp.
 */
export const EXAMPLE_SHEET_PATTERN = /^[(（【[]?(填报|填表|填写)?(示例|样例|范例|样表|模板|模版|空白表|例表|格式)[0-9一二三]?[)）】\]]?$|(示例|样表|模板|模版)[)）】\]]?$/;

/**
 * The example row of a form handed out to fill in (填表说明 with a 示例 row under the header): its
 * first cell says 示例 / 样例 / 举例 / 例, or its problem text begins so: （示例）违规发放津补贴, 示例：….
 * An example is no problem.
 */
export const EXAMPLE_ROW_PATTERN = `^[(（【\\[]?${GAP}(示例|样例|范例|举例|例|填写示例|填报示例|填表示例)[0-9一二三]?${GAP}[)）】\\]]?[:：.．]?$`;
/**
 * A cell of a form's row of instructions under its header: 填写单位全称, 按反馈意见原文填写, 逐条填写整改措施,
 * 格式：2024年12月底, （必填）, 已完成/正在推进/未完成 (the choices). Such a row is skipped as an example when
 * most of its cells, and its problem's, read so. A cell opening with the verb is one (填写问题原文，不得概括); one
 * ending with it is not when a failing is said around the verb (未如实填报, 统计数据填报不准确, 党员信息录入不完整:
 * helper-120), and a date is no list of choices (2024/6/30, as Excel writes a CSV's dates).
 */
const FAILING = '不未错漏虚瞒迟缺';
export const INSTRUCTION_CELL_PATTERN = `^[(（【]?(必填|选填|非必填|可不填|可选)[)）】]?$|^(请)?(填写|填报|选择|勾选)`
  + `|^[^${FAILING}]*(填写|填报|填列|录入|选择|勾选|必填|选填)[^，,。；;${FAILING}]{0,6}$|^(格式|如|例如)[:：]`
  + '|^[^/／0-9０-９]{1,6}([/／][^/／0-9０-９]{1,6})+$';
export const EXAMPLE_TEXT_PATTERN = `^[(（【\\[]${GAP}(示例|样例|范例|举例)${GAP}[)）】\\]]|^(示例|样例|范例|举例)${GAP}[:：]|[(（【\\[](示例|样例)[)）】\\]]$`;
