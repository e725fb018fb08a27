import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { derivedTableStatements } from '../../../src/lib/queries/cube';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { statusByCountyQuery } from '../../../src/lib/queries/statusByCounty';
import { freshEngine, importOk, utf8 } from '../import/helpers';

/**
 * DOMAIN.md §7: findings whose feedback_date > T are not yet in S. A row whose 反馈时间 is blank
 * has its round's date (the round's first feedback): in a round fed back after T it is not yet in
 * S either, on the base table and on the cube alike. A round with no date at all is in S at every T.
 */
let e: Awaited<ReturnType<typeof freshEngine>>;
const head = '县市区,被巡察单位,轮次名称,反馈时间,具体问题,整改状态';
beforeAll(async () => {
  e = await freshEngine();
  await importOk(e, 'a.csv', utf8([head,
    '东阳市,东阳市财政局,十四届东阳市委第三轮巡察,2023-11-01,公务接待不规范,已完成',
    '东阳市,东阳市教育局,十四届东阳市委第三轮巡察,2023-11-08,财务报销不规范,正在推进',
    // Blank: the round's date (2023-11-01) is its date.
    '东阳市,东阳市卫健局,十四届东阳市委第三轮巡察,,意识形态责任制落实不到位,正在推进',
    // A round nobody dated: in S at every T.
    '义乌市,义乌市交通局,十五届义乌市委第二轮巡察,,档案管理混乱,已完成',
  ].join('\n')));
  for (const s of derivedTableStatements()) await e.exec(s);
});
afterAll(() => e.close());

for (const [asOf, findings, units, completed] of [
  ['2023-06-30', 1, 1, 1], ['2023-11-01', 3, 3, 2], ['2023-11-07', 3, 3, 2], ['2023-12-31', 4, 4, 2],
] as const) {
  test(`at ${asOf}: ${findings} fed back`, async () => {
    for (const source of ['findings', 'cube'] as const) {
      const [k] = await e.query<KpiRow>(kpisQuery(emptyFilters(asOf), DEFAULT_PARAMS, { source }));
      expect({ findings: k.findings, units: k.units, completed: k.completed }, source).toEqual({ findings, units, completed });
    }
    const rows = async (source: 'findings' | 'cube') => e.query(statusByCountyQuery(emptyFilters(asOf), DEFAULT_PARAMS, { source }));
    expect(JSON.stringify(await rows('cube'))).toBe(JSON.stringify(await rows('findings')));
  });
}
