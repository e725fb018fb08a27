import { childKey, ledgerFields } from './record-children';
import { isPlainObject, recordLists, type RecordList } from './record-lists';

/**
 * The tables of a parsed JSON document where its header is written apart from its records: a
 * table component's column definitions beside the records (`{"columns": [{"title": …, "field": …}],
 * "data": {"list": [...]}}`), a header over rows of values (pandas orient='split', `{"fields": [...],
 * "rows": [[...]]}`), and a unit alone whose problems are its list. Everything else is recordLists'.
 */
type Value = unknown;
type Row = Record<string, Value>;

/** A record list (see recordLists); with `header`, its items are rows of values under that header. */
export interface JsonTable extends RecordList {
  header?: string[];
}

// How deep an export may wrap its table, as recordLists' WRAP_DEPTH.
const WRAP_DEPTH = 4;
// The keys of a column definition as table components write them (Element, Ant Design, layui,
// AG Grid, Tabulator, DataTables, TanStack): a list of objects holding only these is no records.
const TITLE_KEYS = ['title', 'label', 'headername', 'header', 'caption', 'text', 'displayname', 'name'];
const FIELD_KEYS = ['field', 'dataindex', 'prop', 'datafield', 'accessorkey', 'accessor', 'key', 'datakey', 'data', 'name', 'id'];
const SCHEMA_KEYS = new Set([...TITLE_KEYS, ...FIELD_KEYS, 'width', 'minwidth', 'maxwidth', 'align', 'headeralign', 'type', 'datatype',
  'sortable', 'sort', 'sorter', 'filter', 'filterable', 'hidden', 'hide', 'visible', 'show', 'isshow', 'fixed', 'format', 'formatter',
  'templet', 'toolbar', 'ellipsis', 'resizable', 'unresize', 'editable', 'edit', 'event', 'style', 'class', 'classname', 'order', 'index',
  'colspan', 'rowspan', 'children', 'required', 'comment', 'description', 'tooltip', 'showoverflowtooltip', 'render', 'slots']);

const ownString = (o: Row, keys: string[], except?: string) => {
  const k = Object.keys(o).find((x) => keys.includes(x.toLowerCase()) && x !== except && typeof o[x] === 'string' && o[x] !== '');
  return k === undefined ? undefined : { key: k, value: o[k] as string };
};

/**
 * The titles of a list of column definitions by the record field each names, or null for a list
 * that is none: every element an object of definition keys only, most with a title. Ledger
 * records have Chinese keys, so they never pass.
 */
function columnSchema(v: Value): { titles: string[]; byField: Map<string, string> } | null {
  if (!Array.isArray(v) || !v.length || !v.every(isPlainObject)) return null;
  if (!v.every((c) => Object.keys(c).every((k) => SCHEMA_KEYS.has(k.toLowerCase())))) return null;
  const titled = v.map((c) => ({ title: ownString(c, TITLE_KEYS), c })).filter((x) => x.title);
  if (titled.length * 2 < v.length) return null;
  const byField = new Map<string, string>();
  for (const { title, c } of titled) {
    const field = ownString(c, FIELD_KEYS, title!.key);
    if (field && !byField.has(field.value)) byField.set(field.value, title!.value);
  }
  return { titles: titled.map((x) => x.title!.value), byField };
}

/** A header list: plain values (pandas' `columns`) or column definitions (their titles). */
function headerList(v: Value): string[] | null {
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
  return columnSchema(v)?.titles ?? null;
}

/** Objects down to WRAP_DEPTH levels, breadth first, with their key paths (none for the document). */
function wrappers(doc: Value): [string | undefined, Row][] {
  const out: [string | undefined, Row][] = [];
  let level: [string | undefined, Value][] = [[undefined, doc]];
  for (let depth = 0; depth <= WRAP_DEPTH && level.length; depth++) {
    const objects = level.filter((e): e is [string | undefined, Row] => isPlainObject(e[1]));
    out.push(...objects);
    level = objects.flatMap(([path, o]) => Object.entries(o).map(([k, x]): [string, Value] => [path === undefined ? k : `${path}.${k}`, x]));
  }
  return out;
}

/**
 * A header over rows of values, side by side in one object: `{"columns": [...], "index": [...],
 * "data": [[...]]}` (pandas orient='split'), `{"fields": [...], "rows": [[...]]}`. The rows: a list
 * most of whose elements are lists, most of those as long as the header. The index is pandas' row
 * labels (0, 1, … unless set), not data.
 */
function headerAndRows(doc: Value): JsonTable | null {
  for (const [path, o] of wrappers(doc)) {
    for (const [hk, hv] of Object.entries(o)) {
      const header = headerList(hv);
      if (!header) continue;
      for (const [dk, dv] of Object.entries(o)) {
        if (dk === hk || !Array.isArray(dv) || !dv.length) continue;
        const rows = dv.filter((x) => Array.isArray(x)) as Value[][];
        if (rows.length * 2 < dv.length || rows.filter((r) => r.length === header.length).length * 2 < rows.length) continue;
        return { path: path === undefined ? dk : `${path}.${dk}`, items: dv, header };
      }
    }
  }
  return null;
}

/**
 * The document without its lists of column definitions (columnSchema), and their titles by field.
 * Objects are copied only where one is dropped; the document itself when none is.
 */
function withoutColumnSchemas(doc: Value, titles = new Map<string, string>(), depth = 0): { doc: Value; titles: Map<string, string> } {
  if (!isPlainObject(doc) || depth > WRAP_DEPTH) return { doc, titles };
  let changed = false;
  const kept: [string, Value][] = [];
  for (const [k, v] of Object.entries(doc)) {
    const schema = columnSchema(v);
    if (schema) {
      for (const [f, t] of schema.byField) if (!titles.has(f)) titles.set(f, t);
      changed = true;
      continue;
    }
    const inner = withoutColumnSchemas(v, titles, depth + 1).doc;
    changed ||= inner !== v;
    kept.push([k, inner]);
  }
  return { doc: changed ? Object.fromEntries(kept) : doc, titles };
}

/** A record with its keys named by the column titles (prop "c0" → 县市区), unless a title is a key already. */
function titled(x: Value, titles: Map<string, string>): Value {
  if (!isPlainObject(x)) return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => {
    const t = titles.get(k);
    return [t !== undefined && !(t in x) ? t : k, v];
  }));
}

/** The value at a key path of recordLists, or undefined (a key holding a dot is not followed). */
function at(doc: Value, path: string[]): Value {
  return path.reduce<Value>((o, k) => (isPlainObject(o) ? o[k] : undefined), doc);
}

/**
 * A list found inside a unit (`{"被巡察单位": …, "反馈时间": …, "问题清单": [...]}`, alone or wrapped)
 * is that unit's problems: the unit is the record, so its fields reach each problem
 * (expandRecords). A unit: an object whose own values name two ledger fields and whose list is the
 * one childKey picks; a wrapper's code, msg and total name none.
 */
function unitOwner(doc: Value, list: RecordList): RecordList {
  if (list.path === undefined) return list;
  const keys = list.path.split('.');
  const ownerPath = keys.slice(0, -1);
  const owner = at(doc, ownerPath);
  if (!isPlainObject(owner) || !Array.isArray(at(doc, keys))) return list;
  const own = Object.keys(owner).filter((k) => !Array.isArray(owner[k]) && !isPlainObject(owner[k]));
  if (ledgerFields(own).size < 2 || childKey([owner]) !== keys[keys.length - 1]) return list;
  return { ...(ownerPath.length ? { path: ownerPath.join('.') } : {}), items: [owner] };
}

/**
 * The tables of a parsed JSON or NDJSON document: a header over rows of values (headerAndRows),
 * else recordLists' lists once column definitions are set aside, their records' keys named by the
 * definitions' titles. Column definitions are the records only when the document holds nothing else.
 */
export function jsonTables(doc: Value): JsonTable[] {
  const split = headerAndRows(doc);
  if (split) return [split];
  const { doc: pruned, titles } = withoutColumnSchemas(doc);
  if (pruned !== doc) {
    const lists = recordLists(pruned);
    // recordLists' answer for an object with no list: the object itself as one record, or none when empty.
    const nothingElse = !Object.keys(pruned as Row).length
      || (lists.length === 1 && lists[0].path === undefined && lists[0].items.length === 1 && lists[0].items[0] === pruned);
    if (!nothingElse) return lists.map((l) => unitOwner(pruned, { ...l, items: titles.size ? l.items.map((x) => titled(x, titles)) : l.items }));
  }
  return recordLists(doc).map((l) => unitOwner(doc, l));
}
