import { useEffect, useState } from 'react';
import type { Api } from '../api';
import { DeviceOptions, listed } from '../devices';
import { dialIn } from '../dialIn';
import { Icon } from '../Icon';
import type { MediaClient } from '../media';
import type { RoomView } from '../room';
import { shortcutKeys } from '../shortcuts';
import { useText } from '../text';
import { Dialog } from './Dialog';

/** A link with a copy button; says when it was copied. */
function CopyField({ label, value }: { label: string; value: string }) {
  const t = useText();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label>
        {label}
        <input readOnly value={value} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="secondary small" aria-label={t('copyNamed', { name: label })} onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
      }}>{copied ? t('copied') : t('copy')}</button>
    </div>
  );
}

/**
 * The meeting's title, the links to share (the guest link for people without an account, the room's address for
 * members) and how to dial in by phone.
 */
export function MeetingInfo({ room, roomId, title, api, inviteCode, onClose }: {
  room: RoomView;
  roomId: string;
  title: string;
  api: Api;
  /** A guest's own invite code: the link they came with is the one they can pass on. */
  inviteCode: string | null;
  onClose: () => void;
}) {
  const t = useText();
  const origin = window.location.origin;
  const [guestLink, setGuestLink] = useState<string | null>(inviteCode ? `${origin}/invite/${encodeURIComponent(inviteCode)}` : null);
  const [mayCreate, setMayCreate] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const linkOf = (code: string) => `${origin}/invite/${encodeURIComponent(code)}`;

  useEffect(() => {
    if (inviteCode) return;
    // Only the room's owner sees (and makes) guest links; others share the room's address.
    api.guestLinks(roomId).then((links) => {
      const usable = links.find((l) => l.active !== false);
      if (usable) setGuestLink(linkOf(usable.invite_code));
      else setMayCreate(true);
    }, () => setMayCreate(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId]);

  return (
    <Dialog title={t('meetingInfo')} onClose={onClose}>
      <>
        <p className="info-title"><strong>{title}</strong></p>
        {guestLink && <CopyField label={t('guestLinkLabel')} value={guestLink} />}
        {!guestLink && mayCreate && (
          <button type="button" className="secondary" onClick={() => {
            api.createGuestLink(roomId).then((l) => setGuestLink(linkOf(l.invite_code)), () => setProblem(t('failed')));
          }}>{t('createGuestLink')}</button>
        )}
        {!inviteCode && <CopyField label={t('memberLinkLabel')} value={`${origin}/room/${roomId}`} />}
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <h3>{t('dialInTitle')}</h3>
        {room.callIn ? <p className="dial-in"><Icon name="phone" size={16} /> {dialIn(room.callIn, t)}</p> : <p className="muted">{t('noDialIn')}</p>}
      </>
    </Dialog>
  );
}

/** Camera, microphone and speaker, switched while in the meeting. */
export function RoomSettings({ media, speaker, onSpeaker, onClose }: {
  media: MediaClient;
  speaker: string | null;
  onSpeaker: (id: string | null) => void;
  onClose: () => void;
}) {
  const t = useText();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const current = (kind: 'audio' | 'video') => media.localStream('video')?.getTracks().find((x) => x.kind === kind)?.getSettings().deviceId ?? '';
  const [camera, setCamera] = useState(current('video'));
  const [microphone, setMicrophone] = useState(current('audio'));
  useEffect(() => { void navigator.mediaDevices.enumerateDevices().then(setDevices, () => setDevices([])); }, []);

  async function use(kind: 'audio' | 'video', deviceId: string) {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia(kind === 'video'
        ? { video: { deviceId: { exact: deviceId }, width: 1280, height: 720 } }
        : { audio: { deviceId: { exact: deviceId } } });
      const track = stream.getTracks()[0];
      await media.replaceTrack(track);
      if (kind === 'video') setCamera(deviceId); else setMicrophone(deviceId);
    } catch (e) {
      setProblem(`${t('deviceFailed')} ${(e as Error).message}`);
    }
  }

  return (
    <Dialog title={t('settings')} onClose={onClose}>
      <div className="form">
        <label>
          {t('camera')}
          <select value={camera} onChange={(e) => void use('video', e.target.value)}>
            {!listed(devices, 'videoinput', camera) && <option value={camera}>{t('defaultDevice')}</option>}
            <DeviceOptions devices={devices} kind="videoinput" name={t('camera')} />
          </select>
        </label>
        <label>
          {t('microphone')}
          <select value={microphone} onChange={(e) => void use('audio', e.target.value)}>
            {!listed(devices, 'audioinput', microphone) && <option value={microphone}>{t('defaultDevice')}</option>}
            <DeviceOptions devices={devices} kind="audioinput" name={t('microphone')} />
          </select>
        </label>
        <label>
          {t('speaker')}
          <select value={speaker ?? ''} onChange={(e) => onSpeaker(e.target.value || null)}>
            <option value="">{t('defaultDevice')}</option>
            <DeviceOptions devices={devices} kind="audiooutput" name={t('speaker')} />
          </select>
        </label>
        {problem && <p className="field-error" role="alert">{problem}</p>}
      </div>
    </Dialog>
  );
}

/** The keyboard shortcuts (the `?` key) and a few things worth knowing in a meeting. */
export function Help({ onClose }: { onClose: () => void }) {
  const t = useText();
  const names = { mic: t('shortcutMic'), camera: t('shortcutCamera'), hand: t('shortcutHand'), chat: t('shortcutChat'), help: t('shortcutHelp') };
  return (
    <Dialog title={t('helpTitle')} onClose={onClose}>
      <>
        <h3>{t('keyboardShortcuts')}</h3>
        <dl className="shortcuts">
          {shortcutKeys.map((s) => (
            <div key={s.key}><dt><kbd>{s.key.toUpperCase()}</kbd></dt><dd>{names[s.shortcut]}</dd></div>
          ))}
        </dl>
        <h3>{t('helpTipsTitle')}</h3>
        <ul className="help-tips">
          <li>{t('helpTipDevices')}</li>
          <li>{t('helpTipShare')}</li>
          <li>{t('helpTipReload')}</li>
          <li>{t('helpTipModerators')}</li>
        </ul>
      </>
    </Dialog>
  );
}
