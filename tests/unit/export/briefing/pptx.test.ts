import { describe, expect, test } from 'vitest';
import { buildBriefingPptx, slideCaption } from '../../../../src/lib/export/briefing/pptx';
import { samplePack } from './fixtures';
import { partsUnder, runs, unzip } from './zip';

const EMU = 914400; // per inch
const WIDE = { cx: 12192000, cy: 6858000 }; // PowerPoint's 16:9 (13.333 × 7.5 in)

async function open(pack = samplePack()) {
  const zip = await unzip(await buildBriefingPptx(pack));
  const slides = partsUnder(zip.names, /^ppt\/slides\/slide\d+\.xml$/);
  const notes = partsUnder(zip.names, /^ppt\/notesSlides\/notesSlide\d+\.xml$/);
  return { zip, slides, notes };
}

/** Position and size (EMU) of the picture on a slide. */
function picture(xml: string) {
  const pic = /<p:pic>[\s\S]*?<\/p:pic>/.exec(xml)![0];
  const [, x, y] = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(pic)!.map(Number);
  const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(pic)!.map(Number);
  return { x, y, cx, cy };
}

describe('buildBriefingPptx', () => {
  test('16:9 deck with a title slide and one slide per chart', async () => {
    const pack = samplePack();
    const { zip, slides } = await open(pack);
    expect(slides).toHaveLength(1 + pack.charts.length);
    expect(await zip.text('ppt/presentation.xml')).toContain(`<p:sldSz cx="${WIDE.cx}" cy="${WIDE.cy}"/>`);
  });

  test('title slide holds the title, subtitle and the headline sentence', async () => {
    const pack = samplePack();
    const { zip, slides } = await open(pack);
    const text = runs(await zip.text(slides[0]), 'a:t');
    for (const line of [pack.title, pack.subtitle, pack.headline]) expect(text).toContain(line);
  });

  test('chart slides: title on top, caption with the as-of date, picture centred at its aspect ratio', async () => {
    const pack = samplePack();
    const { zip, slides } = await open(pack);
    for (const [i, chart] of pack.charts.entries()) {
      const xml = await zip.text(slides[i + 1]);
      const text = runs(xml, 'a:t');
      expect(text[0]).toBe(chart.title);
      expect(text).toContain(chart.caption);
      const p = picture(xml);
      expect(p.cx / p.cy).toBeCloseTo(400 / 224, 2);
      expect(Math.abs(p.x + p.cx / 2 - WIDE.cx / 2)).toBeLessThan(EMU * 0.01);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThan(1.1 * EMU); // below the title rule
      expect(p.y + p.cy).toBeLessThanOrEqual(6.85 * EMU); // above the caption line
      expect(xml).toContain('typeface="Microsoft YaHei"');
    }
  });

  test('one media file per chart, with the chart PNG bytes', async () => {
    const pack = samplePack();
    const { zip } = await open(pack);
    const media = partsUnder(zip.names, /^ppt\/media\//);
    expect(media).toHaveLength(pack.charts.length);
    const stored = await Promise.all(media.map((m) => zip.bytes(m)));
    for (const chart of pack.charts) expect(stored.some((b) => Buffer.from(b).equals(Buffer.from(chart.png)))).toBe(true);
  });

  test('speaker notes carry each chart definition, and the title slide notes carry the 口径说明', async () => {
    const pack = samplePack();
    const { zip, slides, notes } = await open(pack);
    // Map each slide to its notes part through the slide's relationships.
    const notesOf = async (slide: string) => {
      const rels = await zip.text(slide.replace('slides/', 'slides/_rels/') + '.rels');
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)![1];
      return runs(await zip.text(`ppt/notesSlides/${target}`), 'a:t').join('\n');
    };
    expect(notes.length).toBeGreaterThanOrEqual(1 + pack.charts.length);
    const titleNotes = await notesOf(slides[0]);
    expect(titleNotes).toContain('口径说明');
    for (const d of pack.definitions) expect(titleNotes).toContain(d);
    for (const [i, chart] of pack.charts.entries()) expect(await notesOf(slides[i + 1])).toContain(`口径：${chart.definition}`);
  });
});

describe('slideCaption', () => {
  const pack = samplePack();
  const chart = pack.charts[0];
  test.each([
    ['a caption with the Chinese date is kept', chart.caption, chart.caption],
    ['a caption with the ISO date is kept', '图1 x 2026-06-30', '图1 x 2026-06-30'],
    ['a caption without the date gets it', '图1 整改完成率', '图1 整改完成率 · 数据截至2026年6月30日'],
    ['an empty caption becomes the date line', '', '数据截至2026年6月30日'],
  ])('%s', (_, caption, expected) => {
    expect(slideCaption({ ...chart, caption }, pack)).toBe(expected);
  });

  test('English date line', () => {
    expect(slideCaption({ ...chart, caption: 'Figure 1' }, { ...pack, lang: 'en' })).toBe('Figure 1 · Data as of 2026-06-30');
  });
});
