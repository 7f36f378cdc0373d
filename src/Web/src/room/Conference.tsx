import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../api';
import type { JoinChoice } from '../pages/Lobby';
import { noticesBetween, stillCurrent, chimes, type Notice } from '../notices';
import { consented, iAmForceMuted, unread, whispering, type RoomView } from '../room';
import { shortcutOf } from '../shortcuts';
import type { Ticket } from '../signaling';
import { Icon } from '../Icon';
import { useText } from '../text';
import { ChatPanel, conversations } from './ChatPanel';
import { NotesPanel, PdfExports, WhiteboardArea } from './Collab';
import { FilesPanel } from './FilesPanel';
import { ModerationPanel } from './ModerationPanel';
import { MenuButton, type MenuItem } from './Menu';
import { BreakoutBanner, CoffeeBreak, PollCard, TalkingStickBar, TimerBar, VoteCard, WhisperBar } from './Overlays';
import { PeoplePanel } from './PeoplePanel';
import { RecordingBadges, RecordingBanners } from './Recording';
import { Help, MeetingInfo, RoomSettings } from './RoomDialogs';
import { Stage, type Layout } from './Stage';
import { chime, Toasts } from './Toasts';
import { useMeeting } from './useMeeting';

type Panel = 'chat' | 'people' | 'moderation' | 'notes' | 'files' | null;

/** Where the toolbar keeps only the essentials (the same width as the stylesheet's). */
const narrowQuery = '(max-width: 720px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(narrowQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(narrowQuery);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** The conference screen: stage, controls, side panels and the overlays of the room's modules. */
export function Conference({ roomId, api, title, groups, choice, ticket, inBreakout, onBreakout, onLeft, onEnded, inviteCode = null }: {
  roomId: string;
  /** A guest's invite code (the link they can pass on); null for members. */
  inviteCode?: string | null;
  /** For the room's files (exported notes and whiteboards), with my token. */
  api: Api;
  title: string;
  groups: string[];
  choice: JoinChoice;
  ticket: (resumption: string | null) => Promise<Ticket>;
  inBreakout: boolean;
  onBreakout: (room: { id: string; name: string } | null) => void;
  onLeft: () => void;
  /** This participation is over (removed, banned, the meeting ended): a reload must not try to come back. */
  onEnded?: () => void;
}) {
  const t = useText();
  const meeting = useMeeting(choice, ticket, api.turn);
  const { room, media, send } = meeting;
  const [layout, setLayout] = useState<Layout>('grid');
  const [panel, setPanel] = useState<Panel>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [pollHidden, setPollHidden] = useState<string | null>(null);
  const [voteHidden, setVoteHidden] = useState<string | null>(null);
  const [boardShown, setBoardShown] = useState(false);
  const [dialog, setDialog] = useState<'info' | 'settings' | 'help' | null>(null);
  const [speaker, setSpeaker] = useState<string | null>(choice.speaker);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [fullscreen, setFullscreen] = useState(false);
  const narrow = useNarrow();
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

  const over = (meeting.status === 'closed' && meeting.closeReason !== 'breakout_ended') || room.phase === 'ended';
  useEffect(() => {
    if (over) onEnded?.();
  }, [over, onEnded]);

  // A breakout room that ends sends everyone back to the main room.
  useEffect(() => {
    if (inBreakout && meeting.closeReason === 'breakout_ended') onBreakout(null);
  }, [inBreakout, meeting.closeReason, onBreakout]);

  // Toasts for what happened since the last message: compared with the room as it was.
  const before = useRef<RoomView>(room);
  useEffect(() => {
    const news = noticesBetween(before.current, room, { chatOpen: panel === 'chat' });
    before.current = room;
    setNotices((shown) => {
      const current = shown.filter((n) => stillCurrent(n, room));
      const fresh = news.filter((n) => !current.some((c) => c.key === n.key));
      // The newest few: a busy room must not bury the stage in toasts. Someone waiting stays until let in.
      if (fresh.length === 0 && current.length === shown.length) return shown;
      const all = [...current, ...fresh];
      const others = all.filter((n) => n.kind !== 'waiting').slice(-3);
      return all.filter((n) => n.kind === 'waiting' || others.includes(n));
    });
    if (news.some(chimes)) chime();
  }, [room, panel]);
  const dismiss = useCallback((key: string) => setNotices((shown) => shown.filter((n) => n.key !== key)), []);
  // Opening the chat shows those messages: their toasts are no news any more.
  useEffect(() => {
    if (panel === 'chat') setNotices((shown) => (shown.some((n) => n.kind === 'chat') ? shown.filter((n) => n.kind !== 'chat') : shown));
  }, [panel]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  // Keyboard shortcuts: m, v, h, c, and ? for the list.
  const keyActions = useRef<Record<string, () => void>>({});
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = shortcutOf(e);
      if (!shortcut || dialog !== null || room.phase !== 'in_room') return;
      e.preventDefault();
      keyActions.current[shortcut]?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, room.phase]);

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
  const toggleMic = () => {
    if (!(forceMuted && !published.audio)) media.setState({ ...published, audio: !published.audio });
  };
  const toggleCamera = () => media.setState({ ...published, video: !published.video });
  const toggleHand = () => send('control', { action: me?.handUp ? 'lower_hand' : 'raise_hand' });
  keyActions.current = { mic: toggleMic, camera: toggleCamera, hand: toggleHand, chat: () => toggle('chat'), help: () => setDialog('help') };
  const shownTitle = room.title ?? title;
  const panelTitle: Record<Exclude<Panel, null>, string> = {
    chat: t('chat'), people: t('participants'), moderation: t('moderation'), notes: t('notes'), files: t('files'),
  };

  // On narrow screens these leave the toolbar for the "More" menu.
  const more: (MenuItem & { narrowOnly?: boolean })[] = [
    { label: sharing ? t('stopSharing') : t('shareScreen'), icon: 'screen', onSelect: () => void shareScreen(), narrowOnly: true },
    { label: t('participants'), icon: 'people', onSelect: () => toggle('people'), narrowOnly: true },
    { label: t('notes'), icon: 'notes', onSelect: () => toggle('notes'), narrowOnly: true },
    ...(room.collab.whiteboardUrl ? [{ label: t('whiteboard'), icon: 'board' as const, onSelect: () => setBoardShown(!board), narrowOnly: true }] : []),
    ...(moderator ? [{ label: t('moderation'), icon: 'shield' as const, onSelect: () => toggle('moderation'), narrowOnly: true }] : []),
    ...(meeting.folder ? [{ label: t('files'), icon: 'folder' as const, onSelect: () => toggle('files'), narrowOnly: true }] : []),
    { label: layout === 'grid' ? t('speakerView') : t('gridView'), icon: 'layout', onSelect: () => setLayout(layout === 'grid' ? 'speaker' : 'grid') },
    { label: t('meetingInfo'), icon: 'info', onSelect: () => setDialog('info') },
    { label: t('settings'), icon: 'settings', onSelect: () => setDialog('settings') },
    { label: fullscreen ? t('exitFullscreen') : t('fullscreen'), icon: 'fullscreen', onSelect: toggleFullscreen },
    { label: t('helpTitle'), icon: 'help', onSelect: () => setDialog('help') },
  ];
  const cards = (room.vote && voteHidden !== room.vote.id) || (room.poll && pollHidden !== room.poll.id);

  return (
    <div className="conference">
      {meeting.status === 'reconnecting' && <div className="banner warn" role="alert">{t('reconnectingBanner')}</div>}
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
        <h1 title={shownTitle}>{shownTitle}</h1>
        <RecordingBadges room={room} />
        {inBreakout && <button type="button" className="secondary small" onClick={() => onBreakout(null)}>{t('backToMainRoom')}</button>}
        {room.timer && room.timer.style === 'normal' && <TimerBar timer={room.timer} me={room.me} send={send} />}
        {room.talkingStick && <TalkingStickBar room={room} send={send} />}
      </header>
      <div className="room-body">
        <main className={`stage-wrap${board ? ' with-board' : ''}${cards ? ' with-cards' : ''}`}>
          {board && <div className="board-area"><WhiteboardArea room={room} name={myName} /></div>}
          {/* Beside the whiteboard the videos shrink to a column: they stay mounted, so everyone is still heard. */}
          <div className={board ? 'stage-aside' : 'stage-full'} aria-label={board ? t('videos') : undefined} role={board ? 'region' : undefined}>
            <Stage people={people} me={room.me} streams={meeting.streams} local={meeting.local} focus={room.focus}
              layout={layout} pinned={pinned} onPin={setPinned} speaker={speaker} volume={inWhisper ? 0.3 : 1} onLayers={chooseLayers} />
          </div>
          {/* Polls and votes sit beside the videos, never over them. */}
          {cards && (
            <div className="cards">
              {room.vote && voteHidden !== room.vote.id && (
                <VoteCard room={room} send={send} moderator={moderator} onClose={() => setVoteHidden(room.vote!.id)} />
              )}
              {room.poll && pollHidden !== room.poll.id && (
                <PollCard poll={room.poll} room={room} send={send} update={meeting.update} moderator={moderator} onClose={() => setPollHidden(room.poll!.id)} />
              )}
            </div>
          )}
          <Toasts notices={notices} onDismiss={dismiss} actions={{
            admit: (id) => send('moderation', { action: 'accept', target: id }),
            lowerHand: (id) => send('moderation', { action: 'reset_raised_hands', target: [id] }),
            openChat: () => setPanel('chat'),
            openPeople: () => setPanel('people'),
          }} />
        </main>
        {panel && (
          <aside className={`side${panel === 'notes' ? ' wide' : ''}`} aria-label={panelTitle[panel]}>
            <div className="side-head">
              <h2>{panelTitle[panel]}</h2>
              <button type="button" className="icon-button" aria-label={t('closePanel', { name: panelTitle[panel] })} onClick={() => setPanel(null)}><Icon name="close" size={18} /></button>
            </div>
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
          onClick={toggleMic} aria-keyshortcuts="M"
          aria-label={published.audio ? t('muteMic') : t('unmuteMic')}><Icon name={published.audio ? 'mic' : 'micOff'} /></button>
        <button type="button" className={`round${published.video ? '' : ' off'}`} aria-pressed={!published.video}
          onClick={toggleCamera} aria-keyshortcuts="V"
          aria-label={published.video ? t('cameraOffAction') : t('cameraOnAction')}><Icon name={published.video ? 'camera' : 'cameraOff'} /></button>
        <button type="button" className={`round wide-only${sharing ? ' on' : ''}`} aria-pressed={sharing} onClick={() => void shareScreen()}
          aria-label={sharing ? t('stopSharing') : t('shareScreen')}><Icon name="screen" /></button>
        <button type="button" className={`round${me?.handUp ? ' on' : ''}`} aria-pressed={me?.handUp === true}
          onClick={toggleHand} aria-keyshortcuts="H"
          aria-label={me?.handUp ? t('lowerHand') : t('raiseHand')}><Icon name="hand" /></button>
        <span className="divider wide-only" />
        <button type="button" className={`round${panel === 'chat' ? ' on' : ''}`} aria-pressed={panel === 'chat'} onClick={() => toggle('chat')}
          aria-keyshortcuts="C" aria-label={unreadTotal > 0 ? t('chatUnread', { count: unreadTotal }) : t('chat')}>
          <Icon name="chat" />{unreadTotal > 0 && <span className="count" data-testid="unread">{unreadTotal}</span>}
        </button>
        <button type="button" className={`round wide-only${panel === 'people' ? ' on' : ''}`} aria-pressed={panel === 'people'} onClick={() => toggle('people')}
          aria-label={moderator && room.waiting.length > 0 ? t('participantsWaiting', { count: room.waiting.length }) : t('participants')}>
          <Icon name="people" />{moderator && room.waiting.length > 0 && <span className="count">{room.waiting.length}</span>}
        </button>
        <button type="button" className={`round wide-only${panel === 'notes' ? ' on' : ''}`} aria-pressed={panel === 'notes'} onClick={() => toggle('notes')}
          aria-label={t('notes')}><Icon name="notes" /></button>
        {room.collab.whiteboardUrl && (
          <button type="button" className={`round wide-only${board ? ' on' : ''}`} aria-pressed={board} onClick={() => setBoardShown(!board)}
            aria-label={t('whiteboard')}><Icon name="board" /></button>
        )}
        {moderator && (
          <button type="button" className={`round wide-only${panel === 'moderation' ? ' on' : ''}`} aria-pressed={panel === 'moderation'}
            onClick={() => toggle('moderation')} aria-label={t('moderation')}><Icon name="shield" /></button>
        )}
        {meeting.folder && (
          <button type="button" className={`round wide-only${panel === 'files' ? ' on' : ''}`} aria-pressed={panel === 'files'}
            onClick={() => toggle('files')} aria-label={t('files')}><Icon name="folder" /></button>
        )}
        <MenuButton label={t('moreActions')} className="round" items={more.filter((item) => narrow || !item.narrowOnly)} />
        <span className="divider wide-only" />
        <button type="button" className="leave" onClick={() => { meeting.leave(); onLeft(); }}>{t('leave')}</button>
      </nav>
      {room.timer && room.timer.style === 'coffee-break' && <CoffeeBreak key={room.timer.id} timer={room.timer} moderator={moderator} send={send} />}
      {dialog === 'info' && <MeetingInfo room={room} roomId={roomId} title={shownTitle} api={api} inviteCode={inviteCode} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <RoomSettings media={media} speaker={speaker} onSpeaker={setSpeaker} onClose={() => setDialog(null)} />}
      {dialog === 'help' && <Help onClose={() => setDialog(null)} />}
    </div>
  );
}
