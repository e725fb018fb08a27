import { test, expect } from 'vitest';
import { freshEngine, importOk, utf8 } from './helpers';

// DOMAIN.md §3.4: a 立行立改 item's deadline is the feedback date + immediateFixDays (30), also when
// 立行立改 is said by its 整改类型 or 问题来源 and the 整改时限 cell is empty.
test('立行立改 in 整改类型 or 问题来源 with no deadline written: feedback + 30 days; a written deadline wins', async () => {
  const e = await freshEngine();
  const csv = `2024年县委第一轮巡察东阳市整改台账
序号,县市区,被巡察单位,反馈时间,问题,整改类型,问题来源,整改时限,整改状态
1,东阳市,甲局,2024-03-01,违规发放津补贴,立行立改,,,正在整改
2,东阳市,甲局,2024-03-01,公车私用,,立行立改问题,,正在整改
3,东阳市,甲局,2024-03-01,档案管理不规范,立行立改,,2024年6月底前,正在整改
4,东阳市,甲局,2024-03-01,三会一课不规范,限期整改,,,正在整改
5,东阳市,甲局,,选人用人不规范,立行立改,,,正在整改
`;
  await importOk(e, 'a.csv', utf8(csv));
  expect((await e.query<{ deadline: string | null }>('SELECT deadline FROM findings ORDER BY source_row')).map((r) => r.deadline))
    .toEqual(['2024-03-31', '2024-03-31', '2024-06-30', null, null]);
  e.close();
});

// DOMAIN.md §2 (集中整改期): a deadline written as the concentrated period itself is the feedback date +
// concentratedPeriodMonths, said in the report as any deadline dated from the feedback is; not unreadable.
test('整改时限 集中整改期内: feedback + concentratedPeriodMonths, reported as dated; after it is no date', async () => {
  const e = await freshEngine();
  const csv = `2024年县委第一轮巡察东阳市整改台账
序号,县市区,被巡察单位,反馈时间,问题,整改措施,整改时限,整改状态
1,东阳市,甲局,2024-03-15,违规发放津补贴,清退,集中整改期内,正在整改
2,东阳市,甲局,2024-03-15,公车私用,,集中整改期内完成，并长期坚持,正在整改
3,东阳市,甲局,2024-03-15,档案管理不规范,,集中整改期后,正在整改
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv), { params: { concentratedPeriodMonths: 4 } });
  expect(await e.query('SELECT deadline, long_term FROM findings ORDER BY source_row')).toEqual([
    { deadline: '2024-07-15', long_term: false }, { deadline: '2024-07-15', long_term: true }, { deadline: null, long_term: false },
  ]);
  expect(r.issues.filter((i) => i.column === '整改时限').map((i) => [i.row, i.code, i.value])).toEqual([
    [3, 'deadline_year_assumed', '集中整改期内 → 2024-07-15'], [4, 'deadline_year_assumed', '集中整改期内完成，并长期坚持 → 2024-07-15'],
    [5, 'deadline_unparsed', '集中整改期后'],
  ]);
  e.close();
});
