import { useEffect, useState } from 'react';
import { Api, ApiError } from './api';
import { authorizeUrl, challengeOf, newVerifier, redeemCode } from './auth';
import { pickLanguage, text, type Language, type TextKey } from './i18n';
import type { EventResource } from './protocol';

const redirectUri = `${window.location.origin}/auth/callback`;

async function signIn(): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  window.location.assign(authorizeUrl(window.location.origin, redirectUri, await challengeOf(verifier), state));
}

/** Finishes sign-in on /auth/callback; returns the token kept for this tab. */
async function tokenFromCallback(): Promise<string | null> {
  const params = new URLSearchParams(window.location.search);
  const saved = sessionStorage.getItem('pkce');
  if (window.location.pathname === '/auth/callback' && params.get('code') && saved) {
    const { verifier, state } = JSON.parse(saved) as { verifier: string; state: string };
    if (params.get('state') !== state) throw new Error('sign-in state does not match');
    const token = await redeemCode(window.location.origin, redirectUri, params.get('code')!, verifier);
    sessionStorage.setItem('token', token);
    sessionStorage.removeItem('pkce');
    window.history.replaceState(null, '', '/');
  }
  return sessionStorage.getItem('token');
}

function when(e: EventResource, t: (k: TextKey) => string): string {
  const next = e.next_occurrence;
  return next ? `${t('next')}: ${next.starts_at.datetime.replace('T', ' ').slice(0, 16)} (${next.starts_at.timezone})` : t('anyTime');
}

export function App() {
  const [language, setLanguage] = useState<Language>(pickLanguage(navigator.languages));
  const t = (key: TextKey) => text(language, key);
  const [token, setToken] = useState<string | null>(null);
  const [meetings, setMeetings] = useState<EventResource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');

  useEffect(() => {
    tokenFromCallback().then(setToken, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (token) new Api(token).meetings().then((page) => setMeetings(page.items), (e: Error) => setError(e.message));
  }, [token]);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const start = new Date(Date.now() + 3600_000);
    // Wall-clock time in the browser's own zone, which is the zone sent with it.
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) =>
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const created = await new Api(token!).createMeeting(title, local(start), local(new Date(start.getTime() + 3600_000)), zone);
      setMeetings([created, ...(meetings ?? [])]);
      setTitle('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('failed'));
    }
  }

  return (
    <main lang={language}>
      <header>
        <h1>{t('appName')}</h1>
        <label>
          {t('language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
        {token ? (
          <button type="button" onClick={() => { sessionStorage.removeItem('token'); setToken(null); }}>{t('signOut')}</button>
        ) : (
          <button type="button" onClick={() => void signIn()}>{t('signIn')}</button>
        )}
      </header>
      {error && <p role="alert">{t('failed')}: {error}</p>}
      {token && (
        <section aria-label={t('meetings')}>
          <h2>{t('meetings')}</h2>
          <form onSubmit={create}>
            <label>
              {t('title')} <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={255} />
            </label>
            <button type="submit">{t('newMeeting')}</button>
          </form>
          {meetings === null ? <p>{t('loading')}</p> : meetings.length === 0 ? <p>{t('noMeetings')}</p> : (
            <ul>
              {meetings.map((m) => (
                <li key={m.id}>
                  <strong>{m.title}</strong> — {when(m, t)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
