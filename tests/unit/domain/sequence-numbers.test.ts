import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { headingLevel } from '../../../src/lib/import/title';
import { str } from '../../../src/lib/queries/sql';
import { HEADING_SEQ_PATTERN, NUMBER_LEVELS, PLAIN_SEQ_PATTERN, SEQUENCE_NUMBER_PATTERN } from '../../../src/lib/domain/vocabulary/rows';

let e: Engine & { close(): void };
beforeAll(async () => { e = await openNodeEngine(); });
afterAll(() => e.close());

/** regexp_full_match of each text against the pattern, on the real engine (RE2). */
async function fullMatches(pattern: string, texts: string[]): Promise<boolean[]> {
  const rows = await e.query<{ m: boolean }>(`SELECT regexp_full_match(v, ${str(pattern)}) AS m
    FROM (VALUES ${texts.map((t, i) => `(${i}, ${str(t)})`).join(', ')}) t(i, v) ORDER BY i`);
  return rows.map((r) => r.m);
}

const plain = ['3', '３', '15', '3.', '3、', '3．', '3.0', '12345', '（4）', '(4)'];
const heading = ['一、', '二.', '十二', '（一）', '(三)'];
const neither = ['2.1', '2024-01', 'YK001', '123456', '3.5', '示例', '1.2.3', '(4', '一1'];

test('a plain 序号 (template rows, a number beside a 问题 heading) and a heading 序号 are both sequence numbers', async () => {
  expect(await fullMatches(PLAIN_SEQ_PATTERN, [...plain, ...heading, ...neither]))
    .toEqual([...plain.map(() => true), ...heading.map(() => false), ...neither.map(() => false)]);
  expect(await fullMatches(HEADING_SEQ_PATTERN, [...heading, ...plain])).toEqual([...heading.map(() => true), ...plain.map(() => false)]);
  // Any 序号 counts only within its sheet: the file's ids are not used when every one is such a number.
  const more = ['123456', '①', '⑳', '(3', '三）'];
  expect(await fullMatches(SEQUENCE_NUMBER_PATTERN, [...plain, ...heading, ...more, '2.1', '2024-01', 'YK001', '3.5']))
    .toEqual([...plain.map(() => true), ...heading.map(() => true), ...more.map(() => true), false, false, false, false]);
});

/** The level of each 序号 cell on the real engine: the first NUMBER_LEVELS entry whose cell pattern matches it whole. */
async function cellLevels(texts: string[]): Promise<(number | null)[]> {
  const levels = NUMBER_LEVELS.filter((l) => l.cell !== undefined);
  const rows = await e.query<{ l: number | null }>(`SELECT CASE ${levels.map((l) => `WHEN regexp_full_match(v, ${str(l.cell!)}) THEN ${l.level}`).join(' ')} END AS l
    FROM (VALUES ${texts.map((t, i) => `(${i}, ${str(t)})`).join(', ')}) t(i, v) ORDER BY i`);
  return rows.map((r) => r.l);
}

test('NUMBER_LEVELS: a 序号 cell and a heading numbered alike get one level (measure rows and unit headings read one table)', async () => {
  // [序号 cell, its level, heading, its level]: a bare 1 or 1.1 is a 序号 of level 3 but leads no heading
  // (1 横店镇 is a count, 1.1 措施 a measure's number); 第一部分 numbers headings only.
  const table: [string, number | null, string, number | null][] = [
    ['一、', 1, '一、横店镇党委', 1], ['十二', 1, '十二．其他', 1], ['（一）', 2, '（一）组织建设', 2], ['(三)', 2, '(三)纪律建设', 2],
    ['1', 3, '1 横店镇', null], ['1、', 3, '1、横店镇', 3], ['１．', 3, '１．横店镇', 3], ['3.0', 3, '3.横店镇', 3],
    ['1.1', 3, '1.1 措施', null], ['（1）', 4, '（1）措施', 4], ['（１）', 4, '(１)措施', 4], ['1）', 5, '1）措施', 5],
    ['①', 5, '①措施', 5], ['⑳、', 5, '⑳措施', 5], ['SW14-4-01', null, 'SW14 横店镇', null], ['第一部分', null, '第一部分 总体情况', 6],
  ];
  expect(await cellLevels(table.map(([c]) => c))).toEqual(table.map(([, l]) => l));
  expect(table.map(([, , h]) => headingLevel(h) || null)).toEqual(table.map(([, , , l]) => l));
});
