// Outcome columns (成效, DOMAIN.md §3.5): accountability with its breakdown, systems built, money
// recovered, clues handed over, plus disclosure. Real ledgers fill them sparsely, so most are blank.

const DISCIPLINE_CODES = new Set(['C3', 'D1', 'D2', 'D3', 'D6', 'E2', 'E3', 'F1', 'F2', 'F3', 'F4', 'F5', 'G2']);
const MONEY_CODES = new Set(['D1', 'D2', 'E3', 'F1', 'F3', 'F4', 'F5']);
const CLUE_CODES = new Set(['E2', 'F1', 'F2', 'F3', 'F4', 'F5', 'C3']);

const blank = (n) => (n > 0 ? String(n) : '');

/** The outcome columns of a finding (strings, blank when nothing was recorded). */
export function outcomesFor(l2, cls, round, rng) {
  const out = { accTotal: '', accParty: '', accGov: '', accOrg: '', accAdmonish: '', accLight: '', systems: '', funds: '', clues: '', cluesClosed: '' };
  const active = cls === 'completed' || cls === 'basic';
  if (DISCIPLINE_CODES.has(l2) && rng.chance(0.3)) {
    const party = rng.chance(0.4) ? rng.int(1, 2) : 0;
    const gov = rng.chance(0.3) ? rng.int(1, 2) : 0;
    const org = rng.chance(0.4) ? rng.int(1, 3) : 0;
    const admonish = rng.chance(0.4) ? rng.int(1, 2) : 0;
    const total = party + gov + org + admonish;
    // The total is the sum of the heavy measures; 批评教育 is recorded beside it, not inside it.
    Object.assign(out, { accTotal: blank(total), accParty: blank(party), accGov: blank(gov), accOrg: blank(org), accAdmonish: blank(admonish) });
    if (rng.chance(0.5)) out.accLight = String(rng.int(1, 8));
  } else if (rng.chance(0.04)) {
    out.accLight = String(rng.int(1, 5));
  }
  if (active && rng.chance(0.35)) out.systems = String(rng.int(1, 4));
  if (MONEY_CODES.has(l2) && active && rng.chance(0.35)) {
    const wan = rng.int(12, 150000) / 1000;
    out.funds = String(Number(wan.toFixed(rng.pick([1, 2, 3]))));
  }
  if (CLUE_CODES.has(l2) && rng.chance(0.15)) {
    const n = rng.int(1, 3);
    out.clues = String(n);
    // Clues are "一般在半年内办结": old rounds have closed them all, recent ones not yet.
    out.cluesClosed = String(round.year <= 2023 ? n : rng.int(0, n));
  }
  return out;
}

/** 是否公开: mostly 公开; cadre-discipline and personal matters are sometimes withheld. */
export function discloseFor(l2, rng) {
  const sensitive = l2 === 'C3' || l2 === 'F2' || l2 === 'E2';
  const r = rng.next();
  if (r < (sensitive ? 0.25 : 0.03)) return '拟不向社会公开';
  if (r < (sensitive ? 0.3 : 0.04)) return '拟不在党内公开';
  return '公开';
}

const REMARKS = ['涉及历史遗留问题，需长期推进', '已纳入年度党建考核', '已移交纪委监委处置', '与审计整改一并推进', '举一反三开展全面自查',
  '根据"回头看"意见补充整改措施', '整改成效待评估', '已召开专题民主生活会'];

/** 备注: occasionally a remark (one of them carries ASCII quotes, which the CSV must escape). */
export function remarkFor(rng) {
  return rng.chance(0.08) ? rng.pick(REMARKS) : '';
}
