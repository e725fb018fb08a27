// Builds one ledger row (keys = canonical Chinese headers) for one problem of one inspected unit.
// Fields starting with "_" are kept for the generator's own bookkeeping and never written out.
import { aspectOf, measuresFor, problemDetail, problemTitle, titleCount } from './text.mjs';
import { ownersFor, evidenceFor } from './owners.mjs';
import { closureFor, completionDate, deadlineFor, latestOpenDeadline, statusClassFor, statusWord } from './progress.mjs';
import { discloseFor, outcomesFor, remarkFor } from './outcomes.mjs';

// A plausible spread of completion between counties (市本级 departments finish fastest).
const COUNTY_BIAS = { 市本级: 0.03, 义乌市: 0.02, 磐安县: -0.05, 浦江县: -0.03, 武义县: -0.02 };

function sourceFor(visit, l2, deadline, rng) {
  if (deadline.rectType === '立行立改' && rng.chance(0.5)) return '立行立改';
  if (visit.round.level === '省委' && (l2 === 'C1' || l2 === 'C3') && rng.chance(0.5)) return '选人用人专项检查';
  if ((l2 === 'B2' || l2 === 'B3') && rng.chance(0.3)) return '意识形态专项检查';
  return visit.round.level === '省委' ? '巡视反馈' : '巡察反馈';
}

/**
 * One finding of `visit` (round, unit, team, dates) in L2 category `l2`. Options: `title` / `detail`
 * to impose a wording, `titleIndex` to pick the template, `prior` (an earlier finding id) and
 * `flagRepeat` to mark an explicit repeat, `remark` to impose 备注.
 */
export function buildFinding(visit, l2, rng, opts = {}) {
  const { round, unit, feedback, isLatest } = visit;
  const l1 = l2[0];
  const titleIndex = opts.titleIndex ?? rng.int(0, titleCount(l2) - 1);
  const title = opts.title ?? problemTitle(l2, titleIndex, unit, round.year, rng);
  const detail = opts.detail ?? problemDetail(l2, unit, round.year, rng);
  const { aspect, focus } = aspectOf(round.framework, l1);
  let deadline = deadlineFor(round, feedback, rng);
  const pComplete = Math.min(0.99, round.pComplete + (COUNTY_BIAS[unit.county] ?? 0));
  const cls = statusClassFor(round, deadline, rng, pComplete);
  if (isLatest && (cls === 'open' || cls === 'notDone') && !deadline.longTerm && rng.chance(0.85)) {
    deadline = latestOpenDeadline(round, rng);
  }
  const status = statusWord(round, cls, deadline, rng);
  // A completed item without a completion date is a real ledger defect the import must flag.
  const completion = cls === 'completed' && !(status !== '已销号' && rng.chance(0.004)) ? completionDate(feedback, deadline, rng) : '';
  const closure = closureFor(status, cls, completion, round, rng);
  const measures = measuresFor(l2, unit, round.year, rng);
  const owners = ownersFor(unit, l1, rng);
  const evidence = evidenceFor(cls, rng);
  const out = outcomesFor(l2, cls, round, rng);
  const repeat = opts.prior || opts.flagRepeat ? '是' : l2 === 'H1' && rng.chance(0.6) ? '是' : round.year >= 2022 ? '否' : '';
  return {
    _cls: cls, _l2: l2, _titleIndex: titleIndex, _deadline: deadline.date, _unit: unit, _feedback: feedback,
    县市区: unit.county, 巡视巡察主体: round.level, 届次: round.term, 轮次: String(round.no), 轮次名称: round.label,
    年度: String(round.year), 巡察方式: visit.mode, 巡察组: visit.team, 被巡察单位: unit.name, 单位类型: unit.type,
    进驻开始: visit.station[0], 进驻结束: visit.station[1], 反馈时间: feedback, 整改专项: sourceFor(visit, l2, deadline, rng),
    方面: aspect, 问题类别: l1, 问题子类: l2, 对应四落实: focus, 具体问题: title, 具体表现: detail,
    整改类型: deadline.rectType, 整改措施: measures.text, 措施数量: String(measures.count),
    责任单位: owners.respUnit, 责任领导: owners.respLeader, 责任人: owners.respPerson,
    整改时限: deadline.raw, 是否长期坚持: deadline.longTerm ? '是' : rng.chance(0.6) ? '否' : '', 整改状态: status,
    完成时间: completion, 是否销号: closure.closed, 销号时间: closure.date, 佐证材料: evidence.text,
    佐证数量: evidence.text ? String(evidence.count) : '',
    问责人数: out.accTotal, 党纪处分: out.accParty, 政务处分: out.accGov, 组织处理: out.accOrg, 诫勉: out.accAdmonish,
    批评教育: out.accLight, 建章立制数量: out.systems, '挽回经济损失（万元）': out.funds, 移交问题线索: out.clues, 线索办结: out.cluesClosed,
    上轮问题编号: opts.prior ?? '', 是否屡查屡犯: repeat, 回访督查结果: '', 回访时间: '', 是否公开: discloseFor(l2, rng),
    备注: opts.remark ?? remarkFor(rng),
  };
}
