// Inspected Party organisations of the sample. Names follow how 金华 ledgers write them
// (市本级 departments, county departments, towns/streets, SOEs, schools, hospitals, villages);
// the pool is fixed so that later rounds can come back to units inspected before.

/** The nine county-level units and what their own committee and departments are called. */
export const COUNTY_UNITS = [
  { county: '婺城区', level: '区', towns: ['城东街道', '白龙桥镇', '汤溪镇', '罗埠镇', '琅琊镇'] },
  { county: '金东区', level: '区', towns: ['多湖街道', '孝顺镇', '傅村镇', '曹宅镇', '澧浦镇'] },
  { county: '武义县', level: '县', towns: ['壶山街道', '桐琴镇', '柳城畲族镇', '履坦镇'] },
  { county: '浦江县', level: '县', towns: ['浦南街道', '黄宅镇', '郑宅镇', '岩头镇'] },
  { county: '磐安县', level: '县', towns: ['安文街道', '尖山镇', '仁川镇', '新渥街道'] },
  { county: '兰溪市', level: '市', towns: ['兰江街道', '游埠镇', '诸葛镇', '女埠街道'] },
  { county: '义乌市', level: '市', towns: ['佛堂镇', '稠城街道', '苏溪镇', '上溪镇', '大陈镇'] },
  { county: '东阳市', level: '市', towns: ['横店镇', '吴宁街道', '南马镇', '巍山镇'] },
  { county: '永康市', level: '市', towns: ['东城街道', '古山镇', '芝英镇', '象珠镇'] },
];

/** Looks up a county's record. */
export function countyInfo(county) {
  return COUNTY_UNITS.find((c) => c.county === county);
}

/** The county Party committee, the unit a 省委巡视 inspects (e.g. 中共永康市委). */
export function committeeUnit(county) {
  const c = countyInfo(county);
  return { name: `中共${county}委`, county, type: '党政机关', kind: 'committee', level: c.level };
}

const CITY = [
  ['市教育局党委', '党政机关', 'dept'], ['市卫生健康委党组', '党政机关', 'dept'], ['市民政局党组', '党政机关', 'dept'],
  ['市财政局党组', '党政机关', 'dept'], ['市人力社保局党组', '党政机关', 'dept'], ['市自然资源和规划局党委', '党政机关', 'dept'],
  ['市住建局党委', '党政机关', 'dept'], ['市交通运输局党委', '党政机关', 'dept'], ['市农业农村局党组', '党政机关', 'dept'],
  ['市商务局党组', '党政机关', 'dept'], ['市文化广电旅游局党组', '党政机关', 'dept'], ['市市场监管局党委', '党政机关', 'dept'],
  ['市应急管理局党委', '党政机关', 'dept'], ['市医保局党组', '党政机关', 'dept'], ['市生态环境局党组', '党政机关', 'dept'],
  ['市综合行政执法局党委', '党政机关', 'dept'], ['市水务局党组', '党政机关', 'dept'], ['市科技局党组', '党政机关', 'dept'],
  ['市国资委党委', '党政机关', 'dept'], ['市总工会党组', '群团', 'dept'], ['团市委', '群团', 'dept'],
  ['市城投集团党委', '国有企业', 'soe'], ['市交投集团党委', '国有企业', 'soe'], ['市公交集团党委', '国有企业', 'soe'],
  ['市中心医院党委', '医疗机构', 'hospital'], ['市人民医院党委', '医疗机构', 'hospital'], ['市第一中学党委', '学校', 'school'],
  ['市技师学院党委', '学校', 'school'], ['市住房公积金管理中心党组', '事业单位', 'dept'], ['金华开发区党工委', '开发区/园区', 'zone'],
];

const COUNTY_DEPTS = ['教育局党委', '卫生健康局党委', '自然资源和规划局党委', '住建局党委', '农业农村局党委',
  '市场监管局党委', '民政局党组', '交通运输局党委', '财政局党组', '水务局党组'];

/** The 市本级 units the city rounds draw from. */
export function cityUnits() {
  return CITY.map(([name, type, kind]) => ({ name, county: '市本级', type, kind, level: '市' }));
}

/** The county-level units the city rounds draw from: departments, towns, SOEs, a school, a hospital. */
export function countyPool(county) {
  const c = countyInfo(county);
  const units = COUNTY_DEPTS.map((d) => ({ name: county + d, county, type: '党政机关', kind: 'dept', level: c.level }));
  for (const t of c.towns) {
    const org = t.endsWith('街道') ? '党工委' : '党委';
    units.push({ name: county + t + org, county, type: '乡镇(街道)', kind: 'town', level: c.level, town: t });
  }
  units.push({ name: `${county}城投集团党委`, county, type: '国有企业', kind: 'soe', level: c.level });
  units.push({ name: `${county}交投集团党委`, county, type: '国有企业', kind: 'soe', level: c.level });
  units.push({ name: `${county}第一中学党委`, county, type: '学校', kind: 'school', level: c.level });
  units.push({ name: `${county}人民医院党委`, county, type: '医疗机构', kind: 'hospital', level: c.level });
  units.push({ name: `${county}经济开发区党工委`, county, type: '开发区/园区', kind: 'zone', level: c.level });
  return units;
}

// Invented village and community names (村(社区) units appear from the 2024 rounds on).
const VILLAGE_NAMES = ['塘下', '新联', '溪口', '前山', '后宅', '上塘', '下王', '东岩', '石门', '永丰', '长春', '樟林',
  '和平', '光明', '清溪', '桥头', '枫林', '大园', '南山', '青塘'];

/** A village (or community) Party organisation in one of the county's towns. */
export function villageUnit(county, rng) {
  const c = countyInfo(county);
  const town = rng.pick(c.towns);
  const name = rng.pick(VILLAGE_NAMES);
  const isCommunity = town.endsWith('街道');
  const org = isCommunity ? `${name}社区党委` : `${name}村党支部`;
  return { name: county + town + org, county, type: '村(社区)', kind: 'village', level: c.level, town };
}

/** The units inspected by the 婺城区委 round (its ledger writes them the short way, 区…). */
export function wuchengUnits() {
  const rows = [['区文旅体局党组', '党政机关', 'dept'], ['区农业农村局党委', '党政机关', 'dept'],
    ['区卫生健康局党委', '党政机关', 'dept'], ['区城投集团党委', '国有企业', 'soe'],
    ['白龙桥镇党委', '乡镇(街道)', 'town'], ['汤溪镇党委', '乡镇(街道)', 'town'], ['城东街道党工委', '乡镇(街道)', 'town']];
  return rows.map(([name, type, kind]) => ({ name, county: '婺城区', type, kind, level: '区' }));
}
