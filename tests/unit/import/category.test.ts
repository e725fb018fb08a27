import { test, expect, beforeAll } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { compactSql } from '../../../src/lib/import/normalise/text';
import { categoryCandidatesSql, categoryL1Sql, categoryL2Sql, titleL2CandidateSql } from '../../../src/lib/import/normalise/category';

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
    SELECT *, ${titleL2CandidateSql(c('title'))} AS title_l2 FROM (
      SELECT *, ${categoryCandidatesSql({ category: c('cat'), subcategory: c('sub'), aspect: c('aspect'), title: c('title') })}
      FROM (VALUES ${values}) t(i, cat, sub, aspect, title))) ORDER BY i`;
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
    ['其他', null, null, '违规吃喝', 'Z', null],
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
