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

export interface EventInvite {
  invitee: string | null;
  email: string | null;
  role: 'user' | 'moderator' | 'guest';
  status: 'pending' | 'accepted' | 'tentative' | 'declined';
}

export interface EventResource {
  id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  title: string;
  description: string;
  room_id: string;
  waiting_room: boolean;
  is_time_independent: boolean;
  starts_at: DateTimeTz | null;
  ends_at: DateTimeTz | null;
  recurrence_pattern: string[];
  revision: number;
  is_adhoc: boolean;
  is_favorite: boolean;
  invite_status: EventInvite['status'] | null;
  invitees: EventInvite[];
  next_occurrence: NextOccurrence | null;
  call_in: { sip_id: string; password: string } | null;
}

export interface EventPage {
  items: EventResource[];
  next: string | null;
}

/** Every field of EventResource, for the contract test. */
export const eventResourceFields: readonly (keyof EventResource)[] = [
  'id', 'created_by', 'created_at', 'updated_at', 'title', 'description', 'room_id', 'waiting_room', 'is_time_independent',
  'starts_at', 'ends_at', 'recurrence_pattern', 'revision', 'is_adhoc', 'is_favorite', 'invite_status', 'invitees',
  'next_occurrence', 'call_in',
];

/** RFC 7807 problem details as the node sends them. */
export interface Problem {
  title?: string;
  status: number;
  detail?: string;
  code: string;
  validation_errors?: Record<string, string[]>;
}
