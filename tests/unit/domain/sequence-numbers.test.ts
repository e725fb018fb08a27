import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { HEADING_SEQ_PATTERN, PLAIN_SEQ_PATTERN, SEQUENCE_NUMBER_PATTERN } from '../../../src/lib/domain/vocabulary/rows';

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
