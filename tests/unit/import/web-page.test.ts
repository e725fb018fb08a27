import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { oneTable } from '../../../src/lib/import/web-page';
import { sniffFormat } from '../../../src/lib/import/sniff';
import { freshEngine, importOk } from './helpers';

/**
 * "Excel" files that are web pages, as OA systems and Excel's 单个文件网页 save them: a title in a
 * table of its own above the ledger's is the ledger's title (the workbook reader made each table a
 * sheet, and the round and 截至 date in the title were lost); a web archive (.mht) is read from its
 * pages, base64 or quoted-printable, in their charset (it was read as CSV and said to have no header).
 */
const HEADER = ['序号', '县市区', '被巡察单位', '具体问题', '整改状态'];
const ROWS = [['1', '武义县', '武义县交通局党组', '三会一课落实不规范', '已完成'], ['2', '武义县', '武义县教育局党委', '意识形态工作责任制落实不到位', '正在整改']];
const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const table = (rows: string[][]) => `<table border="1">${rows.map(tr).join('')}</table>`;
const page = (body: string, charset = 'gb2312') => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${body}</body></html>`;
const TITLE = '八届市委第五轮巡察反馈问题整改台账（截至2024年6月30日）';

async function findings(name: string, bytes: Uint8Array) {
  const e = await freshEngine();
  const reports = await importOk(e, name, bytes);
  const rows = await e.query('SELECT source_sheet, round_key, problem_title, status FROM findings ORDER BY source_sheet, source_row');
  e.close();
  return { reports: reports.map((r) => [r.sheet, r.asOf, r.rowsAccepted]), rows };
}

const WANT = [
  { source_sheet: 'Sheet1', round_key: '金华市|市委|八届|5', problem_title: '三会一课落实不规范', status: 'completed' },
  { source_sheet: 'Sheet1', round_key: '金华市|市委|八届|5', problem_title: '意识形态工作责任制落实不到位', status: 'in_progress' },
];

describe('a web page of several tables', () => {
  test('a title in its own table above the ledger gives the round and the as-of date, as when it is the first row', async () => {
    const apart = page(table([[TITLE], ['填报单位：武义县委巡察办']]) + table([HEADER, ...ROWS]));
    const together = page(table([[TITLE], ['填报单位：武义县委巡察办'], HEADER, ...ROWS]));
    const a = await findings('整改台账.xls', new Uint8Array(iconv.encode(apart, 'gbk')));
    expect(a).toEqual(await findings('整改台账.xls', new Uint8Array(iconv.encode(together, 'gbk'))));
    expect(a).toEqual({ reports: [['Sheet1', '2024-06-30', 2]], rows: WANT });
  });

  test('tables one after another become one, a blank row between; nested tables and XML spreadsheets stay as they are', () => {
    expect(oneTable('<html><body><table><tr><td>a</td></tr></table><p>x</p><TABLE id="t"><tr><td>b</td></tr></TABLE></body></html>'))
      .toBe('<html><body><table><tr><td>a</td></tr><tr></tr><tr><td>b</td></tr></table></body></html>');
    const nested = '<html><body><table><tr><td><table><tr><td>a</td></tr></table></td></tr></table></body></html>';
    expect(oneTable(nested)).toBe(nested);
    const xml = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table></Table></Worksheet><Worksheet ss:Name="b"><Table></Table></Worksheet></Workbook>';
    expect(oneTable(xml)).toBe(xml);
  });
});

describe('a web archive (.mht)', () => {
  const BOUNDARY = '----=_NextPart_01DA0000.12345678';
  const part = (headers: string[], body: string) => [`--${BOUNDARY}`, ...headers, '', body, ''].join('\r\n');
  const archive = (parts: string[]) => ['MIME-Version: 1.0', 'X-Document-Type: Workbook', `Content-Type: multipart/related; boundary="${BOUNDARY}"`, '',
    'This document is a Single File Web Page, also known as a Web Archive file.', '', ...parts, `--${BOUNDARY}--`, ''].join('\r\n');
  /** Quoted-printable as Excel writes it: bytes above 0x7E and = as =XX, lines soft-broken at 76. */
  const qp = (bytes: Uint8Array) => {
    const text = [...bytes].map((b) => (b > 0x7e || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
    return text.replace(/(.{73}[^=]{0,2})/g, '$1=\r\n');
  };

  test('one page in base64, GB2312: read as the page it holds', async () => {
    const body = Buffer.from(iconv.encode(page(table([[TITLE], HEADER, ...ROWS])), 'gbk')).toString('base64').replace(/.{76}/g, '$&\r\n');
    const mht = new TextEncoder().encode(archive([part(['Content-Location: file:///C:/ledger.htm', 'Content-Transfer-Encoding: base64', 'Content-Type: text/html; charset="gb2312"'], body)]));
    expect(sniffFormat('整改台账.mht', mht)).toBe('xls');
    expect(sniffFormat('整改台账.xls', mht)).toBe('xls');
    expect(await findings('整改台账.mht', mht)).toEqual({ reports: [['Sheet1', '2024-06-30', 2]], rows: WANT });
  });

  const qpPart = (name: string, html: string) => part([`Content-Location: file:///C:/ledger.files/${name}`, 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: text/html; charset="gb2312"'], qp(new Uint8Array(iconv.encode(html, 'gbk'))));
  // County only in the sheet's name: the unit (财政局党组) names none.
  const sheet = (title: string) => page(table([['八届市委第五轮巡察整改台账'], ['被巡察单位', '具体问题', '整改状态'], ['财政局党组', title, '已完成']]));
  const listed = (names: string[], sources: boolean) => `<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>${names.map((n, i) =>
    `<x:ExcelWorksheet><x:Name>${n}</x:Name>${sources ? `<x:WorksheetSource HRef="ledger.files/sheet00${i + 1}.htm"/>` : ''}</x:ExcelWorksheet>`).join('')}</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->`;

  test("Excel's workbook archive: each sheet's page a sheet named as the archive lists it; the frameset and the tab strip are none", async () => {
    // The frameset page's tab-strip script writes tables in strings; the tab strip is a table of links.
    const script = '<script language="JavaScript">var s = "<table cellpadding=0 cellspacing=0><tr><td></td></tr></table>";</script>';
    const main = page(`${listed(['武义县', '浦江县'], true)}${script}<frameset rows="*,39"><frame src="ledger.files/sheet001.htm" name="frSheet"><frame src="ledger.files/tabstrip.htm" name="frTabs"></frameset>`);
    const tabs = page('<table><tr><td><a href="sheet001.htm" target="frSheet">武义县</a></td><td><a href="sheet002.htm" target="frSheet">浦江县</a></td></tr></table>');
    // The sheets' pages stored out of the listed order: the names follow the pages, not the order.
    const mht = new TextEncoder().encode(archive([qpPart('../ledger.htm', main), qpPart('sheet002.htm', sheet('公务接待不规范问题')), qpPart('sheet001.htm', sheet('违规发放津补贴问题')), qpPart('tabstrip.htm', tabs)]));
    const e = await freshEngine();
    const reports = await importOk(e, '整改台账.mht', mht);
    expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsRejected])).toEqual([['浦江县', 1, 0], ['武义县', 1, 0]]);
    expect(await e.query("SELECT county, problem_title FROM findings ORDER BY county = '武义县' DESC")).toEqual([
      { county: '武义县', problem_title: '违规发放津补贴问题' },
      { county: '浦江县', problem_title: '公务接待不规范问题' },
    ]);
    e.close();
  });

  test('a one-sheet Excel archive keeps the name it lists; a text that only mentions an archive header is text', async () => {
    const mht = new TextEncoder().encode(archive([qpPart('ledger.htm', sheet('违规发放津补贴问题').replace('</head>', `${listed(['武义县'], false)}</head>`))]));
    const e = await freshEngine();
    expect((await importOk(e, '整改台账.mht', mht)).map((r) => r.sheet)).toEqual(['武义县']);
    expect(await e.query('SELECT county FROM findings')).toEqual([{ county: '武义县' }]);
    e.close();
    const text = new TextEncoder().encode(['Subject: 整改台账导出', 'Content-Type: multipart/related 附件说明', '', HEADER.join(','), ...ROWS.map((r) => r.join(','))].join('\n'));
    expect(sniffFormat('台账.csv', text)).toBe('csv');
  });
});

describe('what a page is, told as the workbook reader tells it', () => {
  test('an XML spreadsheet written without its <?xml declaration keeps its two sheets', async () => {
    const ws = (name: string, rows: string[][]) => `<Worksheet ss:Name="${name}"><Table>${rows.map((r) => `<Row>${r.map((c) => `<Cell><Data ss:Type="String">${c}</Data></Cell>`).join('')}</Row>`).join('')}</Table></Worksheet>`;
    const xml = `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">${ws('武义县', [HEADER, ROWS[0]])}${ws('浦江县', [HEADER, ['1', '浦江县', '浦江县教育局党委', '意识形态工作责任制落实不到位', '正在整改']])}</Workbook>`;
    expect(oneTable(xml)).toBe(xml);
    const e = await freshEngine();
    const reports = await importOk(e, '八届市委第五轮巡察.xls', new TextEncoder().encode(xml));
    expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['武义县', 1], ['浦江县', 1]]);
    e.close();
  });

  test('an XHTML page (<?xml, then <html>) is a web page', async () => {
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/></head><body>${table([[TITLE]])}${table([HEADER, ...ROWS])}</body></html>`;
    expect(await findings('整改台账.xls', new TextEncoder().encode(xhtml))).toEqual({ reports: [['Sheet1', '2024-06-30', 2]], rows: WANT });
  });

  test("an Excel-saved page's date shown without its year is the date its cell holds (x:num); other cells are the text shown", async () => {
    const cell = (shown: string, serial?: number) => `<td class=xl68${serial ? ` x:num="${serial}"` : ''}>${shown}</td>`;
    const html = page(`<table x:str>${tr([...HEADER, '反馈时间']).replace('<td>反馈时间</td>', cell('反馈时间'))
      .replace(/<\/tr>$/, '')}</tr>${ROWS.map((r, i) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}${cell(['3月1日', '3/1'][i], 45352)}</tr>`).join('')}</table>`, 'utf-8');
    const e = await freshEngine();
    await importOk(e, '八届市委第五轮巡察.xls', new TextEncoder().encode(html));
    expect(await e.query('SELECT feedback_date, feedback_date_raw FROM findings ORDER BY source_row')).toEqual([
      { feedback_date: '2024-03-01', feedback_date_raw: '2024-03-01' }, { feedback_date: '2024-03-01', feedback_date_raw: '2024-03-01' },
    ]);
    e.close();
  });
});
