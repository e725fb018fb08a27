import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { accountabilityRowTotal, accountabilityTotalAsFiled, rateOf } from './measures';
import { scopeRows, type SourceOptions } from './source';

/** Outcome totals of S (DOMAIN §7.4 #17–#19). */
export interface OutcomeRow {
  /** 问责人数 (#17): the ledger's total, else the sum of its parts (acc_light only if configured). */
  acc_people: number;
  acc_party_discipline: number;
  acc_gov_sanction: number;
  acc_org_handling: number;
  acc_admonish: number;
  /** 批评教育类, always shown apart. */
  acc_light: number;
  /** Whether parts-only totals include acc_light (`lightMeasuresInAccountability`); labels say which. */
  light_included: boolean;
  /**
   * Whether every row's total is the sum of the parts the parameter counts. When not, some
   * ledgers' own totals differ from their parts (a total that counts 批评教育 too), and the label
   * cannot say which measures the total leaves out.
   */
  parts_only: boolean;
  acc_orgs: number;
  /** 建章立制数 (#18). */
  systems: number;
  /** 挽回 / 追缴资金, 万元 (#18). */
  funds_wan: number;
  /** 线索移交数 and 已办结 (#19). */
  clues_transferred: number;
  clues_closed: number;
  /** 线索办结率 = clues_closed / clues_transferred (#19). */
  clue_rate: number | null;
}

const PARTS = ['acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish'];

/** Sum of an integer column over S as INTEGER, 0 when every value is missing. */
const total = (col: string) => `CAST(coalesce(sum(${col}), 0) AS INTEGER)`;

/** Outcome totals for the current filters (outcomes carry no date; S is still cut at T by feedback date). */
export function outcomesQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const light = params.lightMeasuresInAccountability;
  const { source, from } = scopeRows(filters, opts);
  // The cube holds each cell's sum of the per-row total, in both variants of the parameter.
  const people = source === 'cube' ? (light ? 'acc_people_with_light' : 'acc_people_strict') : accountabilityRowTotal(light);
  const asFiled = source === 'cube' ? (light ? 'acc_as_filed_with_light' : 'acc_as_filed_strict') : accountabilityTotalAsFiled(light);
  return `WITH s AS (${scopedFindings(filters, { from })}),
k AS (SELECT ${total(people)} AS acc_people, ${total(asFiled)} AS as_filed,
  ${[...PARTS, 'acc_light', 'acc_orgs'].map((c) => `${total(c)} AS ${c}`).join(',\n  ')},
  ${total('systems_count')} AS systems,
  CAST(coalesce(sum(funds_wan), 0) AS DOUBLE) AS funds_wan,
  ${total('clue_transferred')} AS clues_transferred,
  ${total('clue_closed')} AS clues_closed
FROM s)
SELECT * EXCLUDE (as_filed), ${light ? 'TRUE' : 'FALSE'} AS light_included, as_filed = 0 AS parts_only,
  ${rateOf('clues_closed', 'clues_transferred')} AS clue_rate
FROM k`;
}
