import { describe, expect, test } from 'vitest';
import { inkOn, scaleColour, withInk } from '../../../src/lib/charts/heatmapFrame';
import { RATE_SCALE } from '../../../src/lib/charts/theme';

describe('heatmap cell ink', () => {
  test('scaleColour interpolates evenly spaced stops', () => {
    expect(scaleColour(['#000000', '#ffffff'], 0)).toBe('#000000');
    expect(scaleColour(['#000000', '#ffffff'], 1)).toBe('#ffffff');
    expect(scaleColour(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(scaleColour(RATE_SCALE, 0.5)).toBe('#fdd835');
    expect(scaleColour(RATE_SCALE, 7)).toBe('#2e7d32');
    expect(scaleColour(RATE_SCALE, Number.NaN)).toBe('#b71c1c');
  });

  test('white on dark fills, dark ink on light ones', () => {
    expect(inkOn('#2e7d32')).toBe('#ffffff'); // 100 % green
    expect(inkOn('#b71c1c')).toBe('#ffffff'); // 0 % red
    expect(inkOn('#fdd835')).toBe('#1f2933'); // 50 % yellow
    expect(inkOn('#f5f7fa')).toBe('#1f2933'); // empty
  });

  test('withInk sets each cell label colour from its value, keeping other label settings', () => {
    const cells = withInk([{ value: [0, 0, 100] as [number, number, number], label: { opacity: 0.4 } }, { value: [1, 0, 50] as [number, number, number] }], RATE_SCALE, 0, 100);
    expect(cells[0].label).toEqual({ opacity: 0.4, color: '#ffffff' });
    expect(cells[1].label).toEqual({ color: '#1f2933' });
  });
});
