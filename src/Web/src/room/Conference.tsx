import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api';
import type { JoinChoice } from '../pages/Lobby';
import { consented, iAmForceMuted, unread, whispering } from '../room';
import type { Ticket } from '../signaling';
import { Icon } from '../Icon';
import { useText } from '../text';
import { ChatPanel, conversations } from './ChatPanel';
import { NotesPanel, PdfExports, WhiteboardArea } from './Collab';
import { FilesPanel } from './FilesPanel';
import { ModerationPanel } from './ModerationPanel';
import { BreakoutBanner, CoffeeBreak, PollCard, TalkingStickBar, TimerBar, VoteCard, WhisperBar } from './Overlays';
import { PeoplePanel } from './PeoplePanel';
import { RecordingBadges, RecordingBanners } from './Recording';
import { Stage, type Layout } from './Stage';
import { useMeeting } from './useMeeting';

type Panel = 'chat' | 'people' | 'moderation' | 'notes' | 'files' | null;

/** The conference screen: stage, controls, side panels and the overlays of the room's modules. */
export function Conference({ roomId, api, title, groups, choice, ticket, inBreakout, onBreakout, onLeft }: {
  roomId: string;
  /** For the room's files (exported notes and whiteboards), with my token. */
  api: Api;
  title: string;
  groups: string[];
  choice: JoinChoice;
  ticket: (resumption: string | null) => Promise<Ticket>;
  inBreakout: boolean;
  onBreakout: (room: { id: string; name: string } | null) => void;
  onLeft: () => void;
}) {
  const t = useText();
  const meeting = useMeeting(choice, ticket);
  const { room, media, send } = meeting;
  const [layout, setLayout] = useState<Layout>('grid');
  const [panel, setPanel] = useState<Panel>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [pollHidden, setPollHidden] = useState<string | null>(null);
  const [voteHidden, setVoteHidden] = useState<string | null>(null);
  const [boardShown, setBoardShown] = useState(false);
  const moderator = room.myRole === 'moderator';
  const me = room.me ? room.people[room.me] : undefined;
  const forceMuted = iAmForceMuted(room);
  const published = media.published;
  // My own tile shows what I send: the server tells others about it, not me.
  const people = me ? { ...room.people, [me.id]: { ...me, media: {
    video: meeting.local.has('video') ? published : null, screen: null, is_presenter: me.media?.is_presenter ?? false, force_muted: forceMuted,
  } } } : room.people;
  const sharing = meeting.local.has('screen');
  const unreadTotal = conversations(room).reduce((n, c) => n + unread(room, c), 0);
  const myName = me?.displayName ?? choice.name;
  const board = boardShown && room.collab.whiteboardUrl !== null;

  // In a whisper group the microphone goes into the group's mixer and is muted for the room; the room gets quieter.
  const inWhisper = whispering(room);
  const whisperId = inWhisper ? room.whisper!.id : null;
  const [roomAudioBeforeWhisper, setRoomAudioBeforeWhisper] = useState<boolean | null>(null);
  useEffect(() => {
    if (whisperId) {
      void media.joinWhisper(whisperId);
      setRoomAudioBeforeWhisper(media.published.audio);
      media.setState({ ...media.published, audio: false });
    } else if (media.whisperMix) {
      media.leaveWhisper();
      if (roomAudioBeforeWhisper) media.setState({ ...media.published, audio: true });
      setRoomAudioBeforeWhisper(null);
    }
    // Only joining or leaving a group matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [whisperId]);

  const chooseLayers = useCallback((layers: Record<string, 0 | 1 | 2>) => {
    for (const [participant, layer] of Object.entries(layers)) media.chooseLayer(participant, layer);
  }, [media]);

  // A breakout room that ends sends everyone back to the main room.
  useEffect(() => {
    if (inBreakout && meeting.closeReason === 'breakout_ended') onBreakout(null);
  }, [inBreakout, meeting.closeReason, onBreakout]);

  if (meeting.status === 'closed' || room.phase === 'ended') {
    const reason = room.reason ?? meeting.closeReason ?? 'left';
    return (
      <div className="center-screen">
        <div className="card">
          <h1>{t(reason === 'kicked' ? 'youWereRemoved' : reason === 'banned' ? 'youWereBanned' : 'youLeft')}</h1>
          <button type="button" className="primary" onClick={onLeft}>{t('backToStart')}</button>
        </div>
      </div>
    );
  }
  if (room.phase === 'waiting') {
    return (
      <div className="center-screen">
        <div className="card waiting-screen" role="status">
          <div className="spinner" aria-hidden="true" />
          <h1>{t('waitingTitle')}</h1>
          <p>{t(room.reason === 'participant_limit_reached' ? 'roomFull' : 'waitingText')}</p>
          <button type="button" className="secondary" onClick={() => { meeting.leave(); onLeft(); }}>{t('leave')}</button>
        </div>
      </div>
    );
  }
  if (room.phase === 'joining') {
    return <div className="center-screen"><p role="status">{t(room.reason === 'participant_limit_reached' ? 'roomFull' : 'joining')}</p></div>;
  }

  const toggle = (p: Panel) => setPanel(panel === p ? null : p);
  async function shareScreen() {
    if (sharing) return media.unpublish('screen');
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      stream.getVideoTracks()[0]?.addEventListener('ended', () => media.unpublish('screen'));
      await media.publish('screen', stream);
    } catch {
      // The user cancelled the picker.
    }
  }

  return (
    <div className="conference">
      {meeting.status === 'reconnecting' && <div className="banner warn" role="alert">{t('reconnectingBanner')}</div>}
      {room.lastError && <div className="banner" role="status">{/(storage|meeting)_unavailable$/.test(room.lastError) ? t('notSavedTryAgain') : t('serverSaid', { error: room.lastError })}</div>}
      {room.muteRequest && !room.muteRequest.force && published.audio && (
        <div className="banner" role="alert">
          {t('askedToMute')}
          <button type="button" className="secondary small" onClick={() => { media.setState({ ...published, audio: false }); meeting.update((r) => ({ ...r, muteRequest: null })); }}>{t('muteMic')}</button>
          <button type="button" className="link" onClick={() => meeting.update((r) => ({ ...r, muteRequest: null }))}>{t('dismiss')}</button>
        </div>
      )}
      <RecordingBanners room={room} send={send} onConsent={(consent) => meeting.update((r) => consented(r, consent))} />
      <PdfExports room={room} roomId={roomId} api={api} update={meeting.update} />
      {room.breakout && !inBreakout && <BreakoutBanner room={room} moderator={moderator} onEnter={onBreakout} />}
      {room.whisper && <WhisperBar room={room} mix={media.whisperMix} send={send} />}
      <header className="room-head">
        <h1>{title}</h1>
        <RecordingBadges room={room} />
        {inBreakout && <button type="button" className="secondary small" onClick={() => onBreakout(null)}>{t('backToMainRoom')}</button>}
        {room.timer && room.timer.style === 'normal' && <TimerBar timer={room.timer} me={room.me} send={send} />}
        {room.talkingStick && <TalkingStickBar room={room} send={send} />}
        <button type="button" className="secondary small" onClick={() => setLayout(layout === 'grid' ? 'speaker' : 'grid')}>
          {layout === 'grid' ? t('speakerView') : t('gridView')}
        </button>
      </header>
      <div className="room-body">
        <main className={`stage-wrap${board ? ' with-board' : ''}`}>
          {board && <div className="board-area"><WhiteboardArea room={room} name={myName} /></div>}
          {/* Beside the whiteboard the videos shrink to a column: they stay mounted, so everyone is still heard. */}
          <div className={board ? 'stage-aside' : 'stage-full'} aria-label={board ? t('videos') : undefined} role={board ? 'region' : undefined}>
            <Stage people={people} me={room.me} streams={meeting.streams} local={meeting.local} focus={room.focus}
              layout={layout} pinned={pinned} onPin={setPinned} speaker={choice.speaker} volume={inWhisper ? 0.3 : 1} onLayers={chooseLayers} />
          </div>
          {room.vote && voteHidden !== room.vote.id && (
            <VoteCard room={room} send={send} moderator={moderator} onClose={() => setVoteHidden(room.vote!.id)} />
          )}
          {room.poll && pollHidden !== room.poll.id && (
            <PollCard poll={room.poll} room={room} send={send} update={meeting.update} moderator={moderator} onClose={() => setPollHidden(room.poll!.id)} />
          )}
        </main>
        {panel && (
          <aside className={`side${panel === 'notes' ? ' wide' : ''}`}>
            {panel === 'notes' && <NotesPanel room={room} name={myName} />}
            {panel === 'chat' && <ChatPanel room={room} groups={groups} send={send} update={meeting.update} />}
            {panel === 'people' && <PeoplePanel room={room} send={send} />}
            {panel === 'moderation' && moderator && <ModerationPanel room={room} send={send} update={meeting.update} />}
            {panel === 'files' && <FilesPanel folder={meeting.folder} />}
          </aside>
        )}
      </div>
      <nav className="controls" aria-label={t('controls')}>
        <button type="button" className={`round${published.audio ? '' : ' off'}`} aria-pressed={!published.audio}
          disabled={forceMuted && !published.audio} title={forceMuted ? t('forceMuted') : undefined}
          onClick={() => media.setState({ ...published, audio: !published.audio })}
          aria-label={published.audio ? t('muteMic') : t('unmuteMic')}><Icon name={published.audio ? 'mic' : 'micOff'} /></button>
        <button type="button" className={`round${published.video ? '' : ' off'}`} aria-pressed={!published.video}
          onClick={() => media.setState({ ...published, video: !published.video })}
          aria-label={published.video ? t('cameraOffAction') : t('cameraOnAction')}><Icon name={published.video ? 'camera' : 'cameraOff'} /></button>
        <button type="button" className={`round${sharing ? ' on' : ''}`} aria-pressed={sharing} onClick={() => void shareScreen()}
          aria-label={sharing ? t('stopSharing') : t('shareScreen')}><Icon name="screen" /></button>
        <button type="button" className={`round${me?.handUp ? ' on' : ''}`} aria-pressed={me?.handUp === true}
          onClick={() => send('control', { action: me?.handUp ? 'lower_hand' : 'raise_hand' })}
          aria-label={me?.handUp ? t('lowerHand') : t('raiseHand')}><Icon name="hand" /></button>
        <span className="divider" />
        <button type="button" className={`round${panel === 'chat' ? ' on' : ''}`} aria-pressed={panel === 'chat'} onClick={() => toggle('chat')}
          aria-label={unreadTotal > 0 ? t('chatUnread', { count: unreadTotal }) : t('chat')}>
          <Icon name="chat" />{unreadTotal > 0 && <span className="count" data-testid="unread">{unreadTotal}</span>}
        </button>
        <button type="button" className={`round${panel === 'people' ? ' on' : ''}`} aria-pressed={panel === 'people'} onClick={() => toggle('people')}
          aria-label={moderator && room.waiting.length > 0 ? t('participantsWaiting', { count: room.waiting.length }) : t('participants')}>
          <Icon name="people" />{moderator && room.waiting.length > 0 && <span className="count">{room.waiting.length}</span>}
        </button>
        <button type="button" className={`round${panel === 'notes' ? ' on' : ''}`} aria-pressed={panel === 'notes'} onClick={() => toggle('notes')}
          aria-label={t('notes')}><Icon name="notes" /></button>
        {room.collab.whiteboardUrl && (
          <button type="button" className={`round${board ? ' on' : ''}`} aria-pressed={board} onClick={() => setBoardShown(!board)}
            aria-label={t('whiteboard')}><Icon name="board" /></button>
        )}
        {moderator && (
          <button type="button" className={`round${panel === 'moderation' ? ' on' : ''}`} aria-pressed={panel === 'moderation'}
            onClick={() => toggle('moderation')} aria-label={t('moderation')}><Icon name="shield" /></button>
        )}
        {meeting.folder && (
          <button type="button" className={`round${panel === 'files' ? ' on' : ''}`} aria-pressed={panel === 'files'}
            onClick={() => toggle('files')} aria-label={t('files')}><Icon name="folder" /></button>
        )}
        <span className="divider" />
        <button type="button" className="leave" onClick={() => { meeting.leave(); onLeft(); }}>{t('leave')}</button>
      </nav>
      {room.timer && room.timer.style === 'coffee-break' && <CoffeeBreak key={room.timer.id} timer={room.timer} moderator={moderator} send={send} />}
    </div>
  );
}
