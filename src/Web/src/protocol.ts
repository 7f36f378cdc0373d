// Wire types of the REST API, as the node describes them in docs/openapi.json (a test keeps them in step).

export interface DateTimeTz {
  datetime: string;
  timezone: string;
}

export interface NextOccurrence {
  instance_id: string;
  starts_at: DateTimeTz;
  ends_at: DateTimeTz;
}

/** Who is invited (OpenTalk's EventInvitee): a registered user by id, or an address. */
export interface EventInvite {
  profile: {
    kind: 'registered' | 'email';
    id?: string;
    email: string;
    display_name?: string;
    avatar_url: string;
    role: 'user' | 'moderator' | 'guest';
  };
  status: 'pending' | 'accepted' | 'tentative' | 'declined';
}

/** A person as others see them (OpenTalk's PublicUserProfile). */
export interface PublicUserProfile {
  id: string;
  email: string;
  title: string;
  firstname: string;
  lastname: string;
  display_name: string;
  avatar_url: string;
}

export interface EventRoomInfo {
  id: string;
  password?: string;
  waiting_room: boolean;
  e2e_encryption: boolean;
  call_in?: { tel: string; id: string; password: string };
}

export interface EventResource {
  id: string;
  created_by: PublicUserProfile;
  created_at: string;
  updated_by: PublicUserProfile;
  updated_at: string;
  title: string;
  description: string;
  room: EventRoomInfo;
  invitees_truncated: boolean;
  invitees: EventInvite[];
  is_time_independent: boolean;
  is_all_day?: boolean;
  starts_at?: DateTimeTz;
  ends_at?: DateTimeTz;
  recurrence_pattern?: string[];
  is_adhoc: boolean;
  type: 'single' | 'recurring';
  invite_status: EventInvite['status'];
  is_favorite: boolean;
  can_edit: boolean;
  /** The room's live-stream destinations, for the meeting's owner only. */
  streaming_targets?: StreamingTargetResource[];
  show_meeting_details: boolean;
  revision: number;
  next_occurrence?: NextOccurrence;
}

/** A changed occurrence, listed after its meeting in GET /v1/events. */
export interface EventExceptionResource {
  id: string;
  type: 'exception';
  recurring_event_id: string;
  instance_id: string;
  status: 'ok' | 'cancelled';
}

/** Every field of EventResource, for the contract test. */
export const eventResourceFields: readonly (keyof EventResource)[] = [
  'id', 'created_by', 'created_at', 'updated_by', 'updated_at', 'title', 'description', 'room', 'invitees_truncated', 'invitees',
  'is_time_independent', 'is_all_day', 'starts_at', 'ends_at', 'recurrence_pattern', 'is_adhoc', 'type', 'invite_status',
  'is_favorite', 'can_edit', 'streaming_targets', 'show_meeting_details', 'revision', 'next_occurrence',
];

/** RFC 7807 problem details as the node sends them. */
export interface Problem {
  title?: string;
  status: number;
  detail?: string;
  code: string;
  message: string;
  validation_errors?: Record<string, string[]>;
}

export interface EventRequest {
  title: string;
  description: string;
  password: string | null;
  waiting_room: boolean;
  is_time_independent: boolean;
  starts_at: DateTimeTz | null;
  ends_at: DateTimeTz | null;
  recurrence_pattern: string[];
  is_adhoc: boolean;
  is_all_day?: boolean;
  show_meeting_details?: boolean;
  streaming_targets?: Omit<StreamingTargetResource, 'id' | 'kind'>[];
}

export interface EventInviteRequest {
  invitee: string | null;
  email: string | null;
  role: EventInvite['profile']['role'];
}

export interface InstanceResource {
  id: string;
  recurring_event_id: string;
  instance_id: string;
  title: string;
  description: string;
  room: EventRoomInfo;
  starts_at: DateTimeTz;
  ends_at: DateTimeTz;
  type: 'instance';
  status: 'ok' | 'cancelled';
  is_exception: boolean;
}

export interface TicketResponse {
  ticket: string;
  resumption: string;
}

/** A guest link (OpenTalk's InviteResource); expiration is null for a link that does not expire. */
export interface InviteResource {
  invite_code: string;
  created?: string;
  created_by: PublicUserProfile;
  updated?: string;
  updated_by: PublicUserProfile;
  room_id: string;
  active: boolean;
  expiration: string | null;
}

export interface VerifyInviteResponse {
  room_id: string;
  password_required: boolean;
}

/** The signed-in person (OpenTalk's PrivateUserProfile, plus is_admin and groups). */
export interface PrivateUserProfile {
  id: string;
  email: string;
  title: string;
  firstname: string;
  lastname: string;
  display_name: string;
  avatar_url: string;
  dashboard_theme: string;
  conference_theme: string;
  language: string;
  tariff_status: string;
  used_storage: number;
  is_admin: boolean;
  groups: string[];
}

/** What a person changes of their own profile (PATCH /v1/users/me; email is ours). */
export interface PatchMeRequest {
  title?: string;
  display_name?: string;
  language?: string;
  dashboard_theme?: string;
  conference_theme?: string;
  email?: string;
}

/** A local account of the embedded provider, as administrators see it. */
export interface AccountResource {
  id: string;
  user_name: string;
  display_name: string;
  is_admin: boolean;
  email?: string;
  disabled: boolean;
  created_at?: string;
  /** May read and check every room's history (the audit API). */
  is_auditor: boolean;
}

export interface CreateAccountRequest {
  user_name: string;
  display_name?: string;
  password: string;
  is_admin?: boolean;
  groups?: string[];
  email?: string;
  language?: string;
  is_auditor?: boolean;
}

/** Disable or enable an account, or set a new password for it. */
export interface PatchAccountRequest {
  disabled?: boolean;
  password?: string;
  is_auditor?: boolean;
}

export interface SipConfigResource {
  sip_id: string;
  password: string;
}

export interface StreamingTargetResource {
  id: string;
  name: string;
  streaming_endpoint: string;
  streaming_key: string;
  public_url: string | null;
  kind?: 'custom';
}

/** One member of the cluster; what it carries is absent when it did not answer in time. */
export interface ClusterMember {
  address: string;
  status: string;
  roles: string[];
  is_self: boolean;
  meetings?: number | null;
  connections?: number | null;
  started_at?: string | null;
  uptime_seconds?: number | null;
  /** The rooms whose meetings this node hosts. */
  meeting_ids?: string[] | null;
  shard_regions?: { region: string; shards: number; entities: number }[] | null;
  projections?: { name: string; events_behind: number; seconds_behind: number }[] | null;
  /** The node's newest error-level log entries, newest first. */
  last_errors?: NodeError[] | null;
}

export interface NodeError {
  at: string;
  category: string;
  message: string;
  exception?: string | null;
}

export interface ClusterView {
  self: string;
  leader: string | null;
  members: ClusterMember[];
  unreachable: string[];
  hosted_meetings: string[];
}

/** A room's state replayed from its journal (GET /v1/audit/rooms/{id}/state); the parts the app reads. */
export interface AuditRoomState {
  room_id: string;
  exists: boolean;
  participants: { id: string; display_name: string; role: string; kind: string; in_room: boolean; is_connected: boolean; joined_at: string }[];
}

/** One recorded administrator action (GET /v1/admin/actions). */
export interface AdminAction {
  at: string;
  admin_id: string;
  admin_name: string;
  action: string;
  target: string;
  detail?: string | null;
}

export interface MediaOverview {
  instances: { name: string; up: boolean; publishers: number; handles: number }[];
}

export interface RoomHistory {
  room_id: string;
  sessions: { session_no: number; started_at: string; ended_at: string | null; participants: { display_name: string; kind: string }[] }[];
}

/** A file stored for a room (OpenTalk's AssetResource); recordings have namespace `recording` and kind `record`. */
export interface AssetResource {
  id: string;
  filename: string;
  namespace: string | null;
  created_at: string;
  kind: string;
  /** Bytes. */
  size: number;
  /** (ours) Seconds a recording plays, when known. */
  duration?: number | null;
}

/** One of my assets, with the room it belongs to and that room's meeting when there is one. */
export interface UserAssetResource extends AssetResource {
  room_id: string;
  event_id?: string | null;
}

export interface UserAssetsResponse {
  owned_assets: UserAssetResource[];
}

/** Request and resource schemas of docs/openapi.json that this file mirrors, field for field (checked by a test). */
export const mirroredSchemas: Record<string, readonly string[]> = {
  EventRequest: ['title', 'description', 'password', 'waiting_room', 'is_time_independent', 'starts_at', 'ends_at', 'recurrence_pattern', 'is_adhoc', 'is_all_day', 'show_meeting_details', 'streaming_targets'],
  EventInviteRequest: ['invitee', 'email', 'role'],
  TicketResponse: ['ticket', 'resumption'],
  InstanceResource: ['id', 'recurring_event_id', 'instance_id', 'created_by', 'created_at', 'updated_by', 'updated_at', 'title', 'description', 'room', 'invitees_truncated', 'invitees', 'is_all_day', 'starts_at', 'ends_at', 'type', 'status', 'invite_status', 'is_favorite', 'can_edit', 'is_exception'],
  InviteResource: ['invite_code', 'created', 'created_by', 'updated', 'updated_by', 'room_id', 'active', 'expiration'],
  VerifyInviteResponse: ['room_id', 'password_required'],
  PrivateUserProfile: ['id', 'email', 'title', 'firstname', 'lastname', 'display_name', 'avatar_url', 'dashboard_theme', 'conference_theme', 'language', 'tariff_status', 'used_storage', 'is_admin', 'groups'],
  PatchMeRequest: ['title', 'display_name', 'language', 'dashboard_theme', 'conference_theme', 'email'],
  AccountResource: ['id', 'user_name', 'display_name', 'is_admin', 'email', 'disabled', 'created_at', 'is_auditor'],
  CreateAccountRequest: ['user_name', 'display_name', 'password', 'is_admin', 'groups', 'email', 'language', 'is_auditor'],
  PatchAccountRequest: ['disabled', 'password', 'is_auditor'],
  GetLoginResponse: ['oidc'],
  OidcProvider: ['name', 'url', 'client_id', 'scope'],
  SipConfigResource: ['sip_id', 'password'],
  StreamingTargetResource: ['id', 'name', 'streaming_endpoint', 'streaming_key', 'public_url', 'kind'],
  AssetResource: ['id', 'filename', 'namespace', 'created_at', 'kind', 'size', 'duration'],
  UserAssetResource: ['id', 'filename', 'namespace', 'created_at', 'kind', 'size', 'room_id', 'event_id', 'duration'],
  UserAssetsResponse: ['owned_assets'],
};
