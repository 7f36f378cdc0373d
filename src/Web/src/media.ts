// WebRTC through the `media` namespace: one PeerConnection per published session (camera+microphone, screen) and one
// per subscription. The server answers our offers and offers us the others' sessions; candidates trickle both ways.

import type { Payload } from './signaling';
import type { Send } from './signaling-protocol';

export type SessionType = 'video' | 'screen';

export interface PublishedState {
  audio: boolean;
  video: boolean;
}

/** A received session: whose it is and the stream to show. */
export interface RemoteStream {
  key: string;
  participant: string;
  type: SessionType;
  stream: MediaStream;
}


export const remoteKey = (participant: string, type: SessionType) => `${participant}/${type}`;

/**
 * Simulcast layers for a camera, highest quality first (the order the server expects). Chromium sends three layers
 * only from 960x540 up; smaller cameras are sent as they are.
 */
export function simulcastLayers(width: number): RTCRtpEncodingParameters[] | undefined {
  if (width < 960) return undefined;
  return [
    { rid: 'f', maxBitrate: 1_200_000 },
    { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 400_000 },
    { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
  ];
}

export class MediaClient {
  private readonly publishers = new Map<SessionType | 'whisper', RTCPeerConnection>();
  private whisper: { id: string; track: MediaStreamTrack; mix: MediaStream } | null = null;
  private readonly local = new Map<SessionType, MediaStream>();
  private readonly receivers = new Map<string, RTCPeerConnection>();
  private readonly remote = new Map<string, RemoteStream>();
  private readonly wanted = new Set<string>();
  // What each participant publishes, as last announced: failed subscriptions are asked for again from it.
  private readonly known = new Map<string, { video: unknown; screen: unknown } | null | undefined>();
  private readonly retries = new Map<string, number>();
  private readonly layers = new Map<string, 0 | 1 | 2>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private state: PublishedState = { audio: true, video: true };
  me: string | null = null;
  /** STUN and TURN servers for new connections (GET /v1/turn), set before the first publish or subscription. */
  iceServers: RTCIceServer[] = [];

  constructor(
    private readonly send: Send,
    private readonly onChange: (streams: RemoteStream[], local: ReadonlyMap<SessionType, MediaStream>) => void,
  ) {}

  get published(): PublishedState {
    return this.state;
  }

  localStream(type: SessionType): MediaStream | undefined {
    return this.local.get(type);
  }

  /** Publishes camera+microphone (`video`) or a screen; `state` is what is switched on at the start. */
  async publish(type: SessionType, stream: MediaStream, state: PublishedState = { audio: true, video: true }): Promise<void> {
    this.publishers.get(type)?.close();
    this.local.set(type, stream);
    if (type === 'video') {
      this.state = state;
      for (const t of stream.getAudioTracks()) t.enabled = state.audio;
      for (const t of stream.getVideoTracks()) t.enabled = state.video;
    }
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.publishers.set(type, pc);
    for (const track of stream.getTracks()) {
      const width = track.kind === 'video' ? track.getSettings().width ?? 0 : 0;
      pc.addTransceiver(track, { direction: 'sendonly', sendEncodings: track.kind === 'video' && type === 'video' ? simulcastLayers(width) : undefined });
    }
    this.trickle(pc, this.me ?? '', type);
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send('media', { action: 'publish', target: this.me, media_session_type: type, sdp: offer.sdp ?? '' });
    this.changed();
  }

  /**
   * Swaps the camera's or the microphone's track for another device's while publishing: the sender takes the new track
   * without a new offer, and the old device is released. Without a camera stream yet, the track is published.
   */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    track.enabled = track.kind === 'audio' ? this.state.audio : this.state.video;
    const stream = this.local.get('video');
    const pc = this.publishers.get('video');
    if (!stream || !pc) return this.publish('video', new MediaStream([track]), this.state);
    const old = stream.getTracks().find((t) => t.kind === track.kind);
    const sender = pc.getSenders().find((s) => s.track?.kind === track.kind);
    if (!sender) {
      // The stream had no track of this kind (no camera at first): a new offer carries it.
      return this.publish('video', new MediaStream([...stream.getTracks(), track]), this.state);
    }
    await sender.replaceTrack(track);
    if (old) {
      stream.removeTrack(old);
      old.stop();
    }
    stream.addTrack(track);
    this.changed();
  }

  unpublish(type: SessionType): void {
    this.publishers.get(type)?.close();
    this.publishers.delete(type);
    for (const t of this.local.get(type)?.getTracks() ?? []) t.stop();
    this.local.delete(type);
    this.send('media', { action: 'unpublish', media_session_type: type });
    this.changed();
  }

  /** The whisper group's mix (the other members' voices), while in a group. */
  get whisperMix(): MediaStream | null {
    return this.whisper?.mix ?? null;
  }

  /**
   * Sends the microphone into a whisper group's mixer and receives the others' mix on the same connection. The
   * microphone track is a copy, so muting it for the room does not mute it for the group.
   */
  async joinWhisper(id: string): Promise<void> {
    const microphone = this.local.get('video')?.getAudioTracks()[0];
    if (!microphone) return;
    this.leaveWhisper(false);
    const track = microphone.clone();
    track.enabled = true;
    const mix = new MediaStream();
    this.whisper = { id, track, mix };
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.publishers.set('whisper', pc);
    pc.addTransceiver(track, { direction: 'sendrecv' });
    pc.ontrack = (event) => {
      mix.addTrack(event.track);
      this.changed();
    };
    this.trickle(pc, this.me ?? '', 'whisper');
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send('media', { action: 'publish', target: this.me, media_session_type: 'whisper', whisper_id: id, sdp: offer.sdp ?? '' });
    this.changed();
  }

  leaveWhisper(tellServer = true): void {
    if (!this.whisper) return;
    this.publishers.get('whisper')?.close();
    this.publishers.delete('whisper');
    this.whisper.track.stop();
    this.whisper = null;
    if (tellServer) this.send('media', { action: 'unpublish', media_session_type: 'whisper' });
    this.changed();
  }

  /** Mutes/unmutes the microphone or switches the camera; everyone sees the new state. */
  setState(state: PublishedState): void {
    this.state = state;
    const stream = this.local.get('video');
    for (const t of stream?.getAudioTracks() ?? []) t.enabled = state.audio;
    for (const t of stream?.getVideoTracks() ?? []) t.enabled = state.video;
    if (this.publishers.has('video')) this.send('media', { action: 'update_media_session', media_session_type: 'video', media_session_state: state });
    this.changed();
  }

  /** Subscribes to what a participant publishes (called for every participant update). */
  notice(participant: string, media: { video: unknown; screen: unknown } | null | undefined): void {
    if (participant === this.me) return;
    this.known.set(participant, media);
    for (const type of ['video', 'screen'] as const) {
      const key = remoteKey(participant, type);
      if (media?.[type] && !this.wanted.has(key)) {
        this.wanted.add(key);
        this.send('media', { action: 'subscribe', target: participant, media_session_type: type });
      } else if (!media?.[type] && this.wanted.has(key)) {
        this.drop(key);
      }
    }
  }

  /** Someone left: their sessions end. */
  forget(participant: string): void {
    this.known.delete(participant);
    for (const type of ['video', 'screen'] as const) this.drop(remoteKey(participant, type));
  }

  /**
   * Asks for a simulcast layer of a received camera (0 = smallest, 2 = best), once per change: small tiles need no
   * full-size picture. Publishers without simulcast are sent as they are.
   */
  chooseLayer(participant: string, substream: 0 | 1 | 2): void {
    const key = remoteKey(participant, 'video');
    if (!this.receivers.has(key) || this.layers.get(key) === substream) return;
    this.layers.set(key, substream);
    this.send('media', { action: 'configure', target: participant, media_session_type: 'video', configuration: { substream } });
  }

  async handle(payload: Payload): Promise<void> {
    const type = payload.media_session_type as SessionType;
    const source = payload.source as string;
    switch (payload.message) {
      case 'sdp_answer': {
        const pc = this.publishers.get(payload.media_session_type as SessionType | 'whisper');
        if (!pc || source !== this.me) return;
        await pc.setRemoteDescription({ type: 'answer', sdp: payload.sdp as string });
        if (payload.media_session_type === 'whisper') return; // heard by the group only: nothing to announce
        const state = type === 'video' ? this.state : { audio: false, video: true };
        this.send('media', { action: 'publish_complete', media_session_type: type, media_session_state: state });
        return;
      }
      case 'sdp_offer':
        await this.answer(source, type, payload.sdp as string);
        return;
      case 'webrtc_down':
        // Our media server went away: publish again (the server picks a healthy one; a whisper group's mixer moves
        // too). Received sessions come back as fresh offers from the server.
        if (source === this.me && payload.media_session_type === 'whisper' && this.whisper) await this.joinWhisper(this.whisper.id);
        else if (source === this.me && this.local.has(type)) await this.publish(type, this.local.get(type)!, this.state);
        return;
      case 'error':
        // A subscription that failed (e.g. the publisher is just coming back from a dropped network) is asked for
        // again a little later, a few times at most.
        for (const key of this.wanted) if (!this.receivers.has(key)) this.wanted.delete(key);
        this.retryTimer ??= setTimeout(() => this.retry(), 2000);
        return;
    }
  }

  /** Ends every session but keeps the camera and screen streams (a new connection publishes them again). */
  reset(): void {
    this.leaveWhisper(false);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.known.clear();
    this.retries.clear();
    this.layers.clear();
    for (const pc of [...this.publishers.values(), ...this.receivers.values()]) pc.close();
    this.publishers.clear();
    this.receivers.clear();
    this.remote.clear();
    this.wanted.clear();
    this.changed();
  }

  /** Ends everything and releases the devices. */
  close(): void {
    this.reset();
    for (const stream of this.local.values()) for (const t of stream.getTracks()) t.stop();
    this.local.clear();
  }

  private retry(): void {
    this.retryTimer = null;
    for (const [participant, media] of this.known) {
      for (const type of ['video', 'screen'] as const) {
        const key = remoteKey(participant, type);
        const tries = this.retries.get(key) ?? 0;
        if (!media?.[type] || this.wanted.has(key) || tries >= 5) continue;
        this.retries.set(key, tries + 1);
        this.notice(participant, media);
      }
    }
  }

  private async answer(participant: string, type: SessionType, sdp: string): Promise<void> {
    const key = remoteKey(participant, type);
    this.receivers.get(key)?.close();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.receivers.set(key, pc);
    this.wanted.add(key);
    const stream = new MediaStream();
    this.remote.set(key, { key, participant, type, stream });
    this.retries.delete(key);
    this.layers.delete(key); // a new subscription starts at Janus' default (the best layer)
    pc.ontrack = (event) => {
      stream.addTrack(event.track);
      this.changed();
    };
    this.trickle(pc, participant, type);
    await pc.setRemoteDescription({ type: 'offer', sdp });
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.send('media', { action: 'sdp_answer', target: participant, media_session_type: type, sdp: answer.sdp ?? '' });
    this.changed();
  }

  private trickle(pc: RTCPeerConnection, target: string, type: SessionType | 'whisper'): void {
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) this.send('media', { action: 'sdp_end_of_candidates', target, media_session_type: type });
      // The server places a candidate by its m-line index, which browsers give for every section they negotiate.
      else if (candidate.sdpMLineIndex !== null)
        this.send('media', { action: 'sdp_candidate', target, media_session_type: type, candidate: { candidate: candidate.candidate, sdpMLineIndex: candidate.sdpMLineIndex, sdpMid: candidate.sdpMid } });
    };
  }

  private drop(key: string): void {
    this.wanted.delete(key);
    this.receivers.get(key)?.close();
    this.receivers.delete(key);
    if (this.remote.delete(key)) this.changed();
  }

  private changed(): void {
    this.onChange([...this.remote.values()], this.local);
  }
}
