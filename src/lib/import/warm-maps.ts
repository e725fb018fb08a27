import type { Engine } from '../db/types';
import { valueMapSpecs, type ValueMapOptions } from './normalise/maps';
import { providesField, rawValuesSql } from './normalise/raw';
import { yesNoHeader } from './headers';
import type { PreparedSheet } from './prepare';
import { dropTables, tempName, tempViewName } from './staging';
import { warmValueMaps } from './value-maps';

/** The options a sheet's value maps read: its workbook's date system, the concentrated period, a yes/no status header. */
export function sheetMapOptions(p: PreparedSheet, concentratedMonths: number): ValueMapOptions {
  return { date1904: p.date1904, concentratedMonths, statusYesNo: yesNoHeader(p.headers[p.columns.get('status_raw') ?? -1]) };
}

/**
 * Before the sheets of a workbook are planned one by one, fills the value-map caches with the cells of all
 * of them (value-maps.ts warmValueMaps), so that no sheet plans a normaliser statement of its own for values
 * the others share or bring. Read from the staged cells as the sheet's header maps them; what only a sheet's
 * own planning adds (a unit filled down a merge, one named in its title) is mapped by the sheet itself.
 */
export async function warmSheetMaps(engine: Engine, sheets: PreparedSheet[], concentratedMonths: number): Promise<void> {
  if (sheets.length < 2) return;
  const views: string[] = [];
  try {
    const specs = [];
    for (const p of sheets) {
      const staged = { ...p, fillDown: undefined };
      const view = tempViewName('warm');
      views.push(view);
      await engine.exec(rawValuesSql(staged, view));
      specs.push(...valueMapSpecs(view, (key) => providesField(staged, key), sheetMapOptions(p, concentratedMonths)));
    }
    await warmValueMaps(engine, specs, tempName);
  } finally {
    await dropTables(engine, views);
  }
}
