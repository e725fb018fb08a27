import { fieldByKey } from '../domain/fields';

// A group of dates (完成时间, 整改时限, 时间节点) over the planned and the actual one, and a group of
// progress (完成情况, 整改情况) over its status and its date: the sub-label says which field it is.
const DATE_GROUP = /时间|时限|日期|节点|期限/;
const PROGRESS_GROUP = /完成情况|整改情况|进展|进度/;
const PLANNED = /^(计划|预计|规定|要求|应|承诺)(完成)?(时间|日期|时限)?$/;
const ACTUAL = /^(实际|已)(完成)?(时间|日期)?$/;
// A group of categories (问题类别, 问题分类, 问题类型) over its two levels: 大类 | 小类, 一级 | 二级.
// Not 整改类型, which is how an item is fixed (rect_type).
const CATEGORY_GROUP = /^(问题)?(类别|分类|类型)$/;
const LEVEL_ONE = /^(问题)?(大类|一级|一级(类别|分类|类型)|类别|主类)$/;
const LEVEL_TWO = /^(问题)?(小类|子类|细类|二级|二级(类别|分类|类型)|具体类别)$/;

/** The canonical header a sub-label under a group label stands for, or null (then `group/sub`). */
export function subHeader(group: string, sub: string): string | null {
  const g = group.normalize('NFKC');
  const l = sub.normalize('NFKC').replace(/\s+/g, '');
  if (DATE_GROUP.test(g) && !PROGRESS_GROUP.test(g)) {
    if (PLANNED.test(l)) return fieldByKey('deadline_raw')!.header;
    if (ACTUAL.test(l)) return fieldByKey('completion_date')!.header;
  }
  if (CATEGORY_GROUP.test(g.replace(/\s+/g, ''))) {
    if (LEVEL_ONE.test(l)) return fieldByKey('category_l1')!.header;
    if (LEVEL_TWO.test(l)) return fieldByKey('category_l2')!.header;
  }
  if (PROGRESS_GROUP.test(g)) {
    if (/^(状态|进度|进展|完成状态)$/.test(l)) return fieldByKey('status_raw')!.header;
    if (/^(完成)?(时间|日期)$/.test(l)) return fieldByKey('completion_date')!.header;
  }
  return null;
}
