import { FINDINGS_COLUMNS } from '../db/schema';
import { translate, type Lang } from '../i18n/translate';
import type { Row } from '../db/types';

const STATUS_KEYS = new Set(['status', 'status_t']);
const BOOLEAN_KEYS = new Set(FINDINGS_COLUMNS.filter(([, type]) => type.startsWith('BOOLEAN')).map(([name]) => name));

/**
 * A row as the analyst reads it: statuses by name (已完成, not `completed`; no status is 未识别,
 * the word the table and charts use), yes/no flags as 是/否, every other value as stored.
 */
export function readableRow(row: Row, lang: Lang): Row {
  const out: Row = { ...row };
  for (const key of STATUS_KEYS) {
    if (!(key in out)) continue;
    const status = out[key];
    if (typeof status === 'string' || status === null || status === undefined) out[key] = translate(lang, `status.${status ?? 'unknown'}`);
  }
  for (const key of BOOLEAN_KEYS) if (typeof out[key] === 'boolean') out[key] = translate(lang, out[key] ? 'yes' : 'no');
  return out;
}
