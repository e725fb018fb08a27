// Turns wording templates into the text columns of one finding: 具体问题, 具体表现, 整改措施, 方面,
// 对应四落实 and the owners. The variation (部分/个别/少数, suffixes, concrete numbers) is what an
// analyst sees in real ledgers, where the same L2 problem is never worded twice the same way.
import { WORDING_ABC } from './wording-abc.mjs';
import { WORDING_DH } from './wording-dh.mjs';

const WORDING = { ...WORDING_ABC, ...WORDING_DH };

/** All L2 codes that have wording, in taxonomy order. */
export const L2_CODES = Object.keys(WORDING);

const QUALIFIERS = ['部分', '个别', '少数', '一些'];
const ORG = { committee: null, dept: '党委(党组)', town: null, soe: '集团党委', school: '学校党委',
  hospital: '医院党委', village: '村党组织', zone: '党工委' };
const FIELD = { hospital: ['药品和医疗器械采购', '医疗设备采购'], soe: ['工程建设招投标', '国企采购'], school: ['教育装备采购', '食堂承包'],
  village: ['村级工程', '土地流转'], town: ['工程建设', '土地征收'], zone: ['土地收储', '工程建设'],
  committee: ['土地收储、工程建设', '国资国企'], dept: ['政府采购', '工程建设'] };

function orgOf(unit) {
  if (unit.kind === 'committee') return `${unit.level}委`;
  if (unit.kind === 'town') return unit.name.includes('街道') ? '街道党工委' : '镇党委';
  return ORG[unit.kind];
}

/** Fills the {..} placeholders of a template for one unit and year. */
export function fill(template, unit, year, rng) {
  return template
    .replaceAll('{q}', rng.pick(QUALIFIERS))
    .replaceAll('{org}', orgOf(unit))
    .replaceAll('{f}', rng.pick(FIELD[unit.kind]))
    .replaceAll('{y}', String(year - rng.int(1, 2)))
    .replaceAll('{n}', String(rng.int(6, 15)))
    .replaceAll('{k}', String(rng.int(2, 5)))
    .replaceAll('{m}', (rng.int(50, 48000) / 100).toFixed(2).replace(/\.?0+$/, ''));
}

/** Number of title templates of an L2 code (callers pick an index to avoid repeating a wording). */
export function titleCount(l2) {
  return WORDING[l2].titles.length;
}

/** The 具体问题 of a finding: the template at `index`, with a light prefix/suffix variation. */
export function problemTitle(l2, index, unit, year, rng) {
  let t = fill(WORDING[l2].titles[index % WORDING[l2].titles.length], unit, year, rng);
  const r = rng.next();
  if (r < 0.15 && !t.endsWith('问题')) t += '的问题';
  else if (r < 0.22 && !t.includes('仍') && !t.startsWith('存在')) t = '仍存在' + t;
  else if (r < 0.28) t += '，整改落实不够及时';
  return t;
}

/** The 具体表现 of a finding (concrete detail with invented figures). */
export function problemDetail(l2, unit, year, rng) {
  return fill(rng.pick(WORDING[l2].details), unit, year, rng);
}

const GENERIC_MEASURES = ['召开专题会议研究部署整改工作', '举一反三开展自查自纠', '建立整改台账，实行清单化管理、销号式推进',
  '完善相关制度，建立长效机制', '纳入年度党建考核', '开展专题警示教育'];

/** The 整改措施 text ("1.…；2.…") and its count; typically 3–5 measures per problem. */
export function measuresFor(l2, unit, year, rng) {
  const own = rng.sample(WORDING[l2].measures, rng.int(2, WORDING[l2].measures.length));
  const extra = rng.sample(GENERIC_MEASURES, rng.int(1, 2));
  const all = [...own, ...extra].map((m) => fill(m, unit, year, rng));
  return { text: all.map((m, i) => `${i + 1}.${m}`).join('；'), count: all.length };
}

// Report headings (方面) follow the framework in force (DOMAIN.md §2.1).
const ASPECTS = {
  six: { A: '在党的政治建设方面', B: '在党的思想建设方面', C: '在党的组织建设方面', D: '在党的作风建设方面',
    E: '在党的纪律建设方面', F: '在夺取反腐败斗争压倒性胜利方面', G: '在加强党的全面领导、落实全面从严治党责任方面', H: '在巡视整改落实方面' },
  luoshi: { A: '落实党的路线方针政策和党中央重大决策部署方面', B: '落实党的路线方针政策和党中央重大决策部署方面',
    C: '落实新时代党的组织路线方面', D: '落实全面从严治党战略部署方面', E: '落实全面从严治党战略部署方面',
    F: '落实全面从严治党战略部署方面', G: '落实全面从严治党战略部署方面', H: '落实巡视、审计等监督发现问题整改方面' },
  jujiao: { A: '聚焦党中央决策部署在基层的贯彻落实', B: '聚焦党中央决策部署在基层的贯彻落实', C: '聚焦基层党组织软弱涣散、组织力欠缺',
    D: '聚焦群众身边腐败问题和不正之风', E: '聚焦群众身边腐败问题和不正之风', F: '聚焦群众身边腐败问题和不正之风',
    G: '聚焦群众身边腐败问题和不正之风', H: '聚焦巡察整改落实情况' },
};
const FOCUS_NO = { A: '①', B: '①', C: '③', D: '②', E: '②', F: '②', G: '②', H: '④' };

/** The 方面 heading and 对应四落实/四聚焦 value of an L1 code under a round's framework. */
export function aspectOf(framework, l1) {
  if (framework === 'six') return { aspect: ASPECTS.six[l1], focus: '' };
  if (framework === 'luoshi') return { aspect: ASPECTS.luoshi[l1], focus: '四个落实' + FOCUS_NO[l1] };
  // 三个聚焦 (巡察 until 2022) has no fourth heading: its H items sit under 其他.
  if (framework === 'three' && l1 === 'H') return { aspect: '其他方面', focus: '其他' };
  return { aspect: ASPECTS.jujiao[l1], focus: '四个聚焦' + FOCUS_NO[l1] };
}
