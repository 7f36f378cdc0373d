// The editors load when first shown: TipTap, Excalidraw and Yjs stay out of the app's main bundle.

import { lazy, Suspense } from 'react';
import type { CollabAccess } from '../collab';
import { useText } from '../text';

declare global {
  interface Window {
    /** Where Excalidraw fetches its fonts: our own copy (see vite.config.ts), never a CDN. */
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

const Notes = lazy(() => import('./NotesEditor'));
const Board = lazy(() => {
  window.EXCALIDRAW_ASSET_PATH = `${import.meta.env.BASE_URL}excalidraw/`;
  return import('./Whiteboard');
});

function Loading() {
  const t = useText();
  return <p role="status" className="editor-loading">{t('loading')}</p>;
}

/** The notes of a room, from the access it was given; `name` is what the others see. */
export function NotesEditor({ access, name }: { access: CollabAccess; name: string }) {
  return <Suspense fallback={<Loading />}><Notes access={access} name={name} /></Suspense>;
}

/** The whiteboard of a room, from the access it was given. */
export function Whiteboard({ access, name }: { access: CollabAccess; name: string }) {
  return <Suspense fallback={<Loading />}><Board access={access} name={name} /></Suspense>;
}
