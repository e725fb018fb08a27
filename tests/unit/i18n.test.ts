import { test, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keysOf, translate } from '../../src/lib/i18n/translate';
import { SKIP_KINDS } from '../../src/lib/import/normalise/skip-rows';
import { LEDGER_FIELDS } from '../../src/lib/domain/fields';
import { formatBytes } from '../../src/lib/charts/format';

test('zh and en define the same message keys, across every message module', () => {
  const zh = new Set(keysOf('zh'));
  const en = new Set(keysOf('en'));
  expect([...zh].filter((k) => !en.has(k))).toEqual([]);
  expect([...en].filter((k) => !zh.has(k))).toEqual([]);
});

// Issue and error codes as the importer writes them: rule objects (code: '…'), dataset-level
// inserts ('warning', '…'), fatal failures (ImportFailure('…')) and the skipped-row kinds.
function importerCodes(): { issues: string[]; errors: string[] } {
  const dir = 'src/lib/import';
  const files = [...readdirSync(dir), ...readdirSync(join(dir, 'normalise')).map((f) => join('normalise', f))].filter((f) => f.endsWith('.ts'));
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);
  const errors = new Set([...all(/ImportFailure\('([a-z_]+)'/g), 'write_failed', 'storage_full']);
  const issues = new Set([...all(/code: '([a-z_]+)'/g), ...all(/'(?:warning|info|error)', '([a-z_]+)'/g)]);
  for (const kind of SKIP_KINDS) issues.add(`row_skipped_${kind}`);
  for (const e of errors) issues.delete(e);
  return { issues: [...issues].sort(), errors: [...errors].sort() };
}

test('every issue and error code the importer writes has a message in both languages', () => {
  const { issues, errors } = importerCodes();
  expect(issues.length).toBeGreaterThan(25);
  expect(errors).toContain('too_many_columns');
  const keys = [...issues.map((c) => `import.issue.${c}`), ...errors.map((c) => `import.error.${c}`)];
  const zh = new Set(keysOf('zh'));
  const en = new Set(keysOf('en'));
  expect(keys.filter((k) => !zh.has(k) || !en.has(k))).toEqual([]);
  // A filled message keeps no placeholder the importer supplies.
  expect(translate('zh', 'import.issue.sheet_not_imported', { row: 0, column: '', value: '说明' })).toContain('“说明”');
});

test('every ledger field has its name in both languages: the canonical header in Chinese, an English name in English', () => {
  expect(LEDGER_FIELDS.filter((f) => translate('zh', `field.${f.key}`) !== f.header)).toEqual([]);
  expect(LEDGER_FIELDS.filter((f) => /[\u4e00-\u9fff]/.test(translate('en', `field.${f.key}`))).map((f) => f.key)).toEqual([]);
});

test('sizes print in the unit that shows them: MB, KB, bytes', () => {
  expect([formatBytes(3.9 * 1024 * 1024), formatBytes(45_000), formatBytes(512), formatBytes(null)]).toEqual(['3.9 MB', '44 KB', '512 B', '—']);
});

test('a raw field name in English does not already say "as written" (the finding detail adds it)', () => {
  const suffix = translate('en', 'detail.asWritten').trim();
  const doubled = LEDGER_FIELDS.filter((f) => f.key.endsWith('_raw') && translate('en', `field.${f.key}`).includes(suffix)).map((f) => f.key);
  expect(doubled).toEqual([]);
});

test('English messages use straight quotes: the CJK-first font draws curly ones full width ("browser’ s")', () => {
  expect(keysOf('en').filter((k) => /[‘’“”]/.test(translate('en', k)))).toEqual([]);
});

test('English counts agree with their noun: 1 row, 2 rows; a value that is no number takes the plural; Chinese is unchanged', () => {
  expect([0, 1, 2, '1,234'].map((n) => translate('en', 'report.accepted', { n }))).toEqual(['0 rows imported', '1 row imported', '2 rows imported', '1,234 rows imported']);
  expect(translate('en', 'import.issue.year_missing', { value: '1' })).toMatch(/^1 problem has no year/);
  expect(translate('en', 'import.issue.year_missing', { value: '3' })).toMatch(/^3 problems have no year/);
  expect(translate('zh', 'report.accepted', { n: 1 })).not.toMatch(/[{}|]/);
  // Every name an English message counts with is a name its Chinese message fills too.
  const names = (text: string) => [...text.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]);
  const counted = keysOf('en').filter((k) => /\{\w+:/.test(translate('en', k)));
  expect(counted.length).toBeGreaterThan(20);
  expect(counted.filter((k) => names(translate('en', k)).some((n) => !names(translate('zh', k)).includes(n)))).toEqual([]);
});
