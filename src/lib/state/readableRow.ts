import { FINDINGS_COLUMNS } from '../db/schema';
import { translate, type Lang } from '../i18n/translate';
import type { Row } from '../db/types';
import { countyLabel } from '../domain/counties';
import { LEVEL_NAME_KEYS } from '../charts/roundNames';
import { categoryLabel } from '../domain/taxonomy';

const STATUS_KEYS = new Set(['status', 'status_t']);
// Values of a closed vocabulary the importer writes (巡视/巡察, the 整改类型 enum), named in the UI language.
const VALUE_NAME_KEYS: Record<string, Record<string, string>> = {
  inspection_kind: { 巡视: 'kind.tour', 巡察: 'kind.local' },
  rect_type: { 立行立改: 'rectType.immediate', 限期整改: 'rectType.deadline', 长期整改: 'rectType.longTerm' },
};
// Category codes (A, A1) with their names, as the table shows them: a code alone means nothing to a reader.
const CATEGORY_KEYS = ['category_l1', 'category_l2'];
const BOOLEAN_KEYS = new Set(FINDINGS_COLUMNS.filter(([, type]) => type.startsWith('BOOLEAN')).map(([name]) => name));

/**
 * A row as the analyst reads it: statuses by name (已完成, not `completed`; no status is 未识别,
 * the word the table and charts use), yes/no flags as 是/否, a listed county, the inspector
 * level, 巡视/巡察, a known 整改类型 and category codes with their names (A1 贯彻落实…) in the UI
 * language (as the table and charts name them),
 * every other value as stored.
 */
export function readableRow(row: Row, lang: Lang): Row {
  const out: Row = { ...row };
  for (const key of STATUS_KEYS) {
    if (!(key in out)) continue;
    const status = out[key];
    if (typeof status === 'string' || status === null || status === undefined) out[key] = translate(lang, `status.${status ?? 'unknown'}`);
  }
  for (const key of BOOLEAN_KEYS) if (typeof out[key] === 'boolean') out[key] = translate(lang, out[key] ? 'yes' : 'no');
  if (typeof out.county === 'string') out.county = countyLabel(out.county, lang);
  const level = typeof out.inspector_level === 'string' ? LEVEL_NAME_KEYS[out.inspector_level] : undefined;
  if (level) out.inspector_level = translate(lang, level);
  for (const [key, names] of Object.entries(VALUE_NAME_KEYS)) {
    const name = typeof out[key] === 'string' ? names[out[key] as string] : undefined;
    if (name) out[key] = translate(lang, name);
  }
  for (const key of CATEGORY_KEYS) {
    const code = out[key];
    if (typeof code !== 'string') continue;
    // English names start with a Latin letter, which the importer would read as part of the code (A1 Implementing):
    // a colon keeps the code apart, so an English export re-imports as a Chinese one does.
    out[key] = categoryLabel(code, lang, lang === 'zh' ? ' ' : ': ');
  }
  return out;
}
