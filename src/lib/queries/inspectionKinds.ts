import { scopedFindings, type Filters } from './filters';

/** The inspection kinds (巡视 / 巡察) present in S, so the headline says which fed the problems back. */
export function inspectionKindsQuery(filters: Filters): string {
  return `SELECT DISTINCT inspection_kind AS kind FROM (${scopedFindings(filters)}) WHERE inspection_kind IS NOT NULL ORDER BY 1`;
}
