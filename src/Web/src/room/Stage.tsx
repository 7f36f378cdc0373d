import { useEffect, useRef } from 'react';
import { remoteKey, type RemoteStream, type SessionType } from '../media';
import { presence, type Person } from '../room';
import { Icon } from '../Icon';
import { useText } from '../text';

export type Layout = 'grid' | 'speaker';

interface Tile {
  key: string;
  person: Person | undefined;
  type: SessionType;
  stream: MediaStream | undefined;
  self: boolean;
}

/** A video (and its sound) for a stream; the own camera is mirrored and silent. */
function Video({ stream, self, speaker, label, volume }: { stream: MediaStream | undefined; self: boolean; speaker: string | null; label: string; volume: number }) {
  const element = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = element.current;
    if (!video) return;
    if (video.srcObject !== stream) video.srcObject = stream ?? null;
    video.volume = volume;
    const sink = video as HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> };
    if (speaker && sink.setSinkId) void sink.setSinkId(speaker).catch(() => undefined);
    void video.play().catch(() => undefined);
  });
  return <video ref={element} autoPlay playsInline muted={self} className={self ? 'mirror' : ''} aria-label={label} data-stream={stream?.id ?? ''} data-volume={volume} />;
}

function TileView({ tile, focused, pinned, onPin, speaker, volume }: { tile: Tile; focused: boolean; pinned: boolean; onPin?: () => void; speaker: string | null; volume: number }) {
  const t = useText();
  const name = tile.person?.displayName ?? '…';
  const state = tile.person?.media?.video;
  const shown = tile.type === 'video' && tile.person ? presence(tile.person) : { phone: false, muted: false, handUp: false };
  // A caller only ever sends sound: their tile is a phone with their name, never an empty picture.
  const cameraOff = tile.type === 'video' && !shown.phone && (!tile.stream || state?.video === false || tile.stream.getVideoTracks().length === 0);
  const label = tile.type === 'screen' ? t('screenOf', { name }) : tile.self ? t('you') : name;
  return (
    <figure className={`tile${focused ? ' focused' : ''}${tile.type === 'screen' ? ' screen' : ''}${shown.phone ? ' phone' : ''}`}
      data-participant={tile.person?.id} data-kind={tile.type} data-phone={shown.phone || undefined}>
      <Video stream={tile.stream} self={tile.self} speaker={speaker} label={label} volume={volume} />
      {cameraOff && <div className="avatar" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</div>}
      {shown.phone && (
        <div className="caller" aria-hidden="true">
          <span className="avatar"><Icon name="phone" size={34} /></span>
          <strong>{name}</strong>
          <span>{t('byPhone')}</span>
        </div>
      )}
      <figcaption>
        {shown.phone && <span role="img" aria-label={t('phone')} title={t('byPhone')}><Icon name="phone" size={16} /></span>}
        {shown.muted && <span role="img" aria-label={t('micMuted')} title={t('micMuted')}><Icon name="micOff" size={16} /></span>}
        {shown.handUp && <span role="img" aria-label={t('handRaised')} title={t('handRaised')}><Icon name="hand" size={16} /></span>}
        <span>{label}</span>
      </figcaption>
      {onPin && (
        <button type="button" className="pin" aria-pressed={pinned} onClick={onPin} aria-label={pinned ? t('unpin') : t('pinNamed', { name: label })}><Icon name="pin" size={18} /></button>
      )}
    </figure>
  );
}

/** Everyone's cameras and screens, as a grid or with the speaker (or a pinned screen) large. */
/** The simulcast layer a camera tile needs: full for a large tile or a small grid, less as tiles get smaller. */
export function layerFor(place: 'large' | 'strip' | 'grid', tiles: number): 0 | 1 | 2 {
  if (place === 'large') return 2;
  if (place === 'strip') return 0;
  return tiles <= 4 ? 2 : tiles <= 9 ? 1 : 0;
}

export function Stage({ people, me, streams, local, focus, layout, pinned, onPin, speaker, volume, onLayers }: {
  people: Record<string, Person>;
  me: string | null;
  streams: RemoteStream[];
  local: ReadonlyMap<SessionType, MediaStream>;
  focus: string | null;
  layout: Layout;
  pinned: string | null;
  onPin: (key: string | null) => void;
  speaker: string | null;
  /** The room's loudness (lower while whispering). */
  volume: number;
  /** Told which layer each received camera needs, after every layout change. */
  onLayers: (layers: Record<string, 0 | 1 | 2>) => void;
}) {
  const byKey = new Map(streams.map((s) => [s.key, s.stream]));
  const cameras: Tile[] = Object.values(people).map((p) => ({
    key: remoteKey(p.id, 'video'), person: p, type: 'video',
    stream: p.id === me ? local.get('video') : byKey.get(remoteKey(p.id, 'video')), self: p.id === me,
  }));
  const screens: Tile[] = Object.values(people)
    .filter((p) => (p.id === me ? local.has('screen') : p.media?.screen))
    .map((p) => ({ key: remoteKey(p.id, 'screen'), person: p, type: 'screen', stream: p.id === me ? local.get('screen') : byKey.get(remoteKey(p.id, 'screen')), self: false }));

  // Large: a pinned screen, else the first screen, else (speaker view) the current speaker.
  const large = screens.find((s) => s.key === pinned) ?? screens[0]
    ?? (layout === 'speaker' ? cameras.find((c) => c.person?.id === focus) ?? cameras.find((c) => !c.self) : undefined);
  const rest = [...screens, ...cameras].filter((x) => x !== large);
  const pin = (tile: Tile) => (tile.type === 'screen' ? () => onPin(pinned === tile.key ? null : tile.key) : undefined);

  const layers: Record<string, 0 | 1 | 2> = {};
  // Callers send no picture: there is no layer to choose.
  for (const c of cameras.filter((x) => !x.self && x.person && !x.person.phone))
    layers[c.person!.id] = layerFor(!large ? 'grid' : c === large ? 'large' : 'strip', cameras.length);
  const wanted = JSON.stringify(layers);
  // Again when a subscription arrives: a layer can only be chosen for a camera that is being received.
  const receiving = streams.map((x) => x.key).sort().join(',');
  useEffect(() => onLayers(JSON.parse(wanted) as Record<string, 0 | 1 | 2>), [wanted, receiving, onLayers]);

  if (!large) {
    const columns = Math.ceil(Math.sqrt(cameras.length));
    return (
      <div className="stage grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {cameras.map((c) => <TileView key={c.key} tile={c} focused={c.person?.id === focus} pinned={false} speaker={speaker} volume={volume} />)}
      </div>
    );
  }
  return (
    <div className="stage speaker">
      <div className="large"><TileView tile={large} focused={false} pinned={pinned === large.key} onPin={pin(large)} speaker={speaker} volume={volume} /></div>
      <div className="strip">
        {rest.map((c) => <TileView key={c.key} tile={c} focused={c.person?.id === focus} pinned={pinned === c.key} onPin={pin(c)} speaker={speaker} volume={volume} />)}
      </div>
    </div>
  );
}
