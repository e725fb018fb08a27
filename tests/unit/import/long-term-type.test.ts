import { test, expect } from 'vitest';
import { freshEngine, importOk, utf8 } from './helpers';

// 整改类型 has three tiers, 立行立改 / 限期整改 / 长期整改: the last is a long-term item whatever
// its 整改时限 and status say, so a dated one stays out of the deadline metrics (DOMAIN §7.3 D).
test('整改类型 长期整改 or 长期坚持, alone or beside another tier, marks the item long-term; 限期整改 and 立行立改 do not', async () => {
  const e = await freshEngine();
  await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,问题,整改类型,整改时限,整改状态
1,永康市教育局,问题一,长期整改,,正在整改
2,永康市教育局,问题二,长期坚持,2024年底前,正在整改
3,永康市教育局,问题三,限期整改,2024年底前,正在整改
4,永康市教育局,问题四,立行立改,,已完成
5,永康市教育局,问题五,,,正在整改
6,永康市教育局,问题六,限期整改,2024年底前，并长期坚持,正在整改
7,永康市教育局,问题七,立行立改、长期坚持,,已完成
8,永康市教育局,问题八,限期整改（非长期）,2024年底前,正在整改
9,永康市教育局,问题九,立行立改（不需要长期坚持）,,已完成
`));
  expect(await e.query('SELECT problem_title, rect_type, long_term, deadline FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', rect_type: '长期整改', long_term: true, deadline: null },
    { problem_title: '问题二', rect_type: '长期整改', long_term: true, deadline: '2024-12-31' },
    { problem_title: '问题三', rect_type: '限期整改', long_term: false, deadline: '2024-12-31' },
    { problem_title: '问题四', rect_type: '立行立改', long_term: false, deadline: null },
    { problem_title: '问题五', rect_type: null, long_term: false, deadline: null },
    { problem_title: '问题六', rect_type: '限期整改', long_term: true, deadline: '2024-12-31' },
    // Both tiers named: the first is its type, and it is long-term too.
    { problem_title: '问题七', rect_type: '立行立改', long_term: true, deadline: null },
    // A negation before the word: not long-term (review).
    { problem_title: '问题八', rect_type: '限期整改', long_term: false, deadline: '2024-12-31' },
    { problem_title: '问题九', rect_type: '立行立改', long_term: false, deadline: null },
  ]);
  e.close();
});

// DOMAIN §6.1 sets long_term from the deadline's words or the 是否长期坚持 flag: 整改类型 stands in for the flag only
// where the row has none, so a dated 长期整改 item flagged 否 is in the deadline set and can be overdue (helper-122).
test('a 是否长期坚持 of 否 is the ledger\'s answer over 整改类型 长期整改; an empty flag leaves 整改类型 to say', async () => {
  const e = await freshEngine();
  await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,问题,整改类型,整改时限,是否长期坚持,整改状态
1,永康市教育局,问题一,长期整改,2024年3月底前,否,正在整改
2,永康市教育局,问题二,长期整改,2024年3月底前,,正在整改
3,永康市教育局,问题三,长期整改,2024年3月底前,是,正在整改
4,永康市教育局,问题四,限期整改,2024年3月底前,是,正在整改
5,永康市教育局,问题五,限期整改,2024年3月底前，并长期坚持,否,正在整改
`));
  expect(await e.query('SELECT problem_title, long_term FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', long_term: false },
    { problem_title: '问题二', long_term: true },
    { problem_title: '问题三', long_term: true },
    { problem_title: '问题四', long_term: true },
    // The deadline's words give it whatever the flag says (§3.4).
    { problem_title: '问题五', long_term: true },
  ]);
  e.close();
});

// A flag that answers nothing (nan as pandas writes it, 未知, 不确定) is no 否: 整改类型 still says (helper-124); a flag
// written 长期坚持 is 是; a negation before 长期整改 holds across a space.
test('a 是否长期坚持 that answers nothing leaves 整改类型 to say; a flag of 长期坚持 is 是; 非 长期整改 is not long-term', async () => {
  const e = await freshEngine();
  const flags = [['长期整改', 'nan'], ['长期整改', 'N/A'], ['长期整改', 'None'], ['长期整改', '未知'], ['长期整改', '不确定'], ['长期整改', '未填写'],
    ['长期整改', '无法确定'], ['长期整改', '×'], ['限期整改', '长期坚持'], ['限期整改', '常态化坚持'], ['非 长期整改', ''], ['非长期整改', ''],
    // helper-126: other spellings of a missing value.
    ['长期整改', 'N.A.'], ['长期整改', 'n.a'], ['长期整改', 'nil'], ['长期整改', 'NaT'],
    // A sentence's full stop after one: N/A. is no more an answer than N/A (it read 否 by its leading n).
    ['长期整改', 'N/A.'], ['长期整改', 'none。'], ['长期整改', 'NULL.']];
  const rows = flags.map(([type, flag], i) => `${i + 1},永康市教育局,问题${'一二三四五六七八九十'[i % 10]}${i},${type},2024年3月底前,${flag},正在整改`);
  await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,问题,整改类型,整改时限,是否长期坚持,整改状态\n${rows.join('\n')}\n`));
  const got = await e.query<{ long_term: boolean }>('SELECT long_term FROM findings ORDER BY source_row');
  expect(got.map((r) => r.long_term)).toEqual([true, true, true, true, true, true, true, false, true, true, false, false, true, true, true, true, true, true, true]);
  e.close();
});
