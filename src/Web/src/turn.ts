// STUN and TURN servers for WebRTC, as the node hands them out at GET /v1/turn (OpenTalk's shape). People behind a
// NAT or a firewall that lets no UDP through reach the media server only through TURN, so every PeerConnection is
// created with them. TURN credentials are valid until their `ttl` (a unix second): fetched again before that.

/** One entry of GET /v1/turn: STUN has only `uris`; TURN has a user name, a password and `ttl`. */
export interface IceServerResource {
  uris: string[];
  username?: string;
  password?: string;
  ttl?: string;
}

/** Credentials are renewed this long before they expire, so a connection made just before never gets stale ones. */
const renewBeforeMs = 5 * 60_000;

/** After a failed fetch, the next connection asks again only after this long (meanwhile: none, host candidates only). */
const retryAfterFailureMs = 30_000;

export function toRtcIceServers(servers: readonly IceServerResource[] | undefined): RTCIceServer[] {
  return (servers ?? [])
    .filter((s) => Array.isArray(s.uris) && s.uris.length > 0)
    .map((s) => (s.username === undefined ? { urls: s.uris } : { urls: s.uris, username: s.username, credential: s.password ?? '' }));
}

/** The earliest instant (ms) at which one of the servers' credentials expires; Infinity when none do. */
export function expiryOf(servers: readonly IceServerResource[] | undefined): number {
  const ends = (servers ?? []).map((s) => Number(s.ttl) * 1000).filter((t) => Number.isFinite(t) && t > 0);
  return ends.length === 0 ? Infinity : Math.min(...ends);
}

/** The servers for new PeerConnections: fetched once, and again when the credentials are about to expire. */
export class IceServers {
  private current: RTCIceServer[] = [];
  private validUntil = -Infinity;
  private pending: Promise<RTCIceServer[]> | null = null;

  constructor(private readonly fetchServers: () => Promise<IceServerResource[] | undefined>, private readonly now = () => Date.now()) {}

  /** The servers to use now; never throws (without them WebRTC still tries direct connections). */
  get(): Promise<RTCIceServer[]> {
    if (this.now() < this.validUntil) return Promise.resolve(this.current);
    this.pending ??= this.fetchServers().then(
      (servers) => {
        this.current = toRtcIceServers(servers);
        this.validUntil = expiryOf(servers) - renewBeforeMs;
        return this.current;
      },
      () => {
        this.validUntil = this.now() + retryAfterFailureMs;
        return this.current;
      },
    ).finally(() => { this.pending = null; });
    return this.pending;
  }
}
