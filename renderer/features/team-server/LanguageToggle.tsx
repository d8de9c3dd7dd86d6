import { useLanguage, useStrings } from '../../i18n/i18n';
import { shellStrings } from '../shell/strings';

/** EN | ID, for the team server's screens before a project is open (the shell's top bar has its own). */
export function LanguageToggle() {
  const t = useStrings(shellStrings);
  const { language, setLanguage } = useLanguage();
  return (
    <div className="language-toggle" role="group" aria-label={t('language')}>
      {(['en', 'id'] as const).map((code) => (
        <button type="button" key={code} className={language === code ? 'active' : ''} aria-pressed={language === code} onClick={() => setLanguage(code)} data-testid={`lang-${code}`}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
