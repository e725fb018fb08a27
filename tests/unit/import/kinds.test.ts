import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { noneAsNullSql } from '../../../src/lib/import/normalise/values';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { str } from '../../../src/lib/queries/sql';
import { freshEngine, importOk } from './helpers';

// 整改类型 and 整改专项 read as their enums (DOMAIN.md §6.1), 上轮问题编号 that says "none" is no link.
const CSV = `县市区,被巡察单位,轮次名称,反馈时间,具体问题,整改状态,完成时间,整改类型,整改专项,上轮问题编号
婺城区,婺城区教育局,八届市委第三轮巡察,2024-01-10,理论学习不深入,已完成,2024-02-01,立行立改,,
婺城区,婺城区财政局,八届市委第三轮巡察,2024-01-10,违规发放津补贴,已完成,2024-02-01,立行整改,,无
婺城区,婺城区民政局,八届市委第三轮巡察,2024-01-10,低保审核不严,正在整改,,立即整改,,/
婺城区,婺城区卫健局,八届市委第三轮巡察,2024-01-10,药品采购不规范,正在整改,,,立行立改,—
婺城区,婺城区水务局,八届市委第三轮巡察,2024-01-10,工程招标走过场,正在整改,,近期整改,巡察反馈,-
婺城区,婺城区交通局,八届市委第三轮巡察,2024-01-10,公车管理混乱,正在整改,,长期坚持,选人用人专项检查,否
婺城区,婺城区住建局,八届市委第三轮巡察,2024-01-10,违规吃喝,已完成,2024-02-01,专项整治,,WC-2021-07
婺城区,婺城区林业局,八届市委第三轮巡察,2024-01-10,林地管理不严,正在整改,,限期整改（立行立改部分已完成）,巡察反馈（含立行立改）,
婺城区,婺城区审计局,八届市委第三轮巡察,2024-01-10,档案管理不规范,正在整改,,非立行立改,选人用人专项检查（立即整改）,
婺城区,婺城区统计局,八届市委第三轮巡察,2024-01-10,统计数据不准,正在整改,,长期（不限期）,立行立改问题,
`;

describe('整改类型, 整改专项 and 上轮问题编号', () => {
  let engine: Engine & { close(): void };
  beforeAll(async () => {
    engine = await freshEngine();
    await importOk(engine, 'kinds.csv', new TextEncoder().encode(CSV));
  });
  afterAll(() => engine.close());

  test('are stored as their enums; a placeholder id is NULL', async () => {
    expect(await engine.query('SELECT unit_name, rect_type, source, prior_finding_id FROM findings ORDER BY source_row')).toEqual([
      { unit_name: '婺城区教育局', rect_type: '立行立改', source: null, prior_finding_id: null },
      { unit_name: '婺城区财政局', rect_type: '立行立改', source: null, prior_finding_id: null },
      { unit_name: '婺城区民政局', rect_type: '立行立改', source: null, prior_finding_id: null },
      { unit_name: '婺城区卫健局', rect_type: null, source: '立行立改', prior_finding_id: null },
      { unit_name: '婺城区水务局', rect_type: '限期整改', source: '巡察反馈', prior_finding_id: null },
      { unit_name: '婺城区交通局', rect_type: '长期整改', source: '选人用人专项检查', prior_finding_id: null },
      { unit_name: '婺城区住建局', rect_type: '专项整治', source: null, prior_finding_id: 'WC-2021-07' },
      { unit_name: '婺城区林业局', rect_type: '限期整改', source: '巡察反馈（含立行立改）', prior_finding_id: null },
      { unit_name: '婺城区审计局', rect_type: '非立行立改', source: '选人用人专项检查（立即整改）', prior_finding_id: null },
      { unit_name: '婺城区统计局', rect_type: '长期整改', source: '立行立改', prior_finding_id: null },
    ]);
  });

  test('立行立改数 (#4), its completion (#8) and explicit repeats (#21) count them so', async () => {
    const [k] = await engine.query<KpiRow>(kpisQuery(emptyFilters('2024-06-30'), DEFAULT_PARAMS));
    // L = rows 1–4 (three 整改类型 spellings, one 整改专项) and the 统计局 (立行立改问题), two of them completed;
    // a note or a negation naming 立行立改 does not count. E = the one real id.
    expect({ immediate: Number(k.immediate), done: Number(k.immediate_completed), rate: k.immediate_rate, repeat: Number(k.repeat) })
      .toEqual({ immediate: 5, done: 2, rate: 0.4, repeat: 1 });
  });

  test.each([['无', null], ['暂无', null], ['/', null], ['－', null], ['N/A', null], ['否', null], ['不涉及', null], ['无。', null],
    ['nan', null], ['NaN', null], ['Ｎ／Ａ', null], ['—/—', null], ['无（新发现问题）', null], ['首次发现', null], ['新问题', null],
    ['无编号', null], ['空', null], ['未涉及', null],
    // A 0 (a formula pointing at a blank cell saves 0), an Excel error written out as text, and a phrase saying the
    // problem is new or linked to none: no earlier finding (DOMAIN #21 counts any link as a repeat).
    ['0', null], ['00', null], ['0.0', null], ['#N/A', null], ['#REF!', null], ['#VALUE!', null], ['#DIV/0!', null], ['#NAME?', null],
    ['＃Ｎ／Ａ', null], ['无关联', null], ['未关联', null], ['无关联问题', null], ['非重复问题', null], ['不是重复问题', null],
    ['不属于重复问题', null], ['无上轮问题', null], ['无上轮编号', null], ['上轮无', null], ['非上轮问题', null], ['本轮新增', null],
    ['本轮新发现', null], ['本轮新增问题', null], ['无对应问题', null], ['新增', null], ['首轮', null], ['首次巡察', null],
    ['上轮无此问题', null], ['上轮无该问题', null], ['空白', null],
    // helper-138: in brackets, as typed.
    ['（无）', null], ['【无】', null], ['(否)', null], ['（不涉及）', null], ['（1）', '（1）'], ['【YK-2023-01】', '【YK-2023-01】'],
    // helper-139: the other brackets too.
    ['[无]', null], ['［无］', null], ['〔无〕', null], ['〔2023〕5号', '〔2023〕5号'],
    // helper-122: 无此问题 and its kin.
    ['无此问题', null], ['无该问题', null], ['无相关问题', null], ['无类似问题', null], ['无同类问题', null], ['无此项', null], ['无此情况', null],
    // helper-124: more of that kin, quoted, or with a note after a comma.
    ['无此类问题', null], ['无此类情况', null], ['无此项问题', null], ['无重复问题', null], ['不是', null], ['上一轮无此问题', null],
    ['上轮未发现', null], ['＂无此问题＂', null], ['“无此问题”', null], ['无此问题，本轮新发现', null],
    ['YK无此问题01', 'YK无此问题01'], ['无此问题2023-01', '无此问题2023-01'], ['无此项3', '无此项3'],
    // helper-126: a note after the comma that names a finding by a number or a code is no "no link".
    ['无,YK-2023-01', '无,YK-2023-01'], ['0,YK-2023-01', '0,YK-2023-01'], ['/，见YK-2023-01', '/，见YK-2023-01'],
    ['无,2023-01', '无,2023-01'], ['无，2024年新发现', null], ['新发现,第2轮', null], ['0,0', null],
    ['无线网络-07', '无线网络-07'], ['2021-05', '2021-05'], ['H1-3', 'H1-3'], ['N/A-3', 'N/A-3'], ['无锡-01', '无锡-01'], ['-1', '-1'],
    ['10', '10'], ['0-3', '0-3'], ['关联第一轮问题3', '关联第一轮问题3'], ['上轮第5项', '上轮第5项'], ['本轮新增问题与上轮第3项相同', '本轮新增问题与上轮第3项相同']])('%j → %j', async (text, want) => {
    const [row] = await engine.query<{ v: string | null }>(`SELECT ${noneAsNullSql(str(text))} AS v`);
    expect(row.v).toBe(want);
  });
});
