import type { MetricParams } from '../domain/params';
import { emptyFilters } from './filters';
import { str } from './sql';
import { repeatLinkCtes } from './repeats/links';

/** Every stored column of one finding (raw and normalised), for the record view. */
export function findingRecordQuery(datasetId: string, findingId: string): string {
  return `SELECT f.*, d.file_name, d.sheet AS dataset_sheet FROM findings f LEFT JOIN datasets d USING (dataset_id)
WHERE f.dataset_id = ${str(datasetId)} AND f.finding_id = ${str(findingId)}`;
}

/** A repeat link of one finding, earlier or later, with the rule that made it. */
export interface FindingLinkRow {
  direction: 'earlier' | 'later';
  rule: string | null;
  score: number | null;
  decision: string | null;
  counted: boolean;
  other_dataset_id: string;
  other_finding_id: string;
  other_round_key: string;
  other_round_label: string | null;
  other_unit_name: string;
  other_title: string;
}

/**
 * Repeat links touching one finding at T: earlier findings it repeats and later findings that
 * repeat it, in review mode so every rule (explicit, same unit + L2, similar title) shows.
 */
export function findingLinksQuery(datasetId: string, findingId: string, asOf: string, params: MetricParams): string {
  const me = (p: 'f' | 'g') => `${p}_dataset_id = ${str(datasetId)} AND ${p}_finding_id = ${str(findingId)}`;
  return `WITH ${repeatLinkCtes(emptyFilters(asOf), params, { review: true })}
SELECT 'earlier' AS direction, rule, score, decision, counted, g_dataset_id AS other_dataset_id, g_finding_id AS other_finding_id,
  g_round_key AS other_round_key, g_round_label AS other_round_label, g_unit_name AS other_unit_name, g_title AS other_title
FROM links WHERE ${me('f')} AND rule IS NOT NULL
UNION ALL
SELECT 'later', rule, score, decision, counted, f_dataset_id, f_finding_id, f_round_key, f_round_label, f_unit_name, f_title
FROM links WHERE ${me('g')} AND rule IS NOT NULL
ORDER BY direction, other_round_label, other_finding_id`;
}
