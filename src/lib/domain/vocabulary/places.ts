import { COUNTIES } from '../counties';

/**
 * Ways ledgers write 金华's county-level units (DOMAIN.md §5.1): the full name, the name without
 * its 区/县/市 suffix (永康 → 永康市), optionally prefixed by 浙江省 / 金华市.
 */
export interface CountyAlias {
  alias: string;
  name: string;
}

const COUNTY_ALIASES: CountyAlias[] = COUNTIES.filter((c) => c.kind !== '市本级').flatMap((c) => [
  { alias: c.name, name: c.name },
  { alias: c.name.slice(0, -1), name: c.name },
]);

/** Words naming a functional zone (金华开发区, 金义新区, 金华山旅游经济区): its own county (DOMAIN.md §5.1). */
export const ZONE_WORDS = '开发区|经开区|新区|园区|经济区|集聚区|试验区|功能区';

/**
 * The zones of DOMAIN.md §5.1, each under its several spellings (金华 or 金华市 before them): 金华经济技术开发区 is
 * written 金华开发区 and 金华经开区 too, 金义新区 in full 金义都市新区.
 */
export const ZONE_SPELLINGS: CountyAlias[] = [
  ...['金华开发区', '金华经济技术开发区', '金华经济开发区', '金华经开区'].map((alias) => ({ alias, name: '金华开发区' })),
  ...['金义新区', '金义都市新区'].map((alias) => ({ alias, name: '金义新区' })),
];

/**
 * Traditional characters of the place names above and their simplified forms (義烏 → 义乌, 金東區 → 金东区),
 * as files from Hong Kong, Taiwan or a traditional-script input method write them (蘭谿 is 兰溪's old name).
 */
export const TRADITIONAL_PLACE_CHARS = '義烏東陽蘭谿區縣華開發經濟術園級屬機關門單鎮鄉';
export const SIMPLIFIED_PLACE_CHARS = '义乌东阳兰溪区县华开发经济术园级属机关门单镇乡';

/**
 * Spellings of the city level itself (units inspected by 市委巡察组), as an RE2 pattern over the
 * compact form: 市本级, 市直, 市级, 市直属, each with 金华 / 浙江省 before it and 机关, 部门 or 单位
 * after it (金华市直属单位, 市级部门, 市本级单位), and the city's bare name (金华, 金华市).
 */
export const CITY_LEVEL_PATTERN = '^(浙江省)?(金华)?市(本级|直属?|级)(机关|部门|单位|系统)*$|^(浙江省)?金华市?$';

/** Every alias of the nine counties, longest first so 永康市 wins over 永康. */
export function countyAliases(): CountyAlias[] {
  return [...COUNTY_ALIASES].sort((a, b) => b.alias.length - a.alias.length);
}

/** Prefixes that qualify a county name without changing it. */
export const COUNTY_PREFIXES = ['浙江省金华市', '浙江省', '金华市'];

/**
 * A town, street, village or community (横店镇党委, 西城街道党工委, 东山村党支部), or a county's or district's own
 * unit named by a bare 县 or 区 (区卫健局, 区市场监管局, 县级机关工委, 中共区纪委; not 区域…, 县市区…, 区县…): never a city-level (市本级) unit,
 * so its county must be given or named.
 */
export const LOCAL_UNIT_PATTERN = '^(中共)?[县区]([^域县市]|市[^区]|$)|((镇|乡|街道)(党委|党工委|纪委|纪工委|人民政府|政府|办事处|卫生院|中心学校|中心小学|初级中学|中学|小学)?'
  // Not 农村 or 城乡社区 (市农业农村委员会, 市城乡社区…), and a 委员会 only as a village's or community's own.
  + '|[^农乡](村|社区)(党支部|党总支|党委|村民委员会|居民委员会|村委会|居委会|股份经济合作社|经济合作社|监察工作联络站)?)([(（][^)）]*[)）])?$';
