import { beforeAll, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { compactSql, compactTextSql } from '../../../src/lib/import/normalise/text';

let e: Engine;
beforeAll(async () => {
  e = await openNodeEngine();
});

const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i));

test('compactTextSql gives compactSql\'s value for every full-width character, alone and beside prose punctuation', async () => {
  const texts: (string | null)[] = [
    null, '', ' ', '　', '“三会一课”落实不规范（2023年）', '违规发放津补贴，共计１２万元；', 'ＡＢ　ｃｄ：！？％', '（一）主体责任',
    '班子\n成员', 'Ｕ＋ＦＦ５Ｆ｟', '\uff5f\uff60', '～', '＂引号＂',
    ...FULL_WIDTH, ...FULL_WIDTH.map((c) => `问题（${c}）`), ...FULL_WIDTH.map((c) => `${c}，${c}`),
  ];
  const values = texts.map((t, i) => `(${i}, ${t === null ? 'NULL' : str(t)})`).join(', ');
  const rows = await e.query<{ i: number; a: string | null; b: string | null }>(
    `SELECT i, ${compactSql('v')} AS a, ${compactTextSql('v')} AS b FROM (VALUES ${values}) t(i, v) ORDER BY i`);
  expect(rows).toHaveLength(texts.length);
  for (const r of rows) expect(r.b, `text ${JSON.stringify(texts[r.i])}`).toBe(r.a);
  // The values themselves: folded to half width, spaces gone, lower case.
  expect(rows[4].b).toBe('“三会一课”落实不规范(2023年)');
  expect(rows[5].b).toBe('违规发放津补贴,共计12万元;');
  expect(rows[6].b).toBe('abcd:!?%');
});
