import { beforeAll, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { closedCellSql, statusCompactSql, statusSql } from '../../../src/lib/import/normalise/status';
import { compactSql } from '../../../src/lib/import/normalise/text';
import { freshEngine, importOk, utf8 } from './helpers';

// Review of status texts as offices write them: a part left (剩余1项持续推进) was passed over as a next step, a
// problem the text describes (存在未及时缴纳党费情况) outweighed how it ended, and a numbered list on one line
// was read by its last item. And 是否销号 was read as a bare yes or no: 已申请销号 closed, 同意销号 unread.

let e: Engine;
beforeAll(async () => {
  e = await openNodeEngine();
});

async function each(inputs: string[], build: (x: string) => string): Promise<unknown[]> {
  const values = inputs.map((v, i) => `(${i}, ${str(v)})`).join(', ');
  const rows = await e.query<{ out: unknown }>(`SELECT ${build('v')} AS out FROM (VALUES ${values}) t(i, v) ORDER BY i`);
  return rows.map((r) => r.out);
}

test('a part still left is in progress, a next step alone is not', async () => {
  const cases: [string, string][] = [
    ['已完成3项措施，剩余1项持续推进', 'in_progress'], ['已完成2项，其余3项持续推进', 'in_progress'], ['已完成，剩余部分持续推进', 'in_progress'],
    ['已完成整改，1个村持续整改中', 'in_progress'], ['主体工作已完成，个别事项持续推进中', 'in_progress'],
    // What comes next stays passed over, and so does work kept up as a long-term mechanism.
    ['已整改到位，下一步将持续推进制度落实', 'completed'], ['已完成，持续巩固整改成果', 'completed'], ['已完成，5项长效机制持续发挥作用', 'completed'],
    ['已完成，其余已纳入长效机制持续推进', 'completed'], ['已完成整改，部分工作常态化推进', 'completed'],
  ];
  expect(await each(cases.map(([t]) => t), (x) => statusSql(statusCompactSql(x)))).toEqual(cases.map(([, s]) => s));
});

test('a problem the text describes is not the item\'s status, unless it is said to be still there', async () => {
  const cases: [string, string][] = [
    ['已整改。经查，该单位2023年存在未及时缴纳党费情况，现已补缴', 'completed'],
    ['已完成整改，针对3个村未按期召开三会一课问题进行了通报', 'completed'], ['完成整改，存在未及时入账情况已纠正', 'completed'],
    ['仍存在未整改到位问题', 'not_completed'], ['存在问题未整改', 'not_completed'], ['未及时完成', 'in_progress'],
    // A described problem that is all the text says is its status.
    ['存在未整改到位问题', 'not_completed'], ['目前存在整改不到位情况', 'not_completed'], ['该单位存在未按期整改问题', 'in_progress'],
    ['针对已整改完成的问题开展回头看，未发现反弹', 'completed'],
  ];
  expect(await each(cases.map(([t]) => t), (x) => statusSql(statusCompactSql(x)))).toEqual(cases.map(([, s]) => s));
});

test('a plan drawn up is in progress, a plan carried out completed; completed but not yet accepted is completed, as 待验收 is', async () => {
  const cases: [string, string][] = [
    ['已完成整改方案制定', 'in_progress'], ['整改方案已制定完成', 'in_progress'], ['已完成整改，并制定长效制度方案', 'completed'],
    ['已全面完成整改方案', 'completed'], ['已完成整改，已完成整改方案', 'completed'],
    ['已完成整改，尚未验收', 'completed'], ['已完成整改，待验收', 'completed'], ['验收未通过', 'not_completed'],
    // What follows (后续) is no next step when it says what is not done.
    ['前期已完成，后续整改未完成', 'not_completed'], ['已完成3项，后续2项正在推进', 'in_progress'], ['第一阶段已完成，后续整改正在推进', 'in_progress'],
  ];
  expect(await each(cases.map(([t]) => t), (x) => statusSql(statusCompactSql(x)))).toEqual(cases.map(([, s]) => s));
});

test('a numbered list on one line is as far as its least advanced item, as on several lines', async () => {
  const cases: [string, string][] = [
    ['1.正在推进；2.已完成', 'in_progress'], ['（1）正在推进；（2）已完成', 'in_progress'], ['1.已完成；2.已完成', 'completed'],
    ['1.已完成；2.未完成', 'not_completed'], ['1.正在推进\n2.已完成', 'in_progress'],
    // A date or an amount after a comma is no list number.
    ['正在推进，预计2024.6.30前完成', 'in_progress'], ['已完成，1.5万元已退还', 'completed'],
  ];
  expect(await each(cases.map(([t]) => t), (x) => statusSql(statusCompactSql(x)))).toEqual(cases.map(([, s]) => s));
});

test('是否销号: done or agreed is closed, an application or a wait is not, a date is; else yes or no', async () => {
  const cases: [string, boolean | null][] = [
    ['是', true], ['否', false], ['已销号', true], ['同意销号', true], ['销号', true], ['2024年6月10日', true], ['2024.6.10', true],
    ['是（已申请销号并获批准）', true], ['否，已申请销号', false], ['已申请销号', false], ['已提交销号申请', false], ['已报送销号材料', false], ['待销号', false], ['未销号', false], ['√', true],
    ['见附件', null],
  ];
  expect(await each(cases.map(([t]) => t), (x) => closedCellSql(compactSql(x)))).toEqual(cases.map(([, s]) => s));
});

test('是否销号 in a ledger: read as closedCellSql reads it, unread values warned, a no beside a status saying 已销号 warned', async () => {
  const engine = await freshEngine();
  const [r] = await importOk(engine, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,整改状态,是否销号
1,永康市教育局,问题一,已完成,同意销号
2,永康市教育局,问题二,已完成,已申请销号
3,永康市教育局,问题三,已完成,2024年6月10日
4,永康市教育局,问题四,已完成，已销号,否
5,永康市教育局,问题五,已完成,见附件
`));
  expect(await engine.query('SELECT problem_title, closed FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', closed: true }, { problem_title: '问题二', closed: false }, { problem_title: '问题三', closed: true },
    { problem_title: '问题四', closed: false }, { problem_title: '问题五', closed: null },
  ]);
  expect(r.issues.filter((i) => i.code === 'closed_conflict').map((i) => [i.row, i.value])).toEqual([[5, '否']]);
  expect(r.issues.filter((i) => i.code === 'bool_invalid').map((i) => [i.row, i.value])).toEqual([[6, '见附件']]);
  engine.close();
});
