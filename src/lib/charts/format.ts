/**
 * Rates print as percentages rounded to 2 decimals with trailing zeros dropped (DOMAIN.md §7.7):
 * 0.76 → "76%", 0.98709 → "98.71%". NULL (no denominator) prints as "—".
 */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${percentValue(rate).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** x · 10^e on the decimal x is written as (0.07125 → 712.5), not through a binary product (712.4999…). */
function shifted(x: number, e: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + e}`);
}

/**
 * x rounded to `decimals` places, a half away from zero, on the decimal it is written as: 1.005 → 1.01 and
 * 57/800 as a percentage (7.125) → 7.13, as a hand count rounds them (Math.round(x * 100) / 100 gives 1 and 7.12).
 */
export function roundHalfUp(x: number, decimals: number): number {
  const v = Math.sign(x) * shifted(Math.round(shifted(Math.abs(x), decimals)), -decimals);
  return v === 0 ? 0 : v;
}

/** A rate (0–1) as a percentage rounded a half up to `decimals` places (2 by default: 57/800 → 7.13), for chart values and labels. */
export function percentValue(rate: number, decimals = 2): number {
  return roundHalfUp(shifted(rate, 2), decimals);
}

/** Integers with thousands separators (zh and en both use commas). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return Math.round(n).toLocaleString('en-US');
}

/** Amounts in 万元 with up to 2 decimals. */
export function formatWan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return roundHalfUp(n, 2).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A size in bytes: 12.3 MB, 45 KB, 512 B (a small file no longer reads 0.0 MB). */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n) || n < 0) return '—';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${Math.round(n)} B`;
}

/** `2023-12-31` → `2023年12月31日` (zh) or kept as ISO (en). */
export function formatDate(iso: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
