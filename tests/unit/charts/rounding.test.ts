import { expect, test } from 'vitest';
import { formatRate, formatWan, percentValue, roundHalfUp } from '../../../src/lib/charts/format';

// DOMAIN.md §7.7: rates are rounded to 2 decimals, as an office checking by hand rounds them: a half goes up.
// The rate a query returns is a binary double (57/800 = 0.07125 is stored as 0.071249999…), so rounding its product
// with 10000 gave 7.12%. Hand answers: 57/800 = 7.125% → 7.13%; 201/800 = 25.125% → 25.13%; 1/8 = 12.5% → 12.5%.
test('rates round a half up on the decimal they are written as', () => {
  expect([57 / 800, 201 / 800, 1 / 8, 1 / 3, 2 / 3, 1, 0, 0.98709, 0.76].map(formatRate))
    .toEqual(['7.13%', '25.13%', '12.5%', '33.33%', '66.67%', '100%', '0%', '98.71%', '76%']);
  expect([null, undefined, Number.NaN].map(formatRate)).toEqual(['—', '—', '—']);
});

test('every fraction n/d with d ≤ 2000 prints its half-up percentage', () => {
  const wrong: string[] = [];
  for (let d = 1; d <= 2000; d++) {
    for (let n = 0; n <= d; n++) {
      // Hand rule in integers: 10000·n/d to the nearest integer, a half up, i.e. floor((20000·n + d) / (2d)).
      const hundredths = Math.floor((20000 * n + d) / (2 * d));
      const want = `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
      if (formatRate(n / d) !== want) wrong.push(`${n}/${d}: ${formatRate(n / d)} ≠ ${want}`);
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
});

test('amounts in 万元 and chart values round a half up too; negatives away from zero', () => {
  expect([1.005, 2.675, 10.125, 0.004, 12345.675].map(formatWan)).toEqual(['1.01', '2.68', '10.13', '0', '12,345.68']);
  expect([roundHalfUp(1.005, 2), roundHalfUp(-1.005, 2), roundHalfUp(2.45, 1), roundHalfUp(-0.004, 2), roundHalfUp(12.5, 0)])
    .toEqual([1.01, -1.01, 2.5, 0, 13]);
  expect(Object.is(roundHalfUp(-0.004, 2), -0)).toBe(false);
  expect([percentValue(57 / 800), percentValue(1 / 3), percentValue(0.12495, 0), percentValue(0.125, 0), percentValue(1e-7)])
    .toEqual([7.13, 33.33, 12, 13, 0]);
});
