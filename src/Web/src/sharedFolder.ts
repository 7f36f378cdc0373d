// The room's shared folder: its links from signaling (join_success, `updated`), and its REST API, authorised by the
// token in the link (the page at /folder/{room}?token=… works without signing in).

export interface FolderLink { url: string; password: string }

/** What signaling said about the folder: the link to use (read_write when I may change it) and a counter of changes. */
export interface FolderView { url: string; canWrite: boolean; changes: number }

export interface SharedFile { id: string; filename: string; size: number; content_type: string; created_at: string }

type Links = { read?: FolderLink; read_write?: FolderLink | null };

const viewOf = (links: Links, changes: number): FolderView | null =>
  links.read ? { url: (links.read_write ?? links.read).url, canWrite: !!links.read_write, changes } : null;

/** The folder after a signaling message: join_success and `updated` give links, `files_changed` asks for a new list. */
export function folderFrom(folder: FolderView | null, namespace: string, payload: Record<string, unknown>): FolderView | null {
  if (namespace === 'control' && payload.message === 'join_success')
    return payload.shared_folder ? viewOf(payload.shared_folder as Links, (folder?.changes ?? 0) + 1) : null;
  if (namespace !== 'shared_folder') return folder;
  if (payload.message === 'updated') return viewOf(payload as Links, (folder?.changes ?? 0) + 1);
  if (payload.message === 'files_changed' && folder) return { ...folder, changes: folder.changes + 1 };
  return folder;
}

/** The room and token of a folder link (or of the page's own address). */
export function linkParts(url: string): { roomId: string; token: string } | null {
  const u = new URL(url, window.location.origin);
  const m = u.pathname.match(/^\/folder\/([0-9a-fA-F-]{36})$/);
  const token = u.searchParams.get('token');
  return m && token ? { roomId: m[1], token } : null;
}

export class FolderError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

/** The shared folder's REST API for one room, as the bearer of one token. */
export class FolderApi {
  constructor(private readonly roomId: string, private readonly token: string) {}

  private path(rest = '', query: Record<string, string> = {}): string {
    const q = new URLSearchParams({ token: this.token, ...query });
    return `/v1/rooms/${this.roomId}/shared_folder${rest}?${q}`;
  }

  private async check(response: Response): Promise<Response> {
    if (response.ok) return response;
    const problem = await response.json().catch(() => null) as { detail?: string; title?: string } | null;
    throw new FolderError(response.status, problem?.detail ?? problem?.title ?? response.statusText);
  }

  async list(): Promise<{ files: SharedFile[]; can_write: boolean }> {
    return (await this.check(await fetch(this.path()))).json();
  }

  /** Where the browser downloads a file (an attachment, with its name). */
  downloadUrl(id: string): string { return this.path(`/${id}`); }

  async upload(file: File): Promise<SharedFile> {
    // The body is the file itself: the browser streams it, the server checks its name and first bytes.
    const response = await fetch(this.path('', { filename: file.name }), { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
    return (await this.check(response)).json();
  }

  async rename(id: string, filename: string): Promise<SharedFile> {
    const response = await fetch(this.path(`/${id}`), { method: 'PATCH', body: JSON.stringify({ filename }), headers: { 'Content-Type': 'application/json' } });
    return (await this.check(response)).json();
  }

  async remove(id: string): Promise<void> {
    await this.check(await fetch(this.path(`/${id}`), { method: 'DELETE' }));
  }
}

/** A size people read: 1.2 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
