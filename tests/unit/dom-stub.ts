import { afterAll, vi } from 'vitest';

/**
 * The little of a page the state modules touch (busy.ts mirrors work to <body data-busy>, the locale
 * marks <html lang>), for one test file, taken away after it: the unit project shares workers
 * between files, and ECharts' server-side rendering in the chart tests must find no `document`.
 * Call at the top of the file, before importing the state modules.
 */
export function stubDom(): void {
  vi.stubGlobal('document', { body: { dataset: {} }, documentElement: { lang: '' } });
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  // A busy flag settles on the next frame (a timer here): let the last ones fire before the DOM goes.
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.unstubAllGlobals();
  });
}
