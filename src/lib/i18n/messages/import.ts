import type { Messages } from '../translate';

export const importing: Messages = {
  zh: {},
  en: {},
};
