import { useEffect, useMemo, useState } from 'react';
import { Api } from './api';
import { pickLanguage, type Language } from './i18n';
import { Admin } from './pages/Admin';
import { Profile } from './pages/Profile';
import { CollabPage } from './pages/CollabPage';
import { Dashboard } from './pages/Dashboard';
import { MeetingEditor } from './pages/MeetingEditor';
import { MyRecordings } from './pages/MyRecordings';
import { RoomPage } from './pages/RoomPage';
import { FolderPage } from './pages/FolderPage';
import type { PrivateUserProfile } from './protocol';
import { navigate, routeOf, type Route } from './routes';
import { currentToken, finishSignIn, signIn, signOut } from './session';
import { TextContext, translator } from './text';

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('language') as Language | null) ?? pickLanguage(navigator.languages));
  const t = useMemo(() => translator(language), [language]);
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.pathname));
  const [token, setToken] = useState<string | null>(currentToken());
  const [me, setMe] = useState<PrivateUserProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = useMemo(() => (token ? new Api(token) : null), [token]);
  // The app speaks the language of the signed-in person's profile.
  const adopt = (profile: PrivateUserProfile) => {
    setMe(profile);
    // A language picked before signing in is the newest choice: the profile takes it over.
    const picked = sessionStorage.getItem('language-picked') as Language | null;
    sessionStorage.removeItem('language-picked');
    if (picked && api && !profile.language.toLowerCase().startsWith(picked)) {
      setLanguage(picked);
      api.patchMe({ language: picked }).then(setMe, () => undefined);
      return;
    }
    const chosen = profile.language.toLowerCase();
    if (chosen.startsWith('de')) setLanguage('de');
    else if (chosen.startsWith('en')) setLanguage('en');
  };
  const chooseLanguage = (chosen: Language) => {
    setLanguage(chosen);
    if (!me) sessionStorage.setItem('language-picked', chosen);
    if (api && me) api.patchMe({ language: chosen }).then(setMe, () => undefined);
  };

  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (route.page !== 'callback') return;
    finishSignIn().then((back) => { setToken(currentToken()); navigate(back); }, (e: Error) => setError(e.message));
  }, [route.page]);
  useEffect(() => {
    if (!api) return setMe(null);
    // An expired token: sign in again.
    api.me().then(adopt, () => { signOut(); setToken(null); });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  useEffect(() => {
    localStorage.setItem('language', language);
    document.documentElement.lang = language;
  }, [language]);

  const inRoom = route.page === 'room' || route.page === 'invite';
  // The notes and the whiteboard on their own: nothing around them, and no sign-in.
  const bare = route.page === 'notes' || route.page === 'whiteboard';
  let content: React.ReactNode;
  if (error) content = <div className="page"><p role="alert" className="alert">{error}</p></div>;
  else if (route.page === 'callback') content = <div className="center-screen"><p role="status">{t('signingIn')}</p></div>;
  else if (route.page === 'notes' || route.page === 'whiteboard') content = <CollabPage kind={route.page} />;
  else if (route.page === 'invite') content = <RoomPage key={route.code} entry={{ kind: 'guest', code: route.code }} />;
  else if (route.page === 'folder') content = <FolderPage key={route.roomId} />;
  else if (!api || !me) {
    content = (
      <div className="center-screen welcome">
        <div className="card">
          <h1>{t('welcome')}</h1>
          <p>{t('welcomeText')}</p>
          <button type="button" className="primary big" onClick={() => void signIn(undefined, language)}>{t('signIn')}</button>
        </div>
      </div>
    );
  } else if (route.page === 'dashboard') content = <Dashboard api={api} />;
  else if (route.page === 'new-meeting') content = <MeetingEditor key="new" api={api} id={null} />;
  else if (route.page === 'meeting') content = <MeetingEditor key={route.id} api={api} id={route.id} />;
  else if (route.page === 'room') content = <RoomPage key={route.roomId} entry={{ kind: 'member', roomId: route.roomId, api, name: me.display_name, groups: me.groups ?? [] }} />;
  else if (route.page === 'admin') content = <Admin api={api} myId={me.id} />;
  else if (route.page === 'profile') content = <Profile key={me.id} api={api} me={me} onSaved={adopt} />;
  else if (route.page === 'recordings') content = <MyRecordings api={api} />;
  else content = <div className="page"><h1>{t('notFound')}</h1></div>;

  return (
    <TextContext.Provider value={t}>
      <div className={inRoom ? 'app dark' : bare ? 'app bare' : 'app'}>
        {!inRoom && !bare && (
          <header className="top">
            <a href="/" className="brand" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
              <span className="logo" aria-hidden="true">◉</span> {t('appName')}
            </a>
            <nav aria-label={t('mainMenu')}>
              {me && <a href="/recordings" aria-current={route.page === 'recordings' ? 'page' : undefined}
                onClick={(e) => { e.preventDefault(); navigate('/recordings'); }}>{t('myRecordings')}</a>}
              {me?.is_admin && <a href="/admin" onClick={(e) => { e.preventDefault(); navigate('/admin'); }}>{t('administration')}</a>}
            </nav>
            <div className="account">
              <label className="compact inline">
                <span className="sr-only">{t('language')}</span>
                <select value={language} onChange={(e) => chooseLanguage(e.target.value as Language)} aria-label={t('language')}>
                  <option value="en">English</option>
                  <option value="de">Deutsch</option>
                </select>
              </label>
              {me && (
                <a href="/profile" className="who-am-i" aria-label={t('profileOf', { name: me.display_name })}
                  aria-current={route.page === 'profile' ? 'page' : undefined}
                  onClick={(e) => { e.preventDefault(); navigate('/profile'); }}>{me.display_name}</a>
              )}
              {me && <button type="button" className="secondary small" onClick={() => {
                // Ends the provider's session too, which sends the browser back to the welcome page.
                const endSession = signOut();
                if (endSession) window.location.assign(endSession);
                else { setToken(null); navigate('/'); }
              }}>{t('signOut')}</button>}
            </div>
          </header>
        )}
        {content}
      </div>
    </TextContext.Provider>
  );
}
