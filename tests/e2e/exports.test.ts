import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { useHarness, kpiValue, settled } from './harness';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path!) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exports open and say what they should', () => {
  const h = useHarness();
  let page: Page;
  beforeAll(async () => {
    page = await h.open();
  });

  test('copying a chart to the clipboard says so', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    const card = '[data-chart="status-by-county"]';
    await page.click(`${card} [data-testid="chart-menu"]`);
    await page.click(`${card} [data-export="clipboard"]`);
    await page.waitForSelector(`${card} [data-testid="chart-notice"]`, { timeout: 60_000 });
    expect(await page.textContent(`${card} [data-testid="chart-notice"]`)).toBe('已复制到剪贴板');
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => i.types));
    expect(types).toContain('image/png');
  });

  test('chart PNG at 2× has the expected size and is not blank; 3× too', async () => {
    const card = '[data-chart="completion-heatmap"]';
    await page.click(`${card} [data-testid="chart-menu"]`);
    const png = await download(page, () => page.click(`${card} [data-export="png"]`));
    expect(png.name).toMatch(/\.png$/);
    expect(png.name).toContain('2026-06-30');
    // 1000 × 560 for the chart, and a band below it for the note (filters, definition, source).
    const size = pngSize(png.bytes);
    expect(size.width).toBe(2000);
    expect(size.height).toBeGreaterThan(1120 + 2 * 40);
    expect(png.bytes.length).toBeGreaterThan(30_000);
    await page.click(`${card} [data-testid="chart-menu"]`);
    const png3 = await download(page, () => page.click(`${card} [data-export="png-3x"]`));
    expect(pngSize(png3.bytes)).toEqual({ width: 3000, height: (size.height / 2) * 3 });
  });

  test('chart SVG holds the Chinese title as text', async () => {
    const card = '[data-chart="status-by-county"]';
    await page.click(`${card} [data-testid="chart-menu"]`);
    const svg = await download(page, () => page.click(`${card} [data-export="svg"]`));
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('各县市区整改状态构成');
    expect(text).toContain('数据截至2026年6月30日');
    // The note sits below the chart, not over it: the definition and the source are text there.
    expect(text).toContain('口径：');
    expect(text).toContain('数据来源：');
  });

  test('查看数据 shows the chart\'s numbers as a table under it; its CSV holds the same table', async () => {
    const card = '[data-chart="status-by-county"]';
    await page.click(`${card} [data-testid="chart-menu"]`);
    await page.click(`${card} [data-action="table"]`);
    const table = page.locator(`${card} [data-testid="chart-table"] table`);
    await table.waitFor();
    // The chart stays; the table has a caption, column headers and the chart's own figures.
    expect(await page.locator(`${card} canvas`).count()).toBeGreaterThan(0);
    expect(await table.locator('caption').textContent()).toBe('各县市区整改状态构成 · 数据截至2026年6月30日 · 示例数据');
    // The last column lists a row's findings (查看问题), which the CSV has no use for.
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['县市区', '整改状态', '问题数（个）', '问题清单']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')]
      .filter((td) => !td.querySelector('[data-action="table-drill"]')).map((td) => td.textContent!.trim())));
    // Every finding is in one county's stack: the counts add up to the KPI.
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(await kpiValue(page, 'findings'));
    expect(rows[0].slice(0, 2)).toEqual(['婺城区', '已完成']);

    await page.click(`${card} [data-testid="chart-menu"]`);
    const csv = await download(page, () => page.click(`${card} [data-export="data-csv"]`));
    expect(csv.name).toBe('各县市区整改状态构成_2026-06-30.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('县市区,整改状态,问题数（个）');
    expect(lines.slice(1)).toEqual(rows.map((r) => r.join(',')));

    // Chosen again, or closed, the table goes; Escape still closes the menu.
    await page.click(`${card} [data-testid="chart-menu"]`);
    expect(await page.getAttribute(`${card} [data-action="table"]`, 'aria-checked')).toBe('true');
    await page.click(`${card} [data-action="table"]`);
    expect(await page.locator(`${card} [data-testid="chart-table"]`).count()).toBe(0);
    await page.click(`${card} [data-testid="chart-menu"]`);
    await page.click(`${card} [data-action="table"]`);
    await page.click(`${card} [data-action="table-close"]`);
    expect(await page.locator(`${card} [data-testid="chart-table"]`).count()).toBe(0);
    await page.click(`${card} [data-testid="chart-menu"]`);
    await page.keyboard.press('Escape');
    expect(await page.locator(`${card} [role="menu"]`).count()).toBe(0);
  });

  test('findings CSV starts with a BOM, has one line per finding and no cell starts with =', async () => {
    const n = await kpiValue(page, 'findings');
    const csv = await download(page, () => page.click('[data-testid="export-csv"]'));
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('具体问题');
    const XLSX = await import('@e965/xlsx');
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(text.slice(1), { type: 'string', raw: true }).Sheets.Sheet1, { header: 1, raw: true });
    expect(rows.length - 1).toBe(n);
    for (const row of rows) for (const cell of row) if (typeof cell === 'string') expect(/^[=+@\t\r]/.test(cell)).toBe(false);
  });

  test('findings XLSX reads back with the same rows', async () => {
    const n = await kpiValue(page, 'findings');
    const xlsx = await download(page, () => page.click('[data-testid="export-xlsx"]'));
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0]]);
    expect(rows).toHaveLength(n);
    expect(Object.keys(rows[0])).toContain('具体问题');
    // Statuses by name, not the app's codes.
    expect(new Set(rows.map((r) => r['截至日状态']))).toContain('已完成');
    expect(rows.some((r) => r['截至日状态'] === 'completed')).toBe(false);
  });

  test('a filtered findings export is named after its filter, and its XLSX says in an About sheet what it holds', async () => {
    const filtered = await h.open(`?county=${encodeURIComponent('永康市')}`);
    const n = await kpiValue(filtered, 'findings');
    const xlsx = await download(filtered, () => filtered.click('[data-testid="export-xlsx"]'));
    expect(xlsx.name).toBe('问题清单_2026-06-30_永康市.xlsx');
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['问题清单', '说明']);
    expect(XLSX.utils.sheet_to_json(book.Sheets['问题清单'])).toHaveLength(n);
    const [head, ...items] = XLSX.utils.sheet_to_json<[string, unknown]>(book.Sheets['说明'], { header: 1 });
    expect(head).toEqual(['项目', '内容']);
    const about = new Map(items);
    expect(about.get('筛选条件')).toBe('县市区：永康市');
    expect(about.get('数据截至')).toBe('2026-06-30');
    expect(about.get('行数')).toBe(n);
    expect(about.get('供公开')).toBe('否（含全部事项）');
    expect(about.has('下钻')).toBe(false);
    expect(String(about.get('导出时间'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The CSV stays one plain table; only its name says what it was narrowed to.
    const csv = await download(filtered, () => filtered.click('[data-testid="export-csv"]'));
    expect(csv.name).toBe('问题清单_2026-06-30_永康市.csv');
    expect(csv.bytes.toString('utf8').split('\r\n')[0]).toContain('具体问题');
    await filtered.context().close();
  });

  test('for publication, the findings export leaves out the items marked 拟不公开', async () => {
    const all = await download(page, () => page.click('[data-testid="export-xlsx"]'));
    await page.check('[data-testid="export-public"]');
    const pub = await download(page, () => page.click('[data-testid="export-xlsx"]'));
    await page.uncheck('[data-testid="export-public"]');
    const XLSX = await import('@e965/xlsx');
    const read = (b: Buffer) => { const book = XLSX.read(b, { type: 'buffer' }); return XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0]]); };
    const [a, p] = [read(all.bytes), read(pub.bytes)];
    const marked = a.filter((r) => String(r['拟不公开'] ?? r['是否公开'] ?? '').startsWith('拟不'));
    expect(marked.length).toBeGreaterThan(0);
    expect(p.length).toBe(a.length - marked.length);
    expect(pub.name).toContain('供公开');
  });

  test('the briefing pack as DOCX and PPTX: one image per chosen chart and the headline sentence', async () => {
    await page.click('[data-testid="nav-briefing"]');
    await settled(page);
    const headline = (await page.textContent('[data-testid="headline"]'))!.trim();
    // What the sentence covers is said under it, as in the packs.
    expect(await page.textContent('[data-testid="headline-scope"]')).toMatch(/^范围：/);
    expect(headline).toMatch(/^截至2026年6月30日，.*反馈[\d,]+个问题，已完成整改[\d,]+个、正在整改[\d,]+个(（基本完成[\d,]+个）)?，整改完成率[\d.]+%/);
    const chosen = await page.locator('[data-testid="briefing-pick"]:checked').count();
    expect(chosen).toBeGreaterThan(0);

    const docx = await download(page, () => page.click('[data-testid="briefing-docx"]'));
    // Nothing is filtered: the name carries no scope tag.
    expect(docx.name).toBe('巡视巡察整改简报_2026-06-30.docx');
    const dz = await JSZip.loadAsync(docx.bytes);
    expect(Object.keys(dz.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'))).toHaveLength(chosen);
    const documentXml = await dz.file('word/document.xml')!.async('string');
    expect(documentXml.replace(/<[^>]+>/g, '')).toContain(headline.slice(0, 30));

    const pptx = await download(page, () => page.click('[data-testid="briefing-pptx"]'));
    const pz = await JSZip.loadAsync(pptx.bytes);
    expect(Object.keys(pz.files).filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toHaveLength(chosen);
    expect(Object.keys(pz.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(chosen + 1);
    const first = await pz.file('ppt/slides/slide1.xml')!.async('string');
    expect(first.replace(/<[^>]+>/g, '')).toContain(headline.slice(0, 20));
  });

  // The console reads the loaded tables only. A statement its guard lets through (a string first inside a parenthesised
  // join) is refused by the engine itself (enable_external_access = false, db/settings.ts): no request leaves the page.
  test('the SQL console runs a query and its CSV holds the rows; a file or URL is refused, by the guard or by the engine', async () => {
    await page.click('[data-testid="nav-sql"]');
    const run = async (sql: string) => {
      await page.fill('[data-testid="sql-input"]', sql);
      await page.click('[data-testid="sql-run"]');
      await settled(page);
    };
    await run('SELECT county, count(*) AS "问题数/个" FROM findings GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3');
    expect(await page.locator('[data-testid="sql-error"]').count()).toBe(0);
    const csv = await download(page, () => page.click('[data-testid="sql-export-csv"]'));
    const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('问题数/个');
    const external = '查询只能读取已载入的表，不能读取文件或网址（read_csv、read_text、http:// 等）。';
    const leak = `${h.origin}/leak.csv`;
    for (const sql of [`SELECT * FROM read_csv('${leak}')`, `SELECT count(*) AS n FROM ('${leak}' CROSS JOIN range(1))`]) {
      await run(sql);
      expect(await page.textContent('[data-testid="sql-error"]')).toBe(external);
    }
    expect(h.requests.filter((u) => u.includes('leak.csv'))).toEqual([]);
  });
});
