import { openBrowserEngine } from '../db/browser';
import { database } from './database.svelte';
import { loadSample } from './sample';

/**
 * Page start: engine, schema, then the embedded sample when nothing else is stored and the URL
 * does not say `sample=off`. Marks `body[data-ready]` once the first data is in (e2e contract).
 */
export async function startApp(withSample: boolean): Promise<void> {
  try {
    const engine = await database.start(() => openBrowserEngine());
    await database.refresh();
    if (withSample && database.datasets.length === 0) {
      database.status = 'loading-sample';
      try {
        await loadSample(engine);
      } catch (e) {
        database.fail('error.sample', e instanceof Error ? e.message : String(e));
      }
      await database.refresh();
    }
    if (database.status !== 'error') database.status = 'ready';
  } catch {
    // database.start has recorded the error for the page.
  } finally {
    document.body.dataset.ready = 'true';
  }
}
