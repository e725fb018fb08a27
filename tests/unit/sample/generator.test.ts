import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LEDGER_FIELDS } from '../../../src/lib/domain/fields';
import { openSample, SAMPLE_PATH } from './sampleTable';
import type { Engine } from '../../../src/lib/db/types';

const SCRIPT = new URL('../../../scripts/generate-sample.mjs', import.meta.url).pathname;
const YONGKANG = new URL('../../../data/yongkang-2018-feedback.csv', import.meta.url);

function generate(): Buffer {
  return execFileSync(process.execPath, [SCRIPT, '--stdout'], { maxBuffer: 64 * 1024 * 1024 });
}

let engine: Engine & { close(): void };
beforeAll(async () => {
  engine = await openSample();
});
afterAll(() => engine.close());

describe('sample generator', () => {
  test('is deterministic and reproduces the committed CSV byte for byte', () => {
    const first = generate();
    const second = generate();
    expect(first.equals(second)).toBe(true);
    expect(first.equals(readFileSync(SAMPLE_PATH))).toBe(true);
  });

  test('writes UTF-8 without BOM and ends every record with CRLF', () => {
    const bytes = readFileSync(SAMPLE_PATH);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(-2).toString()).toBe('\r\n');
  });

  test('every header is a canonical header of fields.ts and the required ones are all there', async () => {
    const cols = (await engine.query<{ column_name: string }>('DESCRIBE sample')).map((r) => r.column_name);
    const canonical = new Set(LEDGER_FIELDS.map((f) => f.header));
    expect(cols.filter((c) => !canonical.has(c))).toEqual([]);
    const wanted = ['问题编号', '县市区', '巡视巡察主体', '届次', '轮次', '轮次名称', '年度', '巡察方式', '巡察组', '被巡察单位', '单位类型',
      '进驻开始', '进驻结束', '反馈时间', '整改专项', '方面', '问题类别', '问题子类', '具体问题', '具体表现', '整改措施', '措施数量', '责任单位',
      '责任领导', '责任人', '整改时限', '是否长期坚持', '整改状态', '完成时间', '是否销号', '销号时间', '佐证材料', '佐证数量', '问责人数',
      '党纪处分', '政务处分', '组织处理', '诫勉', '批评教育', '建章立制数量', '挽回经济损失（万元）', '移交问题线索', '线索办结',
      '上轮问题编号', '是否屡查屡犯', '回访督查结果', '回访时间', '是否公开', '备注'];
    expect(wanted.filter((c) => !cols.includes(c))).toEqual([]);
    expect(new Set(cols).size).toBe(cols.length);
  });

  test('the engine reads every record, and RFC 4180 quoting survives (巡察"回头看")', async () => {
    const records = readFileSync(SAMPLE_PATH, 'utf8').split('\r\n').length - 2;
    const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM sample');
    expect(n).toBe(records);
    const [{ q }] = await engine.query<{ q: number }>(`SELECT count(*) AS q FROM sample WHERE 巡察方式 = '巡察"回头看"'`);
    expect(q).toBeGreaterThan(0);
  });

  test('has 1,200–1,800 findings with unique ids', async () => {
    const [r] = await engine.query<{ n: number; ids: number }>('SELECT count(*) AS n, count(DISTINCT 问题编号) AS ids FROM sample');
    expect(r.n).toBeGreaterThanOrEqual(1200);
    expect(r.n).toBeLessThanOrEqual(1800);
    expect(r.ids).toBe(r.n);
  });

  test('carries the sixteen real 永康 2018 problems verbatim, and only them, in that round', async () => {
    const [header, ...lines] = readFileSync(YONGKANG, 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = (name: string) => header.indexOf(name);
    expect(lines).toHaveLength(16);
    const rows = await engine.query<Record<string, string>>(
      `SELECT * FROM sample WHERE 轮次名称 = '十四届省委第四轮巡视' AND 县市区 = '永康市' ORDER BY 问题编号`,
    );
    expect(rows).toHaveLength(16);
    rows.forEach((row, i) => {
      const src = lines[i];
      expect(row.具体问题).toBe(src[at('具体问题')]);
      expect([row.问题类别, row.问题子类]).toEqual([src[at('问题类别')], src[at('问题子类')]]);
      expect([row.被巡察单位, row.巡察组]).toEqual(['中共永康市委', '省委第六巡视组']);
      expect([row.进驻开始, row.进驻结束, row.反馈时间]).toEqual(['2018-08-07', '2018-09-28', '2018-10-30']);
    });
  });
});

describe('data/README.md', () => {
  test('states the row count and, per round, the units and findings the CSV really has', async () => {
    const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');
    const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM sample');
    expect(readme).toContain(`**${n.toLocaleString('en-US')} findings**`);
    const actual = await engine.query<{ label: string; units: number; findings: number }>(
      'SELECT 轮次名称 AS label, count(DISTINCT 被巡察单位) AS units, count(*) AS findings FROM sample GROUP BY 1',
    );
    const table = new Map(readme.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.split('|').map((c) => c.trim())).map((c) => [c[1], c]));
    for (const r of actual) {
      const row = table.get(r.label);
      expect(row, r.label).toBeDefined();
      expect([Number(row![4]), Number(row![6])], r.label).toEqual([r.units, r.findings]);
    }
  });
});
