import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { afterDataChange } from '../../../src/lib/state/afterDataChange';
import type { Catalogue } from '../../../src/lib/state/catalogue';
import { CubeReplica } from '../../../src/lib/state/cubeReplica';
import { WARMUP_STATES, WARMUP_TOP_UP } from '../../../src/lib/state/warmup';
import { sampleEngineWithCube } from '../import/helpers';

describe('afterDataChange on the real engine with the sample loaded', () => {
  let main: Engine & { close(): void };
  let cat: Catalogue;
  const opened: (Engine & { close(): void })[] = [];
  const open = async () => {
    const e = await openNodeEngine();
    opened.push(e);
    return e;
  };
  const options = { params: DEFAULT_PARAMS, source: { source: 'cube' } as const };

  beforeAll(async () => {
    ({ engine: main, catalogue: cat } = await sampleEngineWithCube());
  });
  afterAll(() => [main, ...opened].forEach((e) => e.close()));

  it('warms the main engine, then copies the cube and warms the copy; the next change only tops up', async () => {
    const replica = new CubeReplica(open);
    const mainWarmed = { states: 0 };
    const first = await afterDataChange(main, cat, replica, { ...options, mainWarmed });
    expect(first.warmup?.states).toBe(WARMUP_STATES);
    expect(first.replica?.warmup?.states).toBe(WARMUP_STATES);
    expect([mainWarmed.states, replica.warmedStates]).toEqual([WARMUP_STATES, WARMUP_STATES]);
    expect(replica.reader(main)).not.toBe(main);

    replica.invalidate(); // the next data change
    const next = await afterDataChange(main, cat, replica, { ...options, mainWarmed });
    expect([next.warmup?.states, next.replica?.warmup?.states]).toEqual([WARMUP_TOP_UP, WARMUP_TOP_UP]);
  });

  it('makes the copy without warm-ups when told to, and nothing after an abort', async () => {
    const replica = new CubeReplica(open);
    const cold = await afterDataChange(main, cat, replica, { ...options, mainWarmed: { states: 0 }, warm: false });
    expect(cold.warmup).toBeNull();
    expect(cold.replica?.warmup).toBeNull();
    expect(replica.reader(main)).not.toBe(main);

    const aborted = new AbortController();
    aborted.abort();
    const other = new CubeReplica(open);
    const stopped = await afterDataChange(main, cat, other, { ...options, mainWarmed: { states: 0 }, signal: aborted.signal });
    expect(stopped).toEqual({ warmup: { states: 0, queries: 0, ms: expect.any(Number) }, replica: null });
    expect(other.reader(main)).toBe(main);
  });
});
