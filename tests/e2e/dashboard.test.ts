import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { useHarness, kpiValue, settled } from './harness';
import { openNodeEngine } from '../../src/lib/db/node';
import { registeredFile } from '../../src/lib/db/settings';

/**
 * Independent computation of the headline KPIs straight from the sample CSV (raw read_csv, the
 * status vocabulary written out here again), to check the app's import + metric pipeline.
 */
async function expectedSampleKpis(asOf: string) {
  const engine = await openNodeEngine();
  await engine.registerFile(registeredFile('s.csv'), readFileSync('data/sample-ledger.csv'));
  const completed = `trim(整改状态) IN ('已完成','已完成整改','完成整改','已整改','已整改到位','已销号')`;
  const basic = `trim(整改状态) IN ('基本完成','基本完成取得阶段性成果并持续整改','长期任务取得阶段性成果','取得阶段性成效')`;
  const [row] = await engine.query<{ n: number; done: number; basic: number }>(`
    WITH s AS (SELECT * FROM read_csv('${registeredFile('s.csv')}', all_varchar = true, header = true)
               WHERE 反馈时间 IS NULL OR CAST(反馈时间 AS DATE) <= DATE '${asOf}')
    SELECT count(*)::INTEGER AS n,
      count(*) FILTER (WHERE ${completed} AND (完成时间 IS NULL OR try_cast(完成时间 AS DATE) IS NULL OR CAST(完成时间 AS DATE) <= DATE '${asOf}'))::INTEGER AS done,
      count(*) FILTER (WHERE ${basic})::INTEGER AS basic
    FROM s`);
  engine.close();
  return row;
}

describe('dashboard on the embedded sample', () => {
  const h = useHarness();

  test('loads the sample, draws every chart and shows KPIs that match an independent computation', async () => {
    const page = await h.open();
    expect(await page.locator('[data-testid="sample-note"]').count()).toBe(1);
    expect(await page.locator('[data-testid="sample-badge"]').count()).toBe(1);
    const asOf = await page.inputValue('[data-testid="as-of"]');
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expected = await expectedSampleKpis(asOf);
    expect(await kpiValue(page, 'findings')).toBe(expected.n);
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(expected.done / expected.n, 10);
    expect(await kpiValue(page, 'completion-basic-rate')).toBeCloseTo((expected.done + expected.basic) / expected.n, 10);
    expect(await kpiValue(page, 'overdue')).toBeGreaterThan(0);
    expect(await kpiValue(page, 'repeat')).toBeGreaterThan(0);
    // The timeliness and progress strip (DOMAIN #9–#15): every card has a value, rates are fractions.
    const detail = await page.$$eval('[data-testid="kpis-detail"] [data-testid^="kpi-"]', (els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-value')]));
    expect(detail.map(([id]) => id)).toEqual(['kpi-on-time-rate', 'kpi-on-schedule', 'kpi-lagging', 'kpi-concentrated-rate', 'kpi-closure-rate', 'kpi-mean-days', 'kpi-evidence-rate']);
    for (const [id, v] of detail) {
      expect(v, id!).not.toBe('');
      if (/rate$/.test(id!)) expect(Number(v)).toBeLessThanOrEqual(1);
    }
    expect(await kpiValue(page, 'on-schedule') + await kpiValue(page, 'lagging')).toBeLessThanOrEqual(expected.n - expected.done);

    const charts = await page.$$eval('[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const id of charts) {
      // A chart "draws something" when its canvas has a meaningful share of non-background pixels.
      const inked = await page.$eval(`[data-chart="${id}"] canvas`, (c) => {
        const canvas = c as HTMLCanvasElement;
        const ctx = canvas.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
        return ink / (canvas.width * canvas.height);
      });
      expect(inked, `chart ${id} draws`).toBeGreaterThan(0.02);
    }
    await page.context().close();
  });

  test('switching language changes the UI and the URL, and back', async () => {
    const page = await h.open();
    expect(await page.textContent('h1')).toContain('巡视巡察整改分析');
    await page.click('[data-testid="lang-switch"]');
    await settled(page);
    expect(await page.textContent('h1')).toBe('Inspection Rectification Analytics');
    expect(page.url()).toContain('lang=en');
    expect(await page.textContent('[data-testid="kpi-completion-rate"]')).toMatch(/completion/i);
    expect(await page.title()).toBe('Inspection Rectification Analytics');
    // Charts are made again in the new language: ECharts' own words (the screen-reader description) follow it.
    const aria = () => page.$$eval('[data-chart] .chart[aria-label]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-chart] .chart[aria-label]')].some((e) => /chart/i.test(e.getAttribute('aria-label') ?? '')));
    expect((await aria()).filter((a) => /这是一个/.test(a))).toEqual([]);
    // On a 1024 px screen the header stays one row in both languages.
    const headerHeight = () => page.$eval('header', (e) => e.getBoundingClientRect().height);
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await headerHeight()).toBeLessThan(70);
    await page.click('[data-testid="lang-switch"]');
    await settled(page);
    expect(await page.textContent('h1')).toContain('巡视巡察整改分析');
    expect(await page.title()).toBe('巡视巡察整改分析');
    expect(await headerHeight()).toBeLessThan(70);
    await page.context().close();
  });

  test('changing the as-of date recomputes the KPIs', async () => {
    const page = await h.open();
    const before = await kpiValue(page, 'findings');
    await page.fill('[data-testid="as-of"]', '2020-12-31');
    await page.dispatchEvent('[data-testid="as-of"]', 'change');
    await settled(page);
    const after = await kpiValue(page, 'findings');
    const expected = await expectedSampleKpis('2020-12-31');
    expect(after).toBe(expected.n);
    expect(after).toBeLessThan(before);
    expect(page.url()).toContain('asOf=2020-12-31');
    await page.context().close();
  });

  test('an as-of date before the first feedback says so on the charts, the table and the briefing, not "no data for the filters"', async () => {
    const page = await h.open('?asOf=2010-01-01');
    expect(await kpiValue(page, 'findings')).toBe(0);
    await page.waitForSelector('[data-testid="findings-empty"]');
    expect(await page.textContent('[data-testid="findings-empty"]')).toMatch(/^截至日早于最早反馈日期（\d{4}-\d{2}-\d{2}），此时尚无问题$/);
    await page.click('[data-testid="nav-briefing"]');
    await settled(page);
    expect(await page.textContent('[data-testid="headline-none"]')).toContain('截至日早于最早反馈日期');
    expect(await page.locator('[data-testid="headline"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="headline-scope"]')).toBe('范围：未筛选（全部数据）');
    await page.context().close();
  });

  test('once the cube is copied into the second engine, clicks read through both and the KPIs still match an independent computation', async () => {
    const page = await h.open();
    // The copy is made while the page is idle after the data is in (cubeReplica.ts).
    await page.waitForFunction(() => performance.getEntriesByName('replica:ready').length > 0, null, { timeout: 60_000 });
    const charts = async () => page.$$eval('[data-chart] .chart', (els) => els.map((e) => JSON.stringify((e as any).__chart.getOption().series)));
    const first = await charts();
    for (const asOf of ['2021-06-30', '2023-03-31']) {
      await page.fill('[data-testid="as-of"]', asOf);
      await page.dispatchEvent('[data-testid="as-of"]', 'change');
      await settled(page);
      const expected = await expectedSampleKpis(asOf);
      expect(await kpiValue(page, 'findings')).toBe(expected.n);
      expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(expected.done / expected.n, 10);
      expect(await kpiValue(page, 'completion-basic-rate')).toBeCloseTo((expected.done + expected.basic) / expected.n, 10);
    }
    expect(await charts()).not.toEqual(first);
    const errors = await page.$$eval('[data-chart] .error[role="alert"]', (els) => els.length);
    expect(errors).toBe(0);
    await page.context().close();
  });

  test('filter dropdowns: one open at a time, Escape returns focus to its button, a click outside closes it', async () => {
    const page = await h.open();
    const open = (id: string) => page.$eval(`[data-testid="${id}"]`, (d) => (d as HTMLDetailsElement).open);
    await page.click('[data-testid="filter-rounds"] summary');
    expect(await open('filter-rounds')).toBe(true);
    await page.click('[data-testid="filter-counties"] summary');
    expect([await open('filter-rounds'), await open('filter-counties')]).toEqual([false, true]);
    await page.keyboard.press('Escape');
    expect(await open('filter-counties')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'))).toBe('filter-counties');
    // The keyboard still works: Enter opens, Tab reaches the first checkbox, Space ticks it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settled(page);
    expect(new URL(page.url()).searchParams.getAll('county')).toHaveLength(1);
    expect(await open('filter-counties')).toBe(true);
    // A blank stretch of the filter bar, between the as-of date and the reset button.
    await page.mouse.click(1000, 150);
    expect(await open('filter-counties')).toBe(false);
    await page.context().close();
  });

  test('the finding drawer takes the keyboard: focus moves in, Tab stays in, close is named, focus returns to the row', async () => {
    const page = await h.open();
    const row = page.locator('[data-testid="finding-row"]').nth(2);
    await row.scrollIntoViewIfNeeded();
    await row.focus();
    const id = await row.locator('span').first().textContent();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="finding-detail"]');
    const inDrawer = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="finding-detail"]'));
    expect(await inDrawer()).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press(i === 2 ? 'Shift+Tab' : 'Tab');
      expect(await inDrawer()).toBe(true);
    }
    expect(await page.getAttribute('[data-testid="finding-detail-close"]', 'aria-label')).toBe('关闭');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="finding-detail"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('finding-row');
    expect(await page.evaluate(() => document.activeElement?.querySelector('span')?.textContent)).toBe(id);
    await page.context().close();
  });

  test('?sample=off starts with no data', async () => {
    const page = await h.open('?sample=off');
    expect(await page.locator('[data-chart]').count()).toBe(0);
    expect(await page.textContent('main')).toContain('尚无数据');
    await page.context().close();
  });

  test('no request goes to any origin but the app’s own', () => {
    expect(h.requests.length).toBeGreaterThan(3);
    const foreign = h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  test('the engine worker is served with the page’s Content-Security-Policy, which binds it (a <meta> binds the page only)', async () => {
    const worker = h.requests.find((u) => u.startsWith(h.origin) && /duckdb-browser-\w+\.worker.*\.js/.test(u));
    expect(worker).toBeTruthy();
    const res = await fetch(worker!);
    expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self' blob: data:/);
  });
});
