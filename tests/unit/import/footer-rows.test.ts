import { test, expect } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

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
