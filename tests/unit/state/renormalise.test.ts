import { expect, test } from 'vitest';
import { SCHEMA_DDL } from '../../../src/lib/db/schema';
import { NORMS_VERSION, renormaliseStored } from '../../../src/lib/state/renormalise';
import { freshEngine, importOk, utf8 } from '../import/helpers';

/**
 * A ledger stored by an earlier version keeps the unit keys of that version's rules; at start they
 * are recomputed once, so that it links with ledgers imported now (金华市教育局 = 市教育局党委).
 */
test('stored unit keys from earlier rules are recomputed once, as an import now gives them', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  await importOk(e, 'a.csv', utf8([head, '市本级,金华市教育局,八届市委第一轮巡察,教育局违规吃喝,已完成', '市本级,市教育局党委,八届市委第三轮巡察,教育局违规吃喝,正在推进'].join('\n')));
  const norms = async () => (await e.query<{ n: string; t: string }>('SELECT unit_name_norm AS n, norm_title AS t FROM findings ORDER BY source_row'));
  const now = await norms();
  expect(now).toEqual([{ n: '教育局', t: '违规吃喝' }, { n: '教育局', t: '违规吃喝' }]);
  // As an earlier version stored them: the key, and the title words that left out that key.
  await e.exec(`UPDATE findings SET unit_name_norm = CASE unit_name WHEN '金华市教育局' THEN '金华市教育局' ELSE '市教育局' END, norm_title = '教育局违规吃喝'`);
  await renormaliseStored(e);
  expect(await norms()).toEqual(now);
  expect((await e.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'norms_version'`))[0].value).toBe(NORMS_VERSION);
  // Once: a later start leaves the keys alone.
  await e.exec(`UPDATE findings SET unit_name_norm = 'x'`);
  await renormaliseStored(e);
  expect((await norms()).map((r) => r.n)).toEqual(['x', 'x']);
});

test('stored title words that kept the unit\'s name without its place are recomputed: the two files\' problems match again', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  await importOk(e, 'a.csv', utf8([head, '义乌市,义乌市佛堂镇党委,八届市委第一轮巡察,佛堂镇党委班子议事规则不健全,已完成',
    '义乌市,佛堂镇党委,八届市委第一轮巡察,佛堂镇党委班子议事规则不健全,已完成'].join('\n')));
  const words = async () => (await e.query<{ t: string }>('SELECT norm_title AS t FROM findings ORDER BY source_row')).map((r) => r.t);
  expect(await words()).toEqual(['班子议事规则不健全', '班子议事规则不健全']);
  // Version 2 left the place-less name in under the unit written with its county.
  await e.exec(`UPDATE findings SET norm_title = '党委班子议事规则不健全' WHERE unit_name = '义乌市佛堂镇党委'`);
  await e.exec(`UPDATE meta SET value = '2' WHERE key = 'norms_version'`);
  await renormaliseStored(e);
  expect(await words()).toEqual(['班子议事规则不健全', '班子议事规则不健全']);
});

test('a database stored before titles\' numbers were kept gets the column and its numbers: 3万元 is not 5万元 of the same unit', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const row = (title: string) => `市本级,市财政局,八届市委第一轮巡察,${title},已完成`;
  await importOk(e, 'a.csv', utf8([head, row('违规发放津补贴3万元'), row('公车管理不严')].join('\n')));
  // As version 7 stored it: no such column.
  await e.exec('ALTER TABLE findings DROP COLUMN title_numbers');
  await e.exec(`UPDATE meta SET value = '7' WHERE key = 'norms_version'`);
  for (const s of SCHEMA_DDL) await e.exec(s);
  await renormaliseStored(e);
  expect(await e.query('SELECT problem_title, title_numbers FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '违规发放津补贴3万元', title_numbers: '3' }, { problem_title: '公车管理不严', title_numbers: null }]);
  const [r] = await importOk(e, 'b.csv', utf8([head, row('违规发放津补贴5万元'), row('违规发放津补贴３万元'), row('公车管理不严')].join('\n')), { allowDuplicate: true });
  expect(r.issues.filter((i) => i.code === 'duplicate_existing').map((i) => i.row)).toEqual([3, 4]);
});

test('titles stored under version 8 get the amount a space from its unit back: 3 万元 is not 5 万元', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const row = (title: string) => `市本级,市财政局,八届市委第一轮巡察,${title},已完成`;
  await importOk(e, 'a.csv', utf8([head, row('3 万元专项资金未及时拨付')].join('\n')));
  // As version 8 stored it: the 3 read as an item number.
  await e.exec(`UPDATE findings SET title_numbers = NULL`);
  await e.exec(`UPDATE meta SET value = '8' WHERE key = 'norms_version'`);
  await renormaliseStored(e);
  expect(await e.query('SELECT title_numbers FROM findings')).toEqual([{ title_numbers: '3' }]);
  const [r] = await importOk(e, 'b.csv', utf8([head, row('5 万元专项资金未及时拨付')].join('\n')));
  expect(r.issues.filter((i) => i.code === 'duplicate_existing')).toEqual([]);
  e.close();
});

test('titles stored under version 9 lose an item number before a counting character: 1 村级… is 2 村级…', async () => {
  const e = await freshEngine();
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const row = (title: string) => `市本级,市财政局,八届市委第一轮巡察,${title},已完成`;
  await importOk(e, 'a.csv', utf8([head, row('1 村级财务管理不规范')].join('\n')));
  // As version 9 stored it: the item number read as one of the title's numbers.
  await e.exec(`UPDATE findings SET title_numbers = '1'`);
  await e.exec(`UPDATE meta SET value = '9' WHERE key = 'norms_version'`);
  await renormaliseStored(e);
  expect(await e.query('SELECT title_numbers FROM findings')).toEqual([{ title_numbers: null }]);
  const [r] = await importOk(e, 'b.csv', utf8([head, row('2 村级财务管理不规范')].join('\n')), { allowDuplicate: true });
  expect(r.issues.filter((i) => i.code === 'duplicate_existing').map((i) => i.row)).toEqual([2]);
  e.close();
});
