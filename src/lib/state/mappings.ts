import type { Engine } from '../db/types';
import { str } from '../queries/sql';
import { translate, type Lang } from '../i18n/translate';

/** Identifies a header row regardless of cell spacing and width, for remembered mappings. */
export function headerSignature(headers: string[]): string {
  return headers.map((h) => h.normalize('NFKC').replace(/\s+/g, '')).join('\u0001');
}

/** The mapping the analyst chose before for the same headers, if any. */
export async function loadMapping(engine: Engine, headers: string[]): Promise<Record<string, string> | null> {
  const rows = await engine.query<{ mapping: string }>(
    `SELECT mapping FROM saved_mappings WHERE header_signature = ${str(headerSignature(headers))}`,
  );
  if (!rows.length) return null;
  try {
    return JSON.parse(rows[0].mapping) as Record<string, string>;
  } catch {
    return null;
  }
}

/** Remembers a mapping for files with the same headers. */
export async function saveMapping(engine: Engine, headers: string[], mapping: Record<string, string>): Promise<void> {
  await engine.exec(
    `INSERT OR REPLACE INTO saved_mappings VALUES (${str(headerSignature(headers))}, ${str(JSON.stringify(mapping))}, now()::TIMESTAMP)`,
  );
  await engine.exec('CHECKPOINT');
}

/** Forgets the mapping remembered for these headers (it gave no finding): the dialog asks again. */
export async function forgetMapping(engine: Engine, headers: string[]): Promise<void> {
  await engine.exec(`DELETE FROM saved_mappings WHERE header_signature = ${str(headerSignature(headers))}`);
  await engine.exec('CHECKPOINT');
}

/**
 * A dataset's stored column mapping (JSON: the file's header → field key) as the analyst reads it,
 * one line per column: 区域 → 县市区 (the field's name in `lang`). Unreadable JSON gives none.
 */
export function mappingLines(json: string, lang: Lang): string[] {
  let mapping: Record<string, string>;
  try {
    mapping = JSON.parse(json) as Record<string, string>;
  } catch {
    return [];
  }
  return Object.entries(mapping).map(([header, key]) => `${header.replace(/\s+/g, ' ')} → ${translate(lang, `field.${key}`)}`);
}
