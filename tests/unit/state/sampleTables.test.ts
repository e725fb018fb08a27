import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { SCHEMA_DDL } from '../../../src/lib/db/schema';
import { importFile } from '../../../src/lib/import';
import { SAMPLE_FILE } from '../../../src/lib/state/sampleSnapshot';
import { SAMPLE_TABLES, readSampleTables, writeSampleTables } from '../../../src/lib/state/sampleTables';

describe('the sample tables taken at build time', () => {
  it('write exactly what an import of the sample writes, through JSON as the page gets them', async () => {
    const imported = await openNodeEngine();
    const written = await openNodeEngine();
    for (const s of SCHEMA_DDL) await imported.exec(s);
    for (const s of SCHEMA_DDL) await written.exec(s);
    const result = await importFile(imported, { name: SAMPLE_FILE, bytes: new Uint8Array(readFileSync('data/sample-ledger.csv')) }, { isSample: true });
    expect(result.ok).toBe(true);
    const tables = JSON.parse(JSON.stringify(await readSampleTables(imported)));
    expect(tables.findings).toHaveLength(1380);

    const t0 = performance.now();
    await writeSampleTables(written, tables, '2026-11-30 08:00:00');
    console.log(`sample tables written in ${Math.round(performance.now() - t0)} ms`);
    for (const table of SAMPLE_TABLES) {
      const all = `SELECT * ${table === 'datasets' ? 'EXCLUDE (imported_at)' : ''} FROM ${table} ORDER BY ALL`;
      expect(await written.query(all), table).toEqual(await imported.query(all));
    }
    // Column types too (the schema holds them, but a wrong literal would have failed or been cast).
    const types = (table: string) => `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`;
    for (const table of SAMPLE_TABLES) expect(await written.query(types(table))).toEqual(await imported.query(types(table)));
    expect(await written.query(`SELECT CAST(imported_at AS VARCHAR) AS t FROM datasets`)).toEqual([{ t: '2026-11-30 08:00:00' }]);

    // A round already stored makes the write fail as a whole: nothing of it stays.
    const again = writeSampleTables(written, tables, '2026-11-30 09:00:00');
    await expect(again).rejects.toThrow();
    expect(await written.query(`SELECT count(*)::INTEGER AS n FROM findings`)).toEqual([{ n: 1380 }]);
    imported.close();
    written.close();
  });
});
