import { test, expect } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';
import type { Engine } from '../../../src/lib/db/types';

// Review: the signature and filer lines under almost every office ledger were rejected rows (county,
// unit and problem missing), each in the rejected-rows CSV, when their words carried a note on how to
// sign (（签字）, （盖章）) or were not in the list (填报单位, 单位主要负责人, 经办人, 报送时间).
test('signature, filer and date lines under the ledger are notes, in the first column or any other; a problem about a leader is a problem', async () => {
  const e = await freshEngine();
  const feet = ['单位负责人签字：', '主要负责人（签字）：', '填报单位（盖章）：', '审核：李四', '分管领导（签字）：', '负责人：王五', '签发人：',
    '报送时间：2024年7月1日', '填报日期：2024年7月1日', '经办人：张三', '党组书记（签字）：', '填报单位：兰溪市教育局（盖章）'];
  const csv = ['八届市委第三轮巡察整改台账', '序号,县市区,被巡察单位,具体问题,整改状态',
    '1,兰溪市,兰溪市教育局,理论学习不深入,已完成',
    // Problems that start with a signature's words but say something else.
    '2,兰溪市,兰溪市教育局,主要负责人履行第一责任人职责不到位,正在推进',
    '3,兰溪市,兰溪市教育局,书记抓基层党建述职评议流于形式,正在推进',
    '填报单位（盖章）：,,,填报人：张三,联系电话：12345678',
    '单位主要负责人：,,,填报时间：2024年7月1日,',
    ...feet.map((t) => `,,${t},,`)].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2 + feet.length]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_note').map((i) => i.row))
    .toEqual(Array.from({ length: 2 + feet.length }, (_, i) => 6 + i));
  e.close();
});

// Review: with the problem in the first column, a problem that starts 书记： or 负责人 and a space was
// skipped as a signature line. Such words are a signature only when a name at most follows them.
test('a problem in the first column that starts with a secretary or a person in charge is a problem, a name after them a signature', async () => {
  const e = await freshEngine();
  const problems = ['书记：履行第一责任人职责不到位', '党委书记：对班子成员监督不力', '负责人 落实整改不力', '经办人 审核把关不严', '书记：作风不实问题突出',
    '负责人 把关不严', '书记：把关不严，致使问题反复', '书记：履职不力 对班子成员监督缺位',
    // Third review: a problem that goes on with a year, a numbered point, a list of words or a count.
    '书记：2023年以来未召开专题会议', '党组书记：（一）学习贯彻不深入', '书记：学习不够、调研不深', '负责人 2次未参加民主生活会',
    '书记：时间观念不强，2次会议迟到', '书记：2023年5月以来未过问整改',
    // Review helper-94: stock phrases in a list, and prose starting with a contact word.
    '书记：重业务、轻党建', '党组书记：重部署、轻落实', '书记：不学习、不调研', '书记：电话会议精神传达不及时', '负责人：职务消费不规范',
    '书记：负责人意识不强', '书记：日期填写不规范', '书记：张三 2024年7月1日未到岗',
    // Names listed with commas sign; phrases of four characters, or starting with a judgement, do not.
    '书记：学习不够，调研不深', '负责人：把关不严，监督缺位', '书记：重形式，轻实效', '书记：不担当，不作为',
    // helper-120: a ledger listing its problems first, whose problem opens with the leader it is about.
    '主要负责人：履行第一责任人职责不到位', '分管领导：对分管领域廉政风险防控不力', '单位负责人：对下属单位监督不力', '分管领导 一岗双责落实不到位',
    '单位主要负责人：末位表态制度执行不到位', '主要负责人：履职不力', '分管领导：把关不严', '负责人：把关不严'];
  // Review of the first fix: printed forms leave blanks to sign on, and a name may come with a date, a title or a phone.
  const feet = ['书记：张三', '党组书记（签字）：', '经办人：张三  2024年7月1日', '经办人 李四', '签发人：', '单位主要负责人（签字）：__________',
    '负责人：____________', '书记签字：＿＿＿＿＿＿', '经办人：__________  联系电话：__________', '经办人：张三，联系电话：13800000000',
    '经办人：张三、李四', '负责人：张三（签字）', '书记：张三2024年7月1日', '签发人：张三（局长）',
    // Second review: a second signer or 联系方式 after the name.
    '经办人：张三    联系方式：13812345678', '负责人：张三        填表人：李四',
    // A phone, a date with dots, printed date blanks, a bracket note alone, three names.
    '经办人：张三 0579-82345678', '经办人：张三 2024.7.1', '负责人：＿＿＿＿  ＿＿年＿＿月＿＿日', '党组书记：（签字）',
    '书记：张三、李四、王五', '经办人：张三，2024年7月1日，联系电话：13800000000',
    // Review helper-94: a stamp note or a full stop after the date, a date without its year, a weekday or an
    // hour, a phone in groups or with an extension, a date in Chinese numerals, a time or a reviewer's label.
    '经办人：张三 2024年7月1日（盖章）', '负责人：＿＿＿＿ 2024年7月1日（公章）', '经办人：张三　　　　2024年7月1日　　　（单位盖章）',
    '负责人：张三（签名） 2024年7月1日（盖章）', '经办人：张三（2024年7月1日）', '书记：张三 2024年07月01日。', '经办人：张三，2024年7月1日。',
    '经办人：张三 7月1日', '经办人：张三 2024年7月1日星期一', '经办人：张三 2024年7月1日 14:30', '负责人：张三 138 0000 0000',
    '经办人：张三 0579-82345678转8001', '签发人：张三 2024年7月1日印发', '经办人：张三 二〇二四年七月一日', '经办人：张三 时间：2024年7月1日',
    '负责人：张三  审核：李四', '负责人：张三 分管领导：李四', '负责人：张三，李四', '经办人：张三，李四，王五',
    '分管领导：张三', '主要负责人：张三  2024年7月1日', '单位负责人（签字）：', '分管领导 李四', '单位主要负责人：张三，联系电话：13800000000',
    // helper-121: other signers after them.
    '主要负责人：　　　制表人：　　', '单位负责人：张三  填报单位（盖章）：', '分管领导：李四 复核人：王五', '主要负责人： 统计人： 审批人：',
    '单位负责人：张三 联系人：李四', '主要负责人：张三 制表日期：2024年7月1日'];
  const csv = ['具体问题,县市区,被巡察单位,整改状态',
    ...problems.map((p) => `${p},兰溪市,兰溪市教育局,正在推进`),
    ...feet.map((t) => `${t},,,`)].join('\n');
  const [r] = await importOk(e, '八届市委第三轮巡察.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([problems.length, 0, feet.length]);
  const rows = await e.query<{ problem_title: string }>('SELECT problem_title FROM findings ORDER BY source_row');
  expect(rows.map((x) => x.problem_title)).toEqual(problems);
  e.close();
});

// helper-128: a rate or count line under the ledger (整改完成率 and its formula's value) was a problem in progress,
// and cut the rate from 2/3 to 2/4. Its label alone in the 序号 or the problem's cell, with a note or a figure, is a total.
test('a rate or count line under the ledger is a total; a problem whose title starts with such words is a problem', async () => {
  const e = await freshEngine();
  const rows = ['1,兰溪市,兰溪市教育局,理论学习不深入,已完成', '2,兰溪市,兰溪市教育局,完成率偏低的问题长期未解决,已完成',
    '3,兰溪市,兰溪市教育局,已完成数据核查但未整改到位,正在推进', '4,兰溪市,兰溪市教育局,问题数据台账不全,正在推进'];
  const feet = [',,,整改完成率,66.67%', ',,,完成率（%）,50', ',,,整改完成率：50%,', ',,,已完成数,2', ',,,问题总数,4', '办结率,,,,0.5', ',,,按期完成率,',
    ',,,已完成数：2项,'];
  const csv = ['八届市委第三轮巡察整改台账', '序号,县市区,被巡察单位,具体问题,整改状态', ...rows, ...feet].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, feet.length]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_total').map((i) => i.row)).toEqual(feet.map((_, i) => 7 + i));
  e.close();
});

/** The as-of date each CSV of the given lines imports with, into one engine (copies allowed). */
const asOfReader = (e: Engine) => async (name: string, lines: string[]) => {
  const [r] = await importOk(e, name, utf8(lines.join('\n')), { allowDuplicate: true });
  return r.asOf;
};

// helper-128: Chinese forms put 填表人 and 填报日期 at the bottom; the as-of date was read only above the header, so the
// ledger fell back to its newest date (or today), and the overdue count changed.
test('a filer date under the table gives the as-of date when the title states none; a title\'s wins', async () => {
  const e = await freshEngine();
  const body = ['序号,县市区,被巡察单位,具体问题,整改时限,整改状态,完成时间', '1,兰溪市,兰溪市教育局,理论学习不深入,2024年6月底前,已完成,2024-06-20',
    '2,兰溪市,兰溪市教育局,违规发放津补贴,2024年9月底前,正在整改,'];
  const asOf = asOfReader(e);
  expect(await asOf('a.csv', ['八届市委第三轮巡察整改台账', ...body, '填表人：王某,,,,填报日期：2024年10月8日,,'])).toBe('2024-10-08');
  expect(await asOf('b.csv', ['八届市委第三轮巡察整改台账', ...body, '报送日期：2024年10月9日,,,,,,'])).toBe('2024-10-09');
  expect(await asOf('c.csv', ['八届市委第三轮巡察整改台账', ...body, ',,,填报时间：,2024年10月10日,,'])).toBe('2024-10-10');
  // Above the header, as before; and a title's own as-of date before a footer's.
  expect(await asOf('d.csv', ['八届市委第三轮巡察整改台账', '填报时间：2024年10月8日', ...body])).toBe('2024-10-08');
  expect(await asOf('e.csv', ['八届市委第三轮巡察整改台账（截至2024年9月30日）', ...body, '填报日期：2024年10月8日,,,,,,'])).toBe('2024-09-30');
  // No filer line: the newest date of the rows.
  expect(await asOf('f.csv', ['八届市委第三轮巡察整改台账', ...body])).toBe('2024-06-20');
  // helper-129: a data row's own words (a 备注 of 整改材料报送时间：…) are no filer line; a file name's 截至 date comes first.
  expect(await asOf('g.csv', ['八届市委第三轮巡察整改台账', ...body, '3,兰溪市,兰溪市教育局,公车管理不规范,2024年6月底前,已完成,2024-06-01,整改材料报送时间：2024年5月10日']))
    .toBe('2024-06-20');
  expect(await asOf('台账（截至2024年9月30日）.csv', ['八届市委第三轮巡察整改台账', ...body, '填报日期：2024年10月8日,,,,,,'])).toBe('2024-09-30');
  e.close();
});

// helper-128: a 归零表's sign-off rows (部门负责人意见： | 同意 | 签名： | 张某 | 日期：…) were findings titled 同意; a 销号 form's
// 巡察组意见： | 经核查，同意销号 a rejected row. An opinion's label alone in its first cell is a note; a problem about opinions is not.
test('opinion and sign-off rows under the table are notes; a problem that speaks of opinions is a problem', async () => {
  const e = await freshEngine();
  const csv = ['八届市委第三轮巡察整改台账', '序号,县市区,被巡察单位,具体问题,整改状态,备注,完成时间,佐证',
    '1,兰溪市,兰溪市教育局,理论学习不深入,已完成,,2024-06-20,', '2,兰溪市,兰溪市教育局,巡察反馈意见：落实不到位,正在整改,,,',
    '3,兰溪市,兰溪市教育局,征求意见：范围不广,正在整改,,,',
    '部门负责人意见：,,同意,,签名：,张某,日期：,2024年6月30日', '分管领导意见（签字）：,,同意,,,,,', '巡察组意见：,,经核查，同意销号,,,,,'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_note').map((i) => i.row)).toEqual([6, 7, 8]);
  e.close();
});

// helper-130: a day closing a title or a name, in brackets or after a separator, or alone in a title row's cell, with no word
// saying what it is: the ledger fell back to its newest date, so an item past its deadline at the ledger's own date was no overdue.
test('a day closing the title, the sheet or file name, or alone on a form line, is the as-of date where no word states one', async () => {
  const e = await freshEngine();
  const body = ['序号,县市区,被巡察单位,具体问题,整改时限,整改状态,完成时间', '1,永康市,永康市古山镇党委,理论学习不深入,2024年6月底前,已完成,2024-05-10',
    '2,永康市,永康市古山镇党委,违规发放津补贴,2024年6月30日,正在整改,'];
  const asOf = asOfReader(e);
  const title = '永康市委第五轮巡察反馈问题整改进展情况';
  expect(await asOf('a.csv', [`${title}（2024年9月30日）`, ...body])).toBe('2024-09-30');
  expect(await asOf('b.csv', [`${title}（2024.9.30）`, ...body])).toBe('2024-09-30');
  expect(await asOf('永康市巡察整改台账20240930.csv', [title, ...body])).toBe('2024-09-30');
  expect(await asOf('台账_2024-09-30.csv', [title, ...body])).toBe('2024-09-30');
  // A hyphen after a word parts the name from its day, as an underscore does; after a date it is a range's (below).
  expect(await asOf('整改台账-20240930.csv', [title, ...body])).toBe('2024-09-30');
  expect(await asOf('整改台账 - 2024.9.30.csv', [title, ...body])).toBe('2024-09-30');
  // A date label before the hyphen is still the label of that date (helper-133): not the as-of date.
  for (const name of ['巡察反馈-20240315.csv', '整改台账（反馈时间-20240315）.csv', '整改时限-20241231.csv', '进驻-20240301.csv']) {
    expect(await asOf(name, [title, ...body])).toBe('2024-05-10');
  }
  expect(await asOf('c.csv', [title, '填报单位：永康市古山镇党委（盖章）,,,,,,2024年9月30日', ...body])).toBe('2024-09-30');
  // Words win: a 截至 date anywhere, and a filer date under the table.
  expect(await asOf('台账20241031.csv', [`${title}（截至2024年9月30日）`, ...body])).toBe('2024-09-30');
  expect(await asOf('台账20241031.csv', [title, ...body, '填报日期：2024年10月8日,,,,,,'])).toBe('2024-10-08');
  // No closing day: a deadline (…前), a date opening the title, a date after another date's label, a month, an impossible day.
  for (const lines of [[`${title}（2024年12月31日前）`], [`2024年3月15日${title}`], [title, '反馈时间,2024年3月15日'], [`${title}　反馈时间：2024年3月15日`],
    // helper-131: a period's end, a deadline after 至, the feedback day after 反馈, a day after a name and a space.
    [title, '进驻时间：2024年3月1日—2024年4月30日'], [title, '巡察时间：2024年3月1日至2024年4月30日'],
    [`${title}（集中整改期：2024年3月15日至2024年6月15日）`], [`${title}（整改时限至2024年12月31日）`], [title, '巡察反馈：2024年3月15日'],
    [title, '反馈 2024年3月15日'], [title, '巡察组：县委第三巡察组 组长：张三 2024年3月15日'], [`${title}（2024年9月）`], [`${title}（2024.2.30）`],
    [`${title}（2024年3月1日-2024年4月30日）`], [`${title}（2024.3.1 - 2024.4.30）`], [`${title}（20240301-20240430）`]]) {
    expect(await asOf('d.csv', [...lines, ...body])).toBe('2024-05-10');
  }
  e.close();
});
