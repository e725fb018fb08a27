// Serving the bench build and driving headless Chromium: launch flags as in the e2e harness, and
// renderer memory read from /proc, because the DuckDB worker's wasm heap is not visible to the page.
import { readFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // window.gc() and exact performance.memory (Chromium otherwise rounds it and updates it rarely).
  '--js-flags=--expose-gc', '--enable-precise-memory-info'];

/**
 * Builds with a Vite config and serves the result on loopback; returns { origin, close }. No
 * config file means the app itself (root vite.config.ts → dist/).
 */
async function buildAndServe(configFile) {
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.httpServer.close(() => done())),
  };
}

/** Builds bench/page with bench/vite.config.ts and serves it. */
export const serveBenchPage = (configFile) => buildAndServe(configFile);

/** Builds the app itself and serves it, for the first-chart measurement. */
export const serveApp = () => buildAndServe(undefined);

/**
 * Opens the app in a fresh context (empty OPFS, so the embedded sample is imported), then reloads
 * it (the sample is stored now); returns the page's clock, from navigation start, when a chart
 * first shows data, for both. The moment is taken in the page, by a check on every frame from the
 * document's start: read afterwards over CDP, it would also count the main-thread work queued
 * behind the chart (the engine's start), 0.3–1.2 s on this machine.
 */
export async function firstChartTiming(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    // Chart.svelte keeps its ECharts instance on the element (`__chart`), as the e2e tests read it.
    await page.addInitScript(() => {
      const check = () => {
        const shown = [...document.querySelectorAll('[data-chart] .chart')].some((e) =>
          (e.__chart?.getOption()?.series ?? []).some((s) => (s.data?.length ?? 0) > 0));
        if (shown) window.__benchFirstChart = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const firstChart = async () => {
      const ms = await (await page.waitForFunction(() => window.__benchFirstChart, null, { timeout: 60_000 })).jsonValue();
      await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
      return ms;
    };
    await page.goto(`${origin}/`);
    const cold = await firstChart();
    await page.reload();
    return { cold, warm: await firstChart() };
  } finally {
    await context.close();
  }
}

/** Launches headless Chromium with the project's flags. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Opens the bench page in a fresh context and waits until `window.bench` is there. */
export async function openBenchPage(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, close: () => context.close() };
}

function procStatusKb(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Resident and peak-resident bytes of the largest renderer process. Workers (DuckDB's among them)
 * live in their page's renderer, so this is the figure that holds the wasm heap.
 */
export async function rendererMemory(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const renderers = processInfo.filter((p) => p.type === 'renderer')
      .map((p) => ({ pid: p.id, rss: procStatusKb(p.id, 'VmRSS'), peak: procStatusKb(p.id, 'VmHWM') }))
      .filter((p) => p.rss !== null);
    return renderers.sort((a, b) => b.rss - a.rss)[0] ?? { pid: null, rss: null, peak: null };
  } finally {
    await cdp.detach();
  }
}
