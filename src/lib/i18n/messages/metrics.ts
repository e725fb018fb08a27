import type { Messages } from '../translate';

export const metrics: Messages = {
  zh: {},
  en: {},
};
