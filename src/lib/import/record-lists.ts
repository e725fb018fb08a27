/**
 * Where the records of a parsed JSON document are: an array, an object keyed by record or by
 * column (pandas), or lists wrapped the way systems export them (recordLists).
 */
type Value = unknown;

/** A plain object: not a list, a date or binary. */
export const isPlainObject = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !ArrayBuffer.isView(v);

/** A list of records found in a JSON document, with the key path that holds it (none at the top). */
export interface RecordList {
  path?: string;
  items: unknown[];
}

const isRecord = (x: unknown) => x !== null && typeof x === 'object';
// How deep an export may wrap its records ({code, data: {page: {list: [...]}}} is 3).
const WRAP_DEPTH = 4;
// A list of records: mostly records (a stray null or string among them is rejected by toGrid).
const isRecordList = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0 && v.filter(isRecord).length * 2 >= v.length;
const INDEX_KEY = /^\d+$/;

/** Whether a value is a list or holds one, down to `depth` levels of objects. */
function holdsList(v: unknown, depth: number): boolean {
  if (Array.isArray(v)) return true;
  return depth > 0 && isPlainObject(v) && Object.values(v as object).some((x) => holdsList(x, depth - 1));
}

/**
 * The records of an object keyed by record, as pandas writes a table (DataFrame.to_json): by row,
 * `{"0": {"序号": 1, …}, "1": {…}}` (orient='index', or records keyed by their ids), whose values
 * are records sharing their keys; by column, `{"序号": {"0": 1, "1": 2}, …}` (orient='columns'),
 * whose values share the row index (0, 1, …) as keys and hold no nested objects. Null for any other
 * object, such as one record with nested objects ({"被巡察单位": {"name": …}, "整改": {"状态": …}}).
 */
export function keyedRecords(doc: unknown): Record<string, Value>[] | null {
  if (!isPlainObject(doc)) return null;
  const entries = Object.entries(doc);
  if (!entries.length || !entries.every(([, v]) => isPlainObject(v) && Object.keys(v).length)) return null;
  const values = entries.map(([, v]) => v as Record<string, Value>);
  // A wrapper ({"2024": {"list": [...]}}, {"婺城区": {"code": 0, "data": {"list": [...]}}}) holds its
  // records in lists, found by recordLists, however deep (an empty list too: a wrapper of nothing).
  if (values.some((v) => holdsList(v, WRAP_DEPTH))) return null;
  const outerIndexed = entries.every(([k]) => INDEX_KEY.test(k));
  const innerIndexed = values.every((v) => Object.keys(v).every((k) => INDEX_KEY.test(k)));
  if (innerIndexed && !outerIndexed && values.every((v) => !Object.values(v).some(isRecord))) {
    const rows = [...new Set(values.flatMap((v) => Object.keys(v)))];
    return rows.map((row) => Object.fromEntries(entries.map(([column, v]) => [column, (v as Record<string, Value>)[row] ?? null])));
  }
  const first = new Set(Object.keys(values[0]));
  const shared = (v: Record<string, Value>) => Object.keys(v).filter((k) => first.has(k)).length * 2 > Object.keys(v).length;
  if (outerIndexed || (values.length > 1 && values.every((v) => Object.keys(v).length > 1 && shared(v)))) return values;
  return null;
}

/**
 * The records of an object of columns, as pandas writes `to_dict('list')` and many scripts a
 * table: `{"序号": [1, 2], "被巡察单位": ["甲", "乙"], …}`. Two keys at least, each a list of plain
 * values (no records), all of one length: row i takes the i-th value of each. Not one record with
 * a list in a field ({"附件": ["a.pdf", "b.pdf"], "序号": 1}), which has a value that is no list.
 */
function columnLists(doc: unknown): Record<string, Value>[] | null {
  if (!isPlainObject(doc)) return null;
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length < 2 || !entries.every(([, v]) => Array.isArray(v) && v.length > 0 && !v.some(isRecord))) return null;
  const lists = entries as [string, Value[]][];
  const n = lists[0][1].length;
  if (!lists.every(([, v]) => v.length === n)) return null;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(lists.map(([k, v]) => [k, v[i] ?? null])));
}

/**
 * The record lists of a parsed JSON document. An array is the records, and so is an object keyed
 * by record (keyedRecords). Another object is searched level by level for arrays of objects or
 * arrays: the first level that has any gives them, so a system export's
 * `{"code": 0, "data": {"list": [...], "total": 3}}` reads its list, and an object of arrays per
 * county (`{"婺城区": [...], "金东区": [...]}`) reads each as a sheet named by its key. An object
 * with no such array is one record, unless it holds only empty lists (no records).
 */
export function recordLists(doc: unknown): RecordList[] {
  if (Array.isArray(doc)) return [{ items: doc }];
  if (isRecord(doc) && !Object.keys(doc as object).length) return [{ items: [] }];
  const keyed = keyedRecords(doc) ?? columnLists(doc);
  if (keyed) return [{ items: keyed }];
  let level: [string, unknown][] = isRecord(doc) ? Object.entries(doc as object) : [];
  let empty = false;
  for (let depth = 0; depth < WRAP_DEPTH && level.length; depth++) {
    empty ||= level.some(([, v]) => Array.isArray(v) && !v.length);
    const found = level.filter(([, v]) => isRecordList(v));
    if (found.length) return found.map(([path, items]) => ({ path, items: items as unknown[] }));
    level = level.flatMap(([path, v]) => (isRecord(v) && !Array.isArray(v) ? Object.entries(v as object).map(([k, x]): [string, unknown] => [`${path}.${k}`, x]) : []));
  }
  return [{ items: empty ? [] : [doc] }];
}
