/** Interface language switch (fi / sv / en). */
import { LANGUAGES } from '../../core';
import { useI18n } from '../i18n/I18n';

const NATIVE = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('uiLanguage')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-btn"
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
          title={NATIVE[l]}
        >
          {l.toUpperCase()}
          <span className="sr-only"> {NATIVE[l]}</span>
        </button>
      ))}
    </div>
  );
}
