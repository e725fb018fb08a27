import type { RoundColumns } from '../queries/roundMeta';
import { roundAxisLabel } from './labels';

/** Rounds present in the rows, each once, in time order. */
export function roundsOf<R extends RoundColumns>(rows: R[]): R[] {
  const seen = new Map<string, R>();
  for (const r of [...rows].sort((a, b) => a.round_pos - b.round_pos)) if (!seen.has(r.round_key)) seen.set(r.round_key, r);
  return [...seen.values()];
}

/** Characters per label line so that n round labels fit side by side on a ~600 px card. */
export function labelWidth(n: number): number {
  return Math.max(3, Math.min(8, Math.floor(500 / Math.max(1, n) / 11)));
}

/** Wrapped category-axis labels of the rounds ("2018\n省委第四轮巡视"). */
export function roundLabels(rounds: RoundColumns[]): string[] {
  return rounds.map((r) => roundAxisLabel(r.round_label, r.round_year, labelWidth(rounds.length)));
}
