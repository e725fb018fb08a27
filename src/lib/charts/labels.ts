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
