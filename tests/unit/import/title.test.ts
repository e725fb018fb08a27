import { describe, test, expect } from 'vitest';
import { filerText, roundTitles, statedAsOf, statedFeedback, titleRound, titleRowTexts, unitInText, unitInTexts } from '../../../src/lib/import/title';
import { importFile } from '../../../src/lib/import';
import { freshEngine, importOk } from './helpers';

describe('the unit a title, a 填报单位 line or a file name names', () => {
  test.each([
    ['中共金华市教育局委员会关于市委第三轮巡察反馈意见整改落实情况台账', '中共金华市教育局委员会'],
    ['八届市委第三轮巡察市卫健委党委反馈问题整改台账', '市卫健委党委'],
    ['市委第二巡察组对市财政局党组的反馈问题整改清单', '市财政局党组'],
    ['填报单位：兰溪市财政局党组　　填报时间：2024年5月', '兰溪市财政局党组'],
    ['单位：永康市卫健局（盖章）', '永康市卫健局'], ['填报单位（盖章）：东阳市财政局党组', '东阳市财政局党组'], ['单位：万元', null],
    ['市教育局党委巡察整改台账.xlsx', '市教育局党委'],
    ['县卫健局党委.xlsx', '县卫健局党委'],
    // Rounds, the office itself and bare place names are no unit.
    ['十四届省委第三轮巡视整改台账', null], ['金华市巡察整改台账汇总', null], ['填报单位：市委巡察办　填报时间：2024年5月', null],
    ['整改台账（2024年）', null], ['sample-ledger.csv', null], ['兰溪市', null], ['', null],
  ])('unitInText(%j) = %j', (text, unit) => expect(unitInText(text)).toBe(unit));

  test('the first text that names one wins; round titles are the rows that name a round', () => {
    expect(unitInTexts(['金华市巡察整改台账', '填报单位：市教育局党委', '县卫健局党委.xlsx'])).toBe('市教育局党委');
    expect(roundTitles(['中共金华市教育局委员会关于八届市委第三轮巡察反馈意见整改落实情况台账', '填报时间：2024年5月']))
      .toBe('中共金华市教育局委员会关于八届市委第三轮巡察反馈意见整改落实情况台账');
    // A filer line names who filled the ledger in, not the round: it is left out, also beside a title.
    expect(roundTitles(['八届市委第三轮巡察反馈问题整改台账', '填报单位：义乌市委巡察办', '报送单位（盖章）：永康市委巡察办　填报时间：2024年5月']))
      .toBe('八届市委第三轮巡察反馈问题整改台账');
    expect(filerText(['八届市委第三轮巡察反馈问题整改台账', '填报单位：义乌市委巡察办　填报时间：2024年5月'])).toBe('填报单位:义乌市委巡察办');
  });

  test('a title naming a committee of a term (八届市委整改台账) gives the level and term; its 轮次 column the number (review)', async () => {
    expect(titleRound(['八届市委整改台账'])).toEqual({ inspector_level: '市委', term: '八届' });
    // A committee without its term, or the office, is no round: 金华市巡察整改台账 summarises several.
    expect([titleRound(['市委整改台账']), titleRound(['金华市巡察整改台账（2022年）'])]).toEqual([{}, {}]);
    const e = await freshEngine();
    const csv = ['八届市委整改台账', '县市区,被巡察单位,轮次,具体问题,整改状态', '永康市,永康市教育局,第三轮,理论学习不深入,已完成'].join('\n');
    await importOk(e, 'a.csv', new TextEncoder().encode(csv));
    expect(await e.query('SELECT round_key FROM findings')).toEqual([{ round_key: '金华市|市委|八届|3' }]);
    e.close();
  });

  test("a county office's filer line under a city round's title leaves the round the city's", async () => {
    const header = ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '反馈时间'];
    const row = ['1', '义乌市', '义乌市委宣传部部务会', '意识形态责任制落实不到位', '整改中', '2024-01-15'];
    for (const title of ['八届市委第三轮巡察反馈问题整改台账', '中共金华市委第三轮巡察反馈问题整改台账']) {
      const e = await freshEngine();
      const text = [title, '填报单位：义乌市委巡察办', header.join(','), row.join(',')].join('\n');
      await importOk(e, 'ledger.csv', new TextEncoder().encode(text));
      expect(await e.query('SELECT round_key, county FROM findings')).toEqual([
        { round_key: title.startsWith('八届') ? '金华市|市委|八届|3' : '金华市|市委||3', county: '义乌市' },
      ]);
      e.close();
    }
  });
});

describe("a unit's own ledger: no unit, round or county column", () => {
  const header = '序号,问题类别,具体问题,整改措施,整改时限,整改状态,完成时间';
  const rows = ['1,B,理论学习中心组学习不深入,制定学习计划,2024年6月底前,已完成,2024-05-20', '2,C,三会一课不规范,建立台账,2024年底前,正在整改,'];
  const title = '中共金华市教育局委员会关于八届市委第三轮巡察反馈意见整改落实情况台账';

  test('the unit and round come from the title; the report says so once', async () => {
    const e = await freshEngine();
    const text = [title, '填报时间：2024年5月31日', header, ...rows].join('\n');
    const [r] = await importOk(e, 'ledger.csv', new TextEncoder().encode(text));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    expect(r.issues.filter((i) => i.row === 0).map((i) => [i.code, i.value])).toEqual([['year_missing', '2'], ['unit_from_title', '中共金华市教育局委员会']]);
    expect(await e.query('SELECT unit_name, county, round_key, status FROM findings ORDER BY source_row')).toEqual([
      { unit_name: '中共金华市教育局委员会', county: '市本级', round_key: '金华市|市委|八届|3', status: 'completed' },
      { unit_name: '中共金华市教育局委员会', county: '市本级', round_key: '金华市|市委|八届|3', status: 'in_progress' },
    ]);
  });

  test('with no unit anywhere the dialog asks for it, and a typed unit imports', async () => {
    const e = await freshEngine();
    const bytes = new TextEncoder().encode([header, ...rows].join('\n'));
    const first = await importFile(e, { name: '八届市委第三轮巡察整改台账.csv', bytes });
    // The county would come from the unit's name; without a unit it is missing too.
    expect(!first.ok && 'needsMapping' in first && first.needsMapping.missing).toEqual(['unit_name', 'county']);
    const [r] = await importOk(e, '八届市委第三轮巡察整改台账.csv', bytes, { roundHint: { unit_name: '永康市卫健局党委' } });
    expect(r.rowsAccepted).toBe(2);
    expect(await e.query('SELECT DISTINCT unit_name, county, round_key FROM findings')).toEqual([
      { unit_name: '永康市卫健局党委', county: '永康市', round_key: '金华市|市委|八届|3' },
    ]);
  });
});

// A title line stating the feedback date (反馈时间：2024年3月15日) gives every row its feedback date where no
// column does (review: the 立行立改 rows had no deadline, the file no year).
describe('the feedback date a title line states', () => {
  test.each([
    [['反馈时间：2024年3月15日'], '2024年3月15日'], [['十二届金东区委第二轮巡察', '反馈日期 2024.3.15  填报单位：金东区教育局'], '2024.3.15'],
    [['反馈时间为2024年3月'], '2024年3月'], [['截至2024年9月30日'], null], [['巡察反馈问题整改台账'], null],
  ])('statedFeedback(%j) = %j', (texts, date) => expect(statedFeedback(texts)).toBe(date));

  test('is every row\'s feedback date: 立行立改 is dated from it, the rows take its year', async () => {
    const e = await freshEngine();
    const csv = ['十二届金东区委第二轮巡察反馈问题整改台账', '反馈时间：2024年3月15日', '序号,被巡察单位,具体问题,整改时限,整改状态,完成时间',
      '1,金东区教育局,理论学习不深入,立行立改,已完成,2024-03-20', '2,金东区财政局,违规吃喝,2024年底前,正在推进,'].join('\n');
    const [r] = await importOk(e, '金东区.csv', new TextEncoder().encode(csv));
    expect(r.issues.map((i) => i.code)).toEqual([]);
    expect(await e.query('SELECT feedback_date, year, deadline FROM findings ORDER BY source_row')).toEqual([
      { feedback_date: '2024-03-15', year: 2024, deadline: '2024-04-14' }, { feedback_date: '2024-03-15', year: 2024, deadline: '2024-12-31' }]);
    e.close();
  });
});

// Review: a form puts its label in one cell and the date in the next (反馈时间： | 2024-03-01); the feedback
// date, the year and the 立行立改 deadline were lost, and the as-of date was the newest date in the rows.
describe('a label and its date in two cells of a title row', () => {
  test('a label ending in a colon is read with the cell after it; other cells stay apart', () => {
    expect(titleRowTexts(['反馈时间：', '2024-03-01'])).toEqual(['反馈时间：2024-03-01']);
    expect(titleRowTexts(['填报单位：', '兰溪市教育局', '截至：', '2024年6月30日', '单位：万元'])).toEqual(['填报单位：兰溪市教育局', '截至：2024年6月30日', '单位：万元']);
    expect(titleRowTexts(['八届市委第三轮巡察整改台账', '注：'])).toEqual(['八届市委第三轮巡察整改台账', '注：']);
    expect(statedAsOf(['截至时间：2024-06-30'], '2026-01-01')).toBe('2024-06-30');
    expect(statedAsOf(['截止日期：2024年6月30日'], '2026-01-01')).toBe('2024-06-30');
  });

  // Review: 整改截止日期 is the rectification deadline, not the day the ledger was filled in to.
  test('a deadline (整改截止日期, 完成时限截止) is not an as-of date, in one cell or two', () => {
    expect(statedAsOf(['（整改截止日期：2024年12月31日）'], '2026-01-01')).toBeNull();
    expect(statedAsOf(titleRowTexts(['整改截止时间：', '2024-12-31']), '2026-01-01')).toBeNull();
    expect(statedAsOf(['完成时限截止2024年6月底'], '2026-01-01')).toBeNull();
    expect(statedAsOf(['整改截止日期：2024年12月31日', '截至2024年9月30日'], '2026-01-01')).toBe('2024-09-30');
    expect(statedAsOf(['整改时限：截止2024年12月31日'], '2026-01-01')).toBeNull();
    expect(statedAsOf(titleRowTexts(['整改时限：', '截止2024年12月31日']), '2026-01-01')).toBeNull();
    // Second review: a space before 截止 (in a file name) leaves it the as-of word.
    expect(statedAsOf(['八届市委第三轮巡察整改 截止2024年9月30日.xlsx', '整改落实截止2024年9月30日进展情况'], '2026-01-01')).toBe('2024-09-30');
    // Review of the first fix: 截至 is "up to", the as-of word, after 整改 too.
    expect(statedAsOf(['八届市委第三轮巡察反馈问题整改截至2024年9月30日进展情况表'], '2026-01-01')).toBe('2024-09-30');
    expect(statedAsOf(['巡察整改截至2024年9月底完成情况'], '2026-01-01')).toBe('2024-09-30');
    expect(statedAsOf(['（整改完成截至2024年6月30日）'], '2026-01-01')).toBe('2024-06-30');
    // Third review: 截至 written for 截止, as a deadline's field or after 时限, is a deadline too.
    expect(statedAsOf(['整改截至日期：2024年12月31日'], '2026-01-01')).toBeNull();
    expect(statedAsOf(titleRowTexts(['整改截至时间：', '2024-12-31']), '2026-01-01')).toBeNull();
    expect(statedAsOf(['完成时限截至2024年6月底'], '2026-01-01')).toBeNull();
    expect(statedAsOf(['整改期限：截至2024年12月31日'], '2026-01-01')).toBeNull();
    expect(statedAsOf(['整改截至日期：2024年12月31日', '截至时间：2024年9月30日'], '2026-01-01')).toBe('2024-09-30');
    // Review helper-94: a space after the label's colon, other labels of a time limit, a date followed by 前.
    for (const deadline of ['整改时限： 截至2024年12月31日', '整改时限：\u3000截止2024年12月31日', '整改期限 截至2024年12月31日',
      '完成时间：截至2024年12月31日', '完成时间：截止2024年12月31日', '整改时间：截至2024年12月31日', '整改完成时间：截至2024年12月31日',
      '时限要求：截至2024年12月31日', '整改时限要求：截至2024年12月底', '整改时限（截至2024年12月31日）', '要求截至2024年12月31日前完成整改',
      '截止2024年12月底前完成', '整改： 截止2024年12月31日']) {
      expect(statedAsOf([deadline], '2026-01-01'), deadline).toBeNull();
    }
    expect(statedAsOf(['数据统计时间：截至2024年9月30日', '填报时间：截至2024年9月30日'], '2026-01-01')).toBe('2024-09-30');
    expect(statedAsOf(['填报时间：截至2024年9月30日'], '2026-01-01')).toBe('2024-09-30');
  });

  test('gives the rows their feedback date and the ledger its as-of date', async () => {
    const e = await freshEngine();
    const csv = ['十二届金东区委第二轮巡察反馈问题整改台账', '反馈时间：,2024-03-15,,截至时间：,2024-06-30', '序号,被巡察单位,具体问题,整改时限,整改状态,完成时间',
      '1,金东区教育局,理论学习不深入,立行立改,已完成,2024-03-20', '2,金东区财政局,违规吃喝,2024年底前,正在推进,'].join('\n');
    const [r] = await importOk(e, '金东区.csv', new TextEncoder().encode(csv));
    expect(r.asOf).toBe('2024-06-30');
    expect(await e.query('SELECT feedback_date, year, deadline FROM findings ORDER BY source_row')).toEqual([
      { feedback_date: '2024-03-15', year: 2024, deadline: '2024-04-14' }, { feedback_date: '2024-03-15', year: 2024, deadline: '2024-12-31' }]);
    e.close();
  });
});
