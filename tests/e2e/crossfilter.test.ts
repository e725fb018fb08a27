import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, kpiValue, settled } from './harness';

const KPIS = ['findings', 'completion-rate', 'completion-basic-rate', 'overdue', 'repeat'];

/** Centre of one drawn item of a chart's first series, in page coordinates. */
/**
 * Waits until the chart has no animation running: a bar grows or moves for a second after a
 * render, and a click at its final centre meanwhile can miss it (under load the suite flaked so).
 */
async function atRest(page: Page, chartId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-chart="${id}"] .chart`) as (HTMLElement & { __chart?: any }) | null;
    return !!el?.__chart && el.__chart.getZr().animation.isFinished();
  }, chartId, { timeout: 30_000, polling: 50 });
}

async function itemCentre(page: Page, chartId: string, dataIndex: number): Promise<{ x: number; y: number; name: string }> {
  await atRest(page, chartId);
  return page.$eval(`[data-chart="${chartId}"] .chart`, (el, i) => {
    type Layout = { x: number; y: number; width: number; height: number };
    const chart = (el as HTMLElement & { __chart: any }).__chart;
    const series = chart.getModel().getSeriesByIndex(0);
    const data = series.getData();
    const layout = data.getItemLayout(i) as Layout;
    const box = el.getBoundingClientRect();
    return { x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2, name: String(data.getName(i)) };
  }, dataIndex);
}

/**
 * Centre of the first drawn bar segment whose data item has every field of `match` (and a value
 * above 0), at least `minWidth` px wide, and that value; null if none.
 */
async function barWhere(page: Page, chartId: string, match: Record<string, string>, minWidth = 0): Promise<{ x: number; y: number; value: number } | null> {
  await atRest(page, chartId);
  return page.$eval(`[data-chart="${chartId}"] .chart`, (el, [want, min]) => {
    const chart = (el as HTMLElement & { __chart: any }).__chart;
    const box = el.getBoundingClientRect();
    for (let s = 0; s < chart.getModel().getSeriesCount(); s++) {
      const data = chart.getModel().getSeriesByIndex(s).getData();
      for (let i = 0; i < data.count(); i++) {
        const raw = data.getRawDataItem(i);
        const l = data.getItemLayout(i);
        const hit = raw && Object.entries(want as Record<string, string>).every(([k, v]) => raw[k] === v) && raw.value > 0 && l?.width > (min as number);
        if (hit) return { x: box.left + l.x + l.width / 2, y: box.top + l.y + l.height / 2, value: raw.value as number };
      }
    }
    return null;
  }, [match, minWidth] as const);
}

async function kpis(page: Page) {
  return Promise.all(KPIS.map((k) => kpiValue(page, k)));
}

describe('cross-filtering and shareable views on the sample', () => {
  const h = useHarness();

  test('a click on one county bar filters every KPI and chart, the URL follows, and the URL reproduces the view', async () => {
    const page = await h.open();
    const before = await kpis(page);
    const optionsBefore = await page.$$eval('[data-chart] .chart', (els) => els.map((e) => JSON.stringify((e as any).__chart.getOption().series)));

    const target = await itemCentre(page, 'status-by-county', 0);
    await page.mouse.click(target.x, target.y);
    await settled(page);

    const url = page.url();
    expect(url).toMatch(/county=/);
    const county = new URL(url).searchParams.getAll('county');
    expect(county).toHaveLength(1);
    expect(await page.locator('[data-testid="filter-chip"]').count()).toBe(1);
    const after = await kpis(page);
    expect(after[0]).toBeLessThan(before[0]);
    const optionsAfter = await page.$$eval('[data-chart] .chart', (els) => els.map((e) => JSON.stringify((e as any).__chart.getOption().series)));
    // Every other chart redraws with the county's data (the clicked chart keeps all counties).
    const changed = optionsAfter.filter((o, i) => o !== optionsBefore[i]).length;
    expect(changed).toBeGreaterThanOrEqual(optionsAfter.length - 1);
    // The drill-down table now lists only that county's findings.
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBeLessThanOrEqual(after[0]);

    const fresh = await h.open(new URL(url).search);
    expect(await kpis(fresh)).toEqual(after);
    expect(new URL(fresh.url()).searchParams.getAll('county')).toEqual(county);
    await fresh.context().close();

    await page.click('[data-testid="filter-reset"]');
    await settled(page);
    expect(await kpis(page)).toEqual(before);
    // Reset also ends the table's drill-down: it lists every finding again.
    expect(await page.locator('[data-testid="drill-chip"]').count()).toBe(0);
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBe(before[0]);
    await page.context().close();
  });

  test('the drill chip names every value the click selects; a second click takes filter and drill away; reset clears a drill alone', async () => {
    const page = await h.open();
    const total = Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'));
    const target = await itemCentre(page, 'status-by-county', 0);
    await page.mouse.click(target.x, target.y);
    await settled(page);
    const chip = (await page.textContent('[data-testid="drill-chip"]')) ?? '';
    // Series 0 of the status chart is 已完成: the chip says so, and carries no ▶ selection mark.
    expect(chip).toContain('已完成');
    expect(chip).not.toContain('▶');
    // Another status of the same county keeps the county selected and drills into that status.
    const drilled = Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'));
    await atRest(page, 'status-by-county');
    const other = await page.$eval('[data-chart="status-by-county"] .chart', (el) => {
      type Layout = { x: number; y: number; width: number; height: number };
      const chart = (el as HTMLElement & { __chart: any }).__chart;
      const box = el.getBoundingClientRect();
      for (let s = 1; s < 4; s++) {
        const data = chart.getModel().getSeriesByIndex(s)?.getData();
        const layout = data?.getItemLayout(0) as Layout | undefined;
        if (layout && layout.width > 4) return { x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2 };
      }
      return null;
    });
    expect(other).not.toBeNull();
    if (other) {
      await page.mouse.click(other.x, other.y);
      await settled(page);
      expect(await page.locator('[data-testid="filter-chip"]').count()).toBe(1);
      expect(await page.locator('[data-testid="drill-chip"]').count()).toBe(1);
      expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).not.toBe(drilled);
      await atRest(page, 'status-by-county');
      await page.mouse.click(other.x, other.y);
    } else {
      await atRest(page, 'status-by-county');
      await page.mouse.click(target.x, target.y);
    }
    await settled(page);
    expect(await page.locator('[data-testid="filter-chip"]').count()).toBe(0);
    expect(await page.locator('[data-testid="drill-chip"]').count()).toBe(0);
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBe(total);
    await page.context().close();
  });

  test('a data-table row drills down from the keyboard as a click on its element does, and the keyboard lands on the chip', async () => {
    const page = await h.open();
    const card = '[data-chart="status-by-county"]';
    await page.click(`${card} [data-testid="chart-menu"]`);
    await page.click(`${card} [data-action="table"]`);
    const row = page.locator(`${card} [data-testid="chart-table"] tbody tr`, { hasText: '永康市' }).filter({ hasText: '已完成' }).first();
    const n = Number((await row.locator('td').nth(2).textContent())!.trim());
    const button = row.getByRole('button', { name: '查看问题：永康市 · 已完成' });
    await button.focus();
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await page.textContent('[data-testid="drill-chip"]')).toContain('钻取：各县市区整改状态构成 · 永康市 · 已完成');
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBe(n);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('drill-chip');
    // The button lists findings and selects nothing (a click on the chart also selects its county): no filter chip.
    expect(await page.locator('[data-testid="filter-chip"]').count()).toBe(0);
    // The chip ends it, from the keyboard too.
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await page.locator('[data-testid="drill-chip"]').count()).toBe(0);

    // A three-colour row is three elements: a button per colour it has, each listing that colour's findings.
    const warnings = '[data-chart="warnings-by-county"]';
    await page.click(`${warnings} [data-testid="chart-menu"]`);
    await page.click(`${warnings} [data-action="table"]`);
    const table = page.locator(`${warnings} [data-testid="chart-table"] table`);
    const headers = await table.locator('thead th').allTextContents();
    const redRow = table.locator('tbody tr').filter({ has: page.locator('[data-part="red"]') }).first();
    const county = (await redRow.locator('td').first().textContent())!.trim();
    const red = Number((await redRow.locator('td').nth(headers.indexOf('红色预警（个）')).textContent())!.trim());
    await redRow.getByRole('button', { name: `查看问题：${county} · 红色` }).press('Enter');
    await settled(page);
    expect(await page.textContent('[data-testid="drill-chip"]')).toContain(`${county} · 红色预警（已逾期）`);
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBe(red);
    await page.context().close();
  });

  test('a drill-down link reproduces table, KPIs and chip; the chip follows the language', async () => {
    const page = await h.open();
    await page.locator('[data-chart="status-by-county"]').scrollIntoViewIfNeeded();
    // 永康市's 已完成 segment.
    const target = await barWhere(page, 'status-by-county', { county: '永康市', key: 'completed' });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await settled(page);
    const view = async (p: Page) => ({
      table: Number(await p.getAttribute('[data-testid="findings-table"]', 'data-total')),
      kpis: await kpis(p),
      chip: await p.textContent('[data-testid="drill-chip"]'),
    });
    const clicked = await view(page);
    expect(clicked.chip).toContain('钻取：各县市区整改状态构成 · 永康市 · 已完成');
    expect(new URL(page.url()).searchParams.get('drill')).toBe('status-by-county');

    const fresh = await h.open(new URL(page.url()).search);
    expect(await view(fresh)).toEqual(clicked);
    await fresh.context().close();

    await page.click('[data-testid="lang-switch"]');
    await settled(page);
    expect(await page.textContent('[data-testid="drill-chip"]')).toContain('Drill-down: Rectification status by county · Yongkang · Completed');
    await page.click('[data-testid="lang-switch"]');
    await settled(page);
    expect(await page.textContent('[data-testid="drill-chip"]')).toContain('各县市区整改状态构成 · 永康市 · 已完成');
    await page.context().close();
  });

  test('the yellow/green order message goes once the pair in force is valid again', async () => {
    const page = await h.open();
    await page.click('[data-testid="params-panel"] summary');
    await page.fill('[data-testid="param-warnYellowDays"]', '30');
    await page.press('[data-testid="param-warnYellowDays"]', 'Tab');
    await settled(page);
    const alerts = page.locator('[data-testid="params-panel"] [role="alert"]');
    expect(await alerts.count()).toBe(1);
    await page.fill('[data-testid="param-warnGreenDays"]', '21');
    await page.press('[data-testid="param-warnGreenDays"]', 'Tab');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('warnGreenDays')).toBe('21');
    expect(await alerts.count()).toBe(0);
    await page.context().close();
  });

  test('KPIs at two as-of dates differ and each is reproducible from its link', async () => {
    const early = await h.open('?asOf=2019-06-30');
    const late = await h.open('?asOf=2026-06-30');
    const a = await kpis(early);
    const b = await kpis(late);
    expect(a[0]).toBeLessThan(b[0]);
    expect(a).not.toEqual(b);
    // Completions after the earlier as-of date are marked beside their date in the table.
    expect(await early.textContent('[data-testid="findings-table"]')).toContain('（截至日后）');
    expect(await late.textContent('[data-testid="findings-table"]')).not.toContain('（截至日后）');
    await early.context().close();
    await late.context().close();
  });
  test('metric settings: a wider green band recolours the warnings, goes into the link, and bad values are refused', async () => {
    const page = await h.open();
    const warnings = () => page.$eval('[data-chart="warnings-by-county"] .chart', (el) => JSON.stringify((el as any).__chart.getOption().series));
    const before = await warnings();
    await page.click('[data-testid="params-panel"] summary');
    await page.fill('[data-testid="param-warnGreenDays"]', '120');
    await page.press('[data-testid="param-warnGreenDays"]', 'Tab');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('warnGreenDays')).toBe('120');
    expect(await warnings()).not.toBe(before);

    // Yellow ≥ green would leave no yellow band: refused with a message, the value in force stays.
    await page.fill('[data-testid="param-warnYellowDays"]', '200');
    await page.press('[data-testid="param-warnYellowDays"]', 'Tab');
    await settled(page);
    expect(await page.locator('[data-testid="params-panel"] [role="alert"]').innerText()).toContain('黄色预警天数须小于绿色预警天数');
    expect(await page.inputValue('[data-testid="param-warnYellowDays"]')).toBe('10');
    expect(new URL(page.url()).searchParams.get('warnYellowDays')).toBeNull();

    const fresh = await h.open(new URL(page.url()).search);
    expect(await fresh.inputValue('[data-testid="param-warnGreenDays"]')).toBe('120');
    expect(await fresh.$eval('[data-chart="warnings-by-county"] .chart', (el) => JSON.stringify((el as any).__chart.getOption().series))).toBe(await warnings());
    await fresh.context().close();
    await page.context().close();
  }, 180_000);

  test('a red warning segment drills to the findings it counts, and Back undoes the click', async () => {
    const page = await h.open();
    await page.locator('[data-chart="warnings-by-county"]').scrollIntoViewIfNeeded();
    const target = await barWhere(page, 'warnings-by-county', { key: 'red' }, 4);
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await settled(page);
    expect(await page.textContent('[data-testid="drill-chip"]')).toContain('红色预警');
    expect(Number(await page.getAttribute('[data-testid="findings-table"]', 'data-total'))).toBe(target!.value);
    expect(await page.locator('[data-testid="finding-row"]').count()).toBeGreaterThan(0);
    await page.goBack();
    await settled(page);
    expect(await page.locator('[data-testid="drill-chip"]').count()).toBe(0);
    expect(await page.locator('[data-testid="filter-chip"]').count()).toBe(0);
    await page.context().close();
  });
});
