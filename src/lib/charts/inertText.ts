import type { EChartsOption } from 'echarts';

/**
 * Data strings shown through a function formatter: tooltips render as rich text, where `{a|…}`
 * would be read as markup, so braces and bars from a ledger are swapped for full-width look-alikes.
 */
export function plainText(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/\|/g, '｜');
}

/**
 * Tooltips render as ECharts rich text (theme.ts), where `{a|b}` in a dataset's value (a county
 * typed `{a|b}{c|县}`) is markup: shown as "b县", or nothing. No chart uses rich styles of its own,
 * so every function formatter's text is made inert (plainText: full-width braces and bar), once, for
 * the whole option: on screen and in exports alike.
 */
export function inertFormatters<T extends EChartsOption>(option: T): T {
  return walk(option) as T;
}

const WRAPPED = Symbol('inert');
type Formatter = ((...args: unknown[]) => unknown) & { [WRAPPED]?: true };

function walk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(walk);
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Rows of data hold values, not options: left as they are (a heatmap has thousands).
    if (key === 'data' || key === 'dataset') out[key] = v;
    else if (key === 'formatter' && typeof v === 'function') out[key] = wrap(v as Formatter);
    else out[key] = walk(v);
  }
  return out;
}

function wrap(f: Formatter): Formatter {
  if (f[WRAPPED]) return f;
  const g: Formatter = (...args) => {
    const text = f(...args);
    return typeof text === 'string' ? plainText(text) : text;
  };
  g[WRAPPED] = true;
  return g;
}
