import type { Reader, Row } from './types';

/**
 * Spreads read queries over several engines, each in its own worker, so that the queries of one
 * click run on as many cores. Each engine runs one query of the pool at a time; queries wait in
 * order of arrival, and a freed engine goes straight to the longest-waiting one. Only give it
 * engines holding the same data for every table the queries read.
 */
export function readerPool(readers: readonly Reader[]): Reader {
  if (readers.length === 0) throw new Error('readerPool: no engine');
  const free = readers.map(() => true);
  const waiting: ((engine: number) => void)[] = [];

  function acquire(): Promise<number> {
    const i = free.indexOf(true);
    if (i < 0) return new Promise((resolve) => waiting.push(resolve));
    free[i] = false;
    return Promise.resolve(i);
  }

  function release(i: number) {
    const next = waiting.shift();
    if (next) next(i);
    else free[i] = true;
  }

  return {
    async query<T = Row>(sql: string): Promise<T[]> {
      const i = await acquire();
      try {
        return await readers[i].query<T>(sql);
      } finally {
        release(i);
      }
    },
  };
}
