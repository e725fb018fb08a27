import { expect, test } from 'vitest';
import { wrapLabel } from '../../../src/lib/charts/labels';
import { labelWidth, roundAxisLabel } from '../../../src/lib/charts/roundAxis';
import { roundName, roundShortName } from '../../../src/lib/charts/roundNames';
import { formatRoundKey, parseRoundKey } from '../../../src/lib/domain/roundKey';

const round = (round_key: string, round_label: string, round_year: number | null = null) => ({ round_key, round_label, round_year, round_pos: 1 });

test.each([
  ['浙江省|省委|十四届|4', '十四届省委第四轮巡视', 2018, '2018 省委第四轮巡视', '2018 Prov. R4'],
  ['金华市|市委|八届|3', '八届市委第三轮巡察', 2019, '2019 市委第三轮巡察', '2019 City R3'],
  ['婺城区|县(市、区)委|十二届|2', '十二届婺城区委第二轮巡察', 2022, '2022 婺城区委第二轮巡察', '2022 Wucheng R2'],
  ['金华开发区|县(市、区)委||1', '开发区党工委第一轮巡察', 2021, '2021 开发区党工委第一轮巡察', '2021 金华开发区 R1'],
  ['中央|中央||9', '中央第九轮巡视', 2020, '2020 中央第九轮巡视', '2020 Central R9'],
  ['永康市|党委(党组)内部||1', '永康市党委(党组)内部第一轮巡察', null, '永康市党委(党组)内部第一轮巡察', 'Yongkang internal R1'],
  ['R9', '2020年市委专项巡察', 2020, '2020年市委专项巡察', '2020年市委专项巡察'],
])('short name of %s: zh %s / en', (key, label, year, zh, en) => {
  expect(roundShortName(round(key, label, year), 'zh')).toBe(zh);
  expect(roundShortName(round(key, label, year), 'en')).toBe(en);
});

test('English long names carry the level, the number and the term; Chinese keeps the ledger label', () => {
  expect(roundName(round('浙江省|省委|十四届|4', '十四届省委第四轮巡视'), 'en')).toBe('Provincial committee round 4, 14th term');
  expect(roundName(round('金华市|市委|第七届|12', '七届市委第十二轮巡察'), 'en')).toBe('City committee round 12, 7th term');
  expect(roundName(round('金华市|市委|二十二届|1', ''), 'en')).toBe('City committee round 1, 22nd term');
  expect(roundName(round('东阳市|县(市、区)委||3', '东阳市委第三轮巡察'), 'en')).toBe('Dongyang committee round 3');
  // A round numbered within its year has the year in the term's place.
  expect(roundName(round('东阳市|县(市、区)委|2023年|1', '东阳市委2023年第一轮巡察'), 'en')).toBe('Dongyang committee round 1 of 2023');
  expect(roundName(round('东阳市|县(市、区)委||3', '东阳市委第三轮巡察'), 'zh')).toBe('东阳市委第三轮巡察');
  // A dataset's text is never taken for a key part: a label with bars is just a label.
  expect(roundName(round('a|b|c', '{a|b}'), 'en')).toBe('{a|b}');
});

test('round keys: what formatRoundKey writes, parseRoundKey reads back; anything else is not a key', () => {
  const p = { committee: '婺城区', level: '县(市、区)委', term: '', roundNo: 2 };
  expect(formatRoundKey(p)).toBe('婺城区|县(市、区)委||2');
  expect(parseRoundKey(formatRoundKey(p))).toEqual(p);
  for (const bad of ['', 'a|b|c', '|省委||1', '浙江省|省委||0', '浙江省|省委||x', '浙江省|省委||1|2']) expect(parseRoundKey(bad)).toBeNull();
});

test('wrapLabel breaks CJK text and cuts after maxLines', () => {
  expect(wrapLabel('省委第四轮巡视', 4)).toBe('省委第四\n轮巡视');
  expect(wrapLabel('一二三四五六七八九十', 3, 2)).toBe('一二三\n四五…');
});

test('roundAxisLabel puts the year on its own line and shortens a Chinese name to fit before cutting it', () => {
  const wucheng = round('婺城区|县(市、区)委|十二届|2', '十二届婺城区委第二轮巡察', 2022);
  expect(roundAxisLabel(round('浙江省|省委|十四届|4', '十四届省委第四轮巡视', 2018), 'zh', 7)).toBe('2018\n省委第四轮巡视');
  expect(roundAxisLabel(wucheng, 'zh', 9)).toBe('2022\n婺城区委第二轮巡察');
  expect(roundAxisLabel(wucheng, 'zh', 8)).toBe('2022\n婺城区委\n第二轮巡察');
  expect(roundAxisLabel(wucheng, 'zh', 5)).toBe('2022\n婺城区委\n第二轮巡察');
  expect(roundAxisLabel(wucheng, 'zh', 4)).toBe('2022\n婺城区委\n第二轮');
  expect(roundAxisLabel(wucheng, 'zh', 3)).toBe('2022\n婺城区\n委二轮');
  expect(roundAxisLabel(round('浙江省|省委|十四届|4', '十四届省委第四轮巡视', 2018), 'zh', 4)).toBe('2018\n省委\n第四轮');
  expect(roundAxisLabel(round('浙江省|省委|十四届|4', '十四届省委第四轮巡视', 2018), 'zh', 5)).toBe('2018\n省委\n第四轮巡视');
  expect(roundAxisLabel(round('x', '某某某某县委员会巡察组第二轮巡察', 2022), 'zh', 3)).toBe('2022\n某某某\n某县…');
  expect(roundAxisLabel(wucheng, 'en', 4)).toBe('2022\nWucheng\nR2');
  expect(roundAxisLabel(wucheng, 'en', 7)).toBe('2022\nWucheng R2');
});

test('labelWidth narrows with more rounds and a narrower plot', () => {
  expect([1, 6, 12, 40].map((n) => labelWidth(n))).toEqual([8, 7, 3, 3]);
  expect(labelWidth(9, 430)).toBe(4);
});
