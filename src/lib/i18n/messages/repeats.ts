import type { Messages } from '../translate';

export const repeats: Messages = {
  zh: {},
  en: {},
};
