import { describe, expect, test } from 'vitest';
import { bytesToBase64, cellText, columnPercents, fitInBox, textWidthUnits, uniqueDefinitions } from '../../../../src/lib/export/briefing/layout';

describe('fitInBox keeps the aspect ratio and stays inside the box', () => {
  test.each([
    // picture px, box, expected size: a 2000×1120 chart fills a docx text width of 554 px
    [2000, 1120, { width: 554, height: 512 }, { width: 554, height: 310.24 }],
    // a tall picture is bounded by the box height
    [200, 1000, { width: 554, height: 512 }, { width: 102.4, height: 512 }],
    // a small picture is scaled up to the box (slides): 12.333 in wide box, 5.45 in tall
    [400, 224, { width: 12.333, height: 5.45 }, { width: 9.732142857, height: 5.45 }],
    // no usable size: the chart export's 1000×560 ratio
    [0, 0, { width: 560, height: 1000 }, { width: 560, height: 313.6 }],
  ])('%i×%i px in %o', (w, h, box, expected) => {
    const got = fitInBox(w, h, box);
    expect(got.width).toBeCloseTo(expected.width, 2);
    expect(got.height).toBeCloseTo(expected.height, 2);
    expect(got.width).toBeLessThanOrEqual(box.width + 1e-9);
    expect(got.height).toBeLessThanOrEqual(box.height + 1e-9);
  });
});

describe('table text and column widths', () => {
  test.each([
    ['婺城区', 6],
    ['76%', 3],
    ['A 政治建设', 10],
    ['（基本完成）', 12],
    ['', 0],
  ])('textWidthUnits(%s) = %i', (text, units) => expect(textWidthUnits(text)).toBe(units));

  test('null prints as a dash, numbers as written', () => {
    expect([cellText(null), cellText(0), cellText(12.5), cellText('x')]).toEqual(['—', '0', '12.5', 'x']);
  });

  test('percent widths follow the widest text, clamped, and sum to 100', () => {
    // widths in units: 县市区 header 6 vs 婺城区 6 → 6; 问题数 header 6 vs 25 → 6; a 60-unit text clamps to 40
    const long = '很长的问题描述'.repeat(5); // 35 Han = 70 units
    const percents = columnPercents(['县市区', '问题数', '描述'], [['婺城区', 25, long]]);
    expect(percents).toEqual([11.5, 11.5, 77]);
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  test('narrow columns get at least 4 units; rounding remainder goes to the widest', () => {
    const percents = columnPercents(['a', 'b', 'c'], [[1, 2, 3]]);
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(percents).toEqual([33.4, 33.3, 33.3]);
    expect(columnPercents([], [])).toEqual([]);
  });
});

test('bytesToBase64 matches Node for data longer than one chunk', () => {
  const bytes = new Uint8Array(70000).map((_, i) => (i * 31) % 256);
  expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  expect(bytesToBase64(new Uint8Array())).toBe('');
});

test('uniqueDefinitions keeps the pack order, adds unseen chart definitions, drops blanks', () => {
  expect(uniqueDefinitions(['甲＝1/2', '乙＝3/4'], ['乙＝3/4', ' ', '丙＝5/6', '甲＝1/2 '])).toEqual(['甲＝1/2', '乙＝3/4', '丙＝5/6']);
});
