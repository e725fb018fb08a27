// Explicit directional embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI).
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const ISOLATES = /[\u2066-\u2069]/g;

/**
 * Untrusted text set inside the app's own text (a message, a chip, an export's filter line): when
 * it holds directional controls it is wrapped in an isolate (FSI … PDI), so an unclosed override
 * (U+202E in a county cell) reverses only itself, not the words around it. Isolates inside it are
 * dropped first, or a PDI of its own would close the wrapper. Other text is returned as it is.
 * A leaf: any layer may use it.
 */
export function isolateBidi(s: string): string {
  return CONTROLS.test(s) ? `\u2068${s.replace(ISOLATES, '')}\u2069` : s;
}
