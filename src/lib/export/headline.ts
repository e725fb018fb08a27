import { formatCount, formatDate, formatRate, formatWan } from '../charts/format';
import { translate } from '../i18n/translate';

/** The numbers the headline sentence needs (DOMAIN.md §4.2), all for the current view at T. */
export interface HeadlineInput {
  asOf: string;
  /** 巡视 or 巡察 (or both) in the current view, for "巡察反馈" / "巡视巡察反馈". */
  kinds: string[];
  findings: number;
  completed: number;
  basicallyCompleted: number;
  partyDiscipline?: number | null;
  govSanction?: number | null;
  orgHandling?: number | null;
  systems?: number | null;
  fundsWan?: number | null;
}

function kindWord(kinds: string[], lang: 'zh' | 'en'): string {
  const hasXunshi = kinds.includes('巡视');
  const hasXuncha = kinds.includes('巡察') || kinds.length === 0;
  if (lang === 'en') return hasXunshi && hasXuncha ? 'inspections' : hasXunshi ? 'provincial inspections' : 'inspections';
  return hasXunshi && hasXuncha ? '巡视巡察' : hasXunshi ? '巡视' : '巡察';
}

const positive = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** A total of funds worth a clause: at least half a 元, which the sentence writes as 1元 (a smaller one reads 0元). */
const someFunds = (wan: number | null | undefined): wan is number => positive(wan) && Math.round(wan * 10_000) > 0;

/**
 * An amount in 万元 as the sentence writes it: to the hundredth of a 万, or in 元 where that rounds to 0 (45 元, not
 * 0万元: the total is not zero, so its clause stays, helper-132).
 */
function funds(wan: number, lang: 'zh' | 'en'): string {
  const small = formatWan(wan) === '0';
  if (lang === 'en') return small ? `${formatCount(Math.round(wan * 10_000))} CNY` : `${formatWan(wan)} (10k CNY)`;
  return small ? `${formatCount(Math.round(wan * 10_000))}元` : `${formatWan(wan)}万元`;
}

/**
 * The standard briefing sentence: 截至{T}，巡察反馈N个问题，已完成整改X个、正在整改Y个（基本完成Z个），
 * 整改完成率P%；给予党纪处分…人、政务处分…人、组织处理…人；制定及修改完善制度…项；追缴（挽回）资金…万元。
 * Y = N − X; Z ⊂ Y; P = X / N (strict). Clauses whose totals are zero or missing are dropped, and
 * so is the （基本完成Z个） aside when Z is 0. Counts carry thousands separators, as on the KPI cards.
 */
export function headlineSentence(h: HeadlineInput, lang: 'zh' | 'en'): string {
  // Counts print as the KPI cards print them (1,380), beside amounts that already had separators.
  const n = formatCount;
  const y = h.findings - h.completed;
  const rate = formatRate(h.findings > 0 ? h.completed / h.findings : null);
  if (lang === 'en') {
    const parts = [
      `As of ${h.asOf}, ${kindWord(h.kinds, 'en')} fed back ${n(h.findings)} problems: ${n(h.completed)} rectified, ${n(y)} in progress${positive(h.basicallyCompleted) ? ` (${n(h.basicallyCompleted)} basically completed)` : ''}; completion rate ${rate} (completed / problems fed back)`,
    ];
    const acc = [
      positive(h.partyDiscipline) && `${n(h.partyDiscipline)} given Party discipline`,
      positive(h.govSanction) && `${n(h.govSanction)} given government sanctions`,
      positive(h.orgHandling) && `${n(h.orgHandling)} handled organisationally`,
    ].filter(Boolean);
    if (acc.length) parts.push(acc.join(', '));
    if (positive(h.systems)) parts.push(`${n(h.systems)} rules made or revised`);
    if (someFunds(h.fundsWan)) parts.push(`${funds(h.fundsWan, 'en')} recovered`);
    return parts.join('; ') + '.';
  }
  const parts = [
    `截至${formatDate(h.asOf, 'zh')}，${kindWord(h.kinds, 'zh')}反馈${n(h.findings)}个问题，已完成整改${n(h.completed)}个、正在整改${n(y)}个${positive(h.basicallyCompleted) ? `（基本完成${n(h.basicallyCompleted)}个）` : ''}，整改完成率${rate}`,
  ];
  const acc = [
    positive(h.partyDiscipline) && `党纪处分${n(h.partyDiscipline)}人`,
    positive(h.govSanction) && `政务处分${n(h.govSanction)}人`,
    positive(h.orgHandling) && `组织处理${n(h.orgHandling)}人`,
  ].filter(Boolean);
  if (acc.length) parts.push(`给予${acc.join('、')}`);
  if (positive(h.systems)) parts.push(`制定及修改完善制度${n(h.systems)}项`);
  if (someFunds(h.fundsWan)) parts.push(`追缴（挽回）资金${funds(h.fundsWan, 'zh')}`);
  return parts.join('；') + '。';
}

/** What the briefing opens with: the headline sentence, or, when S is empty, why there is nothing to report. */
export interface Headline {
  /** True when no finding is in scope at T: `text` says so and why, instead of a sentence of zeros. */
  empty: boolean;
  text: string;
}

/**
 * The briefing's opening line, decided in one place for the screen and both packs. With N = 0 a
 * sentence of zeros and a rate of — reads like a result to paste into a 通报; instead it says no
 * finding is in scope at T and why: T lies before the first feedback (`firstFeedback`), or the
 * filters leave none.
 */
export function briefingHeadline(h: HeadlineInput, firstFeedback: string | null, lang: 'zh' | 'en'): Headline {
  if (h.findings > 0) return { empty: false, text: headlineSentence(h, lang) };
  const date = formatDate(h.asOf, lang);
  const text = firstFeedback
    ? translate(lang, 'briefing.noneBeforeFeedback', { date, first: formatDate(firstFeedback, lang) })
    : translate(lang, 'briefing.noneFiltered', { date });
  return { empty: true, text };
}
