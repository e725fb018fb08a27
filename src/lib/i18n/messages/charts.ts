import type { Messages } from '../translate';

export const charts: Messages = {
  zh: {
    'chart.asOf': '数据截至{date}',
    'chart.sampleMark': '示例数据',
    'chart.noData': '当前筛选条件下无数据',
  },
  en: {
    'chart.asOf': 'As of {date}',
    'chart.sampleMark': 'Sample data',
    'chart.noData': 'No data for the current filters',
  },
};
