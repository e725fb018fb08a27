import { expect, test } from 'vitest';
import { mappingLines } from '../../../src/lib/state/mappings';

// The datasets list names a dataset's columns as the analyst reads them, not as stored JSON.
test('a stored mapping reads as header → field name in the UI language', () => {
  const json = JSON.stringify({ 区域: 'county', '问题\n内容': 'problem_title' });
  expect(mappingLines(json, 'zh')).toEqual(['区域 → 县市区', '问题 内容 → 具体问题']);
  expect(mappingLines(json, 'en')).toEqual(['区域 → County', '问题 内容 → Problem']);
  expect(mappingLines('not json', 'zh')).toEqual([]);
});
