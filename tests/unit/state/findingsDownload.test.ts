import { describe, expect, test } from 'vitest';
import { stubDom } from '../dom-stub';

stubDom();
const { findingsExportColumns } = await import('../../../src/lib/state/findingsDownload');
const { readableRow } = await import('../../../src/lib/state/readableRow');

describe('the findings export as the analyst reads it', () => {
  test('headers in the UI language: the ledger names in Chinese, names (not keys) in English', () => {
    const zh = findingsExportColumns('zh');
    const en = findingsExportColumns('en');
    expect(zh.map((c) => c.key)).toEqual(en.map((c) => c.key));
    expect(zh.find((c) => c.key === 'status_t')?.label).toBe('截至日状态');
    expect(en.find((c) => c.key === 'status_t')?.label).toBe('Status at the as-of date');
    for (const c of en) expect(c.label, c.key).not.toMatch(/^(field|detail)\.|^[a-z0-9]+(_[a-z0-9]+)+$/);
  });
  test('statuses by name and flags as 是/否, other values as stored', () => {
    const row = { status: 'completed', status_t: 'basically_completed', long_term: true, closed: false, problem_title: 'completed' };
    expect(readableRow(row, 'zh')).toEqual({ status: '已完成', status_t: '基本完成', long_term: '是', closed: '否', problem_title: 'completed' });
    expect(readableRow(row, 'en')).toMatchObject({ status: 'Completed', long_term: 'Yes' });
    // A listed county and the inspector level as the table and charts name them; other counties as written.
    const where = { county: '市本级', inspector_level: '市委' };
    expect(readableRow(where, 'en')).toEqual({ county: 'City level', inspector_level: 'City committee' });
    expect(readableRow(where, 'zh')).toEqual(where);
    expect(readableRow({ county: '金华开发区', inspector_level: '某委' }, 'en')).toEqual({ county: '金华开发区', inspector_level: '某委' });
    // 巡视/巡察 and the 整改类型 enum in English; a 整改类型 outside the enum as written.
    const kinds = { inspection_kind: '巡察', rect_type: '立行立改' };
    expect(readableRow(kinds, 'en')).toEqual({ inspection_kind: 'Local inspection', rect_type: 'Fix at once' });
    expect(readableRow(kinds, 'zh')).toEqual(kinds);
    expect(readableRow({ inspection_kind: '巡视', rect_type: '专项整治' }, 'en')).toEqual({ inspection_kind: 'Inspection tour', rect_type: '专项整治' });
    // Category codes with their names, as the table shows them; an unknown code as stored.
    expect(readableRow({ category_l1: 'A', category_l2: 'A1' }, 'zh')).toEqual({ category_l1: 'A 政治建设', category_l2: expect.stringMatching(/^A1 \S+/) });
    expect(readableRow({ category_l1: 'Z', category_l2: null }, 'en')).toEqual({ category_l1: 'Z: Other', category_l2: null });
    expect(readableRow({ category_l1: 'Q', category_l2: 'Q9' }, 'zh')).toEqual({ category_l1: 'Q', category_l2: 'Q9' });
  });
  test('an unrecognised status reads 未识别 / Unrecognised, as in the table, not an empty cell', () => {
    const row = { status: null, status_t: null, status_raw: '推进中？', problem_title: 't' };
    expect(readableRow(row, 'zh')).toEqual({ status: '未识别', status_t: '未识别', status_raw: '推进中？', problem_title: 't' });
    expect(readableRow(row, 'en')).toMatchObject({ status: 'Unrecognised', status_t: 'Unrecognised' });
    // A row without status columns does not gain them.
    expect(readableRow({ problem_title: 't' }, 'zh')).toEqual({ problem_title: 't' });
  });
  test('the app\'s keys are not exported; the source columns have names in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const cols = findingsExportColumns(lang);
      expect(cols.map((c) => c.key)).not.toContain('round_key');
      expect(cols.map((c) => c.key)).not.toContain('dataset_id');
      expect(cols.map((c) => c.label)).not.toContain(lang === 'zh' ? '轮次键' : 'Round key');
    }
    expect(findingsExportColumns('en').slice(-3).map((c) => c.label)).toEqual(['Source file', 'Source sheet', 'Source row']);
    expect(findingsExportColumns('en').find((c) => c.key === 'deadline')?.type).toBe('date');
  });
});
