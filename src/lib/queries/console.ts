/** Row cap of the SQL console: enough to read, small enough to render. */
export const CONSOLE_ROW_LIMIT = 10_000;

/** Why a console statement was refused (i18n key). */
export type ConsoleRefusal = 'sql.empty' | 'sql.multiple' | 'sql.external' | 'sql.readOnly' | 'sql.parentheses';

/** The analyst's text in pieces: code, and the literals and quoted names it holds. */
interface Lexed {
  /** The text with literals, quoted names and comments blanked: where `;` is looked for. */
  code: string;
  /** The same with quoted names written out (`"read_csv"(` is a call of read_csv): where calls are looked for. */
  named: string;
  /** The contents of string literals and quoted identifiers, each with the code just before it. */
  quoted: { text: string; before: string; name: boolean }[];
}

// DuckDB's scanner (PostgreSQL's) counts every byte past ASCII as a letter: `$标$…$标$` is a
// string, and `a$b$` one name (helper-124: a Chinese tag hid a file read from the guard).
const LETTER = 'A-Za-z_\\u0080-\\uffff';
const DOLLAR_TAG = new RegExp(`^\\$([${LETTER}][${LETTER}0-9]*)?\\$`);
const IDENT_END = new RegExp(`[${LETTER}0-9$]$`);
// Spaces past ASCII, which DuckDB turns into plain ones outside quotes before it lexes
// (Parser::StripUnicodeSpaces; this list as tried on the engine): a U+3000 before `$a$` is a space, not a letter (helper-126).
const UNICODE_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/** Where the block comment opening at `start` ends: DuckDB nests them, `/* /* *\/ ' *\/` is one. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i++;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return sql.length;
}

/**
 * Splits SQL in one pass, left to right, as DuckDB's lexer does: whichever of a string ('…', E'…'
 * with backslash escapes, $tag$…$tag$), a quoted name ("…") or a comment (-- …, /* … *\/, which
 * nest) starts first owns the text up to its end. (Blanking strings and comments in two passes let
 * a quote inside a comment hide the `;` after it.) An unterminated one runs to the end of the text.
 */
function lex(sql: string): Lexed {
  let code = '';
  let named = '';
  const quoted: Lexed['quoted'] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      // Ends at a line break of either kind: a lone CR ends it too (helper-126).
      const end = sql.slice(i).search(/[\n\r]/);
      i = end < 0 ? sql.length : i + end;
      code += ' ';
      named += ' ';
    } else if (c === '/' && next === '*') {
      i = blockCommentEnd(sql, i);
      code += ' ';
      named += ' ';
    } else if (c === "'" || c === '"') {
      // E'…' takes backslash escapes; '' and "" are an escaped quote in any string or name.
      const escapes = c === "'" && /[eE]$/.test(code) && !IDENT_END.test(code.slice(0, -1));
      let j = i + 1;
      let text = '';
      for (; j < sql.length; j++) {
        if (escapes && sql[j] === '\\') {
          text += sql[j + 1] ?? '';
          j++;
        } else if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j++;
        } else if (sql[j] === c) break;
        else text += sql[j];
      }
      quoted.push({ text, before: code, name: c === '"' });
      code += c === "'" ? "''" : '""';
      named += c === "'" ? "''" : text;
      i = j + 1;
    } else if (c === '$' && !IDENT_END.test(code)) {
      const tag = DOLLAR_TAG.exec(sql.slice(i))?.[0];
      if (!tag) {
        code += c;
        named += c;
        i++;
        continue;
      }
      const end = sql.indexOf(tag, i + tag.length);
      quoted.push({ text: sql.slice(i + tag.length, end < 0 ? sql.length : end), before: code, name: false });
      code += "''";
      named += "''";
      i = end < 0 ? sql.length : end + tag.length;
    } else {
      const plain = UNICODE_SPACE.test(c) ? ' ' : c;
      code += plain;
      named += plain;
      i++;
    }
  }
  return { code, named, quoted };
}

// Table functions that read files or URLs, and those that run SQL given as text (query('… read_csv …')):
// the console reads the loaded tables and nothing else. A name is a call when `(` follows it.
const EXTERNAL_READERS = /(^|[^\w$])(read_\w+|\w*_scan|parquet_\w+|sniff_csv|glob|query|query_table)\s*\(/i;
// A string where a table goes names a file or URL to read: `FROM 'http://…/a.csv'`, `JOIN E'…'`,
// `SUMMARIZE 'x.csv'`, `TABLE 'x.csv'`, `PIVOT 'x.csv' ON c`, `UNPIVOT 'x.csv' ON …` (helper-123),
// or after a comma in a FROM list (tableListComma). A string anywhere else is a value (`LIKE 'http://%'`).
const TABLE_KEYWORD = /\b(from|join|summarize|describe|desc|show|table|pivot|pivot_wider|pivot_longer|unpivot)\s*e?\s*$/i;
// The clause a comma belongs to is the last of these words at its own depth of parentheses.
const CLAUSE = /^(from|join|on|using|select|where|group|by|having|qualify|window|order|limit|offset|values|pivot|unpivot|pivot_wider|pivot_longer)$/i;
const FROM_LIST = /^(from|join|on|using)$/i;
// Names and parentheses, names as DuckDB reads them (`表by` is one name, not `by`: helper-126).
const WORD_OR_PAREN = new RegExp(`[${LETTER}][${LETTER}0-9$]*|[()]`, 'g');
// A clause word after these is no clause: an alias (`AS values`), `IS DISTINCT FROM x` (helper-126).
const NOT_CLAUSE_AFTER = /^(as|distinct)$/i;

/**
 * Whether code ending in `,` (an `e` of E'…' aside) continues a FROM list: `FROM range(1), 'x'`,
 * `FROM (SELECT 1) t(a), 'x'`, `JOIN g USING (c), 'x'` (helper-124). Walks back over balanced
 * parentheses to the clause word at the comma's depth; a `(` first means a list of values or
 * arguments (`IN ('a', 'b')`, `coalesce(a, 'b')`).
 */
function tableListComma(before: string): boolean {
  const head = before.replace(/\s*e?\s*$/i, '');
  if (!head.endsWith(',')) return false;
  const tokens = head.slice(0, -1).match(WORD_OR_PAREN) ?? [];
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t === ')') depth++;
    else if (t === '(') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && CLAUSE.test(t) && !NOT_CLAUSE_AFTER.test(tokens[i - 1] ?? '')) return FROM_LIST.test(t);
  }
  return false;
}

// FROM taking a value, not a table: `IS [NOT] DISTINCT FROM '已完成'`, and inside these calls (`extract(year FROM '…')`).
const DISTINCT_FROM = /\bdistinct\s+from\s*e?\s*$/i;
const VALUE_FROM_CALL = /\b(extract|substring|trim|overlay|position)\s*$/i;

/** Whether the FROM that code ends with takes a value (helper-127): after DISTINCT, or inside extract(…) and its kin. */
function fromTakesValue(before: string): boolean {
  if (DISTINCT_FROM.test(before)) return true;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(' && depth-- === 0) return VALUE_FROM_CALL.test(before.slice(0, i));
  }
  return false;
}

/** Whether every `)` closes a `(` and none is left open: else the text could close the wrapper's own. */
function balanced(code: string): boolean {
  let depth = 0;
  for (const c of code) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
// A quoted name that is a URL or a path (`FROM "http://…"`, `FROM "data/x.csv"`): no table is named so.
const PATH_NAME = /:\/\/|[\/\\]|\.(csv|tsv|txt|json|jsonl|ndjson|parquet|xlsx?|db|duckdb|gz|gzip|zst|zstd)$/i;

// How a query starts: SELECT, WITH, FROM-first, VALUES, TABLE t, the describing statements DuckDB
// also runs as a subquery, or a parenthesis. Anything else (DELETE, DROP, SET, PRAGMA, INSTALL, …)
// is refused with its own message; the wrapper would refuse it too, but with a parser error.
const QUERY_START = /^[\s(]*(select|with|from|values|table|summarize|describe|desc|show|pivot|pivot_wider|pivot_longer|unpivot)\b/i;

/**
 * Wraps an analyst's query so it can only read the loaded tables: it becomes a subquery (where
 * DuckDB's grammar allows no DDL, DML, COPY, ATTACH, SET or PRAGMA), one statement only, with a
 * row cap, and nothing that reads a file or a URL. Run it with `Engine.queryOne`: the engine
 * itself then refuses more than one statement, should this lexer ever read a text otherwise.
 */
export function readOnlyConsoleQuery(sql: string): { sql: string } | { refused: ConsoleRefusal } {
  const trimmed = sql.trim().replace(/;\s*$/, '');
  const lexed = lex(trimmed);
  const { code, quoted } = lexed;
  if (!code.trim()) return { refused: 'sql.empty' };
  if (code.includes(';')) return { refused: 'sql.multiple' };
  if (!QUERY_START.test(code)) return { refused: 'sql.readOnly' };
  const { named } = lexed;
  if (!balanced(code)) return { refused: 'sql.parentheses' };
  // A quoted name is a path only where a table goes: `AS "已整改/总数"` is a column's name (helper-126).
  const tablePlace = (before: string) => (TABLE_KEYWORD.test(before) && !fromTakesValue(before)) || tableListComma(before);
  const readsFile = quoted.some((q) => tablePlace(q.before) && (!q.name || PATH_NAME.test(q.text)));
  if (EXTERNAL_READERS.test(named) || readsFile) return { refused: 'sql.external' };
  return { sql: `SELECT * FROM (\n${trimmed}\n) AS console_result LIMIT ${CONSOLE_ROW_LIMIT + 1}` };
}

/**
 * The refusal an engine error amounts to: DuckDB's own refusal of a file or URL (db/settings.ts
 * LOCK_SQL), for a statement the lexer read otherwise than DuckDB, is the lexer's `sql.external`.
 */
export function engineRefusal(message: string): ConsoleRefusal | null {
  return /Permission Error: Cannot access file/i.test(message) ? 'sql.external' : null;
}

/**
 * DuckDB's error for a wrapped query as the analyst reads it: its line numbers are those of the
 * analyst's text (the wrapper puts one line before it), the caret block DuckDB repeats is shown
 * once, and a block pointing into the wrapper's last line (the text ended early) is left out.
 */
export function consoleErrorText(message: string, sql: string): string {
  const lines = sql.trim().replace(/;\s*$/, '').split('\n').length;
  const blocks = message.split(/\n\n(?=LINE \d+:)/);
  const seen = new Set<string>();
  const kept = [blocks[0]];
  for (const block of blocks.slice(1)) {
    const m = /^LINE (\d+):/.exec(block);
    const line = m ? Number(m[1]) - 1 : 0;
    if (seen.has(block) || line < 1 || line > lines) continue;
    seen.add(block);
    // The caret sits under the same column: keep the width of the line label.
    const label = `LINE ${line}:`.padEnd(`LINE ${line + 1}:`.length);
    kept.push(block.replace(/^LINE \d+:/, label));
  }
  return kept.join('\n\n');
}
