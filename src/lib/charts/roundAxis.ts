import type { Lang } from '../i18n/translate';
import type { RoundColumns } from '../queries/roundMeta';
import { wrapLabel } from './labels';
import { roundShortName } from './roundNames';

/** Rounds present in the rows, each once, in time order. */
export function roundsOf<R extends RoundColumns>(rows: R[]): R[] {
  const seen = new Map<string, R>();
  for (const r of [...rows].sort((a, b) => a.round_pos - b.round_pos)) if (!seen.has(r.round_key)) seen.set(r.round_key, r);
  return [...seen.values()];
}

/** Characters per label line so that n round labels fit side by side along `plotPx` (~500 px on a card). */
export function labelWidth(n: number, plotPx = 500): number {
  return Math.max(3, Math.min(8, Math.floor(plotPx / Math.max(1, n) / 11)));
}

/**
 * A Chinese round name made to fit two lines of `perLine` characters: whole if it fits, else
 * without the kind (巡视/巡察: the level before it says which), else without 第 too
 * (婺城区委第二轮巡察 → 婺城区委第二轮 → 婺城区委二轮); cut with … only when even that is too long.
 * Two lines break before 第 where both halves fit (婺城区委 / 第二轮巡察), so no word is split:
 * the kind goes sooner than a word is split (省委 / 第四轮 rather than 省委第四 / 轮巡视).
 */
function fitChinese(name: string, perLine: number): string {
  const length = (s: string) => Array.from(s).length;
  const noKind = name.replace(/(巡视|巡察)$/, '');
  const shorter = [name, noKind, noKind.replace(/第([一二三四五六七八九十百\d]+轮)/, '$1')];
  const split = (s: string) => {
    if (length(s) <= perLine) return s;
    const at = s.indexOf('第');
    return at > 0 && length(s.slice(0, at)) <= perLine && length(s.slice(at)) <= perLine ? `${s.slice(0, at)}\n${s.slice(at)}` : null;
  };
  const whole = shorter.map(split).find((s) => s !== null);
  return whole ?? wrapLabel(shorter.find((s) => length(s) <= perLine * 2) ?? shorter[2], perLine, 2);
}

/** Latin text broken at spaces into lines of about `perLine` characters, at most two. */
function wrapWords(text: string, perLine: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= perLine) lines[last] += ' ' + word;
    else lines.push(word);
  }
  return lines.length > 2 ? `${lines[0]}\n${lines.slice(1).join(' ')}` : lines.join('\n');
}

/** One round's category-axis label: the year on its own line, then the round's short name. */
export function roundAxisLabel(round: RoundColumns, lang: Lang, perLine = 7): string {
  const short = roundShortName(round, lang);
  const m = /^(\d{4}) (.*)$/.exec(short);
  const [year, name] = m ? [m[1], m[2]] : [null, short];
  // Latin letters take about half the width of a Chinese character.
  const body = lang === 'en' ? wrapWords(name, perLine * 2) : fitChinese(name, perLine);
  return year ? `${year}\n${body}` : lang === 'en' ? body : wrapLabel(short, perLine, 3);
}

/** Wrapped category-axis labels of the rounds ("2018\n省委第四轮巡视", "2018\nProv. R4"). */
export function roundLabels(rounds: RoundColumns[], lang: Lang, plotPx = 500): string[] {
  return rounds.map((r) => roundAxisLabel(r, lang, labelWidth(rounds.length, plotPx)));
}

/**
 * Label style of a round axis: every label while each round has room for 3 characters a line,
 * else ECharts skips labels that would overlap (the tooltip names every round).
 */
export function roundAxisStyle(n: number, plotPx = 500) {
  return { interval: plotPx / Math.max(1, n) >= 34 ? 0 : ('auto' as const), fontSize: 10, lineHeight: 13, hideOverlap: true };
}
