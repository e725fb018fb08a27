import type { RoundColumns } from '../queries/roundMeta';
import { roundAxisLabel } from './labels';

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

/** Wrapped category-axis labels of the rounds ("2018\n省委第四轮巡视"). */
export function roundLabels(rounds: RoundColumns[], plotPx = 500): string[] {
  return rounds.map((r) => roundAxisLabel(r.round_label, r.round_year, labelWidth(rounds.length, plotPx)));
}

/**
 * Label style of a round axis: every label while each round has room for 3 characters a line,
 * else ECharts skips labels that would overlap (the tooltip names every round).
 */
export function roundAxisStyle(n: number, plotPx = 500) {
  return { interval: plotPx / Math.max(1, n) >= 34 ? 0 : ('auto' as const), fontSize: 10, lineHeight: 13, hideOverlap: true };
}
