import type { EventPage, EventResource, Problem } from './protocol';

/** A REST call that failed: the node's problem details. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
  }
}

export class Api {
  constructor(private readonly token: string, private readonly base = '') {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new ApiError((await response.json()) as Problem);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  meetings(): Promise<EventPage> {
    return this.call('GET', '/v1/events');
  }

  createMeeting(title: string, starts: string, ends: string, timezone: string): Promise<EventResource> {
    return this.call('POST', '/v1/events', {
      title,
      description: '',
      waiting_room: false,
      is_time_independent: false,
      starts_at: { datetime: starts, timezone },
      ends_at: { datetime: ends, timezone },
      recurrence_pattern: [],
    });
  }
}
