// Characters Windows refuses in file names (macOS refuses / and :), C0 controls and DEL.
const REFUSED = /[\\/:*?"<>|\p{Cc}]+/gu;
// Invisible format characters, bidi overrides among them: a U+202E from a county cell would make
// the rest of the name read backwards in a file manager (…_gpj.exe shown as …_exe.jpg).
const INVISIBLE = /\p{Cf}+/gu;

/** Longest file-name stem, in characters; a long Chinese title and tag stay well under 255 bytes. */
const STEM_MAX = 120;

/** The first `max` characters of `text`, never splitting a surrogate pair. */
function firstChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * A safe file name from its parts (what, when, scope), joined with `_`: refused and invisible
 * characters dropped, spaces between words (English titles) as hyphens so the words stay apart,
 * empty parts left out; `export.<ext>` when nothing is left. E.g. `整改完成率_按县_2023-12-31.png`.
 */
export function exportFileName(parts: string[], extension: string): string {
  const clean = parts.map((p) => p.replace(INVISIBLE, '').replace(REFUSED, '').trim().replace(/\s+/g, '-')).filter(Boolean);
  const stem = firstChars(clean.join('_'), STEM_MAX);
  return `${stem || 'export'}.${extension}`;
}

/** How many characters a scope tag takes in a file name at most. */
export const SCOPE_TAG_MAX = 40;

/**
 * A short tag naming what an export was narrowed to, from the values that narrow it in the order
 * given (永康市, 已完成, 红色预警…): each value's refused characters and spaces become `-`, the
 * values are joined with `-`, and a tag longer than `max` characters is cut and ends with `…` to
 * say more was left out. '' when nothing narrows the export, so the name then carries no tag.
 */
export function scopeTag(values: string[], max = SCOPE_TAG_MAX): string {
  const words = values
    .map((v) => v.replace(INVISIBLE, '').replace(REFUSED, '-').replace(/\s+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  const tag = words.join('-');
  if (Array.from(tag).length <= max) return tag;
  return `${firstChars(tag, max - 1).replace(/-+$/, '')}…`;
}
