import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { LAUNCH, useHarness, kpiValue, settled } from './harness';
import { recordFixtures } from '../fixtures/records';
import { brokenWorkbook, excel95Ledger, gbkLedger, xlsxLedger, GBK_EXPECTED, GBK_EXPECTED_EARLY, unitLedger, unmappedLedger, utf16Ledger } from './fixtures';

// Characters that make each title its own (the duplicate check ignores digits).
const WORDS = '东西南北中上下前后左右新老大小高低长短远近内外甲乙丙丁戊己庚辛壬癸山水田林路桥村镇街巷园区院所站点场馆库'.split('');

/** A plain CSV ledger of `n` distinct findings (about 200 bytes a row), big enough to cross DuckDB's 16 MB WAL checkpoint. */
function largeLedger(n: number): Buffer {
  const lines = ['问题编号,县市区,被巡察单位,具体问题,整改措施,整改状态,反馈时间,整改时限'];
  for (let i = 0; i < n; i++) {
    const tag = [i % 50, Math.floor(i / 50) % 50, Math.floor(i / 2500) % 50].map((k) => WORDS[k]).join('');
    lines.push(`YK${i},永康市,永康市${WORDS[i % 50]}局党委,理论学习中心组学习不深入不系统问题（${tag}）,制定年度学习计划并严格执行落实到位（${tag}）,${i % 3 ? '已完成' : '正在整改'},2024-03-01,2024年底前`);
  }
  return Buffer.from(lines.join('\n'));
}

async function pick(page: Page, files: { name: string; buffer: Buffer }[]) {
  await page.setInputFiles('[data-testid="import-input"]', files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), undefined, { timeout: 120_000 });
  await settled(page);
}

/** The page shows no import error and the hand-computed KPIs of the GBK ledger (fixtures.ts), in whatever file it came. */
async function expectGbkAnswers(page: Page) {
  expect(await page.locator('[data-testid="import-error-brief"]').count()).toBe(0);
  expect(await kpiValue(page, 'findings')).toBe(GBK_EXPECTED.findings);
  expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(GBK_EXPECTED.completionRate, 10);
  expect(await kpiValue(page, 'completion-basic-rate')).toBeCloseTo(GBK_EXPECTED.completionBasicRate, 10);
  expect(await kpiValue(page, 'overdue')).toBe(GBK_EXPECTED.overdue);
}

describe('importing real-shaped ledgers in the browser', () => {
  const h = useHarness();

  test('a GBK CSV with a title row and a 合计 row gives the hand-computed KPIs, and survives a reload', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await pick(page, [{ name: '八届市委第六轮巡察整改台账.csv', buffer: gbkLedger() }]);
    await expectGbkAnswers(page);
    expect(await kpiValue(page, 'repeat')).toBe(GBK_EXPECTED.repeat);
    // Chinese from a GBK file reads correctly (no mojibake) in the drill-down table.
    expect(await page.textContent('[data-testid="findings-table"]')).toContain('古山镇');

    // A second as-of date, typed into the date input like an analyst would.
    await page.fill('[data-testid="as-of"]', GBK_EXPECTED_EARLY.asOf);
    await page.dispatchEvent('[data-testid="as-of"]', 'change');
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(GBK_EXPECTED_EARLY.findings);
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(GBK_EXPECTED_EARLY.completionRate, 10);
    expect(await kpiValue(page, 'completion-basic-rate')).toBeCloseTo(GBK_EXPECTED_EARLY.completionBasicRate, 10);
    expect(await kpiValue(page, 'overdue')).toBe(GBK_EXPECTED_EARLY.overdue);
    expect(await kpiValue(page, 'repeat')).toBe(GBK_EXPECTED_EARLY.repeat);

    await page.reload();
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(GBK_EXPECTED.findings);

    await page.click('[data-testid="nav-data"]');
    await settled(page);
    const items = page.locator('[data-testid="dataset-item"]');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-rows')).toBe('6');
    await page.context().close();
  });

  test('a ledger whose import writes more than 16 MB survives a reload (an automatic checkpoint once left an unreadable WAL)', async () => {
    const page = await h.open('?sample=off');
    await pick(page, [{ name: '十五届永康市委第四轮巡察整改台账.csv', buffer: largeLedger(1000) }]);
    await pick(page, [{ name: '十五届永康市委第五轮巡察整改台账.csv', buffer: largeLedger(160_000) }]);
    expect(await page.locator('[data-testid="import-error-brief"]').count()).toBe(0);
    expect(await kpiValue(page, 'findings')).toBe(161_000);
    await page.reload();
    await settled(page, 120_000);
    expect(await page.locator('[data-testid="storage-warning"]').count()).toBe(0);
    expect(await kpiValue(page, 'findings')).toBe(161_000);
    await page.context().close();
  }, 300_000);

  test('a file is said imported only once it is on disk: closing the browser the moment its report shows keeps it (helper-113)', async () => {
    // A browser profile on disk, as an analyst's: a context of the harness's kind kept the file either way.
    const profile = mkdtempSync(join(tmpdir(), 'xz-profile-'));
    const launch = () => chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    try {
      let context = await launch();
      let page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${h.origin}/?sample=off&view=data`);
      await settled(page);
      await page.setInputFiles('[data-testid="import-input"]', { name: '十五届永康市委第五轮巡察整改台账.csv', buffer: largeLedger(40_000), mimeType: 'text/csv' });
      // Before, the report showed while the CHECKPOINT that keeps the file still ran: closing then lost all of it.
      await page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 });
      await context.close();
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${h.origin}/?sample=off&view=data`);
      await settled(page, 120_000);
      expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(1);
      await page.click('[data-testid="nav-dashboard"]');
      await settled(page);
      expect(await kpiValue(page, 'findings')).toBe(40_000);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);

  test('a file picked while the engine starts waits for it and is imported (it was dropped without a word)', async () => {
    // Not settled first: the picker is there from the first paint, before the engine is ready.
    const page = await h.open('?sample=off', { settle: false });
    expect(await page.evaluate(() => document.body.dataset.ready)).not.toBe('true');
    await pick(page, [{ name: '八届市委第六轮巡察整改台账.csv', buffer: gbkLedger() }]);
    expect(await kpiValue(page, 'findings')).toBe(GBK_EXPECTED.findings);
    await page.context().close();
  });

  test('an Excel workbook (merged title, date cells, 合计 row) is parsed off the main thread and gives the same answers', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await pick(page, [{ name: '八届市委第六轮巡察整改台账.xlsx', buffer: await xlsxLedger() }]);
    await expectGbkAnswers(page);
    // The workbook was read by the grid worker, not on the page's thread.
    expect(h.requests.some((u) => /grid\.worker[^/]*\.js/.test(u))).toBe(true);
    await page.context().close();
  });

  test('an Excel 95 workbook in GBK is read in the grid worker through its code page and gives the same answers', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await pick(page, [{ name: '整改台账.xls', buffer: excel95Ledger() }]);
    await expectGbkAnswers(page);
    await page.context().close();
  });

  test('Parquet (Snappy and ZSTD), JSON and NDJSON picked together: the same records are asked about, then each file reports 2 accepted and 1 rejected row', async () => {
    const page = await h.open('?sample=off');
    const files = await recordFixtures();
    await page.setInputFiles('[data-testid="import-input"]', Object.entries(files).map(([name, bytes]) => ({ name, buffer: Buffer.from(bytes), mimeType: 'application/octet-stream' })));
    // The four hold the same records: the second looks like a later version of the first, the others
    // of the stored ones (their problems would count twice), and the analyst keeps all four.
    for (const [file, said] of [['records-zstd.parquet', '与已导入的“records.'], ['records.json', '是已导入的 2 个数据集（records'], ['records.ndjson', '是已导入的 3 个数据集（records']]) {
      const dialog = page.locator('[data-testid="duplicate-dialog"][data-kind="later-version"]');
      await dialog.waitFor({ timeout: 120_000 });
      expect(await dialog.textContent()).toContain(`“${file}”的 2 个问题中有 2 个${said}`);
      await page.click('[data-testid="duplicate-keep"]');
      await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    }
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), undefined, { timeout: 120_000 });
    await settled(page);
    expect(await page.locator('[data-testid="import-error-brief"]').count()).toBe(0);
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    const reports = await page.$$eval('[data-testid="import-report"]', (els) => els.map((e) => [e.getAttribute('data-accepted'), e.getAttribute('data-rejected')]));
    expect(reports).toEqual([['2', '1'], ['2', '1'], ['2', '1'], ['2', '1']]);
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(4);
    // After a reload the report is gone; the rejected rows still download from the datasets list.
    await page.reload();
    await settled(page);
    const buttons = page.locator('[data-testid="dataset-item"] [data-testid="download-rejected"]');
    expect(await buttons.count()).toBe(4);
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), buttons.first().click()]);
    const text = readFileSync((await d.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    await page.context().close();
  });

  test('five broken files: the summary names three and counts the rest, so none goes unmentioned', async () => {
    const page = await h.open('?sample=off');
    await pick(page, [1, 2, 3, 4, 5].map((k) => ({ name: `坏文件${k}.xlsx`, buffer: brokenWorkbook() })));
    const errors = await page.locator('[data-testid="import-error-brief"]').allTextContents();
    expect(errors).toHaveLength(3);
    expect(await page.locator('[data-testid="import-error-more"]').textContent()).toContain('另有 2 个文件未导入');
    await page.context().close();
  });

  test('a broken file next to a good one: a specific message, the good one lands, earlier data stays', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await pick(page, [{ name: 'ledger-gbk.csv', buffer: gbkLedger() }]);
    expect(await kpiValue(page, 'findings')).toBe(6);
    await pick(page, [
      { name: '坏文件.xlsx', buffer: brokenWorkbook() },
      { name: 'unicode-text.txt', buffer: utf16Ledger() },
    ]);
    const errors = await page.locator('[data-testid="import-error-brief"]').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('坏文件.xlsx');
    expect(await page.locator('[data-testid="import-error-more"]').count()).toBe(0);
    expect(await kpiValue(page, 'findings')).toBe(8);
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(4 / 8, 10);
    // Clear all, confirmed: the last import's reports and summary go too (they named data that is gone).
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    expect(await page.locator('[data-testid="import-report"]').count()).toBeGreaterThan(0);
    // On the Data screen the broken file's message is given once, in full, not also in the summary above it.
    expect(await page.locator('[data-testid="import-error"]').count()).toBe(1);
    expect(await page.locator('[data-testid="import-error-brief"]').count()).toBe(0);
    // The database file holds the file's name before clearing, and not after: the file itself is deleted
    // (DuckDB keeps freed blocks readable), at a reload that opens on no data.
    expect(await storedFileHolds(page, 'ledger-gbk.csv')).toBe(true);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="clear-all"]')]);
    await settled(page);
    expect(await storedFileHolds(page, 'ledger-gbk.csv')).toBe(false);
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(0);
    expect(await page.locator('[data-testid="import-report"], [data-testid="import-summary"]').count()).toBe(0);
    await page.context().close();
  });

  /** Whether the stored database file (and its WAL) contains `text` as UTF-8 bytes. */
  async function storedFileHolds(page: Page, text: string): Promise<boolean> {
    return page.evaluate(async (needle) => {
      const root = await navigator.storage.getDirectory();
      const want = new TextEncoder().encode(needle);
      for (const name of ['xuncha-zhenggai.db', 'xuncha-zhenggai.db.wal']) {
        const handle = await root.getFileHandle(name).catch(() => null);
        if (!handle) continue;
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        outer: for (let i = 0; i + want.length <= bytes.length; i++) {
          for (let j = 0; j < want.length; j++) if (bytes[i + j] !== want[j]) continue outer;
          return true;
        }
      }
      return false;
    }, text);
  }

  test('drag-and-drop anywhere imports, and removing the dataset takes its rows away', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    const bytes = [...gbkLedger()];
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'dropped.csv'));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, bytes);
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-findings"]')?.getAttribute('data-value') === '6', undefined, { timeout: 120_000 });
    await settled(page);
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    expect(await page.locator('[data-testid="import-report"]').count()).toBe(1);
    // Removal asks first: dismissed, nothing goes; accepted, the dataset goes.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
    await page.click('[data-testid="dataset-remove"]');
    await settled(page);
    expect(asked).toContain('确定移除数据集');
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid="dataset-remove"]');
    await settled(page);
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(0);
    // Its report goes with it: it would offer the rejected rows of data that is gone.
    expect(await page.locator('[data-testid="import-report"]').count()).toBe(0);
    await page.context().close();
  });

  test('unknown headers open the mapping dialog; the choice imports and is remembered for the same headers', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await page.setInputFiles('[data-testid="import-input"]', [{ name: 'ledger-a.csv', mimeType: 'text/csv', buffer: unmappedLedger() }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    const selects = page.locator('[data-testid="mapping-select"]');
    // 问题内容 holds the alias 问题, so the dialog offers it as the problem; the analyst decides.
    expect(await selects.nth(2).inputValue()).toBe('problem_title');
    await selects.nth(2).selectOption('');
    expect(await page.isDisabled('[data-testid="mapping-confirm"]')).toBe(true);
    await selects.nth(0).selectOption('county');
    await selects.nth(2).selectOption('problem_title');
    expect(await page.isDisabled('[data-testid="mapping-confirm"]')).toBe(false);
    await page.click('[data-testid="mapping-confirm"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-findings"]')?.getAttribute('data-value') === '3', undefined, { timeout: 120_000 });
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(2 / 3, 10);

    await pick(page, [{ name: 'ledger-b.csv', buffer: unmappedLedger('（二）') }]);
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    expect(await kpiValue(page, 'findings')).toBe(6);
    // No dialog showed the mapping, so the summary says it was the one chosen before.
    const note = page.locator('[data-testid="import-mapping-note"]');
    expect(await note.textContent()).toContain('ledger-b.csv');
    expect(await note.getAttribute('data-forgotten')).toBe('false');
    // The provenance opens by click (not hover alone): the full SHA-256 and each mapped column.
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    const provenance = page.locator('[data-testid="dataset-item"] [data-testid="dataset-provenance"]').first();
    await provenance.locator('summary').click();
    expect(await provenance.locator('.hash').textContent()).toMatch(/^SHA-256 [0-9a-f]{64}$/);
    expect(await provenance.locator('.mapping li').allTextContents()).toContain('区域 → 县市区');
    await page.context().close();
  });

  test('a mapping that rejects every row is not remembered: the summary says nothing was accepted and the next file asks again (helper-125)', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    // 备用 is empty: mapped as the problem, it leaves every row without one.
    const ledger = (unit: string) => Buffer.from([['区域', '被巡察单位', '问题内容', '备用', '整改状态', '巡视巡察主体', '届次', '轮次'],
      ...['干部档案管理不规范', '财务报销流程不规范'].map((t, i) => ['兰溪市', unit, t, '', i ? '已完成' : '正在整改', '市委', '八届', '5'])]
      .map((r) => r.join(',')).join('\n'), 'utf8');
    await page.setInputFiles('[data-testid="import-input"]', [{ name: 'wrong.csv', mimeType: 'text/csv', buffer: ledger('兰溪市教育局党委') }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    const selects = page.locator('[data-testid="mapping-select"]');
    await selects.nth(0).selectOption('county');
    await selects.nth(2).selectOption('');
    await selects.nth(3).selectOption('problem_title');
    await page.click('[data-testid="mapping-confirm"]');
    await page.waitForSelector('[data-testid="import-none-accepted"]', { timeout: 120_000 });
    expect(await page.getAttribute('[data-testid="import-summary"]', 'class')).toContain('warn');
    // The same headers again: the dialog asks, and the right choice is then remembered.
    await page.setInputFiles('[data-testid="import-input"]', [{ name: 'right.csv', mimeType: 'text/csv', buffer: ledger('兰溪市财政局党组') }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    await selects.nth(0).selectOption('county');
    await selects.nth(2).selectOption('problem_title');
    await page.click('[data-testid="mapping-confirm"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-findings"]')?.getAttribute('data-value') === '2', undefined, { timeout: 120_000 });
    await pick(page, [{ name: 'again.csv', buffer: ledger('兰溪市卫健局党委') }]);
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    expect(await kpiValue(page, 'findings')).toBe(4);
    await page.context().close();
  });

  test('with files waiting, the mapping dialog can cancel the whole import (the strip\'s cancel is behind it)', async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await page.setInputFiles('[data-testid="import-input"]', [
      { name: 'ledger-a.csv', mimeType: 'text/csv', buffer: unmappedLedger() },
      { name: 'ledger-b.csv', mimeType: 'text/csv', buffer: unmappedLedger('（二）') }]);
    await page.waitForSelector('[data-testid="mapping-cancel-all"]', { timeout: 120_000 });
    await page.click('[data-testid="mapping-cancel-all"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), undefined, { timeout: 120_000 });
    await settled(page);
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(0);
    await page.context().close();
  });

  test("a unit's own ledger with the unit and round nowhere in it: the dialog takes them as typed text", async () => {
    const page = await h.open(`?sample=off&asOf=${GBK_EXPECTED.asOf}`);
    await page.setInputFiles('[data-testid="import-input"]', [{ name: '整改台账.csv', mimeType: 'text/csv', buffer: unitLedger() }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    expect(await page.isDisabled('[data-testid="mapping-confirm"]')).toBe(true);
    await page.fill('[data-testid="mapping-hint"][data-field="unit_name"]', '兰溪市教育局党委');
    // The unit gives the county; the inspecting body and the round are still wanted.
    expect(await page.isDisabled('[data-testid="mapping-confirm"]')).toBe(true);
    await page.fill('[data-testid="mapping-hint"][data-field="inspector_level"]', '市委');
    await page.fill('[data-testid="mapping-hint"][data-field="round_no"]', '五');
    expect(await page.isDisabled('[data-testid="mapping-confirm"]')).toBe(false);
    await page.click('[data-testid="mapping-confirm"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-findings"]')?.getAttribute('data-value') === '3', undefined, { timeout: 120_000 });
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(1 / 3, 10);
    // The county came from the typed unit's name.
    expect(await page.textContent('[data-testid="findings-table"]')).toContain('兰溪市');
    // The typed round: 市委 round 5 (五).
    expect(await page.evaluate(() => document.body.textContent?.includes('市委第五轮巡察'))).toBe(true);
    await page.context().close();
  });
});
