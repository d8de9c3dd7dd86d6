import { useEffect, useState, type FormEvent } from 'react';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { logIn, type TeamUser } from '../../lib/team-server';
import { LanguageToggle } from './LanguageToggle';
import { teamServerStrings } from './strings';

/**
 * The team server's login: the server's refusal is shown as it sent it (a wrong password and an
 * unknown login get the same answer), and after too many failures the wait it asks for counts down.
 */
export function LoginScreen({ ended, onLoggedIn }: { ended: boolean; onLoggedIn: (user: TeamUser) => void }) {
  const t = useStrings(teamServerStrings);
  const { language } = useLanguage();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  /** When the server will take another attempt (ms since the epoch), after a 429. */
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 250);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    const answer = await logIn(login.trim(), password);
    setBusy(false);
    if (answer.ok) {
      onLoggedIn(answer.value);
      return;
    }
    setPassword('');
    setRefusal(new ApiError(answer.error));
    if (answer.retryAfter) {
      setNow(Date.now());
      setWaitUntil(Date.now() + answer.retryAfter * 1000);
    }
  };

  const waiting = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));
  return (
    <div className="ts-page" lang={language}>
      <form className="ts-card ts-login" onSubmit={(e) => void submit(e)} data-testid="team-login">
        <div className="ts-card-head">
          <h1 className="ts-title">{t('title')}</h1>
          <LanguageToggle />
        </div>
        <p className="muted">{t('loginIntro')}</p>
        {ended && !refusal && <p className="ts-info" role="status" data-testid="team-session-ended">{t('sessionEnded')}</p>}
        <label className="field">
          <span>{t('login')}</span>
          <input autoFocus autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} data-testid="team-login-name" />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="team-login-password" />
        </label>
        {missing && <p className="ts-error" role="alert">{t('loginMissing')}</p>}
        {refusal && <p className="ts-error" role="alert" data-testid="team-login-error">{refusal.message}</p>}
        {waiting > 0 && (
          <p className="ts-wait" role="status" data-testid="team-login-wait">
            {waiting < 120 ? t('waitSeconds', { n: waiting }) : t('waitMinutes', { n: Math.ceil(waiting / 60) })}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || waiting > 0} data-testid="team-login-submit">{busy ? t('loggingIn') : t('logIn')}</button>
      </form>
    </div>
  );
}
