import { openNodeEngine } from '../../../src/lib/db/node';
import { SCHEMA_DDL, FINDINGS_COLUMNS } from '../../../src/lib/db/schema';
import { bool, num, str } from '../../../src/lib/queries/sql';
import type { Engine } from '../../../src/lib/db/types';

/** A finding for a fixture: only the columns a test cares about; the required ones get defaults. */
export type FindingFixture = Record<string, string | number | boolean | null>;

export type TestEngine = Engine & { close(): void };

const DATE_COLUMNS = new Set(FINDINGS_COLUMNS.filter(([, t]) => t.startsWith('DATE')).map(([n]) => n));

function literal(column: string, v: string | number | boolean | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return bool(v);
  if (typeof v === 'number') return num(v);
  return DATE_COLUMNS.has(column) ? `DATE ${str(v)}` : str(v);
}

/** Opens the real engine with the schema created. */
export async function openFixtureEngine(): Promise<TestEngine> {
  const engine = await openNodeEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  return engine;
}

let seq = 0;

/**
 * Inserts findings; required columns default to dataset d1, round R1, 永康市, unit U1, L1 A.
 * Rows are grouped by their column set, one INSERT per group.
 */
export async function insertFindings(engine: Engine, rows: FindingFixture[]): Promise<void> {
  const groups = new Map<string, FindingFixture[]>();
  for (const row of rows) {
    const full: FindingFixture = {
      dataset_id: 'd1', finding_id: `f${++seq}`, round_key: 'R1', county: '永康市', unit_name: 'U1',
      category_l1: 'A', problem_title: '问题', ...row,
    };
    const key = Object.keys(full).join(',');
    groups.set(key, [...(groups.get(key) ?? []), full]);
  }
  for (const [key, group] of groups) {
    const cols = key.split(',');
    const values = group.map((r) => `(${cols.map((c) => literal(c, r[c])).join(', ')})`);
    await engine.exec(`INSERT INTO findings (${cols.join(', ')}) VALUES ${values.join(', ')}`);
  }
}

/** Inserts rounds metadata rows. */
export async function insertRounds(engine: Engine, rows: FindingFixture[]): Promise<void> {
  for (const row of rows) {
    const cols = Object.keys(row);
    const vals = cols.map((c) => (c === 'feedback_date' && row[c] !== null ? `DATE ${str(String(row[c]))}` : literal(c, row[c])));
    await engine.exec(`INSERT INTO rounds (${cols.join(', ')}) VALUES (${vals.join(', ')})`);
  }
}

/** `n` copies of a finding (for the worked examples: 688 completed, ...). */
export function times(n: number, row: FindingFixture): FindingFixture[] {
  return Array.from({ length: n }, () => ({ ...row }));
}

