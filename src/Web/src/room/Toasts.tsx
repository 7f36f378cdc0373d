import { useEffect, useRef } from 'react';
import { errorSentence, pageLanguage } from '../errors';
import { Icon } from '../Icon';
import type { Notice } from '../notices';
import { useText } from '../text';

/** How long a notice stays unless dismissed; one that waits for an action (someone in the waiting room) stays. */
const showFor: Record<Notice['kind'], number | null> = { waiting: null, hand: 15_000, chat: 8_000, recording: 10_000, live: 10_000, error: 10_000 };

/** A short, quiet two-note chime (no sound file to load, and nothing when the browser allows no audio). */
export function chime(): void {
  try {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.08, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.35);
    gain.connect(context.destination);
    [660, 880].forEach((frequency, i) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(context.currentTime + i * 0.12);
      tone.stop(context.currentTime + 0.35);
    });
    window.setTimeout(() => void context.close(), 600);
  } catch {
    // No audio here: the toast is still shown.
  }
}

function ToastView({ notice, onDismiss, actions }: { notice: Notice; onDismiss: () => void; actions: Actions }) {
  const t = useText();
  useEffect(() => {
    const after = showFor[notice.kind];
    if (after === null) return;
    const id = window.setTimeout(onDismiss, after);
    return () => window.clearTimeout(id);
  }, [notice.key, notice.kind, onDismiss]);

  let text: string;
  let buttons: React.ReactNode = null;
  switch (notice.kind) {
    case 'waiting':
      text = t('toastWaiting', { name: notice.name });
      buttons = <>
        <button type="button" className="primary small" onClick={() => { actions.admit(notice.participant); onDismiss(); }}>{t('admit')}</button>
        <button type="button" className="secondary small" onClick={() => { actions.openPeople(); onDismiss(); }}>{t('showWaiting')}</button>
      </>;
      break;
    case 'hand':
      text = t('toastHand', { name: notice.name });
      buttons = <button type="button" className="secondary small" onClick={() => { actions.lowerHand(notice.participant); onDismiss(); }}>{t('lowerHandOf')}</button>;
      break;
    case 'chat':
      text = `${notice.from || t('someone')}${notice.private ? ` (${t('privately')})` : ''}: ${notice.text.length > 140 ? `${notice.text.slice(0, 140)}…` : notice.text}`;
      buttons = <button type="button" className="secondary small" onClick={() => { actions.openChat(); onDismiss(); }}>{t('openChat')}</button>;
      break;
    case 'recording':
      text = t('toastRecording');
      break;
    case 'live':
      text = t('toastLive');
      break;
    case 'error':
      text = errorSentence(notice.code, pageLanguage());
      break;
  }
  return (
    <div className={`toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-kind={notice.kind}>
      <p>{text}</p>
      <div className="toast-actions">
        {buttons}
        <button type="button" className="toast-close" aria-label={t('dismiss')} onClick={onDismiss}><Icon name="close" size={16} /></button>
      </div>
    </div>
  );
}

export interface Actions {
  admit: (participant: string) => void;
  lowerHand: (participant: string) => void;
  openChat: () => void;
  openPeople: () => void;
}

/** The room's toasts, top right over the stage: they never move the layout. The newest is last. */
export function Toasts({ notices, onDismiss, actions }: { notices: Notice[]; onDismiss: (key: string) => void; actions: Actions }) {
  const t = useText();
  // One stable callback per toast, so its timer is not restarted by every render of the room.
  const dismissers = useRef(new Map<string, () => void>());
  const dismisser = (key: string) => {
    let f = dismissers.current.get(key);
    if (!f) dismissers.current.set(key, (f = () => { dismissers.current.delete(key); onDismiss(key); }));
    return f;
  };
  return (
    // One live region that is always there: screen readers announce what is added to it.
    <section className="toasts" aria-label={t('notifications')} role="log" aria-live="polite">
      {notices.map((n) => <ToastView key={n.key} notice={n} onDismiss={dismisser(n.key)} actions={actions} />)}
    </section>
  );
}
