import { translate, type Lang, type Vars } from '../i18n/translate';

/** The UI language (zh default) and the `t` function components use. */
class Locale {
  lang = $state<Lang>('zh');

  /** Translates a key in the current language. */
  t = (key: string, vars?: Vars): string => translate(this.lang, key, vars);

  /** Switches language and keeps <html lang> (screen readers, fonts) and the tab's title in step. */
  set(lang: Lang) {
    this.lang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }
}

export const locale = new Locale();
