import { expect, test } from 'vitest';
import { freshEngine, importOk, utf8 } from './helpers';

// Hunt helper-95: a template that numbers its labels (1.序号|2.县市区|…) was refused as no_header.
test('numbered header labels are read as their labels, and the column-number row under them is skipped', async () => {
  const e = await freshEngine();
  const csv = ['十二届婺城区委第二轮巡察整改台账,,,,',
    '1.序号,2.县市区,3.被巡察单位,4.具体问题,5.整改状态',
    '1,2,3,4,5',
    '1,婺城区,区教育局,理论学习不深入,已完成',
    '2,婺城区,区卫健局,违规发放津补贴,正在推进'].join('\n');
  const [r] = await importOk(e, 'ledger.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 1]);
  expect(await e.query('SELECT county, unit_name, problem_title, status FROM findings ORDER BY source_row')).toEqual([
    { county: '婺城区', unit_name: '区教育局', problem_title: '理论学习不深入', status: 'completed' },
    { county: '婺城区', unit_name: '区卫健局', problem_title: '违规发放津补贴', status: 'in_progress' },
  ]);
  e.close();
});
