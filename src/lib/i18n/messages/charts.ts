import type { Messages } from '../translate';

export const charts: Messages = {
  zh: {},
  en: {},
};
