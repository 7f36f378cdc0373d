import { useState } from 'react';
import { Api, ApiError } from '../api';
import type { Language } from '../i18n';
import type { PrivateUserProfile } from '../protocol';
import { useText, type Translate } from '../text';

/** Plain words for what the node refused, by the field it named. */
export function fieldProblem(t: Translate, e: unknown): { field: string | null; message: string } {
  if (e instanceof ApiError) {
    const field = Object.keys(e.problem.validation_errors ?? {})[0] ?? null;
    const words: Record<string, Parameters<Translate>[0]> = {
      display_name: 'errorDisplayName', email: 'errorEmail', user_name: 'errorUserName', password: 'errorPassword',
    };
    if (field && words[field]) return { field, message: t(words[field]) };
  }
  return { field: null, message: `${t('failed')}: ${(e as Error).message}` };
}

/** The signed-in person's name, language and e-mail address. */
export function Profile({ api, me, onSaved }: { api: Api; me: PrivateUserProfile; onSaved: (me: PrivateUserProfile) => void }) {
  const t = useText();
  const [displayName, setDisplayName] = useState(me.display_name);
  const [language, setLanguage] = useState<Language>(me.language.toLowerCase().startsWith('de') ? 'de' : 'en');
  const [email, setEmail] = useState(me.email);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setSaved(false); setProblem(null);
    try {
      onSaved(await api.patchMe({ display_name: displayName.trim(), language, email: email.trim() }));
      setSaved(true);
    } catch (error) {
      setProblem(fieldProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (field: string) => (problem?.field === field ? problem.message : null);

  return (
    <div className="page narrow">
      <div className="page-head"><h1 id="profile-title">{t('profile')}</h1></div>
      <form className="card form profile" aria-labelledby="profile-title" onSubmit={(e) => void save(e)} noValidate>
        <p className="muted">{t('profileIntro')}</p>
        <label>{t('displayName')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={100} autoComplete="name"
            aria-invalid={errorOf('display_name') ? true : undefined} aria-describedby={errorOf('display_name') ? 'display-name-error' : undefined} />
          {errorOf('display_name') && <span id="display-name-error" className="field-error">{errorOf('display_name')}</span>}
        </label>
        <label>{t('language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
        <label>{t('emailOptional')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email"
            aria-invalid={errorOf('email') ? true : undefined} aria-describedby={errorOf('email') ? 'email-error' : undefined} />
          {errorOf('email') && <span id="email-error" className="field-error">{errorOf('email')}</span>}
        </label>
        {problem && !problem.field && <p role="alert" className="alert">{problem.message}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{t('save')}</button>
          {saved && <p role="status" className="notice">{t('saved')}</p>}
        </div>
      </form>
    </div>
  );
}
