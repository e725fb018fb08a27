// Takes the README screenshot (and one per screen with --all) from a production build:
// `npm run build && node scripts/screenshot.mjs [--all] [--out docs]`.
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const all = process.argv.includes('--all');
const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'docs';
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--lang=zh-CN', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

async function shot(query, file, { fullPage = false, height = 1100 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/${query}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.body.dataset.busy === 'false', undefined, { timeout: 180_000, polling: 100 });
  // Let chart animations finish before the picture.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${outDir}/${file}`, fullPage });
  await context.close();
  console.log(`${outDir}/${file}`);
}

await shot('', 'screenshot.png');
if (all) {
  await shot('', 'dashboard-full.png', { fullPage: true });
  await shot('?view=repeats', 'repeats.png', { fullPage: true });
  await shot('?view=data', 'data.png', { fullPage: true });
  await shot('?view=briefing', 'briefing.png', { fullPage: true });
  await shot('?view=sql', 'sql.png');
  await shot('?lang=en', 'dashboard-en.png');
}
await browser.close();
server.httpServer.close();
