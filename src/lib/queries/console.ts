/** Row cap of the SQL console: enough to read, small enough to render. */
export const CONSOLE_ROW_LIMIT = 10_000;

/** Why a console statement was refused (i18n key). */
export type ConsoleRefusal = 'sql.empty' | 'sql.multiple';

/** Text with string literals, quoted identifiers and comments blanked, to look for `;` safely. */
function codeOnly(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

/**
 * Wraps an analyst's query so it can only read: it becomes a subquery (where DuckDB's grammar
 * allows no DDL, DML, COPY, ATTACH, SET or PRAGMA), one statement only, with a row cap.
 */
export function readOnlyConsoleQuery(sql: string): { sql: string } | { refused: ConsoleRefusal } {
  const trimmed = sql.trim().replace(/;\s*$/, '');
  if (!codeOnly(trimmed).trim()) return { refused: 'sql.empty' };
  if (codeOnly(trimmed).includes(';')) return { refused: 'sql.multiple' };
  return { sql: `SELECT * FROM (\n${trimmed}\n) AS console_result LIMIT ${CONSOLE_ROW_LIMIT + 1}` };
}
