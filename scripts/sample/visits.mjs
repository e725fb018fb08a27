// One visit = one inspected unit in one round. This module picks the units of each round (coming
// back to some inspected before), draws the categories of their problems (the mix shifts by round
// and by kind of unit) and plants the three kinds of repeat the dashboard must find: explicit
// links (上轮问题编号 / 是否屡查屡犯 / H1), implicit ones (same unit, same L2, new wording), and
// closed-then-recurred ones (the earlier item completed or 销号, some with 回访督查结果 = 问题反弹).
import { L2_CODES, titleCount } from './text.mjs';
import { buildFinding } from './finding.mjs';
import { addDays } from './dates.mjs';

// L2 codes that are typical of a kind of unit get more weight (DOMAIN.md §2.3 wording).
const KIND_BOOST = {
  committee: { A1: 2, A5: 2, C1: 2, C4: 1.5, G1: 2, G2: 1.5, H2: 1.5 },
  dept: { A1: 1.5, C1: 1.5, D4: 1.5, E3: 1.3, F4: 0.2, F5: 0.5 },
  town: { C4: 3, F4: 3, F5: 2, A5: 1.5, D5: 1.5 },
  village: { C4: 4, F4: 5, F5: 3, C5: 2, C6: 2, A2: 0.2, A4: 0.2, B3: 0.5, C1: 0.1, C3: 0.1, G4: 0.1, H2: 0.1, E1: 0.2, F2: 0.5 },
  school: { E3: 2, D2: 2, C5: 1.5, B2: 1.5, F1: 1.5, F4: 0.1, F5: 0.3, B3: 0.5 },
  hospital: { F1: 4, D2: 2, E3: 2, F4: 0.1, F5: 0.5, B3: 0.5 },
  soe: { F3: 4, A3: 3, E3: 2, F1: 2, F4: 0.1, F5: 0.2, B3: 0.5 },
  zone: { F1: 3, A5: 2, F3: 2, F4: 0.3 },
};

function l2Weights(round, unit) {
  const weights = {};
  for (const code of L2_CODES) {
    const l1Share = round.mix[code[0]] / L2_CODES.filter((c) => c[0] === code[0]).length;
    // H1 is planted explicitly on re-inspected units; elsewhere it stays rare.
    const base = code === 'H1' ? 0.3 : 1;
    weights[code] = l1Share * base * (KIND_BOOST[unit.kind][code] ?? 1);
  }
  return weights;
}

/** Draws n L2 codes for a unit, damping each code once drawn so a unit's problems spread out. */
export function drawCategories(round, unit, n, rng) {
  const weights = l2Weights(round, unit);
  const codes = [];
  for (let i = 0; i < n; i++) {
    const code = rng.weighted(weights);
    codes.push(code);
    weights[code] *= 0.25;
  }
  return codes;
}

/** A title's identity as the importer's duplicate check sees it: no punctuation, digits or spaces. */
export function titleKey(title) {
  return title.replace(/[\p{P}\p{S}\s\d]/gu, '');
}

/**
 * n new findings whose titles differ from each other and from `used` (a real report never lists
 * the same problem twice for one unit); a category that has run out of wordings gives way to another.
 */
export function freshFindings(visit, n, used, rng) {
  const out = [];
  for (const first of drawCategories(visit.round, visit.unit, n, rng)) {
    let code = first;
    for (let attempt = 0; attempt < 12; attempt++) {
      if (attempt === 4 || attempt === 8) code = drawCategories(visit.round, visit.unit, 1, rng)[0];
      const f = buildFinding(visit, code, rng);
      if (!used.has(titleKey(f.具体问题))) {
        used.add(titleKey(f.具体问题));
        out.push(f);
        break;
      }
    }
  }
  return out;
}

function shorten(title) {
  const first = title.split('，')[0];
  return first.length > 18 ? first.slice(0, 18) + '…' : first;
}

function differentTitle(visit, g, rng) {
  const count = titleCount(g._l2);
  for (let attempt = 0; attempt < 6; attempt++) {
    const idx = count > 1 ? (g._titleIndex + 1 + rng.int(0, count - 2)) % count : g._titleIndex;
    const f = buildFinding(visit, g._l2, rng, { titleIndex: idx });
    if (f.具体问题 !== g.具体问题) return f;
  }
  return buildFinding(visit, g._l2, rng, { title: '仍存在' + g.具体问题 });
}

/** Findings that repeat earlier ones of the same unit: implicit, explicit and H1 follow-ups. */
export function repeatFindings(visit, earlier, n, rng) {
  const out = [];
  const kindWord = visit.round.level === '省委' ? '巡视' : '巡察';
  const chosen = rng.sample(earlier.filter((g) => g._l2 !== 'H1'), Math.max(1, Math.round(n * 0.3)));
  for (const g of chosen) {
    const f = differentTitle(visit, g, rng);
    if (rng.chance(0.4)) {
      f.上轮问题编号 = g.问题编号;
      f.是否屡查屡犯 = '是';
    }
    // The 回头看 at this visit finds that an item closed last time has come back.
    if (g._cls === 'completed' && g.完成时间 && rng.chance(0.5)) {
      const seen = addDays(visit.station[0], rng.int(5, 30));
      if (seen > g.完成时间) {
        g.回访督查结果 = '问题反弹';
        g.回访时间 = seen;
      }
    }
    out.push(f);
  }
  if (rng.chance(0.75)) {
    const open = earlier.filter((g) => g._cls !== 'completed');
    const g = rng.pick(open.length ? open : earlier);
    const title = `上轮${kindWord}反馈的“${shorten(g.具体问题)}”问题整改不到位`;
    out.push(buildFinding(visit, 'H1', rng, { title, prior: g.问题编号 }));
  }
  return out;
}
