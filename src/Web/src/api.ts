import type {
  AccountResource, AdminAction, AuditRoomState, CreateAccountRequest, PatchAccountRequest, PatchMeRequest, AssetResource, ClusterView, EventExceptionResource, EventInviteRequest, EventRequest, EventResource, InstanceResource, InviteResource, MediaOverview, Problem, RoomHistory,
  SipConfigResource, StreamingTargetResource, TicketResponse, PrivateUserProfile, UserAssetsResponse, VerifyInviteResponse,
} from './protocol';
import type { IceServerResource } from './turn';

/** A REST call that failed: the node's problem details. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
  }
}

/** How often a call the node refused with 503 and Retry-After is sent again, and the longest wait honoured. */
const busyRetries = 3;
const longestBusyWaitSeconds = 10;

/** Files asked for at a time (the node's largest page). */
export const assetsPerPage = 100;

/** The node's REST API; without a token only the guest calls work. */
export class Api {
  constructor(private readonly token: string | null, private readonly base = '', private readonly fetcher: typeof fetch = (...a) => fetch(...a)) {}

  /** Sends a call, again after a 503 with Retry-After when that is safe; a refusal becomes an ApiError. */
  private async send(method: string, path: string, body?: unknown, safeToRepeat = method === 'GET' || method === 'PUT' || method === 'DELETE'): Promise<Response> {
    const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      response = await this.fetcher(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      // 503 with Retry-After: the meeting is moving to another node or storage is briefly away. Calls that do the same
      // thing twice are sent again after the wait the node asked for; the user sees an error only if it lasts.
      const wait = Number(response.headers.get('Retry-After') ?? NaN);
      if (!safeToRepeat || attempt >= busyRetries || response.status !== 503 || !(wait >= 0 && wait <= longestBusyWaitSeconds)) break;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({ status: response.status, code: 'http_error', title: response.statusText }))) as Problem;
      throw new ApiError(problem);
    }
    return response;
  }

  private async call<T>(method: string, path: string, body?: unknown, safeToRepeat?: boolean): Promise<T> {
    const response = await this.send(method, path, body, safeToRepeat);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  me = () => this.call<PrivateUserProfile>('GET', '/v1/users/me');
  /** STUN and TURN servers with fresh credentials; undefined when the node has none (204). */
  turn = () => this.call<IceServerResource[] | undefined>('GET', '/v1/turn');
  patchMe = (patch: PatchMeRequest) => this.call<PrivateUserProfile>('PATCH', '/v1/users/me', patch);
  /** The meetings (without the changed occurrences listed after recurring ones). */
  meetings = async () => (await this.call<(EventResource | EventExceptionResource)[]>('GET', '/v1/events?per_page=100'))
    .filter((e): e is EventResource => e.type !== 'exception');
  pendingInvites = () => this.call<EventResource[]>('GET', '/v1/users/me/pending_invites');
  /** The next occurrences of a meeting from now on. */
  occurrences = (id: string, count: number, from = new Date()) =>
    this.call<InstanceResource[]>('GET', `/v1/events/${id}/instances?time_min=${encodeURIComponent(from.toISOString())}&per_page=${count}`);
  meeting = (id: string) => this.call<EventResource>('GET', `/v1/events/${id}`);
  createMeeting = (request: EventRequest) => this.call<EventResource>('POST', '/v1/events', request);
  updateMeeting = (id: string, request: Partial<EventRequest>) => this.call<EventResource>('PATCH', `/v1/events/${id}`, request);
  deleteMeeting = (id: string) => this.call<void>('DELETE', `/v1/events/${id}`);
  invite = (id: string, request: EventInviteRequest) => this.call<unknown>('POST', `/v1/events/${id}/invites`, request);
  uninviteEmail = (id: string, email: string) => this.call<void>('DELETE', `/v1/events/${id}/invites?email=${encodeURIComponent(email)}`);
  uninviteUser = (id: string, user: string) => this.call<void>('DELETE', `/v1/events/${id}/invites/${user}`);
  answer = (id: string, status: 'accepted' | 'tentative' | 'declined') => this.call<void>('PATCH', `/v1/events/${id}/invite`, { status });
  favorite = (id: string, on: boolean) => this.call<void>(on ? 'PUT' : 'DELETE', `/v1/users/me/event_favorites/${id}`);
  guestLinks = (room: string) => this.call<InviteResource[]>('GET', `/v1/rooms/${room}/invites`);
  createGuestLink = (room: string) => this.call<InviteResource>('POST', `/v1/rooms/${room}/invites`, {});
  sip = (room: string) => this.call<SipConfigResource>('GET', `/v1/rooms/${room}/sip`);
  enableSip = (room: string) => this.call<SipConfigResource>('PUT', `/v1/rooms/${room}/sip`, {});
  disableSip = (room: string) => this.call<void>('DELETE', `/v1/rooms/${room}/sip`);
  streamingTargets = (room: string) => this.call<StreamingTargetResource[]>('GET', `/v1/rooms/${room}/streaming_targets`);
  addStreamingTarget = (room: string, target: Omit<StreamingTargetResource, 'id'>) =>
    this.call<StreamingTargetResource>('POST', `/v1/rooms/${room}/streaming_targets`, target);
  removeStreamingTarget = (room: string, id: string) => this.call<void>('DELETE', `/v1/rooms/${room}/streaming_targets/${id}`);
  /** The meeting a room belongs to (members, and guests with the room's invite code as token). */
  roomEvent = (room: string) => this.call<EventResource>('GET', `/v1/rooms/${room}/event`);
  history = (room: string) => this.call<RoomHistory>('GET', `/v1/rooms/${room}/history`);
  start = (room: string, resumption: string | null, breakoutRoom: string | null = null) =>
    this.call<TicketResponse>('POST', `/v1/rooms/${room}/start`, { resumption, breakout_room: breakoutRoom }, true);
  verifyInvite = (code: string) => this.call<VerifyInviteResponse>('POST', '/v1/invite/verify', { invite_code: code });
  startInvited = (room: string, code: string, password: string | null, resumption: string | null, breakoutRoom: string | null = null) =>
    this.call<TicketResponse>('POST', `/v1/rooms/${room}/start_invited`, { invite_code: code, password, resumption, breakout_room: breakoutRoom }, true);
  /** A page of the room's files, newest first (owner or admin). */
  roomAssets = (room: string, page = 1, perPage = assetsPerPage) =>
    this.call<AssetResource[]>('GET', `/v1/rooms/${room}/assets?per_page=${perPage}&page=${page}`);
  /** A page of the files of every room I own, newest first. */
  myAssets = async (page = 1, perPage = assetsPerPage) =>
    (await this.call<UserAssetsResponse>('GET', `/v1/users/me/assets?per_page=${perPage}&page=${page}&sort=created_at&order=descending`)).owned_assets;
  /**
   * A room's file, whole, as a blob. The download needs the bearer token, which neither `<video src>` nor
   * `<a href download>` can send, so the app fetches it and hands them an object URL.
   */
  assetFile = async (room: string, id: string) => (await this.send('GET', `/v1/rooms/${room}/assets/${id}`)).blob();
  deleteAsset = (room: string, id: string) => this.call<void>('DELETE', `/v1/rooms/${room}/assets/${id}`);
  cluster = () => this.call<ClusterView>('GET', '/v1/admin/cluster');
  drainNode = (address: string) => this.call<{ address: string }>('POST', `/v1/admin/nodes/${encodeURIComponent(address)}/drain`);
  adminActions = () => this.call<AdminAction[]>('GET', '/v1/admin/actions');
  /** Administrators: ends a meeting (everyone in it or waiting is removed). */
  endMeeting = (room: string) => this.call<void>('POST', `/v1/admin/rooms/${room}/end`);
  /** Administrators: removes one participant from a meeting. */
  removeParticipant = (room: string, participant: string) => this.call<void>('DELETE', `/v1/admin/rooms/${room}/participants/${participant}`);
  /** Who is in a room, replayed from its journal (owner, administrators, auditors). */
  auditState = (room: string) => this.call<AuditRoomState>('GET', `/v1/audit/rooms/${room}/state`);
  mediaServers = () => this.call<MediaOverview>('GET', '/v1/admin/media');
  accounts = () => this.call<AccountResource[]>('GET', '/v1/admin/accounts');
  createAccount = (request: CreateAccountRequest) => this.call<AccountResource>('POST', '/v1/admin/accounts', request);
  patchAccount = (id: string, patch: PatchAccountRequest) => this.call<AccountResource>('PATCH', `/v1/admin/accounts/${id}`, patch);
}
