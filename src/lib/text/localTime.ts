const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A stored UTC time (`datasets.imported_at`, `YYYY-MM-DD HH:MM:SS`, commit.ts importTimestamp) as the
 * analyst's local `YYYY-MM-DD HH:MM`: 05:44 UTC is 13:44 in Beijing. `offsetMinutes` is what
 * Date#getTimezoneOffset gives (−480 in China), the browser's own by default. Text that is no such
 * time is returned as it is.
 */
export function localTimestamp(utc: string, offsetMinutes?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(utc);
  if (!m) return utc;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const offset = offsetMinutes ?? new Date(ms).getTimezoneOffset();
  const d = new Date(ms - offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
