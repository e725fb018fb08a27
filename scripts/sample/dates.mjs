// Calendar-date arithmetic on ISO strings. Everything is done in UTC day numbers so the output
// never depends on the machine's time zone (a local-time Date would shift dates across midnight).

const DAY = 86_400_000;

/** Day number of an ISO date 'YYYY-MM-DD'. */
export function dayOf(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

/** ISO date of a day number. */
export function isoOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO date n days after iso (n may be negative). */
export function addDays(iso, n) {
  return isoOf(dayOf(iso) + n);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a, b) {
  return dayOf(b) - dayOf(a);
}

/** Last day of the month that lies `months` months after the month of iso. */
export function monthEndAfter(iso, months) {
  const [y, m] = iso.split('-').map(Number);
  return isoOf(Date.UTC(y, m - 1 + months + 1, 0) / DAY);
}

/** The earlier of two ISO dates. */
export function minDate(a, b) {
  return a <= b ? a : b;
}

/** Writes an ISO date in one of the spellings real ledgers use for a fixed date. */
export function spellDate(iso, style) {
  const [y, m, d] = iso.split('-').map(Number);
  if (style === 'cn') return `${y}年${m}月${d}日`;
  if (style === 'slash') return `${y}/${m}/${d}`;
  return iso;
}

/** Spells a month-end date as "YYYY年M月底前" (or "YYYY年底前" for December). */
export function spellMonthEnd(iso) {
  const [y, m] = iso.split('-').map(Number);
  return m === 12 ? `${y}年底前` : `${y}年${m}月底前`;
}
