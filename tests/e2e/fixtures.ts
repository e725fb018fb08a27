import iconv from 'iconv-lite';
import { excel95GbkWorkbook } from '../fixtures/legacy-workbooks';

/**
 * Small ledgers with hand-computed answers for the browser tests. At T = 2024-12-31 the GBK
 * ledger holds N = 6: completed 3 (rows 1, 4, 6) → 整改完成率 0.5; basically completed 1 →
 * 完成及基本完成率 4/6; overdue 2 (row 3: due 2024-06-30, row 5: due 2024-09-30; row 2 is due on T
 * itself, so not yet late); units 2; explicit repeats 0.
 */
const GBK_ROWS = [
  ['1', '永康', '市委', '八届', '6', '2024', '永康市古山镇党委', '2024-03-01', 'D', 'D1', '违规吃喝问题较为突出', '已完成', '2024年6月底前', '2024-05-10'],
  ['2', '永康', '市委', '八届', '6', '2024', '永康市古山镇党委', '2024-03-01', 'C', 'C4', '村班子配备不齐，后备力量不足', '基本完成', '2024年底前', ''],
  ['3', '永康', '市委', '八届', '6', '2024', '永康市古山镇党委', '2024-03-01', 'A', 'A1', '贯彻落实上级决策部署不够有力', '正在推进', '2024-06-30', ''],
  ['4', '义乌市', '市委', '八届', '6', '2024', '义乌市佛堂镇党委', '2024-03-01', 'F', 'F4', '村级财务管理不规范，“三资”管理有名无实', '已整改到位', '2024/6/30', '2024/6/1'],
  ['5', '义乌市', '市委', '八届', '6', '2024', '义乌市佛堂镇党委', '2024-03-01', 'B', 'B2', '意识形态工作责任制落实不到位', '未完成', '2024年9月底前', ''],
  ['6', '义乌市', '市委', '八届', '6', '2024', '义乌市佛堂镇党委', '2024-03-01', 'E', 'E3', '财务报销流程不规范', '已销号', '立行立改', '2024-03-20'],
];
const GBK_HEADER = ['序号', '县（市、区）', '巡视巡察主体', '届次', '轮次', '年度', '被巡察党组织', '反馈日期', '问题类别', '问题子类', '具体问题', '整改进度', '整改时限', '完成时间'];

const csvLine = (cells: string[], sep = ',') => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

/** What Excel on Chinese Windows saves: GBK, a title row above the header, a 合计 row below. */
export function gbkLedger(): Buffer {
  const text = [
    '八届市委第六轮巡察反馈问题整改台账',
    csvLine(GBK_HEADER),
    ...GBK_ROWS.map((r) => csvLine(r)),
    csvLine(['合计', '', '', '', '', '', '', '', '', '', '6个问题', '', '', '']),
  ].join('\r\n');
  return iconv.encode(text, 'gbk');
}

/**
 * The same ledger as an Excel workbook: a merged title cell above the header, real date cells for
 * 反馈日期 and 完成时间 where the CSV has ISO dates, and the 合计 row. Same hand answers as gbkLedger().
 */
export async function xlsxLedger(): Promise<Buffer> {
  const X = await import('@e965/xlsx');
  const asDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v);
  const aoa: unknown[][] = [
    ['八届市委第六轮巡察反馈问题整改台账'],
    GBK_HEADER,
    ...GBK_ROWS.map((r) => r.map((c, i) => (i === 7 || i === 13 ? asDate(c) : c))),
    ['合计', '', '', '', '', '', '', '', '', '', '6个问题', '', '', ''],
  ];
  const ws = X.utils.aoa_to_sheet(aoa, { cellDates: true });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: GBK_HEADER.length - 1 } }];
  const wb = X.utils.book_new();
  X.utils.book_append_sheet(wb, ws, '八届市委第六轮巡察');
  return Buffer.from(X.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

/** Hand-computed answers of gbkLedger() at 2024-12-31. */
/** The same ledger as an Excel 5.0/95 workbook, its text in GBK (code page 936). Same hand answers as gbkLedger(). */
export function excel95Ledger(): Buffer {
  return Buffer.from(excel95GbkWorkbook([GBK_HEADER, ...GBK_ROWS], '八届市委第六轮巡察'));
}

export const GBK_EXPECTED = { asOf: '2024-12-31', findings: 6, completionRate: 0.5, completionBasicRate: 4 / 6, overdue: 2, repeat: 0 };

/**
 * The same ledger at 2024-05-31: only rows 1 (done 05-10) and 6 (done 03-20) are completed by then → 2/6;
 * row 2 is basically completed → 3/6; the only deadline already passed is row 6's (立行立改 = 03-01 + 30 days
 * = 03-31), and it was done → overdue 0.
 */
export const GBK_EXPECTED_EARLY = { asOf: '2024-05-31', findings: 6, completionRate: 2 / 6, completionBasicRate: 3 / 6, overdue: 0, repeat: 0 };

/**
 * Excel's "Unicode text": UTF-16LE with BOM, tab-separated. Two findings of 东阳市 in another
 * round, one completed: together with gbkLedger, N = 8 and 4 completed.
 */
export function utf16Ledger(): Buffer {
  const rows = [
    ['县市区', '巡视巡察主体', '届次', '轮次', '年度', '被巡察单位', '反馈时间', '问题类别', '问题子类', '具体问题', '整改状态', '整改时限', '完成时间'],
    ['东阳市', '市委', '八届', '7', '2024', '东阳市城投集团党委', '2024-08-01', 'F', 'F1', '工程建设领域廉政风险防控不到位', '已完成整改', '2024年10月底前', '2024-10-15'],
    ['东阳市', '市委', '八届', '7', '2024', '东阳市城投集团党委', '2024-08-01', 'G', 'G1', '全面从严治党主体责任压得不够紧', '按序时进度推进', '2025年底前', ''],
  ];
  const text = rows.map((r) => r.join('\t')).join('\r\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
}

/** A renamed binary: random-looking bytes with an .xlsx name. */
export function brokenWorkbook(): Buffer {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
  return bytes;
}

/** Headers the importer cannot place (区域, 问题内容): the mapping dialog must ask for county and problem. */
export function unmappedLedger(suffix = ''): Buffer {
  const rows = [
    ['区域', '被巡察单位', '问题内容', '问题类别', '整改状态', '反馈时间', '巡视巡察主体', '届次', '轮次', '年度'],
    ['兰溪市', `兰溪市教育局党委${suffix}`, '“三重一大”事项决策程序不规范', 'A', '已完成', '2024-05-01', '市委', '八届', '5', '2024'],
    ['兰溪市', `兰溪市教育局党委${suffix}`, '干部档案管理不规范', 'C', '正在整改', '2024-05-01', '市委', '八届', '5', '2024'],
    ['兰溪市', `兰溪市教育局党委${suffix}`, '财务报销流程不规范', 'E', '已完成', '2024-05-01', '市委', '八届', '5', '2024'],
  ];
  return Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
}

/**
 * A unit's own ledger with no unit column and no title row: unless its file name says so, the
 * mapping dialog asks for the unit and the round as typed values. Feedback 2024-05-01; one of the
 * three problems completed.
 */
export function unitLedger(): Buffer {
  const rows = [
    ['序号', '问题类别', '具体问题', '整改状态', '反馈时间'],
    ['1', 'B', '理论学习中心组学习不深入', '已完成', '2024-05-01'],
    ['2', 'C', '三会一课不规范', '正在整改', '2024-05-01'],
    ['3', 'E', '财务报销流程不规范', '未完成', '2024-05-01'],
  ];
  return Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
}
