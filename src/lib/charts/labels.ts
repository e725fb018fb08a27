import type { Lang } from '../i18n/translate';
import { translate } from '../i18n/translate';

/**
 * Breaks a label into lines of `perLine` characters (CJK has no spaces to wrap at) and cuts it
 * after `maxLines`, so axis labels never overlap on a ~600 px card.
 */
export function wrapLabel(text: string, perLine = 6, maxLines = 3): string {
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  if (chars.length > perLine * maxLines) lines[maxLines - 1] = Array.from(lines[maxLines - 1]).slice(0, perLine - 1).join('') + '…';
  return lines.join('\n');
}

// "十四届省委第四轮巡视" → "省委第四轮巡视": the term number says little on a chart; the year says when.
const TERM_PREFIX = /^(第?[一二三四五六七八九十百零〇\d]+届)/;

/** Short round label for axes: "2018 省委第四轮巡视" (year first, term number dropped). */
export function roundShortLabel(label: string, year: number | null): string {
  const core = label.replace(TERM_PREFIX, '') || label;
  return year && !core.includes(String(year)) ? `${year} ${core}` : core;
}

/** Round label wrapped for a category axis: year on its own line, then the round name. */
export function roundAxisLabel(label: string, year: number | null, perLine = 7): string {
  const short = roundShortLabel(label, year);
  const m = /^(\d{4}) (.*)$/.exec(short);
  return m ? `${m[1]}\n${wrapLabel(m[2], perLine, 2)}` : wrapLabel(short, perLine, 3);
}

/** Display name of a status key (unrecognised → 未识别). */
export function statusLabel(status: string, lang: Lang): string {
  return translate(lang, `status.${status}`);
}

/** Reads a field the option builder put on a clicked data item (the click carries the item). */
export function clickedField(data: unknown, field: string): string | null {
  if (data && typeof data === 'object' && field in data) {
    const v = (data as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : null;
  }
  return null;
}
