import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, kpiValue, settled } from './harness';

const RULES = ['explicit', 'same_unit_l2', 'same_county_l2', 'text_similarity'];

/** The listed suggestions as "earlier>later" pairs with their rule and whether they are confirmed. */
async function listed(page: Page) {
  return page.$$eval('[data-testid="repeat-suggestion"]', (rows) => rows.map((r) => ({
    pair: `${r.getAttribute('data-earlier')}>${r.getAttribute('data-later')}`,
    rule: r.getAttribute('data-rule') ?? '',
    confirmed: !!r.querySelector('[data-testid="repeat-undo"]'),
    text: (r as HTMLElement).innerText,
  })));
}

describe('the repeat-issue screen on the sample', () => {
  const h = useHarness();

  test('charts draw, KPIs have values, every suggestion names both findings and its rule, and decisions survive a reload', async () => {
    const page = await h.open('?view=repeats');
    // Every repeat chart has drawn data.
    const drawn = await page.$$eval('[data-chart] .chart', (els) => els.map((e) => {
      const series = (e as any).__chart?.getOption().series ?? [];
      return series.some((s: { data?: unknown[]; links?: unknown[] }) => (s.data?.length ?? 0) + (s.links?.length ?? 0) > 0);
    }));
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    expect(drawn.every(Boolean)).toBe(true);
    for (const k of ['repeat', 'unit-repeat-rate', 'rebound']) expect(Number.isFinite(await kpiValue(page, k))).toBe(true);
    // The matching rules are the settings panel's repeat group, open here and listed first; one control per rule.
    expect(await page.$eval('[data-testid="params-panel"]', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.$eval('[data-testid="params-panel"] fieldset [data-param]', (l) => l.getAttribute('data-param'))).toBe('useTextSimilarity');
    expect(await page.locator('[data-testid="param-similarityThreshold"]').count()).toBe(1);

    const before = await listed(page);
    expect(before.length).toBeGreaterThan(0);
    for (const s of before) {
      expect(RULES).toContain(s.rule);
      const [g, f] = s.pair.split('>');
      // Both findings are shown with their ids: the link can be traced to the two rows.
      expect(s.text).toContain(`#${g}`);
      expect(s.text).toContain(`#${f}`);
    }

    const undecided = before.filter((s) => !s.confirmed);
    const toReject = undecided[0];
    const toConfirm = undecided[1];
    const rejectRow = page.locator(`[data-testid="repeat-suggestion"][data-earlier="${toReject.pair.split('>')[0]}"][data-later="${toReject.pair.split('>')[1]}"]`);
    await rejectRow.locator('[data-testid="repeat-reject"]').click();
    await settled(page);
    expect((await listed(page)).map((s) => s.pair)).not.toContain(toReject.pair);
    // A rejected pair leaves the list; its undo is offered above it and brings it back.
    await page.click('[data-testid="repeat-undo-reject"]');
    await settled(page);
    expect((await listed(page)).map((s) => s.pair)).toContain(toReject.pair);
    expect(await page.locator('[data-testid="repeat-undo-reject"]').count()).toBe(0);
    await rejectRow.locator('[data-testid="repeat-reject"]').click();
    await settled(page);
    expect((await listed(page)).map((s) => s.pair)).not.toContain(toReject.pair);
    const confirmRow = page.locator(`[data-testid="repeat-suggestion"][data-earlier="${toConfirm.pair.split('>')[0]}"][data-later="${toConfirm.pair.split('>')[1]}"]`);
    await confirmRow.locator('[data-testid="repeat-confirm"]').click();
    await settled(page);
    expect((await listed(page)).find((s) => s.pair === toConfirm.pair)?.confirmed).toBe(true);

    // The decisions are stored: after a reload (the sample is loaded afresh) they still hold.
    await page.reload();
    await settled(page);
    const after = await listed(page);
    expect(after.map((s) => s.pair)).not.toContain(toReject.pair);
    expect(after.find((s) => s.pair === toConfirm.pair)?.confirmed).toBe(true);
    await page.context().close();
  }, 240_000);
});
