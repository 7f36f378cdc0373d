// The app's addresses. The node serves index.html for all of them (see Host/Hosting/WebApp.cs).

export type Route =
  | { page: 'dashboard' }
  | { page: 'new-meeting' }
  | { page: 'meeting'; id: string }
  | { page: 'room'; roomId: string }
  | { page: 'invite'; code: string }
  | { page: 'admin' }
  | { page: 'recordings' }
  | { page: 'profile' }
  | { page: 'callback' }
  | { page: 'notes'; roomId: string }
  | { page: 'whiteboard'; roomId: string }
  | { page: 'folder'; roomId: string }
  | { page: 'not-found' };

const uuid = '[0-9a-fA-F-]{36}';

export function routeOf(path: string): Route {
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '') return { page: 'dashboard' };
  if (path === '/meetings/new') return { page: 'new-meeting' };
  if ((m = path.match(new RegExp(`^/meetings/(${uuid})$`)))) return { page: 'meeting', id: m[1] };
  if ((m = path.match(new RegExp(`^/room/(${uuid})$`)))) return { page: 'room', roomId: m[1] };
  if ((m = path.match(/^\/invite\/([^/]+)$/))) return { page: 'invite', code: decodeURIComponent(m[1]) };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/recordings') return { page: 'recordings' };
  if (path === '/profile') return { page: 'profile' };
  if (path === '/auth/callback') return { page: 'callback' };
  // The notes, the whiteboard and the shared folder alone (the token in the query authorises, not a sign-in).
  if ((m = path.match(new RegExp(`^/(notes|whiteboard)/(${uuid})$`)))) return { page: m[1] as 'notes' | 'whiteboard', roomId: m[2] };
  if ((m = path.match(new RegExp(`^/folder/(${uuid})$`)))) return { page: 'folder', roomId: m[1] };
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
