import { describe, expect, test } from 'vitest';
import { briefingHeadline, headlineSentence } from '../../../src/lib/export/headline';

describe('headline sentence (DOMAIN.md §4.2)', () => {
  test('the 昆明 example, outcome clauses dropped when missing', () => {
    expect(headlineSentence({ asOf: '2023-01-17', kinds: ['巡察'], findings: 697, completed: 688, basicallyCompleted: 4 }, 'zh')).toBe(
      '截至2023年1月17日，巡察反馈697个问题，已完成整改688个、正在整改9个（基本完成4个），整改完成率98.71%。',
    );
  });

  test('the 婺城 example with every clause', () => {
    expect(
      headlineSentence(
        { asOf: '2023-05-04', kinds: ['巡察'], findings: 25, completed: 19, basicallyCompleted: 0, partyDiscipline: 2, govSanction: 0, orgHandling: 3, systems: 12, fundsWan: 7.132 },
        'zh',
      ),
    ).toBe('截至2023年5月4日，巡察反馈25个问题，已完成整改19个、正在整改6个，整改完成率76%；给予党纪处分2人、组织处理3人；制定及修改完善制度12项；追缴（挽回）资金7.13万元。');
  });

  test('an amount under 0.005万元 is written in 元, not as 0万元 (helper-132)', () => {
    const h = { asOf: '2024-06-30', kinds: ['巡察'], findings: 2, completed: 1, basicallyCompleted: 0, fundsWan: 0.0045 };
    expect(headlineSentence(h, 'zh')).toBe('截至2024年6月30日，巡察反馈2个问题，已完成整改1个、正在整改1个，整改完成率50%；追缴（挽回）资金45元。');
    expect(headlineSentence(h, 'en')).toContain('; 45 CNY recovered.');
    expect(headlineSentence({ ...h, fundsWan: 0.006 }, 'zh')).toContain('追缴（挽回）资金0.01万元。');
    // Under half a 元 the clause goes, as a zero total's does.
    expect(headlineSentence({ ...h, fundsWan: 0.00004 }, 'zh')).toBe('截至2024年6月30日，巡察反馈2个问题，已完成整改1个、正在整改1个，整改完成率50%。');
  });

  test('巡视 and 巡察 together, and English', () => {
    const h = { asOf: '2026-06-30', kinds: ['巡视', '巡察'], findings: 10, completed: 5, basicallyCompleted: 1, systems: 3 };
    expect(headlineSentence(h, 'zh')).toBe('截至2026年6月30日，巡视巡察反馈10个问题，已完成整改5个、正在整改5个（基本完成1个），整改完成率50%；制定及修改完善制度3项。');
    expect(headlineSentence(h, 'en')).toBe('As of 2026-06-30, inspections fed back 10 problems: 5 rectified, 5 in progress (1 basically completed); completion rate 50% (completed / problems fed back); 3 rules made or revised.');
  });

  test('no findings gives a rate of —, not NaN', () => {
    expect(headlineSentence({ asOf: '2020-01-01', kinds: [], findings: 0, completed: 0, basicallyCompleted: 0 }, 'zh')).toContain('整改完成率—');
  });

  test('every count carries a thousands separator, as on the KPI cards and like the amount', () => {
    const h = { asOf: '2026-06-30', kinds: ['巡察'], findings: 1380, completed: 1036, basicallyCompleted: 1012, partyDiscipline: 1204, orgHandling: 3, systems: 1144, fundsWan: 8381.73 };
    expect(headlineSentence(h, 'zh')).toBe(
      '截至2026年6月30日，巡察反馈1,380个问题，已完成整改1,036个、正在整改344个（基本完成1,012个），整改完成率75.07%；给予党纪处分1,204人、组织处理3人；制定及修改完善制度1,144项；追缴（挽回）资金8,381.73万元。',
    );
    expect(headlineSentence(h, 'en')).toBe(
      'As of 2026-06-30, inspections fed back 1,380 problems: 1,036 rectified, 344 in progress (1,012 basically completed); completion rate 75.07% (completed / problems fed back); 1,204 given Party discipline, 3 handled organisationally; 1,144 rules made or revised; 8,381.73 (10k CNY) recovered.',
    );
  });
});

describe('the briefing\'s opening line (briefingHeadline)', () => {
  const none = { kinds: [], findings: 0, completed: 0, basicallyCompleted: 0 };
  test.each([
    ['zh', '2024-01-01', '2018-06-12', '截至2024年1月1日，范围内没有反馈的问题：截至日早于最早反馈日期（2018年6月12日），无整改情况可报告。'],
    ['en', '2024-01-01', '2018-06-12', 'As of 2024-01-01, no findings are in scope: the as-of date is before the first feedback (2018-06-12), so there is nothing to report.'],
    ['zh', '2024-01-01', null, '截至2024年1月1日，范围内没有反馈的问题：当前筛选条件下没有问题，无整改情况可报告。'],
    ['en', '2024-01-01', null, 'As of 2024-01-01, no findings are in scope: the current filters leave none, so there is nothing to report.'],
  ] as const)('%s, T %s, first feedback %s: no sentence of zeros, the reason instead', (lang, asOf, first, expected) => {
    const h = briefingHeadline({ ...none, asOf }, first, lang);
    expect(h).toEqual({ empty: true, text: expected });
    expect(h.text).not.toMatch(/0个|—|\b0 problems|completion rate/);
  });

  test('with findings, the headline sentence itself', () => {
    const h = { asOf: '2023-01-17', kinds: ['巡察'], findings: 697, completed: 688, basicallyCompleted: 4 };
    expect(briefingHeadline(h, null, 'zh')).toEqual({ empty: false, text: headlineSentence(h, 'zh') });
  });
});
