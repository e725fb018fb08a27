import { expect, test } from 'vitest';
import { shownIssues } from '../../../src/lib/import';
import { ISSUE_REPORT_LIMIT } from '../../../src/lib/import/report';
import { freshEngine, importOk, utf8 } from './helpers';

/**
 * A report lists at most ISSUE_REPORT_LIMIT issues, and the page the first 200: past either, errors come
 * before warnings, so every rejected row is named (review: 5,200 rows each warned, two rejected, the
 * second error fell past the limit and neither showed on the page).
 */
test('past the issue limit the errors are kept, and the page shows them first; the issues stay in row order', async () => {
  const e = await freshEngine();
  const rows = Array.from({ length: 5200 }, (_, i) => {
    const unit = i + 2 === 778 || i + 2 === 5201 ? '' : `单位${i}`;
    return `永康市,${unit},八届市委第三轮巡察,问题${i}不深入,已完成`;
  });
  const [r] = await importOk(e, 'big.csv', utf8(['县市区,被巡察单位,轮次名称,具体问题,整改状态', ...rows].join('\n')));
  expect(r.rowsRejected).toBe(2);
  // The report says how many there are in all, as the datasets list does (helper-112: it said 5,000+).
  const [{ n }] = await e.query<{ n: number }>(`SELECT count(*)::INT AS n FROM import_issues WHERE dataset_id = '${r.datasetId}'`);
  expect(n).toBeGreaterThan(ISSUE_REPORT_LIMIT);
  expect(r.issuesTotal).toBe(n);
  expect(r.issues).toHaveLength(ISSUE_REPORT_LIMIT);
  expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([778, 5201]);
  const byRow = r.issues.map((i) => i.row);
  expect(byRow).toEqual([...byRow].sort((a, b) => a - b));
  const page = shownIssues(r.issues, 200);
  expect(page).toHaveLength(200);
  expect(page.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([778, 5201]);
  expect(shownIssues(r.issues.slice(0, 10), 200)).toEqual(r.issues.slice(0, 10));
  e.close();
});
