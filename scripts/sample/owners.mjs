// Owners of a finding (责任单位, 责任领导, 责任人) and its evidence list. Every person is a made-up
// surname followed by 某/某某, so no real person is named; titles follow the unit's kind.

const SURNAMES = ['王', '陈', '吴', '楼', '应', '朱', '胡', '何', '徐', '金', '蒋', '傅', '吕', '方', '施', '郑', '邵', '杜',
  '叶', '周', '黄', '章', '倪', '贾', '虞'];

function person(rng) {
  return rng.pick(SURNAMES) + (rng.chance(0.5) ? '某' : '某某');
}

// Which office owns a problem depends on its L1 category (组织 → 组织部门, 作风/纪律 → 纪检, ...).
const OFFICE = {
  committee: { A: '{L}委办', B: '{L}委宣传部', C: '{L}委组织部', D: '{L}纪委{L}监委', E: '{L}纪委{L}监委', F: '{L}财政局；{L}审计局',
    G: '{L}委办；{L}纪委{L}监委', H: '{L}委巡察办' },
  dept: { A: '办公室', B: '办公室', C: '组织人事科', D: '办公室', E: '财务科', F: '计划财务科', G: '机关党委', H: '机关党委' },
  town: { A: '党政办', B: '宣传办', C: '党建办', D: '镇纪委', E: '镇纪委', F: '财政所；农业农村办', G: '镇纪委', H: '党建办' },
  soe: { A: '党群工作部', B: '党群工作部', C: '人力资源部', D: '纪检监察室', E: '财务部', F: '工程管理部；财务部', G: '纪检监察室', H: '党群工作部' },
  school: { A: '校长办公室', B: '党政办', C: '人事处', D: '党政办', E: '财务处', F: '总务处', G: '纪检监察室', H: '党政办' },
  hospital: { A: '院办', B: '党办', C: '人事科', D: '纪检监察室', E: '财务科', F: '采购中心；设备科', G: '纪检监察室', H: '党办' },
  village: { A: '村党支部', B: '村党支部', C: '村党支部', D: '村监委会', E: '村监委会', F: '村经济合作社；村监委会', G: '村党支部', H: '村党支部' },
  zone: { A: '党政办', B: '党政办', C: '组织人事部', D: '纪工委', E: '财务局', F: '建设局；财务局', G: '纪工委', H: '党政办' },
};
const LEADER = {
  committee: { A: '{L}委副书记', B: '{L}委常委、宣传部部长', C: '{L}委常委、组织部部长', D: '{L}委常委、{L}纪委书记、{L}监委主任',
    E: '{L}委常委、{L}纪委书记、{L}监委主任', F: '副{L}长', G: '{L}委书记', H: '{L}委副书记' },
  dept: ['党委书记、局长', '分管副局长', '党委委员、副局长', '派驻纪检组组长'],
  town: ['党委书记', '镇长', '党委副书记', '纪委书记', '组织委员'],
  soe: ['党委书记、董事长', '总经理', '纪委书记', '副总经理'],
  school: ['党委书记', '校长', '副校长'],
  hospital: ['党委书记', '院长', '副院长', '纪委书记'],
  village: ['村党支部书记', '村监委会主任', '联村干部'],
  zone: ['党工委书记', '管委会主任', '党工委委员、副主任', '纪工委书记'],
};
const STAFF_TITLE = ['科长', '主任', '副主任', '科员', '负责人'];

/** 责任单位, 责任领导 and 责任人 of a finding of the given unit and L1 category. */
export function ownersFor(unit, l1, rng) {
  const L = unit.level;
  const office = OFFICE[unit.kind][l1].replaceAll('{L}', L);
  const leaderRoles = LEADER[unit.kind];
  const role = (Array.isArray(leaderRoles) ? rng.pick(leaderRoles) : leaderRoles[l1]).replaceAll('{L}', L);
  const leader = `${person(rng)}（${role}）`;
  const staff = unit.kind === 'village' ? `${person(rng)}（村委委员）` : `${person(rng)}（${office.split('；')[0]}${rng.pick(STAFF_TITLE)}）`;
  return { respUnit: office, respLeader: leader, respPerson: unit.kind === 'committee' && rng.chance(0.5) ? '' : staff };
}

const EVIDENCE = ['整改情况报告', '专题会议纪要', '制度文件', '自查自纠报告', '整改前后对比照片', '清退资金凭证', '培训签到表',
  '谈话记录', '检查通报', '台账截图'];

/** The 佐证材料 list ("a；b；c") and its length, more complete for finished items. */
export function evidenceFor(statusClass, rng) {
  const n = statusClass === 'completed' ? (rng.chance(0.06) ? 0 : rng.int(1, 4)) : statusClass === 'basic' ? rng.int(1, 2) : rng.int(0, 1);
  const items = rng.sample(EVIDENCE, n);
  return { text: items.join('；'), count: items.length };
}
