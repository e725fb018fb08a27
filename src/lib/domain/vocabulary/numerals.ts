/**
 * Chinese numerals as they appear in round and term names (第三轮, 十四届, 第二十一轮).
 * Only the range ledgers use (0–999) is supported; anything else is not a numeral here.
 */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Parses `十四`, `二十一`, `一百零二`, `3`, `１２` (full width) to a number; null if not a numeral. A
 * number as systems export it is one too: `'3` (an apostrophe that keeps Excel from reading it as
 * a number), `3.0`.
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.normalize('NFKC').trim().replace(/^['‘’`]+\s*/, '');
  // A round or term numbered past 999 is a typo or an id in the wrong column, not a number here.
  if (/^\d+(\.0+)?$/.test(s)) return Number(s) <= 999 ? Number(s) : null;
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit < 0 ? 1 : digit) * 100;
      digit = -1;
    } else if (ch === '十') {
      total += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else {
      digit = DIGITS[ch];
    }
  }
  return total + (digit > 0 ? digit : 0);
}

const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes 1–999 in Chinese numerals as round labels do (3 → 三, 14 → 十四, 21 → 二十一). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n === 0) return '零';
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h ? UNITS[h] + '百' : '';
  if (t) out += (t === 1 && !h ? '' : UNITS[t]) + '十';
  else if (h && u) out += '零';
  return out + UNITS[u];
}

/**
 * A round's year written digit by digit in Chinese (二〇二三年第一轮, 二零二四年度巡察) in Arabic digits
 * (2023年…); other text unchanged, a date as well (截至二〇二四年六月: the ledger's, not the round's).
 */
export function arabicYears(text: string): string {
  return text.replace(/(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}(?=年度?(?:第|[^月]{0,12}(?:轮|巡)))/g, (y) => [...y].map((ch) => DIGITS[ch] ?? 0).join(''));
}
