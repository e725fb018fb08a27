// The inspection rounds of the sample, 2018–2025, in feedback order. Each carries its committee,
// term and label, the counties it covers, its reporting framework (方面 headings), the status
// words its ledger uses, how it writes dates, and how far rectification had got by 2026-06-30.

const L1_MIX = {
  2018: { A: 16, B: 10, C: 20, D: 14, E: 10, F: 12, G: 10, H: 4 },
  2019: { A: 12, B: 8, C: 18, D: 20, E: 10, F: 18, G: 10, H: 4 },
  2020: { A: 12, B: 8, C: 16, D: 16, E: 14, F: 20, G: 8, H: 6 },
  2022: { A: 14, B: 8, C: 20, D: 12, E: 10, F: 18, G: 10, H: 8 },
  2023: { A: 20, B: 10, C: 16, D: 10, E: 8, F: 16, G: 12, H: 8 },
  2024: { A: 12, B: 8, C: 20, D: 14, E: 8, F: 20, G: 8, H: 10 },
  2025: { A: 14, B: 6, C: 18, D: 16, E: 8, F: 18, G: 8, H: 12 },
};

/** Rounds in feedback order. `visits` (巡视) are fixed; 巡察 rounds draw their units from the pool. */
export const ROUNDS = [
  { code: 'SW14-4', label: '十四届省委第四轮巡视', level: '省委', term: '十四届省委', no: 4, year: 2018, framework: 'six', mode: '常规巡视',
    mix: L1_MIX[2018], pComplete: 0.95, dateStyle: 'cn',
    words: { completed: ['已完成整改'], basic: ['基本完成取得阶段性成果并持续整改', '长期任务取得阶段性成果'], progress: ['正在整改'],
      overdue: ['未按期'], notDone: ['未完成'], odd: [] },
    visits: [
      { county: '永康市', team: '省委第六巡视组', station: ['2018-08-07', '2018-09-28'], feedback: '2018-10-30', real: true },
      { county: '武义县', team: '省委第五巡视组', station: ['2018-08-08', '2018-09-28'], feedback: '2018-10-29' },
      { county: '磐安县', team: '省委第七巡视组', station: ['2018-08-09', '2018-09-29'], feedback: '2018-10-31' },
    ] },
  { code: 'SC7-8', label: '七届市委第八轮巡察', level: '市委', term: '七届市委', no: 8, year: 2019, framework: 'three', mode: '常规巡察',
    mix: L1_MIX[2019], pComplete: 0.95, dateStyle: 'iso', station: ['2019-03-11', '2019-04-30'], feedback: '2019-06-10',
    counties: ['义乌市', '东阳市', '武义县', '婺城区'], cityUnits: 8, perCounty: 4,
    words: { completed: ['已完成', '已整改'], basic: ['基本完成'], progress: ['正在整改'], overdue: ['滞后任务'], notDone: ['未整改'],
      odd: ['待核实'] } },
  { code: 'SW14-8', label: '十四届省委第八轮巡视', level: '省委', term: '十四届省委', no: 8, year: 2019, framework: 'luoshi', mode: '常规巡视',
    mix: L1_MIX[2019], pComplete: 0.94, dateStyle: 'iso',
    words: { completed: ['已完成'], basic: ['长期任务取得阶段性成果'], progress: ['持续推进'], overdue: ['未按期'], notDone: ['未完成'], odd: [] },
    visits: [
      { county: '兰溪市', team: '省委第三巡视组', station: ['2019-08-26', '2019-10-12'], feedback: '2019-11-05' },
      { county: '浦江县', team: '省委第四巡视组', station: ['2019-08-27', '2019-10-12'], feedback: '2019-11-06' },
      { county: '金东区', team: '省委第八巡视组', station: ['2019-08-27', '2019-10-14'], feedback: '2019-11-07' },
    ] },
  { code: 'SC7-10', label: '七届市委第十轮巡察', level: '市委', term: '七届市委', no: 10, year: 2020, framework: 'three', mode: '专项巡察',
    mix: L1_MIX[2020], pComplete: 0.94, dateStyle: 'slash', station: ['2020-04-13', '2020-06-05'], feedback: '2020-07-20',
    counties: ['兰溪市', '浦江县', '磐安县', '永康市'], cityUnits: 8, perCounty: 4,
    words: { completed: ['已整改到位', '完成整改'], basic: ['取得阶段性成效'], progress: ['持续推进'], overdue: ['滞后任务'], notDone: ['未整改'],
      odd: ['暂缓整改'] } },
  { code: 'SC8-2', label: '八届市委第二轮巡察', level: '市委', term: '八届市委', no: 2, year: 2022, framework: 'three', mode: '常规巡察',
    mix: L1_MIX[2022], pComplete: 0.92, dateStyle: 'cn', station: ['2022-03-07', '2022-04-29'], feedback: '2022-06-13',
    counties: ['义乌市', '金东区', '东阳市', '武义县', '婺城区'], cityUnits: 8, perCounty: 4,
    words: { completed: ['已完成', '已销号'], basic: ['基本完成'], progress: ['正在推进'], overdue: ['滞后任务'], notDone: ['未完成'], odd: [] } },
  { code: 'WC12-2', label: '十二届婺城区委第二轮巡察', level: '县(市、区)委', term: '十二届婺城区委', no: 2, year: 2022, framework: 'four',
    mode: '常规巡察', mix: L1_MIX[2022], pComplete: 0.82, dateStyle: 'iso', station: ['2022-09-16', '2022-10-18'], feedback: '2023-01-17',
    teamPrefix: '区委', localUnits: true,
    words: { completed: ['已完成'], basic: ['基本完成'], progress: ['正在整改'], overdue: ['正在整改'], notDone: ['未完成'], odd: [] } },
  { code: 'SW15-2', label: '十五届省委第二轮巡视', level: '省委', term: '十五届省委', no: 2, year: 2023, framework: 'luoshi', mode: '常规巡视',
    mix: L1_MIX[2023], pComplete: 0.88, dateStyle: 'cn',
    words: { completed: ['已完成整改', '已销号'], basic: ['基本完成', '取得阶段性成效'], progress: ['按序时进度推进'], overdue: ['未按期'],
      notDone: ['未完成'], odd: [] },
    visits: [
      { county: '永康市', team: '省委第二巡视组', station: ['2023-03-06', '2023-05-05'], feedback: '2023-06-28' },
      { county: '兰溪市', team: '省委第三巡视组', station: ['2023-03-07', '2023-05-06'], feedback: '2023-06-29' },
      { county: '东阳市', team: '省委第四巡视组', station: ['2023-03-07', '2023-05-08'], feedback: '2023-06-30' },
    ] },
  { code: 'SC8-5', label: '八届市委第五轮巡察', level: '市委', term: '八届市委', no: 5, year: 2024, framework: 'four', mode: '常规巡察',
    mix: L1_MIX[2024], pComplete: 0.84, dateStyle: 'slash', station: ['2024-03-18', '2024-05-17'], feedback: '2024-07-15',
    counties: ['浦江县', '磐安县', '义乌市', '永康市'], cityUnits: 7, perCounty: 3, villagesPerCounty: 2,
    words: { completed: ['已完成', '已销号'], basic: ['基本完成'], progress: ['序时任务'], overdue: ['滞后任务'], notDone: ['未整改'],
      odd: ['已移交'] } },
  { code: 'SC8-7', label: '八届市委第七轮巡察', level: '市委', term: '八届市委', no: 7, year: 2025, framework: 'four', mode: '常规巡察',
    mix: L1_MIX[2025], pComplete: 0.7, dateStyle: 'mixed', station: ['2025-08-25', '2025-10-17'], feedback: '2025-11-24',
    counties: ['婺城区', '金东区', '兰溪市', '东阳市', '武义县'], cityUnits: 7, perCounty: 3, villagesPerCounty: 2,
    words: { completed: ['已完成', '已整改', '完成整改'], basic: ['基本完成', '基本完成取得阶段性成果并持续整改', '长期任务取得阶段性成果'],
      progress: ['正在整改', '正在推进', '序时任务', '按序时进度推进', '持续推进'],
      overdue: ['滞后任务', '未按期'], notDone: ['未完成', '未整改'], odd: ['待核实'] } },
];

/** The as-of date of the whole sample: nothing happens after it. */
export const AS_OF = '2026-06-30';

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The name of a 巡察组 (e.g. 市委第三巡察组) by its zero-based number. */
export function teamName(prefix, i) {
  return `${prefix}第${NUM[i % NUM.length]}巡察组`;
}
