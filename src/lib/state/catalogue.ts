import type { Engine } from '../db/types';
import {
  categoryOptionsQuery, countyOptionsQuery, datasetsQuery, defaultAsOfQuery, roundOptionsQuery,
  type CategoryOption, type CountyOption, type DatasetRow, type DefaultAsOfRow, type RoundOption,
} from '../queries/catalogue';

/** What filters and screens list: datasets, rounds, counties, categories, and the default as-of date. */
export interface Catalogue {
  datasets: DatasetRow[];
  rounds: RoundOption[];
  counties: CountyOption[];
  categories: CategoryOption[];
  /** Newest dataset as-of date; today when nothing is loaded. */
  defaultAsOf: string;
}

/** Reads the catalogue with the five catalogue queries. */
export async function readCatalogue(engine: Engine): Promise<Catalogue> {
  const [datasets, rounds, counties, categories, asOf] = await Promise.all([
    engine.query<DatasetRow>(datasetsQuery()),
    engine.query<RoundOption>(roundOptionsQuery()),
    engine.query<CountyOption>(countyOptionsQuery()),
    engine.query<CategoryOption>(categoryOptionsQuery()),
    engine.query<DefaultAsOfRow>(defaultAsOfQuery()),
  ]);
  return { datasets, rounds, counties, categories, defaultAsOf: asOf[0]?.as_of ?? new Date().toISOString().slice(0, 10) };
}
