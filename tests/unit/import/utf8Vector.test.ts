import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { utf8Vector } from '../../../src/lib/import/staging';

test('utf8Vector keeps every value, null and empty string apart, in any script', () => {
  const values = ['永康市', null, '', 'a,b "c"\nd', '🙂 表情', null, 'x'.repeat(70)];
  const v = utf8Vector(values);
  expect(v.length).toBe(values.length);
  expect(v.nullCount).toBe(2);
  expect(Array.from({ length: values.length }, (_, i) => v.get(i))).toEqual(values);
  expect(utf8Vector([]).length).toBe(0);
  expect(utf8Vector([null, null]).nullCount).toBe(2);
});

test('no Arrow builder or code generation in the app: the CSP (no unsafe-eval) would refuse it in the browser', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
  const offenders = files('src').filter((f) => /\b(vectorFromArray|makeBuilder|tableFromArrays|tableFromJSON|new Function|eval)\s*\(/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
