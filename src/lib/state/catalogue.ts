import type { Engine } from '../db/types';
import {
  categoryOptionsQuery, countyOptionsQuery, datasetsQuery, defaultAsOfQuery, roundOptionsQuery, valueOptionsQuery,
  type CategoryOption, type CountyOption, type DatasetRow, type DefaultAsOfRow, type RoundOption, type ValueOption,
} from '../queries/catalogue';

/** What filters and screens list: datasets, rounds, counties, categories, and the default as-of date. */
export interface Catalogue {
  datasets: DatasetRow[];
  rounds: RoundOption[];
  counties: CountyOption[];
  categories: CategoryOption[];
  unitTypes: ValueOption[];
  sources: ValueOption[];
  /** Newest dataset as-of date; today when nothing is loaded. */
  defaultAsOf: string;
}

/** Reads the catalogue with the seven catalogue queries. */
export async function readCatalogue(engine: Engine): Promise<Catalogue> {
  const [datasets, rounds, counties, categories, unitTypes, sources, asOf] = await Promise.all([
    engine.query<DatasetRow>(datasetsQuery()),
    engine.query<RoundOption>(roundOptionsQuery()),
    engine.query<CountyOption>(countyOptionsQuery()),
    engine.query<CategoryOption>(categoryOptionsQuery()),
    engine.query<ValueOption>(valueOptionsQuery('unit_type')),
    engine.query<ValueOption>(valueOptionsQuery('source')),
    engine.query<DefaultAsOfRow>(defaultAsOfQuery()),
  ]);
  return { datasets, rounds, counties, categories, unitTypes, sources, defaultAsOf: asOf[0]?.as_of ?? new Date().toISOString().slice(0, 10) };
}
