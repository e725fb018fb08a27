import { test, expect } from 'vitest';
import { freshEngine, importOk, utf8 } from './helpers';

// 完成时间 written without its year (6月30日), as ledgers kept within one year write it: the day is
// the first such on or after the feedback date (that year's, else the next), and each such date is
// warned with the date it was read as. It stayed empty, warned as unreadable (review).
test('a completion day without its year is dated from the feedback, warned; without a feedback date the round year is used', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,反馈时间,整改状态,完成时间
1,永康市教育局,问题一,2023-10-15,已完成,12月5日
2,永康市教育局,问题二,2023-10-15,已完成,6月30日
3,永康市教育局,问题三,2023-10-15,已完成,十一月二十日完成
4,永康市教育局,问题四,2023年10月,已完成,10月8日
5,永康市教育局,问题五,2023-10-15,已完成,2024年3月1日
6,永康市教育局,问题六,2023-10-15,正在整改,6月底前
7,永康市教育局,问题七,,已完成,5月6日
`));
  expect(await e.query('SELECT problem_title, completion_date FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', completion_date: '2023-12-05' },
    // June is before the October feedback: the next year's.
    { problem_title: '问题二', completion_date: '2024-06-30' },
    { problem_title: '问题三', completion_date: '2023-11-20' },
    // A feedback month (2023年10月) counts from its first day.
    { problem_title: '问题四', completion_date: '2023-10-08' },
    { problem_title: '问题五', completion_date: '2024-03-01' },
    // A time limit without a year is no completion day (its deadline is checked below).
    { problem_title: '问题六', completion_date: null },
    // No feedback date: the round's year is not in the file name either (no 年), so no date.
    { problem_title: '问题七', completion_date: null },
  ]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => [i.row, i.value])).toEqual([
    [2, '12月5日 → 2023-12-05'], [3, '6月30日 → 2024-06-30'], [4, '十一月二十日完成 → 2023-11-20'], [5, '10月8日 → 2023-10-08'],
  ]);
  // The day without any year to take stays unread.
  expect(r.issues.filter((i) => i.code === 'date_invalid').map((i) => i.row)).toEqual([8]);
  // 6月底前 in 完成时间 is a time limit: no deadline is written, so it is the deadline, the first end of June
  // after the October feedback, and warned as a limit.
  expect(await e.query("SELECT deadline FROM findings WHERE problem_title = '问题六'")).toEqual([{ deadline: '2024-06-30' }]);
  expect(r.issues.filter((i) => i.code === 'completion_is_limit').map((i) => [i.row, i.value])).toEqual([[7, '6月底前']]);
  e.close();
});

test('without a feedback date, the year of a round named by its year dates the day', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '永康市委2023年第二轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,整改状态,完成时间
1,永康市教育局,问题一,已完成,5月6日
`));
  expect(await e.query('SELECT completion_date FROM findings')).toEqual([{ completion_date: '2023-05-06' }]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => i.value)).toEqual(['5月6日 → 2023-05-06']);
  e.close();
});

// (A measure row must date itself: one whose feedback cell is blank has no year to take.)
test('a problem of several measures takes the latest completion day, and is warned only when that day had no year', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,反馈时间,整改措施,整改状态,完成时间
1,永康市教育局,问题一,2023-10-15,措施一,已完成,12月5日
,,,2023-10-15,措施二,已完成,2024年3月1日
2,永康市教育局,问题二,2023-10-15,措施一,已完成,2023年11月1日
,,,2023-10-15,措施二,已完成,1月20日
`));
  expect(await e.query('SELECT problem_title, completion_date FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', completion_date: '2024-03-01' },
    { problem_title: '问题二', completion_date: '2024-01-20' },
  ]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => [i.row, i.value])).toEqual([[4, '1月20日 → 2024-01-20']]);
  e.close();
});

// Review: the yearless-day test and the date code disagreed (12月5号, 6月30日已完成 flagged yet left empty;
// 2月30日 flagged with no date), 六月底前 in 完成时间 was no limit (tested before Chinese numerals were
// digits), and a day was put in the next year even when that was after the ledger's own as-of date.
test('a yearless completion day is read as the deadline code reads it, a limit in Chinese numerals is one, and no day lands after the as-of date', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账（截至2023年12月31日）.csv', utf8(`序号,被巡察单位,具体问题,反馈时间,整改状态,完成时间
1,永康市教育局,问题一,2023-10-15,已完成,12月5号
2,永康市教育局,问题二,2023-10-15,已完成,11月30日已完成
3,永康市教育局,问题三,2023-10-15,已完成,2月30日
4,永康市教育局,问题四,2023-10-15,正在整改,六月底前
5,永康市教育局,问题五,2023-10-15,已完成,10月10日
6,永康市教育局,问题六,2023-10-15,已完成,12月20日
`));
  expect(await e.query('SELECT problem_title, completion_date, deadline FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', completion_date: '2023-12-05', deadline: null },
    { problem_title: '问题二', completion_date: '2023-11-30', deadline: null },
    // No such day: unread, and not said to be dated.
    { problem_title: '问题三', completion_date: null, deadline: null },
    { problem_title: '问题四', completion_date: null, deadline: '2024-06-30' },
    // 2024-10-10 would be after 截至2023年12月31日: the day is the feedback year's, fixed before the feedback.
    { problem_title: '问题五', completion_date: '2023-10-10', deadline: null },
    { problem_title: '问题六', completion_date: '2023-12-20', deadline: null },
  ]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => [i.row, i.value])).toEqual([
    [2, '12月5号 → 2023-12-05'], [3, '11月30日已完成 → 2023-11-30'], [6, '10月10日 → 2023-10-10'], [7, '12月20日 → 2023-12-20'],
  ]);
  expect(r.issues.filter((i) => i.code === 'date_invalid').map((i) => [i.row, i.value])).toEqual([[4, '2月30日']]);
  expect(r.issues.filter((i) => i.code === 'completion_is_limit').map((i) => [i.row, i.value])).toEqual([[5, '六月底前']]);
  e.close();
});

// Review: 下旬 and a month's end were unread while 上旬 and 中旬 were dated; 6.30号前 was a limit without a
// deadline; 前后 (around a day) read as a limit; a day said done (已于12月5日完成, 12月5日（已完成）) was unread.
test('every yearless period reads as its dated form does; around a day is no limit; a day said done is a day', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,反馈时间,整改状态,完成时间
1,永康市教育局,问题一,2023-10-15,已完成,6月下旬
2,永康市教育局,问题二,2023-10-15,已完成,6月中旬
3,永康市教育局,问题三,2023-10-15,已完成,11月底
4,永康市教育局,问题四,2023-10-15,正在整改,6.30号前
5,永康市教育局,问题五,2023-10-15,已完成,2023年12月5日前后
6,永康市教育局,问题六,2023-10-15,已完成,已于12月5日完成
7,永康市教育局,问题七,2023-10-15,已完成,12月5日（已完成）
`));
  expect(await e.query('SELECT problem_title, completion_date, deadline FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', completion_date: '2024-06-30', deadline: null },
    { problem_title: '问题二', completion_date: '2024-06-20', deadline: null },
    { problem_title: '问题三', completion_date: '2023-11-30', deadline: null },
    { problem_title: '问题四', completion_date: null, deadline: '2024-06-30' },
    { problem_title: '问题五', completion_date: '2023-12-05', deadline: null },
    { problem_title: '问题六', completion_date: '2023-12-05', deadline: null },
    { problem_title: '问题七', completion_date: '2023-12-05', deadline: null },
  ]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => i.row)).toEqual([2, 3, 4, 7, 8]);
  expect(r.issues.filter((i) => i.code === 'completion_is_limit').map((i) => i.row)).toEqual([5]);
  expect(r.issues.filter((i) => i.code === 'date_invalid')).toEqual([]);
  e.close();
});

// Review: a merged sheet saved as CSV writes 反馈时间 on the problem's row only; its measure rows' days
// without a year had no feedback to be dated from, so the problem took an earlier measure's day or deadline.
test('measure rows without a feedback date of their own are dated from the problem\'s', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '永康市委2023年第二轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,反馈时间,整改措施,整改时限,整改状态,完成时间
1,永康市教育局,问题一,2023-10-15,措施一,,已完成,12月5日
,,,,措施二,,已完成,3月1日
2,永康市教育局,问题二,2023-10-15,措施一,12月底前,正在整改,
,,,,措施二,次年6月底前,正在整改,
`));
  // 3月1日 is the next year's, not the round year's (2023-03-01, before the feedback).
  expect(await e.query('SELECT problem_title, completion_date, deadline FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', completion_date: '2024-03-01', deadline: null },
    { problem_title: '问题二', completion_date: null, deadline: '2024-06-30' },
  ]);
  expect(r.issues.filter((i) => i.code === 'completion_year_inferred').map((i) => [i.row, i.value])).toEqual([[2, '3月1日 → 2024-03-01']]);
  expect(r.issues.filter((i) => i.code === 'deadline_year_assumed').map((i) => [i.row, i.value])).toEqual([[4, '次年6月底前 → 2024-06-30']]);
  e.close();
});
