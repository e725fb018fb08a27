import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, kpiValue, settled } from './harness';

/**
 * The analyst's side of an import: the mapping dialog's rows line up with the file's columns
 * (blank, number-like and repeated headers included) and work by keyboard; every picked file is
 * accounted for in the summary; the duplicate question names the stored dataset the file equals.
 */
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');

// 区域 is no county alias and 问题内容 only a guess for the problem: the dialog opens. A header `2`,
// a blank header and a repeated 备注 sit between.
const ODD_HEADERS = csv([
  ['区域', '被巡察单位', '问题内容', '2', '', '备注', '备注', '整改状态', '巡视巡察主体', '届次', '轮次'],
  ['浦江县', '浦江县文旅局党委', '景区门票收入管理不规范', 'z1', '', '甲', '乙', '已完成', '市委', '八届', '5'],
  ['浦江县', '浦江县文旅局党委', '文物保护责任落实不到位', 'z2', '', '甲2', '乙2', '正在整改', '市委', '八届', '5'],
]);

const ledger = (unit: string, titles: string[]) => csv([
  ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
  ...titles.map((t, i) => [String(i + 1), '永康市', unit, '八届市委第五轮巡察', t, i === 0 ? '已完成' : '正在整改']),
]);
const A = ledger('永康市教育局党委', ['违规吃喝', '违规发放津补贴']);
const B = ledger('永康市卫健局党委', ['三会一课不规范', '理论学习不深入', '档案管理不规范']);

/** A workbook of one sheet per county, each sheet a ledger of its own. */
async function twoSheetWorkbook(): Promise<Buffer> {
  const X = await import('@e965/xlsx');
  const wb = X.utils.book_new();
  for (const [county, titles] of [['东阳市', ['违规吃喝', '违规发放津补贴']], ['义乌市', ['三会一课不规范', '理论学习不深入', '档案管理不规范']]] as const) {
    const rows = [['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'], ...titles.map((t, i) => [i + 1, county, `${county}教育局党委`, '八届市委第五轮巡察', t, '已完成'])];
    X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet(rows), county);
  }
  return Buffer.from(X.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

async function pickFiles(page: Page, files: { name: string; buffer: Buffer; mimeType?: string }[]) {
  await page.setInputFiles('[data-testid="import-input"]', files.map((f) => ({ mimeType: 'text/csv', ...f })));
}
const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), undefined, { timeout: 120_000 });

describe('import flows', () => {
  const h = useHarness();

  test('the mapping dialog: one row per column in file order, each select its own column; keyboard focus stays inside', async () => {
    const page = await h.open('?sample=off');
    await pickFiles(page, [{ name: 'odd.csv', buffer: ODD_HEADERS }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    const rows = page.locator('[data-testid="mapping-dialog"] tbody tr');
    expect(await rows.count()).toBe(11);
    // Each row's select maps the column its label names.
    for (const [i, header] of [[0, '区域'], [1, '被巡察单位'], [2, '问题内容'], [3, '2']] as const) {
      expect(await rows.nth(i).locator('td').first().textContent()).toBe(header);
      expect(await rows.nth(i).locator('[data-testid="mapping-select"]').getAttribute('data-header')).toBe(header);
    }
    expect(await rows.nth(4).locator('[data-testid="mapping-no-header"]').count()).toBe(1);
    expect(await rows.nth(6).locator('[data-testid="mapping-same-header"]').count()).toBe(1);
    // Focus starts in the dialog and Tab does not leave it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="mapping-dialog"]'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mapping-select');
    // The language can be switched while the dialog waits (the header's switch is behind its backdrop).
    await page.click('[data-testid="mapping-lang"]');
    expect(await page.textContent('#mapping-title')).toContain('odd.csv');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('[data-testid="mapping-lang"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="mapping-dialog"]'))).toBe(true);

    await rows.nth(0).locator('[data-testid="mapping-select"]').selectOption('county');
    await rows.nth(2).locator('[data-testid="mapping-select"]').selectOption('problem_title');
    await page.click('[data-testid="mapping-confirm"]');
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(2);
    expect(await kpiValue(page, 'completion-rate')).toBeCloseTo(1 / 2, 10);
    const table = await page.textContent('[data-testid="findings-table"]');
    expect(table).toContain('浦江县文旅局党委');
    expect(table).toContain('景区门票收入管理不规范');
    await page.context().close();
  });

  test('on a phone-width screen the mapping dialog opens with the column names in view, not scrolled sideways to the first select', async () => {
    const page = await h.open('?sample=off');
    await page.setViewportSize({ width: 390, height: 844 });
    await pickFiles(page, [{ name: 'odd.csv', buffer: ODD_HEADERS }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="mapping-dialog"]'))).toBe(true);
    expect(await page.locator('[data-testid="mapping-dialog"] .table-wrap').evaluate((el) => el.scrollLeft)).toBe(0);
    const label = await page.locator('[data-testid="mapping-dialog"] tbody tr').first().locator('td').first().boundingBox();
    expect(label && label.x >= 0 && label.x + label.width <= 390).toBe(true);
    await page.context().close();
  });

  test('Escape skips the file in the mapping dialog, and the summary names every file not imported', async () => {
    const page = await h.open('?sample=off');
    await pickFiles(page, [{ name: 'odd.csv', buffer: ODD_HEADERS }, { name: 'a.csv', buffer: A }]);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 120_000 });
    await page.keyboard.press('Escape');
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(2);
    const outcomes = page.locator('[data-testid="import-outcome"]');
    expect(await outcomes.count()).toBe(1);
    expect(await outcomes.first().getAttribute('data-outcome')).toBe('skipped_mapping');
    expect(await outcomes.first().textContent()).toContain('odd.csv');
    await page.context().close();
  });

  test('a stored report longer than the list says how many it leaves out (helper-114: it stopped at 500 of 600 without a word)', async () => {
    const page = await h.open('?sample=off&view=data');
    // 600 problems, each with a status nobody defined: one warning each.
    const rows = [['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
      ...Array.from({ length: 600 }, (_, i) => ['永康市', '永康市教育局党委', '八届市委第五轮巡察', `问题${'东西南北中上下前后左'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}${'山水田林路桥村镇街巷'[Math.floor(i / 100)]}`, '搞定了'])];
    await pickFiles(page, [{ name: 'many-warnings.csv', buffer: csv(rows) }]);
    await idle(page);
    await settled(page);
    const report = await page.textContent('[data-testid="import-report"] summary');
    const total = Number((report ?? '').replace(/[^\d]/g, ''));
    expect(total).toBeGreaterThanOrEqual(600);
    await page.click('[data-testid="dataset-item"] [data-testid="dataset-issues"]');
    await page.waitForSelector('[data-testid="dataset-issues-listed"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="dataset-issues-listed"]')).toBe(`仅列出前 500 条（共 ${total.toLocaleString('en-US')} 条）。`);
    await page.context().close();
  });

  test('the duplicate question names the dataset the file equals; replacing another dataset with it replaces that one; cancel answers it', async () => {
    const page = await h.open('?sample=off');
    // A copy of a.csv in the same pick: the question names a.csv, stored moments before in this batch.
    await pickFiles(page, [{ name: 'a.csv', buffer: A }, { name: 'b.csv', buffer: B }, { name: 'a-again.csv', buffer: A }]);
    await page.waitForSelector('[data-testid="duplicate-dialog"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="duplicate-dialog"]')).toContain('“a.csv”');
    // The strip says the import waits for the analyst, not the stage it was in (it said 解析表格).
    expect(await page.textContent('[data-testid="import-stage"]')).toBe('等待您的选择');
    await page.click('[data-testid="duplicate-skip"]');
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(5);
    // The skipped copy is a file not imported: the summary counts it, as the note under it names it.
    expect(await page.textContent('[data-testid="import-summary"]')).toContain('2 个数据集，5 行已入库，0 行被拒绝，1 个文件未导入');

    // Cancel while the question waits: nothing changes, and the summary says the file was cancelled.
    await pickFiles(page, [{ name: 'b-copy.csv', buffer: B }]);
    await page.waitForSelector('[data-testid="duplicate-dialog"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="duplicate-dialog"]')).toContain('b.csv');
    await page.click('[data-testid="import-cancel"]');
    await idle(page);
    await settled(page);
    expect(await page.locator('[data-testid="duplicate-dialog"]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-outcome')).toBe('cancelled');
    expect(await kpiValue(page, 'findings')).toBe(5);

    // Replace a.csv with a copy of b.csv: the question names both, and a.csv is the one replaced.
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    const items = page.locator('[data-testid="dataset-item"]');
    const aIndex = (await items.allTextContents()).findIndex((t) => t.includes('a.csv'));
    await items.nth(aIndex).locator('[data-testid="dataset-replace"]').setInputFiles({ name: 'b-copy.csv', mimeType: 'text/csv', buffer: B });
    await page.waitForSelector('[data-testid="duplicate-dialog"]', { timeout: 120_000 });
    const question = await page.textContent('[data-testid="duplicate-dialog"]');
    expect(question).toContain('b.csv');
    expect(question).toContain('a.csv');
    await page.click('[data-testid="duplicate-replace"]');
    await idle(page);
    await settled(page);
    const names = (await items.allTextContents()).map((t) => (t.includes('b-copy.csv') ? 'b-copy.csv' : t.includes('b.csv') ? 'b.csv' : t.includes('a.csv') ? 'a.csv' : '?'));
    expect(names.sort()).toEqual(['b-copy.csv', 'b.csv']);
    await page.click('[data-testid="nav-dashboard"]');
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(6);
    await page.context().close();
  });

  test('a workbook sent again: the question names every sheet it holds, and replacing replaces them all once', async () => {
    const page = await h.open('?sample=off');
    const wb = { name: 'wb.xlsx', buffer: await twoSheetWorkbook(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    await pickFiles(page, [wb]);
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(5);
    await pickFiles(page, [wb]);
    await page.waitForSelector('[data-testid="duplicate-dialog"]', { timeout: 120_000 });
    const question = await page.textContent('[data-testid="duplicate-dialog"]');
    expect(question).toContain('wb.xlsx / 东阳市');
    expect(question).toContain('wb.xlsx / 义乌市');
    await page.click('[data-testid="duplicate-replace"]');
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(5);
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    expect(await page.locator('[data-testid="dataset-item"]').count()).toBe(2);
    await page.context().close();
  });

  test('an older snapshot of a stored ledger is said to be older, keeping the newer one comes first, and skipping it changes nothing (helper-125)', async () => {
    const page = await h.open('?sample=off');
    const snapshot = (statuses: string[]) => csv([['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
      ...['违规吃喝', '违规发放津补贴', '三会一课不规范', '档案管理不规范'].map((t, i) => [String(i + 1), '永康市', '永康市教育局党委', '八届市委第五轮巡察', t, statuses[i]])]);
    await pickFiles(page, [{ name: '台账（截至2024年9月30日）.csv', buffer: snapshot(['已完成', '已完成', '已完成', '正在整改']) }]);
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'completion-rate')).toBe(0.75);
    await pickFiles(page, [{ name: '台账（截至2024年6月30日）.csv', buffer: snapshot(['已完成', '正在整改', '正在整改', '正在整改']) }]);
    const dialog = page.locator('[data-testid="duplicate-dialog"][data-older="true"]');
    await dialog.waitFor({ timeout: 120_000 });
    const text = await dialog.textContent();
    expect(text).toContain('2024-06-30，早于已导入的 2024-09-30');
    expect(text).toContain('旧版本');
    expect(await dialog.locator('button').first().getAttribute('data-testid')).toBe('duplicate-skip');
    await page.click('[data-testid="duplicate-skip"]');
    await idle(page);
    await settled(page);
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-outcome')).toBe('skipped_later_version');
    expect(await kpiValue(page, 'findings')).toBe(4);
    expect(await kpiValue(page, 'completion-rate')).toBe(0.75);
    await page.context().close();
  });

  test('a 立行立改 list of some problems of a stored ledger is asked about as an update; updating counts each problem once, removing it brings the old rows back', async () => {
    const page = await h.open('?sample=off');
    const titles = ['违规吃喝', '违规发放津补贴', '三会一课不规范', '档案管理不规范', '理论学习不深入'];
    await pickFiles(page, [{ name: '台账.csv', buffer: ledger('永康市教育局党委', titles) }]);
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'completion-rate')).toBe(0.2);
    const list = csv([['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
      ...titles.slice(1, 3).map((t, i) => [String(i + 1), '永康市', '永康市教育局党委', '八届市委第五轮巡察', t, '已完成'])]);
    await pickFiles(page, [{ name: '立行立改清单.csv', buffer: list }]);
    const dialog = page.locator('[data-testid="duplicate-dialog"][data-kind="part"]');
    await dialog.waitFor({ timeout: 120_000 });
    expect(await dialog.textContent()).toContain('“立行立改清单.csv”的 2 个问题中有 2 个已在“台账.csv”中');
    expect(await page.textContent('[data-testid="duplicate-replace"]')).toBe('更新这些问题');
    await page.click('[data-testid="duplicate-replace"]');
    await idle(page);
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(5);
    expect(await kpiValue(page, 'completion-rate')).toBe(0.6);
    // Removing the list brings back the rows it replaced.
    await page.click('[data-testid="nav-data"]');
    await settled(page);
    const items = page.locator('[data-testid="dataset-item"]');
    const listIndex = (await items.allTextContents()).findIndex((t) => t.includes('立行立改清单.csv'));
    page.once('dialog', (d) => void d.accept());
    await items.nth(listIndex).locator('[data-testid="dataset-remove"]').click();
    await settled(page);
    await page.click('[data-testid="nav-dashboard"]');
    await settled(page);
    expect(await kpiValue(page, 'findings')).toBe(5);
    expect(await kpiValue(page, 'completion-rate')).toBe(0.2);
    await page.context().close();
  });
});
