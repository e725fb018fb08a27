import { expect, test } from 'vitest';
import { roundAxisLabel, roundShortLabel, wrapLabel } from '../../../src/lib/charts/labels';
import { labelWidth } from '../../../src/lib/charts/roundAxis';

test.each([
  ['十四届省委第四轮巡视', 2018, '2018 省委第四轮巡视'],
  ['八届市委第三轮巡察', 2019, '2019 市委第三轮巡察'],
  ['2020年市委专项巡察', 2020, '2020年市委专项巡察'],
  ['R9', null, 'R9'],
])('roundShortLabel(%s, %s) = %s', (label, year, want) => expect(roundShortLabel(label, year)).toBe(want));

test('wrapLabel breaks CJK text and cuts after maxLines', () => {
  expect(wrapLabel('省委第四轮巡视', 4)).toBe('省委第四\n轮巡视');
  expect(wrapLabel('一二三四五六七八九十', 3, 2)).toBe('一二三\n四五…');
});

test('roundAxisLabel puts the year on its own line', () => {
  expect(roundAxisLabel('十四届省委第四轮巡视', 2018, 7)).toBe('2018\n省委第四轮巡视');
});

test('labelWidth narrows with more rounds and a narrower plot', () => {
  expect([1, 6, 12, 40].map((n) => labelWidth(n))).toEqual([8, 7, 3, 3]);
  expect(labelWidth(9, 430)).toBe(4);
});
