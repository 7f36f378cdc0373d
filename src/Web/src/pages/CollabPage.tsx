import { accessOf, type CollabKind } from '../collab';
import { NotesEditor, Whiteboard } from '../editors/lazy';
import { useText } from '../text';

/**
 * `/notes/{roomId}?token=…&mode=…` and `/whiteboard/{roomId}?token=…`: the editor alone, full page, as OpenTalk's web
 * app shows it in a frame. The token is the authorisation: no sign-in. `?name=` is the name the others see.
 */
export function CollabPage({ kind }: { kind: CollabKind }) {
  const t = useText();
  const access = accessOf(`${window.location.pathname}${window.location.search}`);
  const name = new URLSearchParams(window.location.search).get('name')?.trim() || t('participantName');
  if (!access || access.kind !== kind) {
    return <div className="center-screen"><p role="alert" className="alert">{t('collabLinkInvalid')}</p></div>;
  }
  return (
    <main className={`collab-page ${kind}`}>
      <h1 className="sr-only">{t(kind === 'notes' ? 'meetingNotes' : 'whiteboard')}</h1>
      {kind === 'notes' ? <NotesEditor access={access} name={name} /> : <Whiteboard access={access} name={name} />}
    </main>
  );
}
