/**
 * Rates print as percentages rounded to 2 decimals with trailing zeros dropped (DOMAIN.md §7.7):
 * 0.76 → "76%", 0.98709 → "98.71%". NULL (no denominator) prints as "—".
 */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const pct = Math.round(rate * 10000) / 100;
  return `${pct.toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** Integers with thousands separators (zh and en both use commas). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return Math.round(n).toLocaleString('en-US');
}

/** Amounts in 万元 with up to 2 decimals. */
export function formatWan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return (Math.round(n * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
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
