// A JSON grammar check on the head of a file, for telling a JSON file named .csv or .txt from a
// table whose title starts with [ or { (sniff.ts): no value is built, so any head size is cheap.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /true|false|null/y;
const WORD_START = /^(?:-|t(?:r(?:u)?)?|f(?:a(?:l(?:s)?)?)?|n(?:u(?:l)?)?)$/;

/**
 * True when the text is JSON values, one a line (one value in all is JSON; NDJSON has more);
 * unless `complete`, the text may stop anywhere inside the last one. Checks the grammar only.
 */
export function isJsonText(text: string, complete: boolean): boolean {
  const open: string[] = [];
  const closing = () => (open[open.length - 1] === '[' ? ']' : '}');
  // Next: a value; an object's key; ':'; or, after a value, ',' or a close (or at the top a new line's value).
  let want: 'value' | 'key' | 'colon' | 'after' = 'value';
  let justOpened = false;
  let lineEnded = true;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\ufeff') {
      if (c === '\n' && !open.length) lineEnded = true;
      i++;
      continue;
    }
    const opened = justOpened;
    justOpened = false;
    if (want === 'colon' || (want === 'after' && (open.length || !lineEnded)) || (opened && (c === ']' || c === '}'))) {
      // Punctuation: ':' after a key; ',' or the close after a value in a container; an empty container's close.
      if (want === 'colon' ? c !== ':' : c === ',' ? opened || !open.length : c !== closing() || !open.length) return false;
      if (c === ',') want = open[open.length - 1] === '{' ? 'key' : 'value';
      else if (c === ':') want = 'value';
      else open.pop(), (want = 'after');
      i++;
      continue;
    }
    // A value (at the top, the first of its line) or a key.
    if (!open.length) lineEnded = false;
    if (want === 'key' && c !== '"') return false;
    if (c === '"') {
      const end = stringEnd(text, i + 1);
      if (end < 0) return !complete && end === -1;
      want = want === 'key' ? 'colon' : 'after';
      i = end;
    } else if (c === '[' || c === '{') {
      open.push(c);
      want = c === '{' ? 'key' : 'value';
      justOpened = true;
      i++;
    } else {
      const re = c === '-' || (c >= '0' && c <= '9') ? NUMBER : WORD;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) return !complete && WORD_START.test(text.slice(i));
      want = 'after';
      i += m[0].length;
    }
  }
  return !complete || (!open.length && want === 'after');
}

/** The index after the string's closing quote; -1 when the text ends inside it, -2 on a raw control character. */
function stringEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
    else if (c < 0x20) return -2;
  }
  return -1;
}
