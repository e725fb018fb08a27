import { test, expect } from 'vitest';
import { exportFileName } from '../../../src/lib/render/download';

test('export file names keep words apart (hyphens) and drop characters file systems refuse', () => {
  expect(exportFileName(['Completion rate by county and round', '2026-06-30', '2x'], 'png')).toBe('Completion-rate-by-county-and-round_2026-06-30_2x.png');
  expect(exportFileName(['各县市区整改状态构成', '2026-06-30'], 'svg')).toBe('各县市区整改状态构成_2026-06-30.svg');
  expect(exportFileName(['a/b:c*?"<>|', ''], 'csv')).toBe('abc.csv');
  expect(exportFileName([''], 'csv')).toBe('export.csv');
});
