import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { tableFromIPC } from 'apache-arrow';
import { sniffFormat } from '../../../src/lib/import/sniff';
import { encodeWorkbook } from '../../../src/lib/import/xlsx-grid';
import { excel95GbkWorkbook } from '../../fixtures/legacy-workbooks';
import { freshEngine, importOk } from './helpers';

/**
 * Excel files from before Excel 97 are read as the text they hold: an Excel 5.0/95 workbook keeps
 * its text in the writer's code page (936, GBK, on Chinese Windows), read through SheetJS's code
 * pages; before, every Chinese header read as Latin-1 mojibake and the file was said to have no
 * header. Excel 2.x–4.0 wrote the stream bare, without an OLE container: it was an unknown format.
 */
describe('legacy binary workbooks', () => {
  test('an Excel 95 workbook in GBK lands its problems with their Chinese text, its sheet named', async () => {
    const rows = [
      ['县市区', '被巡察单位', '轮次名称', '反馈时间', '具体问题', '整改状态'],
      ['武义县', '武义县交通局党组', '八届市委第五轮巡察', '2024-04-10', '三会一课落实不规范', '已完成'],
      ['浦江县', '浦江县教育局党委', '八届市委第五轮巡察', '2024-04-10', '意识形态工作责任制落实不到位', '正在整改'],
    ];
    const e = await freshEngine();
    const [r] = await importOk(e, '整改台账.xls', excel95GbkWorkbook(rows, '第五轮'));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    expect(await e.query('SELECT source_sheet, county, unit_name, round_key, feedback_date, problem_title, status FROM findings ORDER BY source_row')).toEqual([
      { source_sheet: '第五轮', county: '武义县', unit_name: '武义县交通局党组', round_key: '金华市|市委|八届|5', feedback_date: '2024-04-10', problem_title: '三会一课落实不规范', status: 'completed' },
      { source_sheet: '第五轮', county: '浦江县', unit_name: '浦江县教育局党委', round_key: '金华市|市委|八届|5', feedback_date: '2024-04-10', problem_title: '意识形态工作责任制落实不到位', status: 'in_progress' },
    ]);
  });

  test('a bare BIFF2 stream (Excel 2.x) is a workbook, read cell by cell; text opening with a tab is not', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['No', 'Unit'], [1, 'Bureau']]), 'Sheet1');
    const biff2 = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff2' }) as ArrayBuffer);
    expect(sniffFormat('old.xls', biff2)).toBe('xls');
    const [sheet] = await encodeWorkbook(biff2);
    const cells = sheet.chunks.flatMap((c) => tableFromIPC(c).toArray().map((row) => Object.entries(row.toJSON()).filter(([k]) => k !== 'src_row').map(([, v]) => v)));
    expect(cells).toEqual([['No', 'Unit'], ['1', 'Bureau']]);
    const enc = new TextEncoder();
    expect(sniffFormat('a.txt', enc.encode('\t序号\t具体问题\n'))).toBe('csv');
    // UTF-16LE without a BOM whose first cells are empty: tab tab, tab CR, tab LF.
    const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    for (const start of ['\t序号', '\t\t八届市委第六轮巡察整改台账', '\t\r\n', '\t\n']) {
      expect(sniffFormat('a.txt', utf16(`${start}\t序号\t具体问题\r\n1\t违规吃喝\r\n`)), JSON.stringify(start)).toBe('csv');
    }
  });
});
