import type { Messages } from '../translate';

export const briefing: Messages = {
  zh: {},
  en: {},
};
