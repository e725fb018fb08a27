import { suggestField } from './headers';
import { isPlainObject } from './record-lists';

/**
 * Records that hold their findings in a list, as a system exports a unit with its problems:
 * `{"被巡察单位": "古山镇党委", "反馈时间": …, "问题清单": [{"具体问题": …, "整改状态": …}, …]}`. Each
 * child becomes a row of its own carrying its parent's fields, so one unit is not one finding whose
 * problem is the list's JSON text. Pure: runs in the grid worker.
 */
type Value = unknown;
type Row = Record<string, Value>;

// A county holding units holding problems is two levels of lists; more is no ledger.
const EXPAND_DEPTH = 3;
// Keys of a list's children that must name ledger fields for it to hold findings: 2 rules out
// {"附件": [{"name": …, "url": …}]}, whose "name" alone could read as a field.
const MIN_FIELDS = 2;

/** A list of child records: objects, nulls aside (a stray value makes it no list of findings). */
const isChildList = (v: Value): v is Value[] => Array.isArray(v) && v.some(isPlainObject) && v.every((x) => x === null || isPlainObject(x));

/** The ledger fields (by header alias) a set of keys names. */
export function ledgerFields(keys: Iterable<string>): Set<string> {
  const fields = new Set<string>();
  for (const k of keys) {
    const f = suggestField(k);
    if (f) fields.add(f);
  }
  return fields;
}

/** The keys of records whose value is no list: a unit's own fields, not its 问题清单 (an alias of 具体问题). */
const scalarKeys = (records: Row[]) => new Set(records.flatMap((r) => Object.keys(r).filter((k) => !Array.isArray(r[k]))));

/**
 * The key whose lists hold the findings of these records, or null. Not when the records have a
 * problem of their own (their lists are its measures or files, not findings), nor when no list's
 * children name MIN_FIELDS ledger fields. Of several, the one whose children hold a problem, else the
 * one naming at least twice the fields of the next: two lists alike (问题 and 整改措施 of a unit)
 * leave the choice to no one, and both stay cells.
 */
export function childKey(records: Row[]): string | null {
  if (ledgerFields(scalarKeys(records)).has('problem_title')) return null;
  const children = new Map<string, Set<string>>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (!isChildList(v)) continue;
      const keys = children.get(k) ?? new Set<string>();
      for (const c of v) if (isPlainObject(c)) for (const ck of Object.keys(c)) keys.add(ck);
      children.set(k, keys);
    }
  }
  const ranked = [...children].map(([k, keys]) => ({ k, fields: ledgerFields(keys) }))
    .filter((c) => c.fields.size >= MIN_FIELDS)
    .map((c) => ({ k: c.k, problem: c.fields.has('problem_title') ? 1 : 0, n: c.fields.size }))
    .sort((a, b) => b.problem - a.problem || b.n - a.n);
  const [best, next] = ranked;
  if (!best) return null;
  if (!next || best.problem > next.problem || best.n >= 2 * next.n) return best.k;
  return null;
}

/** Rows expanded from records, and for record i the index of its first row (its place in the numbering). */
export interface ExpandedRecords {
  rows: Row[];
  firstRow: number[];
}

/**
 * Records with their lists of findings expanded (childKey), level by level down to EXPAND_DEPTH:
 * each child is a row of its parent's fields and its own, its own key winning (a problem's own
 * 反馈时间 over its unit's). The key of the list is dropped from the row. A record whose list is
 * empty or absent keeps one row of its own fields, so it is named in the report, not lost. `flat`
 * makes a record flat (flattenRecord) before its keys are merged, so a parent's {"整改": {"状态"}}
 * meets a child's 整改状态 under one name.
 */
export function expandRecords(records: Row[], flat: (r: Row) => Row, depth = 0): ExpandedRecords {
  const key = depth < EXPAND_DEPTH ? childKey(records) : null;
  if (key === null) return { rows: records.map(flat), firstRow: records.map((_, i) => i) };
  const rows: Row[] = [];
  const firstRow: number[] = [];
  for (const r of records) {
    firstRow.push(rows.length);
    const { [key]: list, ...own } = r;
    const parent = flat(own);
    const children = Array.isArray(list) ? list.filter(isPlainObject) : [];
    if (!children.length) {
      rows.push(parent);
      continue;
    }
    for (const child of expandRecords(children, flat, depth + 1).rows) rows.push({ ...parent, ...child });
  }
  return { rows, firstRow };
}

/**
 * A list of objects left in a cell (a problem's 整改措施 with 措施 and 责任人 each), as text: one line
 * an object, its fields `key：value` joined by `，`, not JSON. Null for any other value.
 */
export function objectListText(v: Value, text: (x: Value) => string | null): string | null {
  if (!isChildList(v)) return null;
  // An object of one field ({"name": "a.pdf"}) is its value; of several, each is named.
  const line = (o: Row) => {
    const parts = Object.entries(o).map(([k, x]) => [k, text(x)]).filter(([, x]) => x !== null && x !== '');
    return parts.length === 1 ? parts[0][1] : parts.map(([k, x]) => `${k}：${x}`).join('，');
  };
  return v.filter(isPlainObject).map(line).filter(Boolean).join('\n') || null;
}
