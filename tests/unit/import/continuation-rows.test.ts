import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { engineEachTest, freshEngine, importOk, issuesOf } from './helpers';

/**
 * A problem's text continued in the row below (continuation-rows.ts): that row holds the rest of
 * the text and nothing else. Each expectation is worked out by hand from the rows below.
 */
const e = engineEachTest();

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = '序号,被巡察单位,轮次名称,具体问题,整改状态,完成时间';
const ROUND = '八届市委第三轮巡察';

function workbook(rows: (string | number | null)[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const skipped = (r: Parameters<typeof issuesOf>[0]) =>
  issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_continuation').map((i) => i.row);

test('CSV: a row holding only the rest of a problem text is joined to the problem above, not a finding of its own', async () => {
  // Two problems, one completed: 50%. Read as three findings (the rest a finding with no status)
  // it was 33.33%, and the rest's half sentence matched no category.
  const csv = [HEADER,
    `1,市教育局党委,${ROUND},落实意识形态工作责任制不到位，对网络舆情,已完成,2024-05-01`,
    ',,,研判处置不及时,,',
    `2,市教育局党委,${ROUND},违规发放津补贴,正在整改,`].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 1]);
  expect(skipped(r)).toEqual([3]);
  // No year anywhere in this ledger: said once, of the dataset.
  expect(issuesOf(r, 'warning')).toEqual([{ row: 0, code: 'year_missing' }]);
  expect(await e.query(`SELECT source_row, problem_title, status, category_l2 FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 2, problem_title: '落实意识形态工作责任制不到位，对网络舆情研判处置不及时', status: 'completed', category_l2: 'B2' },
    { source_row: 4, problem_title: '违规发放津补贴', status: 'in_progress', category_l2: 'D2' },
  ]);
  const [k] = await e.query<{ n: number; done: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE status = 'completed') AS done FROM findings`);
  expect(k).toEqual({ n: 2, done: 1 });
});

test('XLSX: two rows of rest, a blank row between, go to the same problem in order', async () => {
  const bytes = workbook([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改状态'],
    [1, '市教育局党委', '三重一大事项', '已完成'],
    [null, null, '决策程序不规范，', null],
    [null, null, null, null],
    [null, null, '会议记录不全', null],
    [2, '市教育局党委', '违规吃喝', '已完成'],
  ]);
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 2]);
  expect(skipped(r)).toEqual([4, 6]);
  expect(await e.query(`SELECT problem_title, category_l2 FROM findings ORDER BY source_row`)).toEqual([
    { problem_title: '三重一大事项决策程序不规范，会议记录不全', category_l2: 'A3' },
    { problem_title: '违规吃喝', category_l2: 'D1' },
  ]);
});

test('a lone text that is a heading, a note, a total or a new numbered item is not the rest of the problem above', async () => {
  const csv = [HEADER,
    `1,市教育局党委,${ROUND},违规吃喝,已完成,2024-05-01`,
    ',,,二、组织建设方面,,',
    `2,市教育局党委,${ROUND},发展党员不规范,已完成,2024-05-02`,
    ',,,2、党费收缴不及时,,',
    ',,,注：完成时间以销号为准,,',
    ',,,合计,,'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect(skipped(r)).toEqual([]);
  const titles = (await e.query<{ problem_title: string }>(`SELECT problem_title FROM findings ORDER BY source_row`)).map((x) => x.problem_title);
  expect(titles).toContain('违规吃喝');
  expect(titles).toContain('发展党员不规范');
  expect(titles.some((t) => t.includes('组织建设') && t !== '二、组织建设方面')).toBe(false);
  const info = issuesOf(r, 'info').map((i) => i.code);
  expect(info).toContain('row_skipped_note');
  expect(info).toContain('row_skipped_total');
});

test('without a 序号 column, or under a row without its 序号, a text-only row stays a row of its own', async () => {
  const noId = ['被巡察单位,轮次名称,具体问题,整改状态',
    `市教育局党委,${ROUND},违规吃喝,已完成`,
    ',,研判处置不及时,'].join('\n');
  const [a] = await importOk(e, 'export.csv', enc(noId));
  expect(skipped(a)).toEqual([]);
  expect(a.rowsAccepted + a.rowsRejected).toBe(2);

  const e2 = await freshEngine();
  try {
    const idless = [HEADER,
      `,市教育局党委,${ROUND},违规吃喝,已完成,2024-05-01`,
      ',,,研判处置不及时,,'].join('\n');
    const [b] = await importOk(e2, 'export.csv', enc(idless));
    expect(skipped(b)).toEqual([]);
  } finally {
    e2.close();
  }
});

test('no join under a text that ends its sentence, under a heading row, or of a heading or a footer', async () => {
  const csv = [HEADER,
    `1,市教育局党委,${ROUND},违规发放津补贴问题较为突出。,已完成,2024-05-01`,
    // A late-added problem under a finished sentence: a row of its own.
    ',,,选人用人工作把关不到位,,',
    `2,市教育局党委,${ROUND},三会一课不规范,已完成,2024-05-02`,
    // A heading naming a kind of thing, and footers.
    ',,,选人用人专项检查反馈问题,,',
    `3,市教育局党委,${ROUND},理论学习不深入,正在整改,`,
    ',,,以上问题均已整改完成,,',
    ',,,（以下空白）,,'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect(skipped(r)).toEqual([]);
  const titles = (await e.query<{ problem_title: string }>(`SELECT problem_title FROM findings ORDER BY source_row`)).map((x) => x.problem_title);
  expect(titles.slice(0, 1)).toEqual(['违规发放津补贴问题较为突出。']);
  expect(titles).toContain('三会一课不规范');
  expect(titles).toContain('理论学习不深入');
  expect(issuesOf(r, 'info').map((i) => i.code)).toContain('row_skipped_note');
});

test('a text under a heading numbered in its own cell is not joined into the heading', async () => {
  const csv = [HEADER,
    '一、,,,党的政治建设方面,,',
    ',,,学习贯彻不到位,,',
    `1,市教育局党委,${ROUND},理论学习不深入,已完成,2024-05-01`].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect(skipped(r)).toEqual([]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_section').map((i) => i.row)).toEqual([2]);
});

test('where problems go on without a 序号 (merged unit and 序号 saved as CSV), a text alone is a problem whose status is not filled in (review)', async () => {
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '1,永康市,永康市教育局,八届市委第三轮巡察,理论学习中心组学习不深入,已完成',
    ',,,,违规发放津补贴较为普遍,',
    ',,,,三会一课不规范,正在整改',
    '2,永康市,永康市财政局,八届市委第三轮巡察,违规吃喝问题较为突出,已完成',
    ',,,,公车管理不规范,已完成'].join('\n');
  const [r] = await importOk(e, 'a.csv', enc(csv));
  // Before, row 3 was joined to row 2 (学习不深入违规发放…, completed): 3 of 4 completed instead of 3 of 5.
  expect(r.rowsAccepted).toBe(5);
  expect(issuesOf(r, 'warning').filter((i) => i.code === 'status_blank')).toEqual([{ row: 3, code: 'status_blank' }]);
  expect(await e.query('SELECT problem_title, unit_name, status FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '理论学习中心组学习不深入', unit_name: '永康市教育局', status: 'completed' },
    { problem_title: '违规发放津补贴较为普遍', unit_name: '永康市教育局', status: null },
    { problem_title: '三会一课不规范', unit_name: '永康市教育局', status: 'in_progress' },
    { problem_title: '违规吃喝问题较为突出', unit_name: '永康市财政局', status: 'completed' },
    { problem_title: '公车管理不规范', unit_name: '永康市财政局', status: 'completed' }]);
});

test('one problem whose 序号 was forgotten leaves the continuation rows of the sheet joined (review)', async () => {
  const csv = ['中共东阳市教育局委员会关于市委第三轮巡察反馈意见整改落实情况台账', '序号,具体问题,整改措施,整改状态',
    '1,落实意识形态工作责任制不到位，对网络舆情,建立研判机制,已完成', ',研判处置不及时,,',
    '2,违规发放津补贴,清退,正在整改', ',公务用车管理不规范,完善制度,已完成'].join('\n');
  const [r] = await importOk(e, 'a.csv', enc(csv));
  expect(r.rowsAccepted).toBe(3);
  expect((await e.query<{ problem_title: string }>('SELECT problem_title FROM findings ORDER BY source_row')).map((x) => x.problem_title))
    .toEqual(['落实意识形态工作责任制不到位，对网络舆情研判处置不及时', '违规发放津补贴', '公务用车管理不规范']);
});
