import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { evidenceCountSql } from '../../../src/lib/import/normalise/values';
import { str } from '../../../src/lib/queries/sql';
import { freshEngine } from './helpers';

// 佐证数量 from the 佐证材料 text (DOMAIN.md #12: a completed finding is evidenced at ≥ 1).
let engine: Engine & { close(): void };
beforeAll(async () => (engine = await freshEngine()));
afterAll(() => engine.close());

test.each([
  ['制度文件.pdf;处分决定.pdf;缴款凭证.pdf', 3],
  ['会议记录，整改报告，制度文件', 3],
  ['a,b', 2],
  ['会议纪要、整改报告\n照片', 3],
  ['整改报告', 1],
  ['整改报告；', 1],
  ['无', 0], ['暂无', 0], ['没有', 0], ['无佐证材料', 0], ['/', 0], ['—', 0], ['-', 0], ['N/A', 0], ['[]', 0], ['  ', 0],
  // helper-138: in brackets or with a full stop, as typed.
  ['（无）', 0], ['【不涉及】', 0], ['无。', 0], ['（暂无）', 0], ['〔无〕', 0], ['［无］', 0],
  // helper-139: material still to come is none yet.
  ['（无，待补充）', 0], ['无，待补充', 0], ['待提供', 0], ['整改报告，待补充', 1],
  // Spaces inside the brackets.
  ['（ 无 ）', 0], ['【 不涉及 】', 0], ['（ 整改报告 ）', 1], ['[ ]', 0],
  // helper-141: nothing but brackets or punctuation is no item.
  ['（）', 0], ['【 】', 0], ['［ ］', 0], ['[\n]', 0], ['。', 0], ['整改报告；（）', 1], ['1', 1], ['照片', 1],
  ['["a.pdf","b.pdf"]', 2],
  ['无线网络改造方案', 1],
  [null, null],
])('%j → %j', async (text, want) => {
  const [row] = await engine.query<{ n: number | null }>(`SELECT ${evidenceCountSql(text === null ? 'NULL::VARCHAR' : str(text))} AS n`);
  expect(row.n === null ? null : Number(row.n)).toBe(want);
});
