import { common } from './messages/common';
import { charts } from './messages/charts';
import { importing } from './messages/import';
import { metrics } from './messages/metrics';
import { repeats } from './messages/repeats';
import { data } from './messages/data';
import { findings } from './messages/findings';
import { briefing } from './messages/briefing';
import { review } from './messages/review';
import { params } from './messages/params';
import { fields } from './messages/fields';
import { exportsAbout } from './messages/exports';
import { isolateBidi } from '../text/bidi';

/** UI languages. zh-CN is the default. */
export type Lang = 'zh' | 'en';
export type Vars = Record<string, string | number>;

/** One area's messages, same keys in both languages. */
export type Messages = { zh: Record<string, string>; en: Record<string, string> };

// Each area owns its message file, so parallel work never edits the same dictionary.
const AREAS: Messages[] = [common, charts, importing, metrics, repeats, data, findings, briefing, review, params, fields, exportsAbout];

const DICT: Record<Lang, Record<string, string>> = {
  zh: Object.assign({}, ...AREAS.map((a) => a.zh)),
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
};

/**
 * Looks a key up and fills `{name}` placeholders; an unknown key shows as itself. A text value
 * that holds directional controls is isolated, so it cannot reorder the message around it.
 * `{name:one|other}` is the value and the word that agrees with it (English: 1 row, 2 rows).
 */
export function translate(lang: Lang, key: string, vars?: Vars): string {
  const text = DICT[lang][key] ?? DICT.zh[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (m, k, one?: string, other?: string) => {
    if (!(k in vars)) return m;
    const value = isolateBidi(String(vars[k]));
    return one === undefined ? value : `${value} ${Number(vars[k]) === 1 ? one : other}`;
  });
}

/** Every key of a language (tests check both languages define the same keys). */
export function keysOf(lang: Lang): string[] {
  return Object.keys(DICT[lang]);
}
