import type { Engine } from '../../../src/lib/db/types';
import { utf8 } from './helpers';

/**
 * Fixtures of one round written two ways (period-term-rounds.test.ts, round-spelling.test.ts): numbered within its year
 * (永康市委2024年第一轮巡察, key `…|2024年|1`) and with its 届次 (十五届永康市委第一轮巡察, key `…|十五届|1`).
 */
export const HEAD = '被巡察单位,具体问题,整改状态,反馈时间';
export const TEN = ['违规吃喝问题仍有发生', '村班子配备不齐', '财务报销流程不规范', '公车管理不严', '档案管理混乱', '津补贴发放不规范',
  '会议费报销不规范', '合同管理不规范', '固定资产账实不符', '政府采购程序不规范'];
export const BY_YEAR = '永康市委2024年第一轮巡察整改台账';
export const BY_TERM = '十五届永康市委第一轮巡察整改台账';
export const YEAR_KEY = '永康市|县(市、区)委|2024年|1';
export const TERM_KEY = '永康市|县(市、区)委|十五届|1';

/** A CSV ledger: a title row (none for null), the header, one row a title of one unit, one status, fed back then. */
export const ledger = (title: string | null, titles: string[], status: string, unit = '永康市财政局', feedback = '2024-05-20') =>
  utf8([...(title ? [title] : []), HEAD, ...titles.map((t) => `${unit},${t},${status},${feedback}`)].join('\n'));

/** Stored findings by round key. */
export const roundsOf = (e: Engine) => e.query<{ round_key: string; n: number }>(
  'SELECT round_key, CAST(count(*) AS INTEGER) AS n FROM findings GROUP BY round_key ORDER BY round_key');
