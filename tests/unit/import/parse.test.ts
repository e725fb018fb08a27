import { describe, test, expect } from 'vitest';
import { normaliseHeader, matchHeaders, findHeaderRow, findHeader, mergeHeaderRows, suggestField, headerAmountScale, guessField } from '../../../src/lib/import/headers';
import { candidateHeaderRow } from '../../../src/lib/import/candidate-header';
import { isNumberingRow } from '../../../src/lib/import/numbering-row';
import { parseRoundText, roundKey, roundLabel, normaliseTerm, parseLevel, mergeRoundParts } from '../../../src/lib/import/round';
import { resolveRound, typedHint } from '../../../src/lib/import/round-lookup';
import { parseChineseNumber, toChineseNumber } from '../../../src/lib/domain/vocabulary/numerals';
import { detectDialect, splitRecords } from '../../../src/lib/import/dialect';
import { detectEncoding } from '../../../src/lib/import/decode';
import { sniffFormat } from '../../../src/lib/import/sniff';
import { valueText } from '../../../src/lib/import/records-grid';
import { countiesInText, placeInText } from '../../../src/lib/import/normalise/county';
import { textFixtures, utf16 } from '../../fixtures/make-fixtures';

describe('headers', () => {
  test('a header most aliases miss: the first row of three or more short labels, one a field, with values under it', () => {
    const title = ['某某县巡察整改台账', null, null, null];
    const labels = ['Danwei', '问题', 'Quxian', 'Lunci'];
    const data = ['市教育局党委', '理论学习不深入', '市本级', '八届市委第二轮巡察'];
    expect(candidateHeaderRow([title, [], labels, data])).toBe(2);
    // Prose, bare values, dates or amounts are no header; nor is a row with nothing under it.
    expect(candidateHeaderRow([['今天天气很好'], ['明天也不错'], ['1', '2', '3']])).toBeNull();
    expect(candidateHeaderRow([['2023-05-01', '2023-06-30', '12.5'], data])).toBeNull();
    expect(candidateHeaderRow([labels])).toBeNull();
    // Labels that name no field at all are no recognisable header (no_header), unless mapped.
    expect(candidateHeaderRow([['Danwei', 'Wenti', 'Quxian'], data])).toBeNull();
    // 序号 and 备注 head any list (a contact list here): they make no ledger header.
    expect(candidateHeaderRow([['序号', '姓名', '电话', '备注'], ['1', '张三', '13800000000', '']])).toBeNull();
    expect(candidateHeaderRow([['Danwei', 'Wenti', 'Quxian'], data], { danwei: 'unit_name' })).toBe(0);
    expect(candidateHeaderRow([['单位', '这一格是一段问题描述：'.padEnd(40, '长'), '县'], data])).toBeNull();
  });

  test.each([
    ['县（市、区）', '县市区'], ['县(市、区)', '县市区'], [' 被巡察 单位 ', '被巡察单位'], ['挽回经济损失（万元）', '挽回经济损失万元'],
    ['ＩＤ', 'id'], ['巡视/巡察', '巡视巡察'], ['具体问题*', '具体问题'], ['整改\n时限', '整改时限'],
    // Invisible format characters pasted from a web page or chat: zero-width space, joiners, BOM.
    ['被巡察\u200b单位', '被巡察单位'], ['具体\u200c问\u200d题\ufeff', '具体问题'],
  ])('normaliseHeader(%j) = %j', (raw, out) => expect(normaliseHeader(raw)).toBe(out));

  test.each([
    ['县（市、区）', 'county'], ['所属县市区', 'county'], ['被巡察党组织名称', 'unit_name'], ['被巡视单位', 'unit_name'],
    ['具体问题', 'problem_title'], ['问题', 'problem_title'], ['具体问题整改完成情况', 'status_raw'], ['预计完成时间', 'deadline_raw'],
    ['问责追责（人）', 'acc_people_total'], ['序号', 'finding_id'], ['巡察时间(起)', 'station_start'], ['不认识的列', null],
    ['整改进展情况', 'status_raw'], ['落实情况', 'completion_summary'], ['办理情况', 'completion_summary'], ['推进情况', 'completion_summary'], ['整改期限', 'deadline_raw'], ['存在问题', 'problem_title'], ['实际完成日期', 'completion_date'],
    // Common template headers; 问题类型 and 单位类别 were guessed as the problem and the category.
    ['问题类型', 'category_l1'], ['问题分类', 'category_l1'], ['单位类别', 'unit_type'], ['问题清单', 'problem_title'],
    ['巡察反馈问题', 'problem_title'], ['存在的主要问题', 'problem_title'], ['问题具体表现', 'problem_detail'],
    ['整改责任人', 'resp_person'], ['整改责任单位', 'resp_unit'], ['整改责任部门', 'resp_unit'], ['整改责任领导', 'resp_leader'], ['目前进展', 'status_raw'], ['办结时间', 'completion_date'], ['巡察届次', 'term'],
    ['建立完善制度(项)', 'systems_count'],
    // Bilingual headers read by their Chinese words; a count note makes a column no text field.
    ['Status 整改状态', 'status_raw'], ['具体问题 Problem', 'problem_title'], ['Unit Name被巡察单位', 'unit_name'],
    ['反馈问题（个）', null], ['是否完成整改', 'status_raw'], ['整改落实情况', 'completion_summary'],
    // Hunt helper-95: spellings of real templates that opened the dialog or were ignored.
    ['县区', 'county'], ['所在县市区', 'county'], ['巡视轮次', 'round_no'], ['反馈意见', 'problem_title'], ['巡察反馈意见', 'problem_title'],
    ['责任单位/责任人', 'resp_unit'], ['巡察反馈日期', 'feedback_date'], ['巡察主体', 'inspector_level'], ['巡察组别', 'team'], ['No.', 'finding_id'],
    // Numbered template labels (hunt helper-95 found 1.序号|2.县市区|… refused as no_header); a number inside a label stays.
    ['1.序号', 'finding_id'], ['2、县市区', 'county'], ['（3）被巡察单位', 'unit_name'], ['④具体问题', 'problem_title'], ['五、整改情况', 'status_raw'],
    ['A.整改时限', 'deadline_raw'], ['１０．整改状态', 'status_raw'], ['2023年度问题', null], ['1.5倍', null],
  ])('suggestField(%j) = %j', (h, key) => expect(suggestField(h)).toBe(key));

  test('canonical header beats an alias for the same field; the user mapping wins over both', () => {
    const m = matchHeaders(['序号', '问题编号', '单位', '问题']);
    expect([...m]).toEqual([[1, 'finding_id'], [3, 'problem_title']]);
    const mapped = matchHeaders(['序号', '问题编号', '单位', '问题'], { 单位: 'unit_name', 问题编号: '' });
    expect([...mapped].sort()).toEqual([[0, 'finding_id'], [2, 'unit_name'], [3, 'problem_title']]);
  });

  test('the header row is found under title rows and merged-title remnants', () => {
    const rows = [
      ['金华市巡察整改台账', null, null, null],
      ['填报单位：市委巡察办', null, '问题', null],
      [null, null, null, null],
      ['序号', '县市区', '被巡察单位', '具体问题'],
      ['1', '永康市', '中共永康市委', '学习不深入'],
    ];
    expect(findHeaderRow(rows)).toBe(3);
    expect(findHeaderRow([['今天'], ['明天']])).toBeNull();
    // A form line (label： | value) names fields but heads no column; a header whose labels end with a colon still is one.
    expect(findHeaderRow([['被巡察单位：', '市教育局', '县市区：', '市本级', '整改责任人：', '张三'], ['序号', '存在问题', '整改措施', '整改情况'], ['1', '学习不深入', '加强学习', '已完成']])).toBe(1);
    expect(findHeaderRow([['县市区：', '被巡察单位：', '具体问题：'], ['永康市', '市教育局', '学习不深入']])).toBe(0);
    // A second block below with one more column is not the header: the first one is, and its rows stay (review).
    expect(findHeaderRow([
      ['金华市巡察整改台账', null, null, null, null, null, null],
      ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '完成时间', null],
      ['1', '婺城区', '婺城区甲局', '违规吃喝', '已完成', '2024-05-01', null],
      ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '完成时间', '备注'],
      ['1', '义乌市', '义乌市乙局', '公车私用', '未完成', null, '无'],
    ])).toBe(1);
  });

  test.each([
    ['完成时间（年月日）', 'completion_date'], ['追缴资金（元）', 'funds_wan'], ['问责人数（人）', 'acc_people_total'],
    ['整改时限【必填】', 'deadline_raw'], ['巡察时间(起)', 'station_start'], ['县（市、区）', 'county'], ['备注（其他）', 'remarks'],
    // A completion date noted as planned is the deadline (review); as done, the completion date.
    ['完成时间（预计）', 'deadline_raw'], ['完成时间【要求】', 'deadline_raw'], ['完成时间（实际）', 'completion_date'],
  ])('a header with a bracketed note matches without it: suggestField(%j) = %j', (h, key) => expect(suggestField(h)).toBe(key));

  test.each([
    ['被巡察单位全称', 'unit_name'], ['问题整改责任单位', 'resp_unit'], ['问题实际整改完成时间', 'completion_date'], ['问题内容', 'problem_title'],
    ['要求完成时间', 'deadline_raw'], ['计划完成日期', 'deadline_raw'],
    ['具体问题描述', null], ['不认识的列', null], ['ID号', null],
  ])('the mapping dialog guesses by the longest alias inside: guessField(%j) = %j', (h, key) => expect(guessField(h)).toBe(key));

  // helper-128: wordings of real ledgers that were read as nothing.
  test.each([
    ['要求完成时间', 'deadline_raw'], ['时限要求', 'deadline_raw'], ['截止时间', 'deadline_raw'], ['要求完成时限', 'deadline_raw'],
    ['整改结果', 'status_raw'], ['整改是否完成', 'status_raw'], ['整改措施完成情况', 'completion_summary'],
    ['巡察发现问题', 'problem_title'], ['巡察指出的问题', 'problem_title'],
    // helper-130: a deadline, completion date, unit, problem and responsible office under other words.
    ['应完成时间', 'deadline_raw'], ['计划完成时限', 'deadline_raw'], ['整改完成期限', 'deadline_raw'], ['完成时间节点', 'deadline_raw'],
    ['实际整改完成时间', 'completion_date'], ['整改实际完成时间', 'completion_date'], ['实际办结时间', 'completion_date'],
    ['被巡察对象', 'unit_name'], ['反馈问题内容', 'problem_title'], ['责任科室', 'resp_unit'],
    // helper-131: a unit's own ledger lists under 涉及单位 the schools a problem involves; 所属单位 may be as loose.
    ['涉及单位', null], ['所属单位', null],
  ])('a real ledger\'s wording: suggestField(%j) = %j', (h, key) => expect(suggestField(h)).toBe(key));

  // A progress column dated in its words, not in a note (helper-128): read as the status, as 整改进展（截至9月底） is.
  test.each([
    ['截至9月底整改进展', 'status_raw'], ['9月进展', 'status_raw'], ['截至2024年9月30日整改情况', 'status_raw'], ['目前整改情况', 'status_raw'],
    ['6月底进展情况', 'status_raw'], ['2024年6月整改进度', 'status_raw'], ['截至目前整改进展', 'status_raw'], ['九月底完成情况', 'status_raw'],
    ['截至6月底整改落实情况', 'completion_summary'],
    // Only the progress fields: a date before another field's words names nothing.
    ['2024年9月完成时间', null], ['9月被巡察单位', null], ['到期情况', null],
  ])('a dated progress header: suggestField(%j) = %j', (h, key) => expect(suggestField(h)).toBe(key));

  // helper-129: a yes/no or result header beside the status is read only where no other column claims it.
  test('整改是否完成 and 整改结果 give way to any other status column, also one with a note', () => {
    expect([...matchHeaders(['具体问题', '完成情况（填已完成、正在推进）', '整改是否完成'])]).toEqual([[0, 'problem_title'], [1, 'status_raw']]);
    expect([...matchHeaders(['具体问题', '整改结果', '整改状态'])]).toEqual([[0, 'problem_title'], [2, 'status_raw']]);
    expect([...matchHeaders(['具体问题', '整改结果'])]).toEqual([[0, 'problem_title'], [1, 'status_raw']]);
    // 具体问题 with a note keeps the title against a 问题内容 column of details.
    expect([...matchHeaders(['具体问题（简述）', '问题内容'])]).toEqual([[0, 'problem_title']]);
  });

  test('progress columns dated month by month rank alike, so the rightmost (the newest) is the status', () => {
    expect([...matchHeaders(['具体问题', '6月底进展情况', '9月底进展情况'])]).toEqual([[0, 'problem_title'], [2, 'status_raw']]);
    expect([...matchHeaders(['整改状态', '9月底进展情况'])]).toEqual([[0, 'status_raw']]);
  });

  test('an exact alias beats the same field matched only without its note', () => {
    expect([...matchHeaders(['整改时限（说明）', '整改时限'])]).toEqual([[1, 'deadline_raw']]);
  });

  test.each([
    ['追缴资金（元）', 1 / 10_000], ['追缴资金(元)', 1 / 10_000], ['挽回经济损失（万元）', 1], ['追缴资金', 1], ['资金（亿元）', 10_000], [null, 1],
  ])('headerAmountScale(%j) = %j', (h, scale) => expect(headerAmountScale(h)).toBe(scale));

  test.each([
    [['1', '2', '3', '4', null], true], [['甲', '乙', '1', '2', '3'], true], [['（1）', '（2）', '(3)'], true], [['1栏', '2栏', '3栏'], true],
    [['１', '２', '３'], true], [['1', '2'], false], [['1', '3', '4'], false], [['1', '市教育局', '违规吃喝'], false],
    [['2', '3', '4', '5'], true], [['1', '1', '2'], false], [[null, null], false],
  ])('isNumberingRow(%j) = %j', (cells, out) => expect(isNumberingRow(cells)).toBe(out));

  // Field codes an OA or reporting system writes under the Chinese labels it exports.
  const zhHeader = ['序号', '被巡察单位', '具体问题', '整改状态'];
  test.each([
    [['XH', 'DWMC', 'WTMS', 'ZGZT'], zhHeader, true], [['A', 'B', 'C', 'D'], zhHeader, true], [['seqNo', 'unit_name', 'problem', null], zhHeader, true],
    [['F001', 'F002', 'F003', 'F004'], zhHeader, true],
    // Too few codes for the labels, a repeated code, Chinese in a cell, English labels above, no header given.
    [['XH', 'DWMC', null, null], zhHeader, false], [['A', 'A', 'B', 'C'], zhHeader, false], [['1', '永康市教育局', 'WTMS', 'ZGZT'], zhHeader, false],
    [['XH', 'DWMC', 'WTMS', 'ZGZT'], ['No', 'Unit', 'Problem', 'Status'], false], [['Q1', 'unit', 'text', 'done'], undefined, false],
  ])('isNumberingRow(%j, %j) = %j', (cells, header, out) => expect(isNumberingRow(cells, header)).toBe(out));

  describe('a header over two rows', () => {
    const group = ['序号', '被巡察单位', '具体问题', '问责情况', null, null, '整改状态'];
    const sub = [null, null, null, '党纪处分', '政务处分', '组织处理', null];

    test('group labels over sub-headers: one header, data after the lower row', () => {
      const at = findHeader([['某某整改台账'], group, sub, ['1', '市教育局', '违规吃喝', '1', '0', '0', '已完成']]);
      expect(at).toEqual({ index: 2, rows: 2, headers: ['序号', '被巡察单位', '具体问题', '问责情况', '政务处分', '组织处理', '整改状态'].map((h, i) => (i === 3 ? '党纪处分' : h)) });
    });

    test('the sub-header row holding more fields than the group row still merges with the row above', () => {
      const upper = ['被巡察单位', '具体问题', '整改责任', null, null, '问责情况', null, null];
      const lower = [null, null, '责任领导', '责任单位', '责任人', '党纪处分', '政务处分', '组织处理'];
      const at = findHeader([upper, lower, ['市教育局', '违规吃喝', '张三', '办公室', '李四', '1', '0', '0']]);
      expect(at?.index).toBe(1);
      expect(at?.rows).toBe(2);
      expect([...matchHeaders(at!.headers).values()].sort()).toEqual(
        ['acc_gov_sanction', 'acc_org_handling', 'acc_party_discipline', 'problem_title', 'resp_leader', 'resp_person', 'resp_unit', 'unit_name']);
    });

    test('a sub-header no alias knows is shown under its group label', () => {
      expect(mergeHeaderRows(['被巡察单位', '问责情况', null, '具体问题'], [null, '党纪处分', '其他', null]))
        .toEqual(['被巡察单位', '党纪处分', '问责情况/其他', '具体问题']);
    });

    test('a lower row repeating the merged texts (a filled merge) is the whole header by itself', () => {
      const upper = ['被巡察单位', '问责情况', '问责情况', '具体问题'];
      const lower = ['被巡察单位', '党纪处分', '政务处分', '具体问题'];
      expect(findHeader([upper, lower, ['市教育局', '1', '0', '违规吃喝']])).toEqual({ index: 1, rows: 1, headers: lower });
      // Filled down in some columns only, it merges: the text repeated is taken once.
      expect(mergeHeaderRows(upper, ['被巡察单位', '党纪处分', '政务处分', null])).toEqual(lower);
    });

    test('a named group label merged over 计划 | 实际 gives the planned date to the deadline and the actual one to the completion', () => {
      const upper = ['序号', '被巡察单位', '具体问题', '完成时间', null, '整改状态'];
      const lower = ['序号', '被巡察单位', '具体问题', '计划', '实际', '整改状态'];
      const merged = mergeHeaderRows(upper, lower);
      expect(merged).toEqual(['序号', '被巡察单位', '具体问题', '整改时限', '完成时间', '整改状态']);
      expect(matchHeaders(merged!).get(3)).toBe('deadline_raw');
      expect(matchHeaders(merged!).get(4)).toBe('completion_date');
      expect(findHeader([upper, lower, ['1', '市教育局', '违规吃喝', '2024-06-30', '2024-05-01', '已完成']])?.rows).toBe(2);
    });

    test('other group shapes: 整改时限 / 时间节点 over 计划 | 实际, 完成情况 over 状态 | 时间, 整改时间 over 计划完成 | 实际完成', () => {
      const base = ['序号', '被巡察单位', '具体问题'];
      const cases: [string, string, string, string, string][] = [
        ['整改时限', '计划', '实际', 'deadline_raw', 'completion_date'],
        ['时间节点', '预计', '实际', 'deadline_raw', 'completion_date'],
        ['完成时间', '预计', '实际', 'deadline_raw', 'completion_date'],
        ['完成情况', '状态', '时间', 'status_raw', 'completion_date'],
        ['整改时间', '计划完成', '实际完成', 'deadline_raw', 'completion_date'],
        ['问题分类', '大类', '小类', 'category_l1', 'category_l2'],
        ['问题类别', '一级', '二级', 'category_l1', 'category_l2'],
        ['问题类型', '主类', '细类', 'category_l1', 'category_l2'],
      ];
      for (const [group, a, b, ka, kb] of cases) {
        const merged = mergeHeaderRows([...base, group, null], [...base, a, b]);
        expect(merged, group).not.toBeNull();
        expect([matchHeaders(merged!).get(3), matchHeaders(merged!).get(4)], `${group} over ${a} | ${b}`).toEqual([ka, kb]);
      }
    });

    test('a group label over sub-columns is one header also where the lower row names every field alone (XLSX fills merged-down cells in)', () => {
      const upper = ['序号', '被巡察单位', '问题类别', '具体问题', '整改情况', null, null, '责任领导', '备注'];
      const lower = ['序号', '被巡察单位', '问题类别', '具体问题', '整改措施', '完成情况', '完成时限', '责任领导', '备注'];
      expect(findHeader([upper, lower, ['1', '永康市教育局党委', 'B1', '理论学习不深入', '制定计划', '已完成', '2024-06-30', '张三', null]]))
        .toEqual({ index: 1, rows: 2, headers: lower });
      // The same header twice (a page's header repeated) is still no two-row header.
      expect(mergeHeaderRows(lower, lower)).toBeNull();
    });

    test('a third header row under a sub-group (整改情况 over 完成情况 over 状态 | 时间) joins the header', () => {
      const top = ['序号', '被巡察单位', '具体问题', '整改情况', null, null, '责任人'];
      const data = ['1', '市教育局', '违规吃喝', '退赔', '已完成', '2024-05-01', '张三'];
      // As an XLSX grid reads it (merged-down labels filled into the rows below) and as a CSV saves it.
      const filled = findHeader([top, ['序号', '被巡察单位', '具体问题', '整改措施', '完成情况', null, '责任人'],
        ['序号', '被巡察单位', '具体问题', '整改措施', '状态', '时间', '责任人'], data]);
      const bare = findHeader([top, [null, null, null, '整改措施', '完成情况', null, null], [null, null, null, null, '状态', '时间', null], data]);
      for (const at of [filled, bare]) {
        expect([at?.index, at?.rows]).toEqual([2, 3]);
        expect([...matchHeaders(at!.headers).entries()].sort((a, b) => a[0] - b[0]).map(([, k]) => k))
          .toEqual(['finding_id', 'unit_name', 'problem_title', 'measures', 'status_raw', 'completion_date', 'resp_person']);
        expect(at!.headers.slice(4, 6)).toEqual(['状态', '完成时间']);
      }
    });

    test('a data row under a one-row header is never merged in', () => {
      const header = ['被巡察单位', '具体问题', '整改状态', '党纪处分'];
      const data = ['市教育局', '违规吃喝', '已完成', '1'];
      expect(findHeader([header, data])).toEqual({ index: 0, rows: 1, headers: header });
      // Even a data cell that happens to read like a header word does not make the row a header.
      expect(mergeHeaderRows(header, ['市教育局', '问题', null, null])).toBeNull();
    });

    test('a title row naming a field above the header is not merged in', () => {
      const rows = [['填报单位：市委巡察办', null, '问题', null], ['序号', '县市区', '被巡察单位', '具体问题']];
      expect(findHeader(rows)).toEqual({ index: 1, rows: 1, headers: rows[1] });
    });
  });
});

describe('rounds', () => {
  test('a hint typed in the mapping dialog: numbers in any writing, blanks and unreadable numbers left out', () => {
    expect(typedHint({ round_no: '三', year: '2024年', inspector_level: ' 市委 ', term: '' })).toEqual({ round_no: 3, year: 2024, inspector_level: '市委' });
    expect(typedHint({ round_no: '第十二轮' })).toEqual({ round_no: 12 });
    expect(typedHint({ round_no: '３', year: '２０２３' })).toEqual({ round_no: 3, year: 2023 });
    expect(typedHint({ round_no: '很多', year: '去年', unit_name: '兰溪市教育局党委' })).toEqual({ unit_name: '兰溪市教育局党委' });
    expect(typedHint({ round_no: '0', other: 'x' })).toEqual({});
  });

  test.each([
    ['十四届省委第四轮巡视', { term: '十四届', round_no: 4, inspector_level: '省委', kind: '巡视' }],
    ['八届市委第十二轮巡察', { term: '八届', round_no: 12, inspector_level: '市委', kind: '巡察' }],
    ['十二届婺城区委第二轮巡察', { term: '十二届', round_no: 2, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    ['永康市委第三轮巡察', { round_no: 3, inspector_level: '县(市、区)委', county: '永康市', kind: '巡察' }],
    // A round numbered within its year: 2019 is its year and the numbering's period.
    ['2019年第一轮巡察', { round_no: 1, year: 2019, period: 2019, kind: '巡察' }],
    ['婺城区委2023年度第二轮巡察', { round_no: 2, year: 2023, period: 2023, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    ['中央第十五轮巡视', { round_no: 15, inspector_level: '中央', kind: '巡视' }],
    ['14届省委第4轮巡视', { term: '十四届', round_no: 4, inspector_level: '省委', kind: '巡视' }],
    ['永康市整改台账', {}],
    ['第二十一轮', { round_no: 21 }],
    // 中央 as what is carried out, not as who inspects; a 截至 date is no round year.
    ['婺城区委第二轮巡察落实中央八项规定精神问题整改台账', { round_no: 2, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    ['十二届婺城区委第二轮巡察整改台账（截至2025年3月31日）', { term: '十二届', round_no: 2, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    ['2023年婺城区委第二轮巡察整改台账（截至2025年3月31日）', { round_no: 2, year: 2023, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    // A year written digit by digit in Chinese (hunt helper-95): the same round as 2023年第一轮.
    ['二〇二三年第一轮巡察', { round_no: 1, year: 2023, period: 2023, kind: '巡察' }],
    ['婺城区委二零二四年度第二轮巡察', { round_no: 2, year: 2024, period: 2024, inspector_level: '县(市、区)委', county: '婺城区', kind: '巡察' }],
    ['二○二三年十四届省委第三轮巡视', { term: '十四届', round_no: 3, year: 2023, inspector_level: '省委', kind: '巡视' }],
    // A date in Chinese digits is the ledger's, as 2024年6月 closing a name is (review helper-96).
    ['八届市委第三轮巡察整改台账（二〇二四年六月）', { term: '八届', round_no: 3, inspector_level: '市委', kind: '巡察' }],
    // Two counties named: neither is the committee; one followed by 委 is.
    ['永康市、武义县第三轮巡察整改台账', { round_no: 3, kind: '巡察' }],
    ['武义县、永康市委第三轮巡察', { round_no: 3, inspector_level: '县(市、区)委', county: '永康市', kind: '巡察' }],
    // Right after the term, no 第 and the number in brackets (helper-130: a 轮次 cell 十五届三轮 was round_missing).
    ['十五届三轮', { term: '十五届', round_no: 3 }], ['15届3轮', { term: '十五届', round_no: 3 }], ['十五届（三）轮', { term: '十五届', round_no: 3 }],
    ['第十五届(3)轮', { term: '十五届', round_no: 3 }], ['十五届第（三）轮巡察', { term: '十五届', round_no: 3, kind: '巡察' }],
    ['八届市委三轮巡察', { term: '八届', round_no: 3, inspector_level: '市委', kind: '巡察' }],
    // The committee between the term and the number, no 第 and no 巡察 after it (helper-131 LOW).
    ['十五届县委三轮', { term: '十五届', round_no: 3, inspector_level: '县(市、区)委' }],
    ['十五届永康市委三轮', { term: '十五届', round_no: 3, inspector_level: '县(市、区)委', county: '永康市' }],
    ['十五届县委委员会', { term: '十五届', inspector_level: '县(市、区)委' }],
  ])('parseRoundText(%j)', (text, parts) => expect(parseRoundText(text)).toEqual(parts));

  test('levels and terms from their own columns', () => {
    expect(parseLevel('县委')).toEqual({ inspector_level: '县(市、区)委' });
    expect(parseLevel('县(市、区)委')).toEqual({ inspector_level: '县(市、区)委' });
    expect(parseLevel('东阳市委')).toEqual({ inspector_level: '县(市、区)委', county: '东阳市' });
    expect(normaliseTerm('十四届省委')).toBe('十四届');
    expect(normaliseTerm('第14届')).toBe('十四届');
  });

  test('round_key carries the committee, so two committees\' 第三轮 differ', () => {
    const city = parseRoundText('八届市委第三轮巡察');
    const county = parseRoundText('十二届婺城区委第三轮巡察');
    expect(roundKey(city)).toBe('金华市|市委|八届|3');
    expect(roundKey(county)).toBe('婺城区|县(市、区)委|十二届|3');
    expect(roundKey(parseRoundText('十四届省委第三轮巡视'))).toBe('浙江省|省委|十四届|3');
    expect(roundKey({ inspector_level: '县(市、区)委', round_no: 2 }, '义乌市')).toBe('义乌市|县(市、区)委||2');
    expect(roundKey({ round_no: 2 })).toBeNull();
    expect(roundLabel({ inspector_level: '县(市、区)委', term: '十二届', round_no: 2, county: '婺城区' })).toBe('十二届婺城区委第二轮巡察');
  });

  test('a round numbered within its year keys by the year, so the first rounds of 2023 and 2024 are two rounds', () => {
    expect(roundKey(parseRoundText('婺城区委2023年第一轮巡察'))).toBe('婺城区|县(市、区)委|2023年|1');
    expect(roundKey(parseRoundText('婺城区委2024年第一轮巡察'))).toBe('婺城区|县(市、区)委|2024年|1');
    // Written with a term as well, the number is still the year's.
    expect(roundKey(parseRoundText('十二届婺城区委2023年第一轮巡察'))).toBe('婺城区|县(市、区)委|2023年|1');
    expect(roundLabel({ inspector_level: '县(市、区)委', round_no: 1, period: 2023 }, '婺城区')).toBe('婺城区委2023年第一轮巡察');
    // The period comes with the number it numbers: a 第二轮 column under a 2023年第一轮 title is round 2 of no year.
    expect(mergeRoundParts({ round_no: 2 }, parseRoundText('2023年第一轮巡察'))).toEqual({ round_no: 2, year: 2023, kind: '巡察' });
    expect(mergeRoundParts({}, parseRoundText('2023年第一轮巡察'))).toMatchObject({ round_no: 1, period: 2023 });
    // A 轮次 cell of 2024年第一轮 under a 婺城区委 column: the year's first round, term place and all.
    const cell = resolveRound({ k_label: null, k_level: '婺城区委', k_term: null, k_no: '2024年第一轮', k_county: '婺城区' }, {});
    expect([cell.round_key, cell.term, cell.round_label, cell.round_year]).toEqual(['婺城区|县(市、区)委|2024年|1', '2024年', '婺城区委2024年第一轮巡察', 2024]);
  });

  test('columns, then label, then sheet/file names, then the hint', () => {
    const k = { k_label: null, k_level: '市委', k_term: '八届', k_no: '第五轮', k_county: '东阳市' };
    expect(resolveRound(k, parseRoundText('十四届省委第四轮巡视')).round_key).toBe('金华市|市委|八届|5');
    const bare = { k_label: null, k_level: null, k_term: null, k_no: null, k_county: '永康市' };
    const fromName = resolveRound(bare, parseRoundText('十四届省委第四轮巡视'));
    expect([fromName.round_key, fromName.round_label, fromName.inspection_kind]).toEqual(['浙江省|省委|十四届|4', '十四届省委第四轮巡视', '巡视']);
    const fromHint = resolveRound(bare, {}, { inspector_level: '县委', term: '十五届', round_no: 3 });
    expect([fromHint.round_key, fromHint.round_label]).toEqual(['永康市|县(市、区)委|十五届|3', '十五届永康市委第三轮巡察']);
  });

  test.each([['三', 3], ['十', 10], ['十四', 14], ['二十一', 21], ['一百零二', 102], ['两', 2], ['１２', 12], ['x', null], ['999', 999], ['1000', null], ['12345678901', null],
    ["'3", 3], ['3.0', 3], ['3.00', 3], ['3.5', null], ["'", null]])(
    'parseChineseNumber(%j) = %j', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  test.each([[3, '三'], [10, '十'], [14, '十四'], [21, '二十一'], [102, '一百零二']])('toChineseNumber(%j) = %j', (n, s) =>
    expect(toChineseNumber(n)).toBe(s));
});

describe('sniffing and decoding', () => {
  test('delimiters and widths, quoted newlines kept in one record', () => {
    expect(detectDialect('标题\na,b,c\n1,2,3\n')).toEqual({ delimiter: ',', width: 3, cells: 3 });
    expect(detectDialect('a\tb\tc\n1\t2,5\t3\n')).toEqual({ delimiter: '\t', width: 3, cells: 3 });
    expect(detectDialect('a;b\n1;2\n')).toEqual({ delimiter: ';', width: 2, cells: 2 });
    // Review: a tab-separated header and row, one cell holding forty commas, read as comma-separated.
    const commas = Array.from({ length: 40 }, (_, i) => `措施${i}`).join(',');
    expect(detectDialect(`县市区\t被巡察单位\t具体问题\t整改措施\n永康市\t教育局\t问题一\t${commas}\n`)).toEqual({ delimiter: '\t', width: 4, cells: 4 });
    // Semicolons in every row, commas in some cells: the semicolons agree.
    expect(detectDialect('a;b;c\n1,5;2;3\n4;5,6,7,8;9\n')).toEqual({ delimiter: ';', width: 3, cells: 3 });
    // Review: ragged comma rows of 5 and 6 cells, a semicolon in most rows' text, read as semicolon-separated.
    const ragged = ['县市区,被巡察单位,具体问题,整改措施,整改状态,备注', '永康市,教育局,学习不深入;流于形式,加强学习,已完成',
      '永康市,财政局,违规吃喝;超标准接待,退赔,已完成,', '兰溪市,教育局,台账不全;不规范,补齐台账,正在推进',
      '兰溪市,卫健局,采购不规范;未招标,规范采购,正在推进,', '义乌市,民政局,资金拨付滞后;未公示,拨付,已完成'];
    expect(detectDialect(ragged.join('\n') + '\n')).toEqual({ delimiter: ',', width: 6, cells: 6 });
    expect(splitRecords('a,"x\ny",c\n1,"he said ""hi""",3\n', ',')).toEqual([['a', 'x\ny', 'c'], ['1', 'he said "hi"', '3']]);
  });

  test('encodings', () => {
    const f = textFixtures();
    expect(detectEncoding(f['messy-utf8.csv'])).toBe('utf-8');
    expect(detectEncoding(f['messy-utf8-bom.csv'])).toBe('utf-8-bom');
    expect(detectEncoding(f['messy-gbk.csv'])).toBe('gb18030');
    expect(detectEncoding(f['messy-utf16le-bom.csv'])).toBe('utf-16le');
    expect(detectEncoding(f['messy-utf16be.csv'])).toBe('utf-16be');
    expect(detectEncoding(utf16('一,二\n三,四\n', 'le'))).toBe('utf-16le');
  });

  test('formats by magic bytes; renamed binaries are refused', () => {
    const f = textFixtures();
    expect(sniffFormat('a.csv', f['messy-utf16be.csv'])).toBe('csv');
    expect(sniffFormat('a.txt', f['messy-gbk.csv'])).toBe('csv');
    expect(sniffFormat('a.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 0]))).toBe('xlsx');
    expect(sniffFormat('a.xlsx', Uint8Array.from([0x50, 0x41, 0x52, 0x31]))).toBe('parquet');
    expect(sniffFormat('a.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBeNull();
    expect(sniffFormat('a.dat', new TextEncoder().encode('[{"a":1}]'))).toBe('json');
    expect(sniffFormat('a.dat', new TextEncoder().encode('{"a":1}\n{"a":2}'))).toBe('ndjson');
    // A web page table or an XML spreadsheet goes to the workbook reader; other markup stays text.
    expect(sniffFormat('a.xls', new TextEncoder().encode(' <html><body><TABLE><tr><td>1</td></tr></TABLE>'))).toBe('xls');
    expect(sniffFormat('a.xls', new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'))).toBe('xls');
    expect(sniffFormat('a.txt', new TextEncoder().encode('<p>县市区,具体问题</p>'))).toBe('csv');
    // Text with NUL padding (a crashed or preallocated write) is text; NULs with other control bytes, or only NULs, are not.
    const text = new TextEncoder().encode('县市区,具体问题\n永康市,违规吃喝\n');
    const padded = new Uint8Array(text.length + 200);
    padded.set(text);
    expect(sniffFormat('a.csv', padded)).toBe('csv');
    expect(sniffFormat('a.csv', Uint8Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 0x41 : 0x05)))).toBeNull();
    expect(sniffFormat('a.csv', new Uint8Array(300))).toBeNull();
    // An RTF document is no JSON, whatever it is named.
    expect(sniffFormat('a.xls', new TextEncoder().encode('{\\rtf1\\ansi 县市区}'))).toBeNull();
  });

  test('record values: a UTC timestamp is read in China time, a DATE keeps its day', () => {
    expect(valueText(new Date('2024-05-09T16:00:00Z'))).toBe('2024-05-10');
    expect(valueText(new Date('2024-05-10T00:00:00Z'))).toBe('2024-05-10');
    expect(valueText(new Date('2024-05-10T15:59:59Z'))).toBe('2024-05-10');
    expect([valueText(true), valueText(12n), valueText({ a: 1 })]).toEqual(['是', '12', '{"a":1}']);
  });

  test('county names in sheet and file names', () => {
    expect(placeInText('永康市2018年整改台账.xlsx')).toBe('永康市');
    expect(placeInText('婺城')).toBe('婺城区');
    expect(placeInText('汇总表')).toBeNull();
    // Two counties give neither (hunt helper-95). 东阳江镇 is a town of 东阳市, as the unit cells' reader
    // (countyInTextSql) has it.
    expect(countiesInText('永康市、武义县第三轮巡察整改台账.xlsx')).toEqual(['武义县', '永康市']);
    expect(placeInText('永康市、武义县第三轮巡察整改台账.xlsx')).toBeNull();
    expect(placeInText('永康市永康经济开发区')).toBe('永康市');
    expect(placeInText('东阳江镇整改台账.xlsx')).toBe('东阳市');
    // 金华开发区 in any spelling, and the city level, when no county is named.
    expect(placeInText('金华市经济技术开发区第三轮巡察')).toBe('金华开发区');
    expect(placeInText('金华经开区.xlsx')).toBe('金华开发区');
    expect(placeInText('市本级-第三轮巡察整改台账.xlsx')).toBe('市本级');
    expect(placeInText('市直单位')).toBe('市本级');
    expect(placeInText('市级部门问题清单')).toBe('市本级');
    // Review helper-96: 金华市 before the city level, and names listing several places.
    expect(['金华市本级-第三轮巡察整改台账', '金华市直单位巡察整改台账', '金华市级部门巡察整改台账'].map(placeInText)).toEqual(['市本级', '市本级', '市本级']);
    expect(['八届市委第三轮巡察市直单位及各县（市、区）反馈问题整改台账', '整改台账（含金华开发区）', '市级部门和县市区', '市直单位（含开发区）', '市级领导包案台账']
      .map(placeInText)).toEqual([null, null, null, null, null]);
  });
});

/** The record splitter as first written, a character at a time: the specification the fast one must match. */
function referenceSplit(text: string, delimiter: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (records.length < maxRecords && (cell !== '' || cells.length)) records.push([...cells, cell]);
  return records;
}

describe('splitRecords matches the character-at-a-time reference', () => {
  test('on 3,000 random texts of quotes, delimiters, line breaks and CJK', () => {
    const alphabet = ['a', '中', ',', '\t', ';', '"', '""', '\n', '\r', '\r\n', ' '];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      for (const delimiter of [',', '\t', ';']) {
        for (const max of [Infinity, 2]) {
          expect(splitRecords(text, delimiter, max), JSON.stringify([text, delimiter, max])).toEqual(referenceSplit(text, delimiter, max));
        }
      }
    }
  });
});

// A date in a file or sheet name to the day, or followed by 更新 / 填报 / 报送 / 版, says when the
// ledger was filled in (台账_2024.9.1.csv): not the round's year. A year, or a year and month, is.
test.each([
  ['八届市委第3轮巡察整改台账_2024.9.1', undefined], ['2024年9月更新-八届市委第三轮巡察整改台账', undefined], ['台账20240901', undefined],
  ['2019年第一轮巡察', 2019], ['2019年3月第一轮巡察', 2019], ['十四届省委第四轮巡视（2018年）', 2018], ['2024年9月1日报送 2019年第一轮', 2019], ['2023.5', 2023],
  ['八届市委第三轮巡察整改台账_2024.9.1.csv', undefined], ['整改台账（2024.09.01）.xlsx', undefined], ['2024.9.1导出-台账.xlsx', undefined],
  // A stationing period or date in a label is the round's.
  ['八届市委第三轮巡察(2019.3-2019.5)', 2019], ['第一轮巡察（2019.03-2019.05）', 2019], ['婺城区委2020.5-2020.7第二轮巡察', 2020],
  ['2019/3-2019/5 第一轮', 2019], ['十四届省委第四轮巡视（2018.8.7-9.28）', 2018], ['第一轮巡察20190301-20190501', 2019], ['2019.3.15进驻', 2019],
  ['2019年3月-5月第一轮', 2019], ['2018年度', 2018], ['2021年4月至6月第二轮', 2021],
])('parseRoundText(%j).year = %j', (text, year) => expect(parseRoundText(text).year).toBe(year));
