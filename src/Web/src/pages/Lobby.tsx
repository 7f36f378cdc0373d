import { useEffect, useRef, useState } from 'react';
import { DeviceOptions } from '../devices';
import { Icon } from '../Icon';
import { useText } from '../text';

export interface JoinChoice {
  name: string;
  password: string | null;
  stream: MediaStream | null;
  audio: boolean;
  video: boolean;
  speaker: string | null;
}

/** Loudness 0..1 of the newest samples (root mean square, scaled so speech fills the meter). */
export function level(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.min(1, Math.sqrt(sum / Math.max(1, samples.length)) * 4);
}

/** Camera preview, microphone meter, device choice and a test sound before entering a room. */
export function Lobby({ title, defaultName, askName, needPassword, onJoin, busy, problem }: {
  title: string;
  defaultName: string;
  askName: boolean;
  needPassword: boolean;
  onJoin: (choice: JoinChoice) => void;
  busy: boolean;
  problem: string | null;
}) {
  const t = useText();
  const [name, setName] = useState(defaultName);
  const [password, setPassword] = useState('');
  const [audio, setAudio] = useState(true);
  const [video, setVideo] = useState(true);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [microphone, setMicrophone] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const [meter, setMeter] = useState(0);
  const preview = useRef<HTMLVideoElement>(null);
  // The stream the user joins with lives on in the conference: it is not released when the lobby closes.
  const handedOver = useRef<MediaStream | null>(null);

  useEffect(() => setName((n) => n || defaultName), [defaultName]);

  // (Re)open the chosen devices; the previous ones are released.
  useEffect(() => {
    let current: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({
        audio: microphone ? { deviceId: { exact: microphone } } : true,
        video: camera ? { deviceId: { exact: camera }, width: 1280, height: 720 } : { width: 1280, height: 720 },
      })
      .then(async (s) => {
        if (cancelled) { s.getTracks().forEach((x) => x.stop()); return; }
        current = s;
        setStream(s);
        setDeviceError(null);
        setDevices(await navigator.mediaDevices.enumerateDevices());
      }, (e: Error) => setDeviceError(e.message));
    return () => {
      cancelled = true;
      if (current !== handedOver.current) current?.getTracks().forEach((x) => x.stop());
    };
  }, [camera, microphone]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);
  useEffect(() => stream?.getVideoTracks().forEach((x) => (x.enabled = video)), [stream, video]);
  useEffect(() => stream?.getAudioTracks().forEach((x) => (x.enabled = audio)), [stream, audio]);

  // Microphone meter.
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      setMeter(level(samples));
    }, 100);
    return () => {
      window.clearInterval(timer);
      void context.close();
    };
  }, [stream]);

  async function testSound() {
    const context = new AudioContext();
    const tone = context.createOscillator();
    const gain = context.createGain();
    gain.gain.value = 0.2;
    tone.frequency.value = 660;
    const out = context.createMediaStreamDestination();
    tone.connect(gain).connect(out);
    const player = new Audio();
    player.srcObject = out.stream;
    const sink = player as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (speaker && sink.setSinkId) await sink.setSinkId(speaker).catch(() => undefined);
    tone.start();
    await player.play().catch(() => undefined);
    window.setTimeout(() => { tone.stop(); void context.close(); player.srcObject = null; }, 800);
  }

  return (
    <div className="lobby">
      <h1>{title}</h1>
      <div className="lobby-body">
        <div className="preview">
          <video ref={preview} autoPlay muted playsInline aria-label={t('cameraPreview')} className={video ? '' : 'off'} />
          {!video && <div className="preview-off">{t('cameraOff')}</div>}
          <div className="preview-controls">
            <button type="button" className={`round${audio ? '' : ' off'}`} aria-pressed={!audio} onClick={() => setAudio(!audio)}
              aria-label={audio ? t('muteMic') : t('unmuteMic')}><Icon name={audio ? 'mic' : 'micOff'} /></button>
            <button type="button" className={`round${video ? '' : ' off'}`} aria-pressed={!video} onClick={() => setVideo(!video)}
              aria-label={video ? t('cameraOffAction') : t('cameraOnAction')}><Icon name={video ? 'camera' : 'cameraOff'} /></button>
          </div>
        </div>
        <form className="card form lobby-form" onSubmit={(e) => {
          e.preventDefault();
          handedOver.current = stream;
          onJoin({ name: name.trim(), password: needPassword ? password : null, stream, audio, video, speaker: speaker || null });
        }}>
          {deviceError && <p role="alert" className="alert">{t('noDevices')}: {deviceError}</p>}
          {problem && <p role="alert" className="alert">{problem}</p>}
          {askName && (
            <label>
              {t('yourName')}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoComplete="name" />
            </label>
          )}
          {needPassword && (
            <label>
              {t('roomPassword')}
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            </label>
          )}
          <label>
            {t('camera')}
            <select value={camera} onChange={(e) => setCamera(e.target.value)}>
              <option value="">{t('defaultDevice')}</option>
              <DeviceOptions devices={devices} kind="videoinput" name={t('camera')} />
            </select>
          </label>
          <label>
            {t('microphone')}
            <select value={microphone} onChange={(e) => setMicrophone(e.target.value)}>
              <option value="">{t('defaultDevice')}</option>
              <DeviceOptions devices={devices} kind="audioinput" name={t('microphone')} />
            </select>
          </label>
          <div className="meter" role="meter" aria-label={t('micLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(meter * 100)}>
            <div style={{ width: `${Math.round(meter * 100)}%` }} />
          </div>
          <div className="row">
            <label className="grow">
              {t('speaker')}
              <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
                <option value="">{t('defaultDevice')}</option>
                <DeviceOptions devices={devices} kind="audiooutput" name={t('speaker')} />
              </select>
            </label>
            <button type="button" className="secondary align-end" onClick={() => void testSound()}>{t('testSound')}</button>
          </div>
          {/* Joining waits for the camera and microphone (or for the answer that there are none). */}
          <button type="submit" className="primary big" disabled={busy || (!stream && !deviceError)}>
            {busy ? t('joining') : !stream && !deviceError ? t('startingDevices') : t('joinNow')}
          </button>
        </form>
      </div>
    </div>
  );
}
