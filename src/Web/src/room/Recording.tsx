import { useEffect, useRef } from 'react';
import { consentNeeded, liveOn, recordingOn, type RoomView, type StreamView } from '../room';
import type { Send } from '../signaling-protocol';
import { useText, type Translate } from '../text';

/** REC and LIVE, for everyone in the room, while the meeting is recorded or streamed. */
export function RecordingBadges({ room }: { room: RoomView }) {
  const t = useText();
  return (
    <>
      {recordingOn(room) && <span className="badge rec" role="status" title={t('recordingNow')}>● {t('recordingBadge')}</span>}
      {liveOn(room) && <span className="badge live" role="status" title={t('liveNow')}>{t('liveBadge')}</span>}
    </>
  );
}

/**
 * Asks whether I may be recorded, once the recording runs, with a short chime so nobody misses it; until I agree the
 * recorder leaves me out. Also says so when a start found no recorder.
 */
export function RecordingBanners({ room, send, onConsent }: { room: RoomView; send: Send; onConsent: (consent: boolean) => void }) {
  const t = useText();
  const on = recordingOn(room);
  const wasOn = useRef(false);
  useEffect(() => {
    if (on && !wasOn.current) chime();
    wasOn.current = on;
  }, [on]);
  const answer = (consent: boolean) => {
    send('recording', { action: 'set_consent', consent });
    onConsent(consent);
  };
  return (
    <>
      {consentNeeded(room) && (
        <div className="banner warn" role="alert">
          {t('consentQuestion')}
          <button type="button" className="primary small" onClick={() => answer(true)}>{t('consentYes')}</button>
          <button type="button" className="secondary small" onClick={() => answer(false)}>{t('consentNo')}</button>
        </div>
      )}
      {room.recorderMissing && <div className="banner" role="alert">{t('recorderMissing')}</div>}
    </>
  );
}

/** A short two-tone chime (no audio file to load). */
function chime() {
  try {
    const audio = new AudioContext();
    [660, 880].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, audio.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.18);
      tone.stop(audio.currentTime + i * 0.18 + 0.17);
    });
    window.setTimeout(() => void audio.close(), 600);
  } catch {
    // No audio output: the banner says it.
  }
}

const statusKeys = {
  inactive: 'streamInactive', starting: 'streamStarting', active: 'streamActive', paused: 'streamPaused', error: 'streamError',
} as const;

export function statusText(t: Translate, stream: StreamView): string {
  return t(statusKeys[stream.status] ?? 'streamInactive', { reason: stream.reason ?? '' });
}

/** The moderator's controls: the recording and each live stream, with their status, started and stopped one by one. */
export function StreamsTool({ room, send }: { room: RoomView; send: Send }) {
  const t = useText();
  const streams = Object.entries(room.streams).sort(([, a], [, b]) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'recording' ? -1 : 1));
  if (streams.length === 0) return null;
  return (
    <div className="tool streams">
      <ul>
        {streams.map(([id, s]) => (
          <li key={id} data-stream={s.kind}>
            <span className="name">{s.kind === 'recording' ? t('recordingBadge') : s.name}</span>
            <span className={`status ${s.status}`}>{statusText(t, s)}</span>
            {(s.status === 'inactive' || s.status === 'error' || s.status === 'paused') && (
              <button type="button" className="primary small" onClick={() => send('recording', { action: 'start_stream', target_ids: [id] })}>
                {s.status === 'paused' ? t('resumeStream') : t('startStream')}
              </button>
            )}
            {s.status === 'active' && (
              <button type="button" className="secondary small" onClick={() => send('recording', { action: 'pause_stream', target_ids: [id] })}>{t('pauseStream')}</button>
            )}
            {(s.status === 'active' || s.status === 'paused' || s.status === 'starting') && (
              <button type="button" className="secondary small" onClick={() => send('recording', { action: 'stop_stream', target_ids: [id] })}>{t('stopStream')}</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
