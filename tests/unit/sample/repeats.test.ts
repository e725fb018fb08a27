import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPLETED_SQL, openSample } from './sampleTable';
import type { Engine } from '../../../src/lib/db/types';

let engine: Engine & { close(): void };
beforeAll(async () => {
  engine = await openSample();
});
afterAll(() => engine.close());

const count = async (sql: string) => (await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`))[0].n;

// A later finding of the same unit in the same L2 category as an earlier one (DOMAIN.md §7.5 #22).
const SAME_UNIT_LATER = `
  SELECT later.问题编号 AS later_id, earlier.问题编号 AS earlier_id, later.上轮问题编号 AS link,
         earlier.整改状态 AS earlier_status, earlier.是否销号 AS earlier_closed,
         later.具体问题 AS later_title, earlier.具体问题 AS earlier_title
  FROM sample later JOIN sample earlier
    ON later.被巡察单位 = earlier.被巡察单位 AND later.问题子类 = earlier.问题子类 AND earlier.反馈时间 < later.反馈时间`;

describe('repeat issues in the sample', () => {
  test('explicit links point at an earlier finding of the same unit, and are flagged 是否屡查屡犯 = 是', async () => {
    const links = await engine.query<{ id: string; ok: boolean; flag: string }>(`
      SELECT s.问题编号 AS id, p.问题编号 IS NOT NULL AND p.被巡察单位 = s.被巡察单位 AND p.反馈时间 < s.反馈时间 AS ok, s.是否屡查屡犯 AS flag
      FROM sample s LEFT JOIN sample p ON p.问题编号 = s.上轮问题编号 WHERE s.上轮问题编号 IS NOT NULL`);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.ok)).toEqual([]);
    expect(links.filter((l) => l.flag !== '是')).toEqual([]);
  });

  test('H1 findings exist, with and without an explicit link', async () => {
    expect(await count(`SELECT * FROM sample WHERE 问题子类 = 'H1' AND 上轮问题编号 IS NOT NULL`)).toBeGreaterThan(0);
    expect(await count(`SELECT * FROM sample WHERE 问题子类 = 'H1' AND 上轮问题编号 IS NULL`)).toBeGreaterThan(0);
  });

  test('implicit repeats: same unit, same L2, later round, no link, different wording', async () => {
    expect(await count(`${SAME_UNIT_LATER} WHERE later.上轮问题编号 IS NULL AND later.具体问题 <> earlier.具体问题`)).toBeGreaterThan(0);
  });

  test('closed-then-recurred: the earlier item was completed or 销号 and the problem came back', async () => {
    expect(await count(`${SAME_UNIT_LATER} WHERE earlier.整改状态 IN (${COMPLETED_SQL})`)).toBeGreaterThan(0);
    expect(await count(`${SAME_UNIT_LATER} WHERE earlier.是否销号 = '是'`)).toBeGreaterThan(0);
  });

  test('every 问题反弹 follow-up sits on a completed item whose unit shows the same L2 again later', async () => {
    const rebounds = await engine.query<{ id: string; completed: boolean; recurred: boolean }>(`
      SELECT e.问题编号 AS id, e.整改状态 IN (${COMPLETED_SQL}) AS completed,
             EXISTS (SELECT 1 FROM sample l WHERE l.被巡察单位 = e.被巡察单位 AND l.问题子类 = e.问题子类
                     AND l.反馈时间 > e.反馈时间) AS recurred
      FROM sample e WHERE e.回访督查结果 = '问题反弹'`);
    expect(rebounds.length).toBeGreaterThan(0);
    expect(rebounds.filter((r) => !r.completed || !r.recurred)).toEqual([]);
  });

  test('follow-up results include 整改到位 and 整改不到位, each dated', async () => {
    for (const result of ['整改到位', '整改不到位']) {
      expect(await count(`SELECT * FROM sample WHERE 回访督查结果 = '${result}' AND 回访时间 IS NOT NULL`), result).toBeGreaterThan(0);
    }
    expect(await count(`SELECT * FROM sample WHERE 回访督查结果 IN ('整改到位', '整改不到位', '问题反弹') AND 回访时间 IS NULL`)).toBe(0);
  });

  test('units are inspected again in later rounds (both 巡视 and 巡察)', async () => {
    const again = await engine.query<{ lvl: string; units: number }>(`
      SELECT 巡视巡察主体 AS lvl, count(*) AS units FROM (
        SELECT 巡视巡察主体, 被巡察单位 FROM sample GROUP BY ALL HAVING count(DISTINCT 轮次名称) >= 2) GROUP BY 1`);
    const by = Object.fromEntries(again.map((r) => [r.lvl, r.units]));
    expect(by['省委']).toBeGreaterThanOrEqual(2);
    expect(by['市委']).toBeGreaterThanOrEqual(5);
  });
});
