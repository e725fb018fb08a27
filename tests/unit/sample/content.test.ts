import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COUNTIES } from '../../../src/lib/domain/counties';
import { L2 } from '../../../src/lib/domain/taxonomy';
import { AS_OF, COMPLETED_SQL, openSample, STATUS_VOCAB } from './sampleTable';
import type { Engine } from '../../../src/lib/db/types';

let engine: Engine & { close(): void };
beforeAll(async () => {
  engine = await openSample();
});
afterAll(() => engine.close());

const count = async (where: string) =>
  (await engine.query<{ n: number }>(`SELECT count(*) AS n FROM sample WHERE ${where}`))[0].n;
const values = async (col: string) =>
  (await engine.query<{ v: string }>(`SELECT DISTINCT "${col}" AS v FROM sample WHERE "${col}" IS NOT NULL`)).map((r) => r.v);

// Fixed-date deadline spellings (DOMAIN.md §3.4) → ISO, for the warning-colour check.
function fixedDeadline(raw: string): string | null {
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(raw) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(raw);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = /^(\d{4})年(\d{1,2})月底前$/.exec(raw);
  if (m) return new Date(Date.UTC(+m[1], +m[2], 0)).toISOString().slice(0, 10);
  return null;
}

describe('sample content', () => {
  test('covers the nine counties plus 市本级, 2018–2025, ≥ 6 rounds of both 巡视 and 巡察', async () => {
    expect((await values('县市区')).sort()).toEqual(COUNTIES.map((c) => c.name).sort());
    expect((await values('年度')).sort()).toEqual(['2018', '2019', '2020', '2022', '2023', '2024', '2025']);
    expect((await values('轮次名称')).length).toBeGreaterThanOrEqual(6);
    expect((await values('巡视巡察主体')).sort()).toEqual(['县(市、区)委', '市委', '省委']);
  });

  test('about 34 problems per 巡视 unit and about 8 per 巡察 unit; 村(社区) units only from 2024', async () => {
    const per = await engine.query<{ lvl: string; avg: number }>(
      `SELECT 巡视巡察主体 = '省委' AS lvl, count(*) / count(DISTINCT 轮次名称 || 被巡察单位) AS avg FROM sample GROUP BY 1`,
    );
    const avg = (lvl: boolean) => per.find((r) => Boolean(r.lvl) === lvl)!.avg;
    expect(avg(true)).toBeGreaterThan(28);
    expect(avg(true)).toBeLessThan(38);
    expect(avg(false)).toBeGreaterThan(6);
    expect(avg(false)).toBeLessThan(10);
    expect(await count(`单位类型 = '村(社区)'`)).toBeGreaterThan(0);
    expect(await count(`单位类型 = '村(社区)' AND 年度 < '2024'`)).toBe(0);
  });

  test('uses taxonomy codes whose L1 is the L2 prefix, and counts measures correctly', async () => {
    const codes = new Set(L2.map((c) => c.code));
    expect((await values('问题子类')).filter((c) => !codes.has(c))).toEqual([]);
    expect(await count('问题类别 <> left(问题子类, 1)')).toBe(0);
    expect(await count(`CAST(措施数量 AS INT) <> len(string_split(整改措施, '；'))`)).toBe(0);
  });

  test('no unit is given the same problem twice in one round (the importer would flag a duplicate)', async () => {
    const dups = await engine.query(`SELECT 轮次名称, 被巡察单位, regexp_replace(具体问题, '[[:punct:][:space:][:digit:]“”‘’（）、，。；：！？…]', '', 'g') AS t
      FROM sample GROUP BY ALL HAVING count(*) > 1`);
    expect(dups).toEqual([]);
  });

  test('every raw status word of the vocabulary occurs, plus a few unrecognised ones', async () => {
    const seen = await values('整改状态');
    const vocab = Object.values(STATUS_VOCAB).flat();
    expect(vocab.filter((s) => !seen.includes(s))).toEqual([]);
    const odd = seen.filter((s) => !vocab.includes(s));
    expect(odd.length).toBeGreaterThan(0);
    expect(await count(`整改状态 IN (${odd.map((s) => `'${s}'`).join(', ')})`)).toBeLessThan(20);
  });

  test('no completion, closure or follow-up after the as-of date, and none before feedback', async () => {
    for (const col of ['完成时间', '销号时间', '回访时间']) {
      expect(await count(`"${col}" > '${AS_OF}'`)).toBe(0);
      expect(await count(`"${col}" < 反馈时间`)).toBe(0);
    }
    expect(await count('销号时间 < 完成时间')).toBe(0);
    expect(await count(`是否销号 = '是' AND 销号时间 IS NULL`)).toBe(0);
    expect(await count(`整改状态 = '已销号' AND 是否销号 IS DISTINCT FROM '是'`)).toBe(0);
  });

  test('some completions are late, and strict completion rates per county lie in 75%–98%', async () => {
    const rates = await engine.query<{ county: string; rate: number }>(
      `SELECT 县市区 AS county, avg(CASE WHEN 整改状态 IN (${COMPLETED_SQL}) THEN 1 ELSE 0 END) AS rate FROM sample GROUP BY 1`,
    );
    for (const r of rates) {
      expect(r.rate, r.county).toBeGreaterThanOrEqual(0.75);
      expect(r.rate, r.county).toBeLessThanOrEqual(0.98);
    }
    expect(await count(`完成时间 > CAST(整改时限 AS VARCHAR) AND regexp_matches(整改时限, '^\\d{4}-\\d{2}-\\d{2}$')`)).toBeGreaterThan(0);
  });

  test('deadlines come in every spelling, and some items are flagged long-term', async () => {
    const forms = [/^\d{4}-\d{2}-\d{2}$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{4}\/\d{1,2}\/\d{1,2}$/, /^\d{4}年底前$/, /^\d{4}年\d{1,2}月底前$/,
      /^立行立改$/, /^\d{4}年底前，并长期坚持$/, /^长期坚持$/, /^常态化坚持$/];
    const raws = await values('整改时限');
    for (const f of forms) expect(raws.some((r) => f.test(r)), String(f)).toBe(true);
    expect(await count(`是否长期坚持 = '是'`)).toBeGreaterThan(0);
  });

  test('open dated items of the latest round fall in all three warning colours at the as-of date', async () => {
    const open = await engine.query<{ raw: string }>(
      `SELECT 整改时限 AS raw FROM sample WHERE 年度 = '2025' AND 整改状态 NOT IN (${COMPLETED_SQL})
         AND 是否长期坚持 IS DISTINCT FROM '是'`,
    );
    const asOf = Date.parse(AS_OF);
    const colours = new Set<string>();
    for (const { raw } of open) {
      const d = fixedDeadline(raw);
      if (!d) continue;
      const r = (Date.parse(d) - asOf) / 86_400_000;
      colours.add(r < 0 ? 'red' : r <= 10 ? 'yellow' : r <= 20 ? 'green' : 'none');
    }
    expect([...colours].filter((c) => c !== 'none').sort()).toEqual(['green', 'red', 'yellow']);
  });

  test('outcome counts are sparse, non-negative, and the accountability total is the sum of its parts', async () => {
    const num = (c: string) => `coalesce(CAST("${c}" AS INT), 0)`;
    expect(await count(`${num('问责人数')} <> ${num('党纪处分')} + ${num('政务处分')} + ${num('组织处理')} + ${num('诫勉')}`)).toBe(0);
    expect(await count(`${num('线索办结')} > ${num('移交问题线索')}`)).toBe(0);
    const [r] = await engine.query<{ n: number; acc: number; money: number }>(
      `SELECT count(*) AS n, count(问责人数) AS acc, count("挽回经济损失（万元）") AS money FROM sample`,
    );
    expect(r.acc).toBeGreaterThan(0);
    expect(r.acc).toBeLessThan(r.n / 4);
    expect(r.money).toBeGreaterThan(0);
    expect(r.money).toBeLessThan(r.n / 4);
  });

  test('是否公开 is mostly 公开 with a few withheld', async () => {
    expect((await values('是否公开')).sort()).toEqual(['公开', '拟不向社会公开', '拟不在党内公开'].sort());
    expect(await count(`是否公开 <> '公开'`)).toBeLessThan((await count('true')) / 10);
  });
});
