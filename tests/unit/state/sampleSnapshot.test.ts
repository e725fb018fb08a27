import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleBuild } from '../../../scripts/sample-snapshot';
import { dashboardStartQueries } from '../../../src/lib/state/sampleSnapshot';
import { datasetsQuery, defaultAsOfQuery, roundOptionsQuery } from '../../../src/lib/queries/catalogue';

describe('the build-time snapshot of the sample', () => {
  const path = 'data/sample-ledger.csv';

  it('holds the catalogue and every query of the opening dashboard, JSON-safe, for the sample file as shipped', async () => {
    const { snapshot } = await sampleBuild(path);
    expect(snapshot.sampleSha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const { results } = snapshot;
    const [{ as_of: asOf }] = results[defaultAsOfQuery()] as { as_of: string }[];
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const sql of [datasetsQuery(), roundOptionsQuery(), ...dashboardStartQueries(asOf)]) expect(results).toHaveProperty([sql]);
    // The page gets it through JSON (vite.config.ts): nothing may change on the way.
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    const [datasets] = results[datasetsQuery()] as { is_sample: boolean; findings: number }[];
    expect(datasets).toMatchObject({ is_sample: true, findings: 1380 });
    const [kpis] = results[dashboardStartQueries(asOf)[0]] as { findings: number }[];
    expect(kpis.findings).toBe(1380);
  });
});
