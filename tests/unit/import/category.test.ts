import { test, expect, beforeAll } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { compactSql } from '../../../src/lib/import/normalise/text';
import { categoryMapSql, categoryL1Sql, categoryL2Sql, titleL2CandidateSql } from '../../../src/lib/import/normalise/category';
import { freshEngine, importOk, utf8 } from './helpers';

let e: Engine;
beforeAll(async () => {
  e = await openNodeEngine();
});

type Row = [category: string | null, sub: string | null, aspect: string | null, title: string, l1: string, l2: string | null];

/** Runs the same layers as normalise/findings.ts over the rows and returns [l1, l2] pairs. */
async function classify(rows: Row[]): Promise<[string, string | null][]> {
  const v = (s: string | null) => (s === null ? 'NULL' : str(s));
  const values = rows.map((r, i) => `(${i}, ${v(r[0])}, ${v(r[1])}, ${v(r[2])}, ${v(r[3])})`).join(', ');
  const c = (n: string) => compactSql(n);
  const sql = `SELECT i, ${categoryL1Sql()} AS l1, ${categoryL2Sql('(' + categoryL1Sql() + ')')} AS l2 FROM (
    SELECT *, ${titleL2CandidateSql(c('title'))} AS title_l2 FROM (${categoryMapSql(`
      SELECT *, ${c('cat')} AS k1, ${c('sub')} AS k2, ${c('aspect')} AS ka, NULL AS kf FROM (VALUES ${values}) t(i, cat, sub, aspect, title)`)})) ORDER BY i`;
  return (await e.query<{ l1: string; l2: string | null }>(sql)).map((r) => [r.l1, r.l2]);
}

test('codes, names, crosswalk headings and title wording map onto A–H, else Z (DOMAIN §2.3–2.4)', async () => {
  const rows: Row[] = [
    ['A', null, null, '随便什么', 'A', null],
    ['A1', null, null, '随便什么', 'A', 'A1'],
    ['A1 贯彻落实党中央及上级重大决策部署', null, null, 'x', 'A', 'A1'],
    ['A 政治建设', 'A3', null, 'x', 'A', 'A3'],
    ['Ａ１', null, null, 'x', 'A', 'A1'],
    ['a2', null, null, 'x', 'A', 'A2'],
    ['A9', null, null, 'x', 'A', null],
    ['Administration', null, null, 'x', 'Z', null],
    ['政治建设', null, null, '"三重一大"事项决策程序不规范', 'A', 'A3'],
    ['作风建设', null, null, '违规发放津补贴', 'D', 'D2'],
    [null, null, null, '违规发放津贴补贴', 'D', 'D2'], [null, null, null, '医保基金监管不严', 'F', 'F1'],
    [null, null, null, '专项资金拨付滞后', 'E', 'E3'],
    ['组织建设', '选人用人', null, 'x', 'C', 'C1'],
    ['四个落实③', null, null, '干部档案管理不规范', 'C', 'C1'],
    ['四个落实④', null, null, '对上轮巡视发现的问题整改尚不彻底', 'H', 'H1'],
    ['三个聚焦②', null, null, '惠民补贴资金冒领', 'F', 'F5'],
    ['党的领导弱化方面', null, null, 'x', 'A', null],
    ['党的建设缺失方面', null, null, 'x', 'C', null], ['1 党的建设缺少方面', null, null, 'x', 'C', null],
    // DOMAIN §2.3's own wording: the field (村级财务, 药品…采购, 阵地, 不担当) decides over the generic word.
    [null, null, null, "村级财务管理不规范，账目混乱；'三资管理'有名无实", 'F', 'F4'],
    [null, null, null, '土地收储、工程建设、药品和医疗器械采购等重点领域廉政风险未有效防控', 'F', 'F1'],
    [null, null, null, '不担当、不作为、慢作为，为民服务意识较差', 'D', 'D5'],
    ['B', null, null, '对网络意识形态阵地监管不力', 'B', 'B3'], [null, null, null, '意识形态教育引领乏力', 'B', 'B2'],
    [null, null, null, '激励担当作为有差距', 'C', 'C2'],
    ['全面从严治党不力', null, null, '主体责任压得不够紧', 'G', 'G1'],
    ['遵守六项纪律方面', null, null, 'x', 'E', null],
    ['F', null, null, '药品和医疗器械采购廉政风险防控不力', 'F', 'F1'],
    ['E', null, null, '政府采购程序不规范', 'E', 'E3'],
    [null, null, '在党的思想建设方面', '意识形态工作责任制落实不到位', 'B', 'B2'],
    [null, null, null, '违规吃喝问题较为突出', 'D', 'D1'],
    [null, null, null, '公务用车管理不规范', 'D', 'D3'], [null, null, null, '公务车辆使用登记不全', 'D', 'D3'],
    [null, null, null, '学习制度不健全', 'Z', null],
    // 其他 names no category: the title decides (warned category_from_title), as for an unknown code (X9) and for 其他 in
    // 对应四聚焦; README says so (helper-150: this row read Z).
    ['其他', null, null, '违规吃喝', 'D', 'D1'], ['其它', null, null, '无法归类的表述', 'Z', null], ['其他', null, '其他', '违规列支招待费', 'D', 'D1'],
    ['未知类别', null, null, '无法归类的表述', 'Z', null],
    // A framework heading that names a group of L1s (DOMAIN §2.4: ② is D/E/F/G, ① is A/B): the title
    // decides within it, the heading's own L1 when the title finds nothing there.
    [null, null, '二、落实全面从严治党战略部署方面', '违规吃喝问题仍时有发生', 'D', 'D1'],
    [null, null, '二、落实全面从严治党战略部署方面', '工程建设领域廉政风险突出', 'F', 'F1'],
    [null, null, '二、落实全面从严治党战略部署方面', '纪委监督责任落实不到位', 'G', 'G2'],
    [null, null, '二、落实全面从严治党战略部署方面', '台账资料不齐全', 'G', 'G1'],
    [null, null, '二、落实全面从严治党战略部署方面', '意识形态工作责任制落实不到位', 'G', 'G1'],
    [null, null, '一、落实党中央重大决策部署方面', '意识形态工作责任制落实不到位', 'B', 'B2'],
    [null, null, '一、落实党中央重大决策部署方面', '"三重一大"事项决策程序不规范', 'A', 'A3'],
    ['四个聚焦②', null, null, '违规发放津补贴', 'D', 'D2'],
    // 党风廉政建设 spans the same group (it was unmapped: Z).
    ['党风廉政建设', null, null, '违规吃喝问题仍时有发生', 'D', 'D1'],
    ['党风廉政建设方面', null, null, '台账资料不齐全', 'G', null],
    [null, null, '（一）围绕党风廉政建设和反腐败斗争方面', '工程建设领域廉政风险突出', 'F', 'F1'],
    // The same headings in the category column (问题类别), spelled out or bare: their own words
    // (全面从严治党 is G1's, 决策部署 A1's) name the group, not an L2 (review: G1, A1, G1 before).
    ['落实全面从严治党战略部署方面', null, null, '违规吃喝问题较为突出', 'D', 'D1'],
    ['贯彻落实党中央决策部署方面', null, null, '意识形态工作责任制落实不到位', 'B', 'B2'],
    ['全面从严治党', null, null, '违规发放津补贴', 'D', 'D2'],
    // More than the heading's words: an L2 of the column's own (主体责任 is G1).
    ['全面从严治党主体责任落实不到位', null, null, '违规吃喝', 'G', 'G1'],
    // A category column that names its L1 keeps it, whatever heading is above.
    ['作风建设', null, '全面从严治党方面', '主体责任压得不够紧', 'D', null],
    ['G', null, '全面从严治党方面', '违规吃喝', 'G', 'G1'],
    ['政治建设', null, '一、落实党中央重大决策部署方面', '意识形态工作责任制落实不到位', 'A', 'A1'],
    // A category column's own L1 word wins over the heading's, whichever comes first in the rules;
    // a heading's L2 of another L1 is dropped and the title's wording tried within the column's L1.
    ['思想建设', null, '贯彻落实党中央决策部署方面', '理论学习中心组学习流于形式', 'B', 'B1'],
    ['纪律建设', null, '落实新时代党的组织路线方面', '财务报销流程不规范', 'E', 'E3'],
    ['作风建设', null, '党的思想建设方面', '形式主义、官僚主义仍不同程度存在', 'D', 'D4'],
    ['组织建设', null, '贯彻落实党中央决策部署方面', '"三会一课"制度落实不到位', 'C', 'C5'],
    ['作风建设', null, '落实全面从严治党战略部署方面', '违规发放津补贴，超标准发放慰问品', 'D', 'D2'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('the most specific column decides: a category or title wording wins over the heading above it (helper-117)', async () => {
  const heading = '落实全面从严治党战略部署';
  const rows: Row[] = [
    // An L2 wording in 问题类别 / 问题子类 beats the L1 a 方面 heading names (it was the heading's L1, L2 dropped).
    ['违规吃喝', null, heading, '事项甲', 'D', 'D1'], ['公车私用', null, heading, '事项甲', 'D', 'D3'],
    ['违规收受礼金', null, heading, '事项甲', 'E', 'E2'], ['三资管理', null, heading, '事项甲', 'F', 'F4'],
    [null, '违规吃喝', heading, '事项甲', 'D', 'D1'],
    ['三重一大', null, '党的建设缺失方面', '事项甲', 'A', 'A3'], ['公车私用', null, '政治建设', '事项甲', 'D', 'D3'],
    ['三会一课', null, '党的领导弱化方面', '事项甲', 'C', 'C5'], ['第一议题', null, '四个落实③', '事项甲', 'B', 'B1'],
    ['个人有关事项', null, '全面从严治党不力', '事项甲', 'C', 'C3'],
    ['监督执纪问责', null, '聚焦群众身边腐败问题和不正之风', '事项甲', 'G', 'G2'],
    // The spelled-out 聚焦② heading spans D/E/F/G like 四个聚焦②: the title decides within it.
    [null, null, '聚焦群众身边腐败问题和不正之风', '违规吃喝问题突出', 'D', 'D1'],
    [null, null, '聚焦群众身边腐败问题和不正之风', '违规收受礼金礼卡', 'E', 'E2'],
    [null, null, '聚焦群众身边腐败问题和不正之风', '村级财务管理不规范', 'F', 'F4'],
    [null, null, '聚焦群众身边腐败问题和不正之风', '台账资料不齐全', 'F', 'F5'],
    // A heading's own L2 words (基层党组织, 八项规定) give way to the title's within its L1, and stand when it has none.
    [null, null, '聚焦基层党组织软弱涣散、组织力欠缺', '选人用人把关不严', 'C', 'C1'],
    [null, null, '聚焦基层党组织软弱涣散、组织力欠缺', '台账资料不齐全', 'C', 'C4'],
    [null, null, '群众、工作、生活纪律及落实中央八项规定精神不力', '违规吃喝问题突出', 'D', 'D1'],
    // 屡禁不止 says the problem recurs, not what it is (DOMAIN F5: "蝇贪"现象屡禁不止).
    ['"蝇贪"现象屡禁不止', null, null, '事项甲', 'F', 'F5'], [null, null, null, '优亲厚友现象屡禁不止', 'F', 'F5'],
    [null, null, null, '村级财务违规问题屡禁不止', 'F', 'F4'], [null, null, null, '政府采购违规问题屡禁不止', 'E', 'E3'],
    [null, null, null, '违反中央八项规定精神问题屡禁不止', 'D', 'D6'], [null, null, null, '违规问题屡禁不止', 'D', 'D6'],
    // Words that only look like a keyword.
    [null, null, null, '福利院管理不规范', 'A', 'A5'], [null, null, null, '儿童福利保障政策落实不到位', 'A', 'A5'],
    [null, null, null, '超范围发放工会福利', 'D', 'D2'],
    [null, null, null, '内部审计制度不健全', 'E', 'E3'], [null, null, null, '审计指出问题整改不到位', 'H', 'H2'],
    [null, null, null, '机关招待所经营管理不规范', 'Z', null], [null, null, null, '违规列支招待费', 'D', 'D1'],
    [null, null, null, '物资调配不及时', 'Z', null], [null, null, null, '一些关键岗位的干部调配过于频繁', 'C', 'C2'],
    [null, null, null, '基层党组织"三会一课"制度落实不严格', 'C', 'C5'],
    // Names DOMAIN lists: the H name, the 2018 heading 加强党的全面领导; close paraphrases of §2.3.
    ['巡视巡察及其他监督发现问题整改', null, null, '事项甲', 'H', null], ['加强党的全面领导', null, null, '事项甲', 'A', null],
    [null, null, null, '利用职务便利为亲属谋取利益', 'F', 'F2'], [null, null, null, '干部因私出国（境）证照管理不严', 'C', 'C3'],
    [null, null, null, '国有企业资产流失', 'F', 'F3'], [null, null, null, '工程监管不到位', 'F', 'F1'],
    [null, null, null, '群众来访接待不热情，服务意识差', 'D', 'D5'], [null, null, null, '个别干部违规操办婚丧喜庆事宜', 'E', 'E2'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('a field word in the category column (治理, 民生, 风险, 生态) leaves the heading its L1, and the title its L2 (helper-118)', async () => {
  const rows: Row[] = [
    ['专项治理', null, '作风建设方面', '违规吃喝问题专项整治不彻底', 'D', 'D1'],
    ['民生领域', null, '作风建设方面', '为民服务意识较差，群众办事多跑腿', 'D', 'D5'],
    ['风险防控', null, '纪律建设方面', '财务报销流程不规范', 'E', 'E3'],
    ['基层治理', null, '聚焦基层党组织软弱涣散、组织力欠缺方面', '村班子配备不齐，年龄普遍老化', 'C', 'C4'],
    ['民生领域', null, '聚焦群众身边腐败问题和不正之风方面', '惠民资金发放中优亲厚友', 'F', 'F5'],
    ['网络生态', null, '思想建设方面', '对网络意识形态阵地监管不力', 'B', 'B3'],
    [null, '环境整治', '作风建设方面', '整治工作搞形式主义', 'D', 'D4'],
    [null, '生态', '落实全面从严治党战略部署方面', '政治生态不够清朗', 'G', 'G4'],
    // Alone, the field word is still the field's L2.
    ['专项治理', null, null, '事项甲', 'A', 'A5'],
    // Common wording the first narrowing lost: staff benefits, audit and inspection findings, people moved between posts.
    [null, null, null, '滥发福利', 'D', 'D2'], [null, null, null, '福利待遇发放不规范', 'D', 'D2'],
    [null, null, null, '审计报告提出的意见建议未落实', 'H', 'H2'], [null, null, null, '督察反馈问题未销号', 'H', 'H2'],
    [null, null, null, '人员调配不合理', 'C', 'C2'], [null, null, null, '岗位调配随意', 'C', 'C2'],
    [null, null, null, '福利彩票公益金使用不规范', 'E', 'E3'], [null, null, null, '未按规定开展经济责任审计', 'E', 'E3'],
    // Short L1 names as a whole cell.
    ['作风问题', null, null, '工作推进拖拉缓慢', 'D', null], ['纪律问题', null, null, '事项甲', 'E', null],
    ['思想方面', null, null, '事项甲', 'B', null], ['组织方面', null, null, '事项甲', 'C', null],
    ['作风方面', null, '聚焦基层党组织软弱涣散、组织力欠缺方面', '村干部违规吃喝', 'D', 'D1'],
    // ② in another word order; 廉洁风险 (金华2023's F1 wording); what the problem is over where (C6 over 基层党组织).
    [null, null, '聚焦群众身边不正之风和腐败问题方面', '违规吃喝问题较突出', 'D', 'D1'],
    [null, null, null, '廉洁风险防控链条不够紧实', 'F', 'F1'], ['廉洁风险防控', null, null, '事项甲', 'F', 'F1'],
    [null, null, null, '基层党组织发展党员程序不规范', 'C', 'C6'], ['纪律建设', '违规兼职', null, '事项甲', 'E', 'E2'],
    [null, null, null, '超标准接待', 'D', 'D1'], [null, null, null, '接受服务对象宴请', 'D', 'D1'],
    // helper-119, on the sample with its codes taken out: an L1's name in 问题类别 leaves the L2 to the title
    // (两个责任 gave G1 to every G row), and 党的全面领导 beside 全面从严治党 is G's combined heading.
    ['两个责任', null, '聚焦群众身边腐败问题和不正之风', '政治生态不够清朗', 'G', 'G4'], ['两个责任', null, null, '事项甲', 'G', 'G1'],
    ['八项规定', null, null, '违规吃喝问题突出', 'D', 'D1'],
    [null, null, '在加强党的全面领导、落实全面从严治党责任方面', '监督执纪问责不到位', 'G', 'G2'],
    // Titles alone, as offices word them (helper-119's list of titles no rule knew).
    [null, null, null, '文山会海问题仍较突出', 'D', 'D4'], [null, null, null, '督查检查考核过多过频', 'D', 'D4'],
    [null, null, null, '请销假制度执行不严', 'E', 'E1'], [null, null, null, '以案促改、以案促治成效不明显', 'E', 'E5'],
    [null, null, null, '派驻监督作用发挥不充分', 'G', 'G2'], [null, null, null, '一些窗口单位服务效率不高', 'D', 'D5'],
    [null, null, null, '新媒体平台审核把关不严', 'B', 'B3'], [null, null, null, '个别村级工程项目管理不规范', 'F', 'F4'],
    [null, null, null, '工程项目建设管理不够规范', 'F', 'F1'], [null, null, null, '资金监管还有漏洞', 'F', 'F3'],
    [null, null, null, '惠民资金监管不严', 'F', 'F5'], [null, null, null, '专项资金监管不严', 'E', 'E3'],
    [null, null, null, '一些重大事项未经集体研究决定', 'A', 'A3'], [null, null, null, '少数干部作风粗暴、漠视群众利益', 'E', 'E4'],
    [null, null, null, '对党员干部参与民间借贷问题处置不够有力', 'E', 'E2'], [null, null, null, '干部选任还存在薄弱环节', 'C', 'C1'],
    [null, null, null, '干部日常监督管理不到位', 'C', 'C3'], [null, null, null, '部分党员长期不参加组织生活', 'C', 'C6'],
    [null, null, null, '一些整改措施针对性不强', 'H', 'H4'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('an L1\'s full name (DOMAIN §2.3) in 问题类别 or 方面 names that L1 only: its L2 is the title\'s (helper-117)', async () => {
  const rows: Row[] = [
    ['反腐败斗争与廉洁风险防控', null, null, '事项甲', 'F', null],
    ['反腐败斗争与廉洁风险防控', null, null, '惠民补贴资金冒领', 'F', 'F5'],
    ['反腐败斗争和廉洁风险防控', null, null, '事项甲', 'F', null],
    [null, null, '反腐败斗争与廉洁风险防控方面', '事项甲', 'F', null],
    ['全面从严治党责任落实', null, null, '事项甲', 'G', null],
    // G, not the D–G group that 全面从严治党 names as a heading: a title of D's words keeps G.
    ['全面从严治党责任落实', null, null, '违规吃喝问题突出', 'G', null],
    ['全面从严治党责任落实', null, null, '主体责任压得不够紧', 'G', 'G1'],
    [null, null, '全面从严治党责任落实', '事项甲', 'G', null],
    ['巡视巡察及其他监督发现问题整改', null, null, '对上轮巡察发现的问题整改不彻底', 'H', 'H1'],
    // The words inside them still count where no full name is written.
    ['廉洁风险防控', null, null, '事项甲', 'F', 'F1'],
    [null, null, '落实全面从严治党战略部署方面', '违规吃喝问题突出', 'D', 'D1'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('a ledger whose only classification is its 对应四聚焦 column is placed by it (DOMAIN §2.4: ③ is C, ④ is H)', async () => {
  const engine = await freshEngine();
  const csv = ['问题编号,巡察轮次,县市区,被巡察单位,反馈日期,对应四聚焦,具体问题,整改时限,整改状态',
    'P1,十五届县委第三轮巡察,永康,财政局,2024-03-01,③,事项甲,2024-06-30,已完成',
    'P2,十五届县委第三轮巡察,永康,财政局,2024-03-01,四个落实④,事项乙,2024-06-30,已完成',
    'P3,十五届县委第三轮巡察,永康,财政局,2024-03-01,（3）,事项丙,2024-06-30,已完成',
    'P4,十五届县委第三轮巡察,永康,财政局,2024-03-01,四个聚焦②,违规吃喝问题突出,2024-06-30,已完成'].join('\n');
  // A 方面 that names nothing does not hide the column; 其他 in it names nothing either (the title decides, warned).
  const more = ['问题编号,巡察轮次,县市区,被巡察单位,反馈日期,方面,对应四聚焦,具体问题,整改时限,整改状态',
    'P5,十五届县委第三轮巡察,永康,财政局,2024-03-01,第一方面,③,干部年龄结构老化,2024-06-30,已完成',
    'P6,十五届县委第三轮巡察,永康,财政局,2024-03-01,,其他,违规使用公务用车,2024-06-30,已完成'].join('\n');
  const [report] = await importOk(engine, 'a.csv', utf8(csv));
  expect(await engine.query('SELECT finding_id, category_l1, category_l2, category_raw FROM findings ORDER BY finding_id')).toEqual([
    { finding_id: 'P1', category_l1: 'C', category_l2: null, category_raw: '③' },
    { finding_id: 'P2', category_l1: 'H', category_l2: null, category_raw: '四个落实④' },
    { finding_id: 'P3', category_l1: 'C', category_l2: null, category_raw: '（3）' },
    { finding_id: 'P4', category_l1: 'D', category_l2: 'D1', category_raw: '四个聚焦②' },
  ]);
  expect(report.issues.filter((i) => i.code.startsWith('category_'))).toEqual([]);
  const [other] = await importOk(engine, 'b.csv', utf8(more));
  expect(await engine.query(`SELECT finding_id, category_l1, category_l2 FROM findings WHERE finding_id IN ('P5', 'P6') ORDER BY finding_id`)).toEqual([
    { finding_id: 'P5', category_l1: 'C', category_l2: null },
    { finding_id: 'P6', category_l1: 'D', category_l2: 'D3' },
  ]);
  // The category came from the title's words: the analyst hears of it, as for a 问题类别 of 其他.
  expect(other.issues.filter((i) => i.code.startsWith('category_')).map((i) => [i.row, i.code, i.value])).toEqual([[3, 'category_from_title', '其他']]);
  engine.close();
});

test('wording offices write that no rule knew, and a field word (风险, 审计) after the problem\'s own words (helper-150)', async () => {
  const rows: Row[] = [
    // "…，存在…风险" after a problem whose field words were unknown: counted under A5 (风险) or H2 (审计).
    [null, null, null, '招投标程序不规范，存在围标串标风险', 'F', 'F1'], [null, null, null, '工程款支付不规范，存在资金风险', 'F', 'F1'],
    [null, null, null, '党员发展程序不规范，存在风险', 'C', 'C6'], [null, null, null, '违规发放津补贴，存在审计风险', 'D', 'D2'],
    [null, null, null, '审计指出问题整改不到位', 'H', 'H2'], [null, null, null, '政府采购化整为零规避招标', 'E', 'E3'],
    [null, null, null, '低保资金监管不严', 'F', 'F5'],
    // Titles that read Z.
    [null, null, null, '党员模范带头作用发挥不够', 'C', 'C6'], [null, null, null, '党委会议事规则不健全，个人说了算', 'A', 'A3'],
    [null, null, null, '干部人事档案管理不规范', 'C', 'C1'], [null, null, null, '国企领导人员违规经商办企业', 'F', 'F2'],
    [null, null, null, '违规发放加班费', 'D', 'D2'], [null, null, null, '私车公养', 'D', 'D3'], [null, null, null, '工作日中午饮酒', 'D', 'D1'],
    [null, null, null, '文件会议多、调查研究少', 'D', 'D4'], [null, null, null, '推诿扯皮、办事效率低', 'D', 'D5'],
    [null, null, null, '村社换届选举不规范', 'C', 'C4'], [null, null, null, '党支部标准化建设不到位', 'C', 'C4'],
    [null, null, null, '贯彻落实"八八战略"不够有力', 'A', 'A1'], [null, null, null, '耕地保护不力', 'A', 'A5'],
    [null, null, null, '基层"微腐败"问题依然存在', 'F', 'F5'], [null, null, null, '违规借贷', 'E', 'E2'],
    [null, null, null, '监督检查发现问题整改不到位', 'H', 'H2'], [null, null, null, '巡察整改"清单化"管理落实不到位', 'H', 'H4'],
    // …but a problem's own words still win over them: 惠民补贴 is no staff allowance, 违规吃喝…整改不彻底 is D1.
    [null, null, null, '惠民补贴资金冒领', 'F', 'F5'], [null, null, null, '违规吃喝问题整改不彻底', 'D', 'D1'],
    // Category cells that read Z.
    ['党的领导', null, null, '问题', 'A', null], ['干部作风', null, null, '问题', 'D', null], ['问题整改', null, null, '问题', 'H', null],
    ['能力素质不适应', null, null, '问题', 'C', 'C2'], ['党建工作', null, null, '问题', 'C', null],
    // A field as the category does not outrank the title (helper-151): 乡村振兴 | 违规吃喝 is D1, 资金管理 | 惠民补贴资金冒领 F5.
    ['乡村振兴', null, null, '违规吃喝', 'D', 'D1'], ['资金管理', null, null, '惠民补贴资金冒领', 'F', 'F5'],
    // Words matched before the field's own (helper-151): 借贷, 挪用, 换届, 会议多次, 低保 as welfare.
    [null, null, null, '村集体资产违规对外借贷', 'F', 'F4'], [null, null, null, '惠民补贴资金被挪用', 'F', 'F5'],
    [null, null, null, '换届选举中违反组织纪律拉票', 'E', 'E1'], [null, null, null, '安全生产会议多次部署但隐患整改不到位', 'A', 'A5'],
    [null, null, null, '低保等民生政策落实不到位', 'A', 'A5'], [null, null, null, '纪委监督检查发现问题线索处置不及时', 'G', 'G2'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('long titles as 巡察反馈 write them: the responsibility named, public safety, village powers, wording no rule knew (helper-154)', async () => {
  const rows: Row[] = [
    // Wrong L1s before: F1, C4, G2, F1, E3.
    [null, null, null, '班子成员"一岗双责"履行不到位，对分管领域廉政风险防控不力', 'G', 'G3'],
    [null, null, null, '主体责任落实"上热中温下冷"，基层党组织管党治党意识淡薄', 'G', 'G1'],
    [null, null, null, '对纪检监察建议落实不到位，整改反馈不及时', 'H', 'H2'], [null, null, null, '食品药品安全监管不到位，群众反映强烈', 'A', 'A5'],
    [null, null, null, '村集体经济组织财务管理混乱，坐收坐支', 'F', 'F4'], [null, null, null, '对巡察发现的违规吃喝问题整改不到位，问题反弹', 'H', 'H1'],
    // A concrete D word beside 八项规定 decides; 八项规定 alone, or its 韧劲, is D6.
    [null, null, null, '落实中央八项规定精神不严格，违规吃喝问题仍有发生', 'D', 'D1'], [null, null, null, '落实中央八项规定精神韧劲不足，作风建设抓实不够有力', 'D', 'D6'],
    [null, null, null, '违反中央八项规定精神问题时有发生', 'D', 'D6'], ['四风问题', null, null, '问题描述', 'D', 'D6'],
    // Titles that read Z.
    [null, null, null, '贯彻落实习近平总书记重要指示批示精神不够到位', 'A', 'A1'], [null, null, null, '落实"双碳"目标任务不到位，能耗双控工作滞后', 'A', 'A1'],
    [null, null, null, '防汛防台工作准备不充分，应急预案不健全', 'A', 'A5'], [null, null, null, '领导班子不团结，班子成员之间沟通不畅', 'A', 'A2'],
    [null, null, null, '新时代文明实践中心（所、站）作用发挥不充分', 'B', 'B3'], [null, null, null, '学习习近平总书记考察浙江重要讲话精神不够深入', 'B', 'B1'],
    [null, null, null, '干部能上能下机制不健全，不适宜担任现职干部调整不到位', 'C', 'C2'], [null, null, null, '编外用工管理不规范，超编制进人', 'C', 'C1'],
    [null, null, null, '党员积分管理流于形式，不合格党员处置不及时', 'C', 'C6'], [null, null, null, '"一刀切""层层加码"问题仍然存在', 'D', 'D4'],
    [null, null, null, '固定资产管理混乱，账实不符', 'F', 'F3'], [null, null, null, '利用职务便利为他人谋取利益，收受好处费', 'F', 'F2'],
    [null, null, null, '违规从事营利活动，违规持有非上市公司股份', 'E', 'E2'], [null, null, null, '党组书记履行第一责任人职责不到位', 'G', 'G1'],
    [null, null, null, '"一把手"和领导班子监督不力，对"关键少数"监督乏力', 'G', 'G2'], [null, null, null, '巡察反馈问题整改台账不实，销号标准不严', 'H', 'H4'],
    [null, null, null, '专项整治工作不扎实，突出问题整治成效不明显', 'H', 'H3'],
    // Review (helper-155): those words stand after the fields they are said of.
    [null, null, null, '安全生产第一责任人职责履行不到位', 'A', 'A5'], [null, null, null, '环境违法行为查处不力，群众反映强烈', 'A', 'A5'],
    [null, null, null, '对违纪违规问题查处不力，问责偏轻偏软', 'G', 'G2'], [null, null, null, '安全生产隐患整改台账不健全', 'A', 'A5'],
    [null, null, null, '问题线索处置不规范，存在违规销号', 'G', 'G2'], [null, null, null, '贯彻落实习近平总书记考察浙江重要讲话精神和省委决策部署不到位', 'A', 'A1'],
    [null, null, null, '服务群众专项资金拨付滞后', 'E', 'E3'], [null, null, null, '公务用车超编超标', 'D', 'D3'],
    [null, null, null, '重大项目固定资产投资完成率低，高质量发展后劲不足', 'A', 'A1'], [null, null, null, '食品药品安全监管人员利用职务便利谋取私利', 'F', 'F2'],
    [null, null, null, '作风不实，违规吃喝问题时有发生', 'D', 'D1'], [null, null, null, '干部作风不实，服务群众"最后一公里"打通不够', 'D', 'D5'],
    // Second review (helper-156): a field's enforcement, a 韧劲 of other work, cars over the quota, a 纪委's own wording.
    [null, null, null, '纪检监察干部作风不实，监督执纪不严', 'G', 'G2'], [null, null, null, '农村违规建房查处不力', 'Z', null],
    [null, null, null, '推进重点项目建设韧劲不足', 'Z', null], [null, null, null, '超编配备车辆', 'D', 'D3'],
    [null, null, null, '重要讲话精神学习不深不透', 'B', 'B1'], [null, null, null, '派驻纪检组制发纪律检查建议质量不高', 'G', 'G2'],
  ];
  expect(await classify(rows)).toEqual(rows.map((r) => [r[4], r[5]]));
});

test('所属方面 and 对应四个落实 are read as 方面 and 对应四落实; a 方面 of 其他 leaves the 对应四落实 to decide (helper-150)', async () => {
  const engine = await freshEngine();
  const csv = ['问题编号,巡察轮次,县市区,被巡察单位,反馈日期,所属方面,对应四个落实,具体问题,整改时限,整改状态',
    'P1,十五届县委第三轮巡察,永康,财政局,2024-03-01,在党的思想建设方面,,事项甲,2024-06-30,已完成',
    'P2,十五届县委第三轮巡察,永康,财政局,2024-03-01,其他,③,事项乙,2024-06-30,已完成',
    'P3,十五届县委第三轮巡察,永康,财政局,2024-03-01,其他,④,事项丙,2024-06-30,已完成',
    'P4,十五届县委第三轮巡察,永康,财政局,2024-03-01,关于选人用人方面,,事项丁,2024-06-30,已完成'].join('\n');
  const [report] = await importOk(engine, 'a.csv', utf8(csv));
  expect(await engine.query('SELECT finding_id, category_l1, category_l2 FROM findings ORDER BY finding_id')).toEqual([
    { finding_id: 'P1', category_l1: 'B', category_l2: null }, { finding_id: 'P2', category_l1: 'C', category_l2: null },
    { finding_id: 'P3', category_l1: 'H', category_l2: null }, { finding_id: 'P4', category_l1: 'C', category_l2: 'C1' },
  ]);
  expect(report.issues.filter((i) => i.code === 'column_ignored' || i.code.startsWith('category_'))).toEqual([]);
  engine.close();
});
