import { test, expect } from 'vitest';
import { freshEngine, importOk } from '../import/helpers';
import { readableRow } from '../../../src/lib/state/readableRow';
import { L2 } from '../../../src/lib/domain/taxonomy';
test('categories as the findings export writes them (code and name, either language) re-import as the same codes', async () => {
  for (const lang of ['zh', 'en'] as const) {
    const e = await freshEngine();
    const codes = [...L2.map((c) => c.code), 'Z'];
    const cells = codes.map((c) => readableRow({ category_l1: c[0], category_l2: c.length > 1 ? c : null }, lang));
    const text = ['被巡察单位,具体问题,县市区,轮次名称,问题类别,问题子类,整改状态',
     ...cells.map((r, i) => `单位${i},问题${i},市本级,八届市委第二轮巡察,"${r.category_l1}","${r.category_l2 ?? ''}",已完成`)].join('\n');
    await importOk(e, 'rt.csv', new TextEncoder().encode(text));
    const got = await e.query<{ category_l1: string; category_l2: string | null }>('SELECT category_l1, category_l2 FROM findings ORDER BY source_row');
    expect(got.map((g) => g.category_l2 ?? g.category_l1)).toEqual(codes);
  }
});
