import type { MetricParams } from '../domain/params';
import type { Filters } from './filters';
import { ATTR_FINDING_CUBE, ATTR_UNIT_CUBE, FINDING_CUBE, ROUND_META_TABLE, UNIT_CUBE, UNIT_CUBE_ANY_STATUS } from './cube';
import { COUNT_ALL, IS_IMMEDIATE, UNIT_KEY, countWhere, isExplicitRepeat, repeatCodeMatch } from './measures';
import { ROUND_META } from './roundMeta';

/**
 * Where a metric builder reads S from: `findings` (one row per finding, always exact, slow at
 * 1M rows) or the derived tables of `cube.ts` (one row per cell carrying `n` findings). Both
 * give the same answers; `tests/unit/queries/cube.test.ts` checks that for every builder.
 */
export type RowSource = 'findings' | 'cube';

/** The option every cube-capable builder takes; the default stays the base table. */
export interface SourceOptions {
  source?: RowSource;
}

/** The SQL pieces a builder needs, for one source. */
export interface ScopeRows {
  source: RowSource;
  /** Relation S is filtered from. */
  from: string;
  /** SQL of the round-meta relation. */
  roundMeta: string;
  /** Number of findings in the group, as INTEGER. */
  count: string;
  /** Number of findings in the group meeting `cond`, as INTEGER. */
  countWhere(cond: string): string;
  /** Window over the groups' counts, e.g. `sum(<count>) OVER (...)`. */
  countAgg: string;
  /** Findings a row of S stands for (1 per finding, `n` per cell), for weighted sums. */
  weight: string;
  /** 佐证完备 (#12): at least one piece of evidence. */
  hasEvidence: string;
  /** The ledger gave the row's evidence count (a 佐证 column, filled): #12 can be judged for it. */
  evidenceKnown: string;
  /** 立行立改 (#4) for a row of S. */
  immediate: string;
  /** Explicit repeat (#21) for a row of S. */
  explicitRepeat(params: MetricParams): string;
  /** Relation and key of the distinct-unit count U (#2): `SELECT DISTINCT round_key, <unitKey> FROM S` over it. */
  unitFrom: string;
  unitKey: string;
}

/**
 * Whether a cube-capable builder reads the derived tables (`DERIVED_TABLES`) and nothing else for
 * these filters. The unit filter matches a column no cube carries (it would make a cell of nearly
 * every finding), so a view filtered by unit reads `findings` whatever was asked: correctness first.
 */
export function readsCubeOnly(filters: Filters, opts: SourceOptions = {}): boolean {
  return opts.source === 'cube' && filters.units.length === 0;
}

/** The rows to read for these filters (see `readsCubeOnly`). */
export function scopeRows(filters: Filters, opts: SourceOptions = {}): ScopeRows {
  if (!readsCubeOnly(filters, opts)) {
    return {
      source: 'findings', from: 'findings', roundMeta: ROUND_META, count: COUNT_ALL, countWhere, countAgg: 'count(*)', weight: '1',
      hasEvidence: 'coalesce(evidence_count, 0) >= 1', evidenceKnown: 'evidence_count IS NOT NULL',
      immediate: IS_IMMEDIATE, explicitRepeat: isExplicitRepeat, unitFrom: 'findings', unitKey: UNIT_KEY,
    };
  }
  // A unit-type or source filter reads the attribute cubes, which carry those columns.
  const attr = filters.unitTypes.length > 0 || filters.sources.length > 0;
  return {
    source: 'cube',
    from: attr ? ATTR_FINDING_CUBE : FINDING_CUBE,
    roundMeta: `SELECT * FROM ${ROUND_META_TABLE}`,
    count: 'CAST(coalesce(sum(n), 0) AS INTEGER)',
    countWhere: (cond) => `CAST(coalesce(sum(n) FILTER (WHERE ${cond}), 0) AS INTEGER)`,
    countAgg: 'sum(n)',
    weight: 'n',
    hasEvidence: 'has_evidence',
    evidenceKnown: 'evidence_known',
    immediate: 'immediate',
    explicitRepeat: (params) => `(flagged_repeat OR ${repeatCodeMatch(params)})`,
    // Without a status filter the status at T of a unit's cells decides nothing.
    unitFrom: attr ? ATTR_UNIT_CUBE : filters.statuses.length ? UNIT_CUBE : UNIT_CUBE_ANY_STATUS,
    unitKey: 'unit_key',
  };
}
