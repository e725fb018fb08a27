// Explicit directional embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI).
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const INITIATORS = new Set(['\u2066', '\u2067', '\u2068']);
const PDI = '\u2069';

/**
 * Untrusted text set inside the app's own text (a message, a chip, an export's filter line): when
 * it holds directional controls it is wrapped in an isolate (FSI … PDI), so an unclosed override
 * (U+202E in a county cell) reverses only itself, not the words around it. Its own isolates are
 * balanced first: a PDI that closes nothing is dropped (it would close the wrapper early) and an
 * isolate left open is closed, so a text already holding isolated values (a drill label set in a
 * message) keeps them. Other text is returned as it is. A leaf: any layer may use it.
 */
export function isolateBidi(s: string): string {
  if (!CONTROLS.test(s)) return s;
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (INITIATORS.has(ch)) depth++;
    else if (ch === PDI) {
      if (depth === 0) continue;
      depth--;
    }
    out += ch;
  }
  return `\u2068${out}${PDI.repeat(depth)}${PDI}`;
}
