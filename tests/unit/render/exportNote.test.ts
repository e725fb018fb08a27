import { describe, expect, test } from 'vitest';
import { noteHeight, sizeWithNote, wrapNote } from '../../../src/lib/render/exportNote';
import { textWidth } from '../../../src/lib/charts/layout';

describe('the export note wraps to the image width', () => {
  test('English breaks between words, never inside one; every character is kept', () => {
    const line = 'Definition: Warnings (not completed, dated; r = deadline − as-of): red = overdue; yellow = 0 ≤ r ≤ yellow days; green = yellow < r ≤ green days (default 10, 20)';
    const out = wrapNote([line], 300);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join(' ').replace(/\s+/g, ' ')).toBe(line);
    const words = new Set(line.split(/\s+/));
    for (const l of out) for (const w of l.split(/\s+/)) expect(words.has(w), `${w} in ${l}`).toBe(true);
  });
  test('Chinese breaks anywhere and loses nothing', () => {
    const line = '定义：三色预警（未完成且有明确时限的问题，r＝时限−截至日）：红＝已逾期；黄＝0≤r≤黄色阈值；绿＝黄色阈值<r≤绿色阈值（黄色阈值10天、绿色阈值20天）';
    const out = wrapNote([line], 300);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join('')).toBe(line);
  });
  test.each([
    ['zh', '定义：三色预警（未完成且有明确时限的问题，r＝时限−截至日）：红＝已逾期；黄＝0≤r≤黄色阈值；绿＝黄色阈值<r≤绿色阈值（黄色阈值10天、绿色阈值20天）'],
    ['en', 'Definition: Warnings (not completed, dated; r = deadline − as-of): red = overdue; yellow = 0 ≤ r ≤ yellow days; green = yellow < r ≤ green days (yellow 10 days, green 20 days)'],
  ])('a briefing figure (%s) grows a band tall enough for its whole definition, no line past the edge', (_lang, line) => {
    const size = { width: 1000, height: 560 };
    const lines = wrapNote([line], size.width);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(size.width - 20);
    expect(sizeWithNote([line], size)).toEqual({ width: 1000, height: 560 + noteHeight(lines.length) });
    expect(noteHeight(lines.length)).toBeGreaterThan(0);
    expect(sizeWithNote([], size)).toEqual(size);
  });
});
