import { describe, expect, test } from 'vitest';
import { exportFileName, scopeTag, SCOPE_TAG_MAX } from '../../../src/lib/text/fileName';

describe('export file names', () => {
  test('keep words apart (hyphens) and drop characters file systems refuse', () => {
    expect(exportFileName(['Completion rate by county and round', '2026-06-30', '2x'], 'png')).toBe('Completion-rate-by-county-and-round_2026-06-30_2x.png');
    expect(exportFileName(['各县市区整改状态构成', '2026-06-30'], 'svg')).toBe('各县市区整改状态构成_2026-06-30.svg');
    expect(exportFileName(['a/b:c*?"<>|', ''], 'csv')).toBe('abc.csv');
    expect(exportFileName([''], 'csv')).toBe('export.csv');
  });

  test('drop controls and bidi overrides, so a name cannot read backwards', () => {
    expect(exportFileName(['县\u202Ecod.exe', '2026-06-30'], 'csv')).toBe('县cod.exe_2026-06-30.csv');
    expect(exportFileName(['a\u0000b\u007f', 'c\nd'], 'csv')).toBe('ab_cd.csv');
  });

  test('are cut at 120 characters without splitting a character outside the BMP', () => {
    const name = exportFileName(['𠀀'.repeat(130)], 'csv');
    expect(name).toBe(`${'𠀀'.repeat(120)}.csv`);
  });

  test('carry a scope tag as one more part', () => {
    expect(exportFileName(['问题清单', '2026-06-30', scopeTag(['永康市', '已完成'])], 'csv')).toBe('问题清单_2026-06-30_永康市-已完成.csv');
    expect(exportFileName(['问题清单', '2026-06-30', scopeTag([])], 'xlsx')).toBe('问题清单_2026-06-30.xlsx');
  });
});

describe('scope tags', () => {
  test.each([
    [[], ''],
    [['', '  ', '\u2068\u2069'], ''],
    [['永康市'], '永康市'],
    [['永康市', '已完成'], '永康市-已完成'],
    [['\u2068永康市\u2069', '红色预警（已逾期）'], '永康市-红色预警（已逾期）'],
    [['A/B:C', 'x*y?"z"', '<a|b>'], 'A-B-C-x-y-z-a-b'],
    [['a\tb\nc', 'd\\e'], 'a-b-c-d-e'],
    [['Jinhua  City', ' Completed '], 'Jinhua-City-Completed'],
    [['=HYPERLINK("http://x")'], '=HYPERLINK(-http-x-)'],
  ])('of %j is %j', (values, tag) => {
    expect(scopeTag(values)).toBe(tag);
  });

  test(`are cut to ${SCOPE_TAG_MAX} characters, ending with … when more was left out`, () => {
    const ten = '一二三四五六七八九十';
    const tag = scopeTag([ten.repeat(5)]);
    expect(tag).toBe(`${ten.repeat(3)}一二三四五六七八九…`);
    expect(Array.from(tag)).toHaveLength(40);
    expect(scopeTag([ten.repeat(4)])).toBe(ten.repeat(4));
  });

  test('a cut never ends in a hyphen or splits a character outside the BMP', () => {
    expect(scopeTag(['a'.repeat(38), 'bbb'])).toBe(`${'a'.repeat(38)}…`);
    expect(scopeTag(['𠀀'.repeat(50)])).toBe(`${'𠀀'.repeat(39)}…`);
    expect(scopeTag(['永康市', '武义县', '磐安县'], 8)).toBe('永康市-武义县…');
  });
});
