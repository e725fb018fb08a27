import { describe, expect, test } from 'vitest';
import { briefingFileName, briefingTable, chartCaption, packDefinitions, packSubtitle, scopeLine } from '../../../../src/lib/export/briefing/pack';
import { briefing } from '../../../../src/lib/i18n/messages/briefing';
import { chartDataTable } from '../../../../src/lib/charts/dataTable';

describe('pack words', () => {
  test.each([
    ['zh', 1, '整改完成率（按县市区×轮次）', '', '图1 整改完成率（按县市区×轮次） 数据截至2026年6月30日 · 筛选：全部'],
    ['zh', 3, '问题类别分布', '县市区：永康市', '图3 问题类别分布 数据截至2026年6月30日 · 筛选：县市区：永康市'],
    ['en', 2, 'Category mix', ' ', 'Figure 2 Category mix, data as of 2026-06-30 · Filters: All'],
  ] as const)('caption %s %i', (lang, n, title, filters, expected) => {
    expect(chartCaption(lang, n, title, '2026-06-30', filters)).toBe(expected);
  });

  test.each([
    ['zh', '示例数据', '数据截至2026年6月30日 · 范围：全部 · 数据来源：示例数据'],
    ['zh', '', '数据截至2026年6月30日 · 范围：全部'],
    ['en', 'ledger.xlsx', 'Data as of 2026-06-30 · Scope: All · Source: ledger.xlsx'],
  ] as const)('subtitle %s with source %s', (lang, source, expected) => {
    expect(packSubtitle(lang, '2026-06-30', scopeLine(lang, '', ''), source)).toBe(expected);
  });

  test.each([
    // The headline counts every status: a status filter is named apart, as narrowing the charts only.
    ['zh', '县市区：永康市', '', '范围：县市区：永康市'],
    ['zh', '县市区：永康市', '正在整改', '范围：县市区：永康市；图表另限整改状态为正在整改，整改情况按全部整改状态统计'],
    ['zh', '', '正在整改、未完成', '范围：全部；图表另限整改状态为正在整改、未完成，整改情况按全部整改状态统计'],
    ['en', 'County: Yongkang', 'In progress', 'Scope: County: Yongkang; charts only: status In progress, the summary counts every status'],
  ] as const)('scope line %s: filters %s, status %s', (lang, scope, status, expected) => {
    const line = scopeLine(lang, scope, status);
    expect(line).toBe(expected);
    // The pack's subtitle says the same as the screen.
    expect(packSubtitle(lang, '2026-06-30', line, '')).toContain(expected);
  });

  test.each([
    ['zh', /^(整改完成率|完成及基本完成率|逾期未完成数)＝/],
    ['en', /^(Completion rate|Completed or basically completed rate|Overdue) = /],
  ] as const)('%s definition notes each name what they define before ＝ / =', (lang, named) => {
    const defs = packDefinitions(lang);
    expect(defs).toHaveLength(3);
    for (const d of defs) expect(d).toMatch(named);
    expect(defs[1]).toBe(lang === 'zh' ? '完成及基本完成率＝（已完成＋基本完成）/反馈问题总数' : 'Completed or basically completed rate = (completed + basically completed) / all findings');
  });

  test('file names', () => {
    expect(briefingFileName('zh', '2026-06-30', 'docx')).toBe('巡视巡察整改简报_2026-06-30.docx');
    expect(briefingFileName('en', '2026-06-30', 'pptx')).toBe('rectification-briefing_2026-06-30.pptx');
  });

  test('file names carry the scope tag after the date, and only when there is one', () => {
    expect(briefingFileName('zh', '2026-06-30', 'docx', '永康市-已完成')).toBe('巡视巡察整改简报_2026-06-30_永康市-已完成.docx');
    expect(briefingFileName('en', '2026-06-30', 'pptx', 'Yongkang')).toBe('rectification-briefing_2026-06-30_Yongkang.pptx');
    expect(briefingFileName('zh', '2026-06-30', 'docx', '')).toBe('巡视巡察整改简报_2026-06-30.docx');
  });

  test('a chart data table becomes header labels and the same formatted rows', () => {
    const table = chartDataTable([{ county: '330784', findings: 16, completion_rate: 0.9375 }], 'zh');
    const packed = briefingTable(table);
    expect(packed.columns).toEqual(table.columns.map((c) => c.label));
    expect(packed.rows).toEqual([[table.rows[0][0], 16, '93.75%']]);
  });
});

test('briefing messages: zh and en define the same keys, none empty', () => {
  expect(Object.keys(briefing.en).sort()).toEqual(Object.keys(briefing.zh).sort());
  for (const lang of ['zh', 'en'] as const) for (const v of Object.values(briefing[lang])) expect(v.trim()).not.toBe('');
});
