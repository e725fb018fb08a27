import type { Messages } from '../translate';

export const common: Messages = {
  zh: {},
  en: {},
};
