import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DASHBOARD_CHARTS, ANALYSIS_CHARTS } from '../../../src/lib/state/chartSpecs';
import { KPI_SPECS, definitionVars } from '../../../src/lib/state/kpiSpecs';
import { charts } from '../../../src/lib/i18n/messages/charts';
import { metrics } from '../../../src/lib/i18n/messages/metrics';
import { translate } from '../../../src/lib/i18n/translate';
import { chartDefinition } from '../../../src/lib/state/chartDefinition';
import { kpisQuery } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, type TestEngine } from '../queries/fixture';

test.each([['charts', charts], ['metrics', metrics]])('%s messages: zh and en define the same keys', (_n, m) => {
  expect(Object.keys(m.en).sort()).toEqual(Object.keys(m.zh).sort());
});

test('every chart spec has a unique id and translated title and definition', () => {
  const all = [...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS];
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  for (const spec of all) {
    for (const lang of ['zh', 'en'] as const) {
      expect(translate(lang, spec.titleKey)).not.toBe(spec.titleKey);
      // Definitions are read through chartDefinition, which writes the parameters in force into them.
      expect(chartDefinition(spec, DEFAULT_PARAMS, lang)).not.toMatch(/\{\w+\}/);
    }
  }
});

describe('KPI_SPECS', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    await insertFindings(engine, [{ status: 'completed', feedback_date: '2023-01-01' }, { status: 'in_progress', feedback_date: '2023-01-01' }]);
  });
  afterAll(() => engine.close());

  test('carries the testid names the e2e contract needs', () => {
    expect(KPI_SPECS.map((k) => k.name)).toEqual(expect.arrayContaining(['findings', 'completion-rate', 'completion-basic-rate', 'overdue', 'repeat']));
  });

  test('every field is a column of the KPI row, with the right kind of value', async () => {
    const [row] = await engine.query<Record<string, unknown>>(kpisQuery(emptyFilters('2023-12-31'), DEFAULT_PARAMS));
    for (const k of KPI_SPECS) {
      expect(row, k.field).toHaveProperty(k.field);
      const v = row[k.field] as number;
      if (k.format === 'rate') expect(v >= 0 && v <= 1, k.name).toBe(true);
      else expect(Number.isInteger(v), k.name).toBe(true);
    }
    expect(row.completion_rate).toBe(0.5);
  });

  test("a rate's fraction is its own numerator and denominator (逾期率: overdue / past deadline, not N)", async () => {
    const e = await openFixtureEngine();
    await insertFindings(e, [
      { status: 'in_progress', feedback_date: '2023-01-01', deadline: '2023-06-30' },
      { status: 'completed', feedback_date: '2023-01-01', deadline: '2023-06-30', completion_date: '2023-05-01' },
      { status: 'in_progress', feedback_date: '2023-01-01', deadline: '2024-06-30' },
    ]);
    const [row] = await e.query<Record<string, number>>(kpisQuery(emptyFilters('2023-12-31'), DEFAULT_PARAMS));
    for (const k of KPI_SPECS.filter((x) => x.fraction)) {
      const [a, b] = k.fraction!;
      expect(row[k.field], k.name).toBeCloseTo(row[a] / row[b], 9);
    }
    expect(KPI_SPECS.find((k) => k.name === 'overdue-rate')?.fraction).toEqual(['overdue', 'past_deadline']);
    expect([row.overdue, row.past_deadline, row.findings]).toEqual([1, 2, 3]);
    e.close();
  });

  test('labels, definitions and units exist in both languages; the strict rate says what it counts', () => {
    for (const k of KPI_SPECS) {
      for (const lang of ['zh', 'en'] as const) {
        for (const key of [k.labelKey, k.definitionKey, k.unitKey].filter(Boolean) as string[]) expect(translate(lang, key)).not.toBe(key);
      }
      if (k.format === 'count') expect(k.unitKey).toBeTruthy();
    }
    expect(translate('zh', 'def.completionRate')).toContain('整改完成率＝已完成/反馈问题总数');
    expect(translate('zh', 'def.repeat', definitionVars(DEFAULT_PARAMS.explicitRepeatCodes, 'zh'))).toContain('H1、H2、H3、H4');
    expect(translate('en', 'def.repeat', definitionVars(DEFAULT_PARAMS.explicitRepeatCodes, 'en'))).toContain('H1, H2, H3, H4');
  });
});
