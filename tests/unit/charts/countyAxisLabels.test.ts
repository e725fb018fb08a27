import { describe, expect, test } from 'vitest';
import { COUNTY_LABEL_MAX_PX, countyAxisLabels } from '../../../src/lib/charts/countyAxis';
import { textWidth } from '../../../src/lib/charts/layout';

describe('county axis labels', () => {
  test('known counties print whole, in either language', () => {
    expect(countyAxisLabels(['婺城区', '市本级', '金华开发区'], 'zh')).toEqual(['婺城区', '市本级', '金华开发区']);
    expect(countyAxisLabels(['婺城区'], 'en')).toEqual(['Wucheng']);
  });
  test('a long name kept as written is cut with … within the cap; markup stays text', () => {
    const long = '<img src=x onerror="alert(1)">某某省某某市某某县某某乡某某村';
    const [label] = countyAxisLabels([long], 'zh');
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    expect(textWidth(label, 11)).toBeLessThanOrEqual(COUNTY_LABEL_MAX_PX);
    // One character more would pass the cap: the cut is as late as it can be.
    expect(textWidth(`${long.slice(0, label.length)}…`, 11)).toBeGreaterThan(COUNTY_LABEL_MAX_PX);
  });
});
