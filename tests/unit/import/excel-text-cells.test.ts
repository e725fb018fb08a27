import { test, expect } from 'vitest';
import { freshEngine, importOk, gbk } from './helpers';

// An OA system's CSV export writes cells as ="001" (quoted or not) so that Excel keeps them as text:
// the cell is its text. Before, 序号 ="001" was stored as the id ="001" and a unit as ="婺城区财政局".
test('cells written ="text" are their text; a cell merely starting with = is kept as written', async () => {
  const e = await freshEngine();
  const csv = ['序号,县市区,被巡察单位,具体问题,整改状态,完成时间',
    '="001",="婺城区",婺城区教育局,理论学习不深入,已完成,="2024-03-20"',
    '"=""002""",婺城区,="婺城区财政局",违规吃喝,="正在推进",',
    '003,婺城区,婺城区民政局,=号开头的问题描述,正在推进,'].join('\r\n');
  await importOk(e, '八届市委第三轮巡察.csv', gbk(csv));
  expect(await e.query('SELECT finding_id, county, unit_name, problem_title, status, completion_date FROM findings ORDER BY source_row')).toEqual([
    { finding_id: '金华市|市委|八届|3|婺城区教育局|001', county: '婺城区', unit_name: '婺城区教育局', problem_title: '理论学习不深入', status: 'completed', completion_date: '2024-03-20' },
    { finding_id: '金华市|市委|八届|3|婺城区财政局|002', county: '婺城区', unit_name: '婺城区财政局', problem_title: '违规吃喝', status: 'in_progress', completion_date: null },
    { finding_id: '金华市|市委|八届|3|婺城区民政局|003', county: '婺城区', unit_name: '婺城区民政局', problem_title: '=号开头的问题描述', status: 'in_progress', completion_date: null }]);
  e.close();
});
