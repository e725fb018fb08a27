import { afterAll, beforeAll } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A production build served on loopback and a headless Chromium that records every request. */
export interface Harness {
  origin: string;
  browser: Browser;
  /** Every URL any page requested, in order. */
  requests: string[];
  /** Opens the app at `query` in a fresh context and waits until it has settled. */
  open(query?: string, opts?: { settle?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts `vite preview` over `dist/` and launches Chromium. Run `npm run build` first. */
/** How every test's Chromium is launched: the harness's browser, and a test's own browser with a profile on disk. */
export const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  ],
};

export async function startHarness(): Promise<Harness> {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch(LAUNCH);
  const requests: string[] = [];
  return {
    origin,
    browser,
    requests,
    async open(query = '', opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, locale: 'zh-CN' });
      const page = await context.newPage();
      page.on('request', (r: Request) => requests.push(r.url()));
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      await page.goto(`${origin}/${query}`);
      if (opts.settle !== false) await settled(page);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    },
  };
}

/**
 * A harness for the tests of the enclosing `describe`: started before them, closed after them.
 * The handle forwards to it, so it may be used in any test (not at collection time).
 */
export function useHarness(): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  const h = () => {
    if (!started) throw new Error('the harness starts in beforeAll');
    return started;
  };
  return {
    get origin() {
      return h().origin;
    },
    get browser() {
      return h().browser;
    },
    get requests() {
      return h().requests;
    },
    open: (query, opts) => h().open(query, opts),
    close: () => h().close(),
  };
}

/** Waits until the app is started and no query or render is pending. */
export async function settled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.body.dataset.busy === 'false',
    undefined,
    { timeout, polling: 50 },
  );
}

/** The `data-value` of a KPI card as a number. */
export async function kpiValue(page: Page, name: string): Promise<number> {
  const v = await page.getAttribute(`[data-testid="kpi-${name}"]`, 'data-value');
  return Number(v);
}
