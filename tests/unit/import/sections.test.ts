import { describe, test, expect } from 'vitest';
import { freshEngine, importOk } from './helpers';

describe('section headings between problems (一、…方面)', () => {
  // 台账资料不齐全 names no category by its words: its heading places it (A, 政治建设).
  test('are skipped and reported, and give the rows under them their 方面 and category', async () => {
    const e = await freshEngine();
    const text = [
      '被巡察单位,具体问题,县市区,轮次名称,整改状态',
      '一、党的政治建设方面,,,,',
      '市教育局党委,贯彻落实上级决策部署打折扣,市本级,八届市委第三轮巡察,已完成',
      '市教育局党委,台账资料不齐全,市本级,八届市委第三轮巡察,正在整改',
      '（二）全面从严治党方面,,,,',
      '市教育局党委,落实主体责任不到位,市本级,八届市委第三轮巡察,已完成',
    ].join('\n');
    const [r] = await importOk(e, 'sections.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2]);
    expect(r.issues.filter((i) => i.severity === 'info').map((i) => [i.row, i.code, i.value])).toEqual([
      [2, 'row_skipped_section', '一、党的政治建设方面'], [5, 'row_skipped_section', '（二）全面从严治党方面'],
    ]);
    expect(await e.query('SELECT source_row, aspect_raw, category_l1 FROM findings ORDER BY source_row')).toEqual([
      { source_row: 3, aspect_raw: '一、党的政治建设方面', category_l1: 'A' },
      { source_row: 4, aspect_raw: '一、党的政治建设方面', category_l1: 'A' },
      { source_row: 6, aspect_raw: '（二）全面从严治党方面', category_l1: 'G' },
    ]);
  });

  test('a problem row that starts with 一、 is still a problem', async () => {
    const e = await freshEngine();
    const text = '被巡察单位,具体问题,县市区,轮次名称\n市教育局党委,一、理论学习不深入,市本级,八届市委第三轮巡察\n';
    const [r] = await importOk(e, 'numbered.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 0]);
  });
});

// A table that starts at column C or further right (margin columns, common in office sheets): a
// heading row in its first column is a heading, as when the table starts at column A.
test.each([0, 2, 3])('a heading row of a table starting %i columns right is skipped, not rejected', async (n) => {
  const { freshEngine, importOk } = await import('./helpers');
  const XLSX = await import('@e965/xlsx');
  const R = '八届市委第三轮巡察';
  const rows = [
    ['八届市委第三轮巡察整改台账'],
    ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
    ['一、婺城区'],
    [1, '婺城区', '婺城区教育局', R, '理论学习不深入', '已完成'],
    ['婺城区'],
    [2, '婺城区', '婺城区财政局', R, '违规吃喝', '正在推进'],
  ].map((r) => [...Array(n).fill(null), ...r]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  const e = await freshEngine();
  try {
    const [report] = await importOk(e, `offset${n}.xlsx`, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect([report.rowsAccepted, report.rowsRejected, report.rowsSkipped]).toEqual([2, 0, 2]);
  } finally {
    e.close();
  }
});

// An unheaded 序号 column: the table still starts at column A, and a template row that holds only
// its number is skipped, not rejected.
test('a bare numbered row under a blank 序号 header is skipped', async () => {
  const { freshEngine, importOk } = await import('./helpers');
  const csv = [',县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '1,婺城区,单位甲,八届市委第三轮巡察,问题一不深入,已完成',
    '2,婺城区,单位乙,八届市委第三轮巡察,问题二不到位,整改中',
    '3,,,,,', '4,,,,,'].join('\n');
  const e = await freshEngine();
  try {
    const [report] = await importOk(e, 'a.csv', new TextEncoder().encode(csv));
    expect([report.rowsAccepted, report.rowsRejected, report.rowsSkipped]).toEqual([2, 0, 2]);
  } finally {
    e.close();
  }
});

// Headings written in the problem column itself (DOMAIN §2.2 nests 方面 → 问题 → 具体表现), alone or
// beside a plain 序号 with nothing else in the row: not problems.
describe('headings in the problem column', () => {
  const R = '十二届区委第二轮巡察';
  const head = ['序号', '县市区', '被巡察单位', '轮次名称', '反馈问题', '整改措施', '整改时限', '整改进展'];
  const row = (no: string | null, title: string, rest: (string | null)[] = []) => [no, ...(rest.length ? ['婺城区', '区文旅体局', R] : [null, null, null]), title, ...rest];
  const csv = (rows: (string | null)[][]) => new TextEncoder().encode([head, ...rows].map((r) => r.map((c) => c ?? '').map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  const done = ['制定学习计划', '2023年3月底前', '已完成'];
  const going = ['加强阵地管理', '2023年6月底前', '正在整改'];

  test('一、…方面 alone in the problem column is a section over the rows under it', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'a.csv', csv([
      row(null, '一、贯彻落实上级决策部署不够有力方面'), row('1', '学思践悟不深不透', done), row('2', '第一议题制度执行不到位', done),
      row(null, '二、全面从严治党责任落实不到位方面'), row('3', '意识形态阵地管理不严', going),
    ]));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2]);
    expect(r.issues.filter((i) => i.code === 'row_skipped_section').map((i) => i.row)).toEqual([2, 5]);
    expect(await e.query('SELECT source_row, aspect_raw FROM findings ORDER BY source_row')).toEqual([
      { source_row: 3, aspect_raw: '一、贯彻落实上级决策部署不够有力方面' }, { source_row: 4, aspect_raw: '一、贯彻落实上级决策部署不够有力方面' },
      { source_row: 6, aspect_raw: '二、全面从严治党责任落实不到位方面' },
    ]);
    e.close();
  });

  test('a 问题 heading (1.关于"…"问题, beside a 序号 or in the text) over its 具体表现 is a heading; the 具体表现 are the findings', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'b.csv', csv([
      row('一', '在"贯彻落实上级决策部署不够有力，党组领导核心作用发挥不足"方面'),
      row('1', '关于"学习贯彻党的创新理论不够到位"问题'),
      row('（1）', '学思践悟习近平新时代中国特色社会主义思想不深不透', done), row('（2）', '第一议题制度执行不到位', done),
      row(null, '2.关于"意识形态工作责任制落实不到位"问题'),
      row('（1）', '意识形态阵地管理不严', going),
    ]));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 3]);
    expect(r.issues.filter((i) => i.severity === 'info' && i.code.startsWith('row_skipped')).map((i) => [i.row, i.code])).toEqual([
      [2, 'row_skipped_section'], [3, 'row_skipped_heading'], [6, 'row_skipped_heading'],
    ]);
    expect((await e.query('SELECT problem_title FROM findings ORDER BY source_row')).map((x) => x.problem_title)).toEqual([
      '学思践悟习近平新时代中国特色社会主义思想不深不透', '第一议题制度执行不到位', '意识形态阵地管理不严',
    ]);
    e.close();
  });

  test('a list of titles alone keeps every title a problem, also one that reads like a heading', async () => {
    const e = await freshEngine();
    const text = [`中共婺城区文化和广电旅游体育局党组关于${R}反馈意见整改情况台账`, '序号,具体问题', '1,理论学习不深入', '2,关于违规发放津补贴的问题', '3,意识形态工作方面', '4,选人用人不规范'].join('\n');
    const [r] = await importOk(e, 'c.csv', new TextEncoder().encode(text));
    expect(r.rowsAccepted).toBe(4);
    expect(r.issues.filter((i) => i.code.startsWith('row_skipped')).map((i) => i.row)).not.toContain(3);
    expect((await e.query('SELECT problem_title FROM findings ORDER BY source_row')).map((x) => x.problem_title)).toContain('关于违规发放津补贴的问题');
    e.close();
  });

  test('problems whose other cells are still blank stay problems: 关于…的问题 without quotes, …方面 beside a 序号, a unit before the title', async () => {
    const e = await freshEngine();
    const text = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改措施,整改状态',
      ...['理论学习不深入', '违规发放津补贴', '三会一课不规范', '选人用人不规范'].map((t, i) => `${i + 1},婺城区,区文旅体局,${R},${t},制定计划,已完成`),
      `5,婺城区,区文旅体局,${R},关于公务接待管理不规范的问题,,`, `6,婺城区,区文旅体局,${R},意识形态工作责任制落实方面,,`].join('\n');
    const [r] = await importOk(e, 'blank.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([6, 0]);
    // A plain 序号 and a plain title, with nothing else filled: a problem (rejected for its missing unit, not skipped).
    const bare = ['序号,被巡察单位,具体问题,整改措施,整改状态', '1,区文旅体局,理论学习不深入,制定计划,已完成', '2,区文旅体局,违规吃喝,清退,已完成',
      '3,区文旅体局,选人用人不规范,整改,正在整改', '4,,关于公务接待管理不规范的问题,,'].join('\n');
    const [b] = await importOk(e, `婺城区${R}.csv`, new TextEncoder().encode(bare), { allowDuplicate: true });
    expect(b.issues.filter((i) => i.code.startsWith('row_skipped')).map((i) => i.row)).toEqual([]);
    // The unit in the first column, a 方面 title beside it: a problem, not a section.
    const unitFirst = ['被巡察单位,具体问题,整改措施,整改状态', '区文旅体局,理论学习不深入,制定计划,已完成', '区文旅体局,违规吃喝,清退,已完成',
      '区文旅体局,选人用人不规范,整改,正在整改', '区文旅体局,意识形态工作方面,,'].join('\n');
    const [u] = await importOk(e, `婺城区${R}台账.csv`, new TextEncoder().encode(unitFirst), { allowDuplicate: true });
    expect([u.rowsAccepted, u.rowsSkipped]).toEqual([4, 0]);
    e.close();
  });

  test('a problem row with data that starts 关于 or ends 方面 stays a problem', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'd.csv', csv([
      row('1', '关于违规发放津补贴的问题', done), row('2', '意识形态工作责任制落实方面', going), row('3', '理论学习不深入', done),
    ]));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 0]);
    e.close();
  });
});

// helper-128: a 方面 numbered 1 / 1. / 1、 / （1） / A / 第一部分 in the 序号 column, with nothing else in its row, over problems
// numbered 1.1, 1-1 or 1, 2 was a problem with no status: 6 problems at 50% where the ledger has 4 at 75%.
describe('a 方面 numbered in the 序号 column otherwise than 一、', () => {
  const ledger = (s1: string, s2: string, kids: string[]) => ['浦江县教育局党委落实十五届浦江县委第三轮巡察反馈意见整改台账', '序号,问题,整改措施,责任人,整改时限,整改状态',
    `${s1},党的政治建设方面,,,,`, `${kids[0]},学习贯彻党的创新理论不够深入,完善学习制度,张某,2024年6月底前,已完成`,
    `${kids[1]},落实意识形态工作责任制不到位,完善责任制,张某,2024年9月底前,正在整改`, `${s2},全面从严治党方面,,,,`,
    `${kids[2]},违规发放津补贴,清退资金,李某,2024年6月底前,已完成`, `${kids[3]},公务用车管理不规范,规范用车,李某,2024年6月底前,已完成`].join('\n');
  test.each([
    ['1', '2', ['1.1', '1.2', '2.1', '2.2']], ['1.', '2.', ['1.1', '1.2', '2.1', '2.2']], ['1、', '2、', ['1.1', '1.2', '2.1', '2.2']],
    ['1', '2', ['1-1', '1-2', '2-1', '2-2']], ['（1）', '（2）', ['1', '2', '3', '4']], ['A', 'B', ['1', '2', '3', '4']],
    ['第一部分', '第二部分', ['1', '2', '3', '4']], ['1', '2', ['1', '2', '3', '4']],
  ])('%s … %s over %j: two sections, four problems, each with its 方面', async (s1, s2, kids) => {
    const e = await freshEngine();
    const [r] = await importOk(e, '浦江县教育局整改台账.csv', new TextEncoder().encode(ledger(s1, s2, kids)));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 2]);
    expect(r.issues.filter((i) => i.code === 'row_skipped_section').map((i) => i.row)).toEqual([3, 6]);
    expect(await e.query('SELECT status, aspect_raw FROM findings ORDER BY source_row')).toEqual([
      { status: 'completed', aspect_raw: '党的政治建设方面' }, { status: 'in_progress', aspect_raw: '党的政治建设方面' },
      { status: 'completed', aspect_raw: '全面从严治党方面' }, { status: 'completed', aspect_raw: '全面从严治党方面' },
    ]);
    e.close();
  });
});

// helper-129: one numbered problem whose title ends in 方面, its other cells not yet filled, is a problem, not a section.
test('a lone numbered …方面 or …方面的问题 with its other cells blank stays a problem', async () => {
  const e = await freshEngine();
  for (const title of ['选人用人工作方面的问题', '意识形态工作方面']) {
    const csv = ['浦江县教育局党委落实十五届浦江县委第三轮巡察反馈意见整改台账', '序号,问题,整改措施,责任人,整改时限,整改状态',
      '1,学习贯彻党的创新理论不够深入,完善学习制度,张某,2024年6月底前,已完成', '2,落实意识形态工作责任制不到位,完善责任制,张某,2024年9月底前,正在整改',
      `3,${title},,,,`, '4,公务用车管理不规范,规范用车,李某,2024年6月底前,正在整改'].join('\n');
    const [r] = await importOk(e, `${title.length}.csv`, new TextEncoder().encode(csv), { allowDuplicate: true });
    expect([r.rowsAccepted + r.rowsRejected, r.rowsSkipped]).toEqual([4, 0]);
  }
  e.close();
});
