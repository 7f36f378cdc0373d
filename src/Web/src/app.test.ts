import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Api, ApiError } from './api';
import { authorizeUrl, challengeOf, discover, endSessionUrl, newVerifier } from './auth';
import { dictionaries, pickLanguage } from './i18n';
import { eventResourceFields } from './protocol';
import { applyMessage, emptyRoom } from './room';

describe('languages', () => {
  test('every English text has a German one and the other way round', () => {
    expect(Object.keys(dictionaries.de).sort()).toEqual(Object.keys(dictionaries.en).sort());
    for (const value of Object.values(dictionaries.de)) expect(value.length).toBeGreaterThan(0);
  });
  test('a German browser gets German, anything else English', () => {
    expect(pickLanguage(['de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'en-GB'])).toBe('en');
  });
});

describe('contract with the node', () => {
  test('EventResource has exactly the fields of the OpenAPI document', () => {
    const openapi = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    const schema = openapi.components.schemas.EventResource;
    expect([...eventResourceFields].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe('sign-in', () => {
  test('PKCE uses a 43-character verifier and its S256 challenge (RFC 7636 appendix B)', async () => {
    expect(newVerifier()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const provider = { clientId: 'opentalk-web', scope: 'openid profile', authorizationEndpoint: 'https://id.example.org/auth', tokenEndpoint: 'https://id.example.org/token' };
    const url = new URL(authorizeUrl(provider, 'https://meet.example.org/auth/callback', 'abc', 'xyz'));
    expect(`${url.origin}${url.pathname}`).toBe('https://id.example.org/auth');
    expect(url.searchParams.get('client_id')).toBe('opentalk-web');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe('xyz');
    expect(url.searchParams.has('ui_locales')).toBe(false);
    expect(new URL(authorizeUrl(provider, 'https://meet.example.org/auth/callback', 'abc', 'xyz', 'de')).searchParams.get('ui_locales')).toBe('de');
  });

  test('signing out ends the provider session and comes back to the app, where the provider has an end-session endpoint', () => {
    const provider = { clientId: 'opentalk-web', scope: 'openid', authorizationEndpoint: 'https://id.example.org/auth', tokenEndpoint: 'https://id.example.org/token' };
    expect(endSessionUrl(provider, 'id-token', 'https://meet.example.org/')).toBeNull();
    const url = new URL(endSessionUrl({ ...provider, endSessionEndpoint: 'https://id.example.org/logout' }, 'id-token', 'https://meet.example.org/')!);
    expect(`${url.origin}${url.pathname}`).toBe('https://id.example.org/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'opentalk-web', id_token_hint: 'id-token', post_logout_redirect_uri: 'https://meet.example.org/' });
  });
});

describe('room state from signaling', () => {
  const control = (name: string) => ({ display_name: name, role: 'user', hand_is_up: false, is_connected: true });
  test('join_success, joined, update, left and focus_update', () => {
    let room = applyMessage(emptyRoom, 'control', {
      message: 'join_success', id: 'me', display_name: 'Olga', role: 'moderator',
      participants: [{ id: 'u1', control: control('Uma') }], media: { focus: null },
    });
    expect(Object.keys(room.people).sort()).toEqual(['me', 'u1']);
    room = applyMessage(room, 'control', { message: 'joined', id: 'u2', control: control('Ulf'), media: { video: { audio: true, video: true }, screen: null, is_presenter: true, force_muted: false } });
    expect(room.people.u2.media?.video?.audio).toBe(true);
    room = applyMessage(room, 'control', { message: 'update', id: 'u1', control: { ...control('Uma'), hand_is_up: true } });
    expect(room.people.u1.handUp).toBe(true);
    room = applyMessage(room, 'media', { message: 'focus_update', focus: 'u2' });
    expect(room.focus).toBe('u2');
    room = applyMessage(room, 'control', { message: 'left', id: 'u2', reason: 'quit' });
    expect(room.people.u2).toBeUndefined();
    expect(room.focus).toBeNull();
  });
});

describe('sign-in provider', () => {
  test('the node names the provider and its discovery document the endpoints', async () => {
    const answers: Record<string, unknown> = {
      '/v1/auth/login': { oidc: { name: 'id.example.org', url: 'https://id.example.org/realms/acme/', client_id: 'meet', scope: 'openid profile email' } },
      'https://id.example.org/realms/acme/.well-known/openid-configuration': {
        authorization_endpoint: 'https://id.example.org/a', token_endpoint: 'https://id.example.org/t', end_session_endpoint: 'https://id.example.org/l',
      },
    };
    const fetcher = (async (url: string) => new Response(JSON.stringify(answers[url]), { status: answers[url] ? 200 : 404 })) as typeof fetch;
    expect(await discover(fetcher)).toEqual({
      clientId: 'meet', scope: 'openid profile email', authorizationEndpoint: 'https://id.example.org/a', tokenEndpoint: 'https://id.example.org/t',
      endSessionEndpoint: 'https://id.example.org/l',
    });
  });
});

describe('a busy node', () => {
  const busy = () => new Response(JSON.stringify({ status: 503, code: 'service_unavailable', title: 'busy' }), { status: 503, headers: { 'Retry-After': '0' } });

  test('a ticket asked for while the meeting moves arrives once the node answers again', async () => {
    const answers = [busy(), busy(), new Response(JSON.stringify({ ticket: 't', resumption: 'r' }), { status: 200 })];
    let calls = 0;
    const api = new Api('token', '', (async () => answers[calls++]) as typeof fetch);
    expect(await api.start('room', null)).toEqual({ ticket: 't', resumption: 'r' });
    expect(calls).toBe(3);
  });

  test('a call that may not be repeated, or a 503 that lasts, reaches the user as the node said it', async () => {
    let calls = 0;
    const api = new Api('token', '', (async () => { calls++; return busy(); }) as typeof fetch);
    await expect(api.createGuestLink('room')).rejects.toMatchObject({ problem: { code: 'service_unavailable' } });
    expect(calls).toBe(1);
    calls = 0;
    await expect(api.history('room')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(4);
  });
});
