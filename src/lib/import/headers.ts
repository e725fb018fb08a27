import { LEDGER_FIELDS } from '../domain/fields';

/**
 * Header matching (DOMAIN.md §6): a header is normalised (case and full/half width folded, white
 * space and punctuation removed, so 县（市、区） matches 县市区) and matched exactly against the
 * aliases of src/lib/domain/fields.ts. The user's mapping, keyed by normalised header, wins.
 */

/** The comparison form of a header cell. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Normalised alias → field key; earlier fields and canonical headers win collisions. */
const ALIAS_INDEX: Map<string, { key: string; rank: number }> = (() => {
  const index = new Map<string, { key: string; rank: number }>();
  for (const field of LEDGER_FIELDS) {
    field.aliases.forEach((alias, rank) => {
      const n = normaliseHeader(alias);
      if (!index.has(n)) index.set(n, { key: field.key, rank });
    });
  }
  return index;
})();

/** The field key a header suggests by alias, or null. */
export function suggestField(header: string): string | null {
  return ALIAS_INDEX.get(normaliseHeader(header))?.key ?? null;
}

/**
 * Column index → field key for a header row. The user's mapping applies first ('' or an unknown
 * key ignores the column); when two columns claim one field, the better alias wins (canonical
 * header over alias), then the leftmost column.
 */
export function matchHeaders(headers: (string | null)[], mapping: Record<string, string> = {}): Map<number, string> {
  const known = new Set(LEDGER_FIELDS.map((f) => f.key));
  const claims = new Map<string, { col: number; rank: number }>();
  headers.forEach((h, col) => {
    if (!h) return;
    const n = normaliseHeader(h);
    if (!n) return;
    let key: string | null;
    let rank: number;
    if (n in mapping) {
      key = known.has(mapping[n]) ? mapping[n] : null;
      rank = -1;
    } else {
      const hit = ALIAS_INDEX.get(n);
      key = hit?.key ?? null;
      rank = hit?.rank ?? 0;
    }
    if (!key) return;
    const prior = claims.get(key);
    if (!prior || rank < prior.rank) claims.set(key, { col, rank });
  });
  const out = new Map<number, string>();
  for (const [key, { col }] of claims) out.set(col, key);
  return out;
}

/**
 * The header row among the first rows of a sheet: the first row with the most cells that match
 * a field (title rows above it match none). Null when no row matches at least two fields.
 */
export function findHeaderRow(rows: (string | null)[][], mapping: Record<string, string> = {}): number | null {
  let best = -1;
  let bestCount = 1;
  rows.forEach((cells, i) => {
    const count = matchHeaders(cells, mapping).size;
    if (count > bestCount) (best = i), (bestCount = count);
  });
  return best < 0 ? null : best;
}
