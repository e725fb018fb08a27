import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { oneTable, webArchivePages } from '../../../src/lib/import/web-page';
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

  test("Excel's workbook archive: quoted-printable pages, one a sheet, named as the archive lists them", async () => {
    const main = page(`<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>武义县</x:Name></x:ExcelWorksheet><x:ExcelWorksheet><x:Name>浦江县</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--><frameset><frame src="sheet001.htm"></frameset>`);
    const sheet = (county: string, title: string) => page(table([['八届市委第五轮巡察整改台账'], ['县市区', '被巡察单位', '具体问题', '整改状态'], [county, `${county}财政局党组`, title, '已完成']]));
    const qpPart = (name: string, html: string) => part([`Content-Location: file:///C:/ledger.files/${name}`, 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: text/html; charset="gb2312"'], qp(new Uint8Array(iconv.encode(html, 'gbk'))));
    const mht = new TextEncoder().encode(archive([qpPart('ledger.htm', main), qpPart('sheet001.htm', sheet('武义县', '违规发放津补贴问题')), qpPart('sheet002.htm', sheet('浦江县', '公务接待不规范问题'))]));
    expect(webArchivePages(mht).names).toEqual(['武义县', '浦江县']);
    const e = await freshEngine();
    const reports = await importOk(e, '整改台账.mht', mht);
    expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['武义县', 1], ['浦江县', 1]]);
    expect(await e.query("SELECT county, unit_name, problem_title FROM findings ORDER BY county = '武义县' DESC")).toEqual([
      { county: '武义县', unit_name: '武义县财政局党组', problem_title: '违规发放津补贴问题' },
      { county: '浦江县', unit_name: '浦江县财政局党组', problem_title: '公务接待不规范问题' },
    ]);
    e.close();
  });
});
