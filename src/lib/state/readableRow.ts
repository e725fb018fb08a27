import { FINDINGS_COLUMNS } from '../db/schema';
import { translate, type Lang } from '../i18n/translate';
import type { Row } from '../db/types';

const STATUS_KEYS = new Set(['status', 'status_t']);
const BOOLEAN_KEYS = new Set(FINDINGS_COLUMNS.filter(([, type]) => type.startsWith('BOOLEAN')).map(([name]) => name));

/**
 * A row as the analyst reads it: statuses by name (已完成, not `completed`), yes/no flags as 是/否,
 * every other value as stored.
 */
export function readableRow(row: Row, lang: Lang): Row {
  const out: Row = { ...row };
  for (const key of STATUS_KEYS) if (typeof out[key] === 'string') out[key] = translate(lang, `status.${out[key]}`);
  for (const key of BOOLEAN_KEYS) if (typeof out[key] === 'boolean') out[key] = translate(lang, out[key] ? 'yes' : 'no');
  return out;
}
