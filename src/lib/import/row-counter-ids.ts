import type { Engine } from '../db/types';
import { num } from '../queries/sql';

// Merged problems looked at: enough to tell, few enough for one small query.
const GROUPS = 20;

/**
 * True when a sheet's 序号 counts rows, not problems: under a problem merged down over several rows
 * the numbers run on row by row (1, 2, 3) and the row after it goes on from the last (4, the next
 * problem's first row). Then a row's own number under a merged problem does not make it another
 * problem (measure-rows.ts): it is one of that problem's measures, numbered as every row is.
 * `table`: the normalised rows (quoted), with the 序号 as written (r_finding_id); `merges`: the
 * merged problems' first and last rows.
 */
export async function idsCountRows(engine: Engine, table: string, merges: readonly [number, number][]): Promise<boolean> {
  const groups = merges.filter(([first, last]) => last > first).slice(0, GROUPS);
  if (!groups.length) return false;
  const rows = [...new Set(groups.flatMap(([first, last]) => Array.from({ length: last - first + 2 }, (_, i) => first + i)))];
  const ids = new Map((await engine.query<{ src_row: number; id: string | null }>(`SELECT src_row, r_finding_id AS id FROM ${table}
    WHERE src_row IN (${rows.map(num).join(', ')})`)).map((r) => [Number(r.src_row), plainNumber(r.id)]));
  return groups.some(([first, last]) => {
    for (let row = first; row <= last; row++) {
      const here = ids.get(row);
      const next = ids.get(row + 1);
      if (here == null || next == null || next !== here + 1) return false;
    }
    return true;
  });
}

/** A 序号 written as a whole number (3, ３, 3.0), else null. */
function plainNumber(id: string | null): number | null {
  const m = id ? /^(\d{1,6})(?:\.0+)?$/.exec(id.normalize('NFKC').trim()) : null;
  return m ? Number(m[1]) : null;
}
