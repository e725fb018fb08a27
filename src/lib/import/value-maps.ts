import type { Engine } from '../db/types';
import { ident } from '../queries/sql';
import { SCRATCH_DB } from '../db/settings';
import type { ValueMapSpec, ValueMaps } from './normalise/maps';
import { scratchTable } from './staging';

/**
 * The value maps of one sheet (normalise/maps.ts), computed through a cache kept for the session: each map's
 * normaliser runs only on the values no earlier sheet or file gave it. Planning one of those statements takes
 * 30 to 200 ms whatever the number of values, so a workbook of one sheet per county, whose statuses, categories and
 * counties repeat, was paying it again on every sheet. A map depends only on its value and the options in its
 * variant (a 1904 workbook, the concentrated period, a yes/no status header), which name its cache table.
 *
 * The sheet gets a table of its own values from the cache, one row per value whatever the cache holds, so
 * a join on it never multiplies rows. A cache past MAX_CACHED_VALUES rows is emptied first.
 */
const CACHE_PREFIX = '__valuemap_';
export const MAX_CACHED_VALUES = 200_000;

/** The cache table of a map's kind and variant. */
export const cacheTable = (spec: Pick<ValueMapSpec, 'kind' | 'variant'>) => `${CACHE_PREFIX}${spec.kind}_${spec.variant}`;

/** Rows of each cache table there is, by name. */
async function cachedSizes(engine: Engine): Promise<Map<string, number>> {
  const rows = await engine.query<{ name: string; n: number }>(`SELECT table_name AS name, estimated_size AS n FROM duckdb_tables()
    WHERE database_name = '${SCRATCH_DB}' AND starts_with(table_name, '${CACHE_PREFIX}')`);
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

/**
 * Adds to the spec's cache the values of `input` (a table of the map's input) it does not hold yet, in one
 * statement; `size` is the cache's row count (undefined: no cache yet). A cache past MAX_CACHED_VALUES is
 * made anew from the input.
 */
async function fillCache(engine: Engine, spec: ValueMapSpec, input: string, size: number | undefined): Promise<void> {
  const cache = cacheTable(spec);
  if (size !== undefined && size > MAX_CACHED_VALUES) await engine.exec(`DROP TABLE IF EXISTS ${ident(cache)}`);
  if (size === undefined || size > MAX_CACHED_VALUES) {
    await engine.exec(`CREATE TABLE ${scratchTable(cache)} AS ${spec.compute(`SELECT * FROM ${ident(input)}`)}`);
    return;
  }
  const fresh = `SELECT * FROM ${ident(input)} i WHERE NOT EXISTS (SELECT 1 FROM ${ident(cache)} m WHERE ${sameKeys(spec, 'm', 'i')})`;
  const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${fresh})`);
  if (Number(n) > 0) await engine.exec(`INSERT INTO ${ident(cache)} BY NAME ${spec.compute(fresh)}`);
}

const sameKeys = (spec: ValueMapSpec, a: string, b: string) => spec.keys.map((k) => `${a}.${ident(k)} IS NOT DISTINCT FROM ${b}.${ident(k)}`).join(' AND ');

/**
 * Creates the sheet's value maps (named by `tempName`) from the specs, through the session's caches. Each
 * map's name is pushed to `owned` before it is created, so a failure leaves nothing the caller does not drop.
 */
export async function buildValueMaps(engine: Engine, specs: ValueMapSpec[], tempName: (prefix: string) => string, owned: string[]): Promise<ValueMaps> {
  const sizes = await cachedSizes(engine);
  const maps = {} as ValueMaps;
  for (const spec of specs) {
    const input = tempName('mapin');
    const map = tempName('m' + spec.kind);
    owned.push(map);
    try {
      await engine.exec(`CREATE TABLE ${scratchTable(input)} AS ${spec.inputOf(spec.cells)}`);
      await fillCache(engine, spec, input, sizes.get(cacheTable(spec)));
      await engine.exec(`CREATE TABLE ${scratchTable(map)} AS SELECT DISTINCT ON (${spec.keys.map((k) => `m.${ident(k)}`).join(', ')}) m.*
        FROM ${ident(cacheTable(spec))} m SEMI JOIN ${ident(input)} i ON ${sameKeys(spec, 'm', 'i')}`);
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${ident(input)}`);
    }
    maps[spec.kind] = map;
  }
  return maps;
}

/**
 * Fills the caches with the values of several sheets at once (the specs of every sheet of a workbook):
 * one normaliser statement per cache for all of them, where each sheet would plan its own (a workbook of
 * one sheet per county brings new dates on every sheet). Only a cache two sheets or more feed is filled
 * here, and none past MAX_CACHED_VALUES; each sheet's maps are then read from the caches (buildValueMaps),
 * which compute whatever is still missing, so the maps are the same with or without this step.
 */
export async function warmValueMaps(engine: Engine, specs: ValueMapSpec[], tempName: (prefix: string) => string): Promise<void> {
  const groups = new Map<string, ValueMapSpec[]>();
  for (const spec of specs) groups.set(cacheTable(spec), [...(groups.get(cacheTable(spec)) ?? []), spec]);
  const sizes = await cachedSizes(engine);
  for (const [cache, group] of groups) {
    if (group.length < 2) continue;
    const input = tempName('mapin');
    try {
      await engine.exec(`CREATE TABLE ${scratchTable(input)} AS ${group[0].inputOf(group.flatMap((s) => s.cells))}`);
      const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(input)}`);
      if (Number(n) <= MAX_CACHED_VALUES) await fillCache(engine, group[0], input, sizes.get(cache));
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${ident(input)}`);
    }
  }
}
