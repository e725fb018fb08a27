import { describe, expect, test } from 'vitest';
import { buildBriefingDocx } from '../../../../src/lib/export/briefing/docx';
import { numericColumns } from '../../../../src/lib/export/briefing/docxTable';
import { barsPng, samplePack } from './fixtures';
import { partsUnder, runs, unzip } from './zip';

// A4 text width with 3.17 cm side margins: 11906 − 2 × 1797 twips, at 635 EMU per twip.
const TEXT_WIDTH_EMU = (11906 - 2 * 1797) * 635;
const TEXT_HEIGHT_EMU = (16838 - 2 * 1440) * 635;

async function open(pack = samplePack()) {
  const zip = await unzip(await buildBriefingDocx(pack));
  const xml = await zip.text('word/document.xml');
  return { zip, xml, text: runs(xml, 'w:t') };
}

describe('buildBriefingDocx', () => {
  test('title, subtitle and headline open the document, in that order', async () => {
    const pack = samplePack();
    const { text } = await open(pack);
    expect(text.slice(0, 3)).toEqual([pack.title, pack.subtitle, pack.headline]);
  });

  test('each chart: picture, then its caption, then its table; one media file per chart with the same bytes', async () => {
    const pack = samplePack();
    const { zip, xml, text } = await open(pack);
    const media = partsUnder(zip.names, /^word\/media\//);
    expect(media).toHaveLength(pack.charts.length);
    const stored = await Promise.all(media.map((m) => zip.bytes(m)));
    for (const chart of pack.charts) expect(stored.some((b) => Buffer.from(b).equals(Buffer.from(chart.png)))).toBe(true);
    // order in the body: drawing 1 < caption 1 < first cell of table 1 < drawing 2 < caption 2 < table 2
    const at = (needle: string, from = 0) => xml.indexOf(needle, from);
    const d1 = at('<w:drawing>');
    const c1 = at('图1 整改完成率');
    const t1 = at('婺城区');
    const d2 = at('<w:drawing>', d1 + 1);
    const c2 = at('图2 问题类别分布');
    const t2 = at('A 政治建设');
    expect([d1, c1, t1, d2, c2, t2].every((v, i, a) => v > 0 && (i === 0 || v > a[i - 1]))).toBe(true);
    for (const chart of pack.charts) expect(text).toContain(chart.caption);
  });

  test('table cells are present as written (Word runs no formulas: no apostrophe before = @ -), null as a dash', async () => {
    const { text } = await open();
    for (const cell of ['县市区', '轮次', '问题数', '整改完成率', '婺城区', '市委第三轮巡察', '25', '76%', '永康市', '93.75%', 'A 政治建设', '7', '3']) {
      expect(text).toContain(cell);
    }
    for (const cell of ['=HYPERLINK("x")', '@evil', '-5%']) {
      expect(text).toContain(cell);
      expect(text).not.toContain(`'${cell}`);
    }
    expect(text).toContain('—');
  });

  test('tables: full width in percent, fixed layout, shaded header repeated on each page, thin borders', async () => {
    const { xml } = await open();
    expect(xml.match(/<w:tblW w:type="pct" w:w="5000"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(2);
    expect(xml.match(/w:fill="D9E2F3"/g)).toHaveLength(4 + 2); // header cells of both tables
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:top w:val="single" w:color="808080" w:sz="4"\/>/);
  });

  test('A4 portrait, pictures within the text width at their aspect ratio, no page breaks', async () => {
    const { xml } = await open();
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents).toHaveLength(2);
    for (const [cx, cy] of extents) {
      expect(cx).toBeLessThanOrEqual(TEXT_WIDTH_EMU);
      expect(cx).toBeGreaterThan(TEXT_WIDTH_EMU * 0.99);
      expect(cx / cy).toBeCloseTo(400 / 224, 2);
    }
    expect(xml).not.toMatch(/w:type="page"/);
  });

  test('a very tall picture is bounded by the page height, not stretched', async () => {
    const pack = samplePack();
    pack.charts = [{ ...pack.charts[0], png: barsPng(100, 500, [0.5]), widthPx: 100, heightPx: 500 }];
    const { xml } = await open(pack);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.map(Number);
    expect(cy).toBeLessThanOrEqual(TEXT_HEIGHT_EMU * 0.55 + 9525);
    expect(cx / cy).toBeCloseTo(0.2, 2);
  });

  test('口径说明 lists the pack definitions, then chart definitions not already listed, each once', async () => {
    const { text } = await open();
    const heading = text.indexOf('口径说明');
    expect(heading).toBeGreaterThan(0);
    expect(text.slice(heading + 1)).toEqual([
      '1. 整改完成率＝已完成/反馈问题总数',
      '2. 逾期未完成率＝逾期未完成/应完成问题数',
      '3. 类别占比＝该类问题数/问题总数',
    ]);
  });

  test('English pack: English fixed words; a chart without table rows still gets its header', async () => {
    const pack = { ...samplePack(), lang: 'en' as const, definitions: ['Completion rate = completed / problems'] };
    pack.charts = [{ ...pack.charts[1], table: { columns: ['Category', 'Problems'], rows: [] } }];
    const { text } = await open(pack);
    expect(text).toContain('Definitions');
    expect(text).toContain('Category');
    expect(text).not.toContain('口径说明');
  });

  test('no charts and no definitions: just the title block and headline', async () => {
    const pack = { ...samplePack(), charts: [], definitions: [] };
    const { zip, text } = await open(pack);
    expect(text).toEqual([pack.title, pack.subtitle, pack.headline]);
    expect(partsUnder(zip.names, /^word\/media\//)).toHaveLength(0);
  });
});

describe('numericColumns', () => {
  test.each([
    ['counts and rates with a null', [[25, '76%'], [null, '93.75%'], [16, '-5%']], [true, true]],
    ['formatted thousands and decimals', [['1,234', '7.13']], [true, true]],
    ['names are text', [['婺城区', 3], ['永康市', 4]], [false, true]],
    ['a column with only nulls is text', [[null, 1]], [false, true]],
    ['a number column with one word is text', [[1, 2], ['合计', 3]], [false, true]],
  ] as const)('%s', (_, rows, expected) => {
    expect(numericColumns({ columns: ['a', 'b'], rows: rows as unknown as (string | number | null)[][] })).toEqual(expected);
  });

  test('a number column prints right-aligned, its dash too', async () => {
    const { xml } = await open();
    // the 问题数 column of table 1 holds 25, 16 and null → three right-aligned body cells
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const dash = cells.find((c) => runs(c, 'w:t')[0] === '—')!;
    expect(dash).toContain('<w:jc w:val="right"/>');
    const county = cells.find((c) => runs(c, 'w:t')[0] === '婺城区')!;
    expect(county).toContain('<w:jc w:val="left"/>');
  });
});

test('Chinese headline is justified with a two-character indent; English stays ragged, unindented', async () => {
  const headlineParagraph = (xml: string, headline: string) => {
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    return paragraphs.find((p) => p.includes(headline))!;
  };
  const zh = samplePack();
  const zhXml = (await open(zh)).xml;
  expect(headlineParagraph(zhXml, zh.headline)).toContain('<w:jc w:val="both"/>');
  expect(headlineParagraph(zhXml, zh.headline)).toContain('w:firstLine="560"'); // 2 × 14 pt in twips
  const en = { ...samplePack(), lang: 'en' as const, headline: 'As of 2026-06-30, inspections fed back 25 problems.' };
  const enParagraph = headlineParagraph((await open(en)).xml, en.headline);
  expect(enParagraph).toContain('<w:jc w:val="left"/>');
  expect(enParagraph).not.toContain('w:firstLine');
});

test('a wide table (12 columns, long texts) keeps its grid inside the text width', async () => {
  const pack = samplePack();
  const columns = Array.from({ length: 12 }, (_, i) => `第${i + 1}轮巡察完成率`);
  const rows = [columns.map((_, i) => (i === 0 ? '很长的被巡察单位名称'.repeat(4) : `${i * 7}%`))];
  pack.charts = [{ ...pack.charts[0], table: { columns, rows } }];
  const { xml } = await open(pack);
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  expect(grid).toHaveLength(12);
  const total = grid.reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(11906 - 2 * 1797 + 12); // rounding of 12 columns
  expect(total).toBeGreaterThan(11906 - 2 * 1797 - 12);
});
