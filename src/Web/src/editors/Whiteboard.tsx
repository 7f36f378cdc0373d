import { CaptureUpdateAction, Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CollabAccess } from '../collab';
import { useText } from '../text';
import { useCollaboration, type Collaboration } from './connection';
import { changedElements, mergeScene, plain, visibleCount, type SyncedElement } from './whiteboardSync';

/** Marks the map changes this board made, so that it does not apply them to itself again. */
const mine = Symbol('this board');

/** The meeting's whiteboard (Excalidraw), drawn on together through the shared map of elements. */
export default function Whiteboard({ access, name }: { access: CollabAccess; name: string }) {
  const t = useText();
  const connection = useCollaboration(access, name);
  if (!connection) return <p role="status">{t('collabConnecting')}</p>;
  return <Board key={connection.doc.guid} connection={connection} />;
}

function Board({ connection }: { connection: Collaboration }) {
  const t = useText();
  const api = useRef<ExcalidrawImperativeAPI | null>(null);
  const [count, setCount] = useState(0);
  const elements = connection.doc.getMap<SyncedElement>('elements');
  const over = connection.status === 'ended' || connection.status === 'not_started';

  // The others' changes: merged into the board, outside its undo history.
  const applyShared = useCallback(() => {
    const board = api.current;
    if (!board) return;
    const state = board.getAppState();
    const editing = state.editingTextElement?.id ?? state.newElement?.id ?? state.resizingElement?.id ?? null;
    const merged = mergeScene(board.getSceneElementsIncludingDeleted() as unknown as SyncedElement[], elements.values(), editing);
    board.updateScene({ elements: merged as unknown as OrderedExcalidrawElement[], captureUpdate: CaptureUpdateAction.NEVER });
    setCount(visibleCount(merged));
  }, [elements]);

  useEffect(() => {
    const observer = (_event: Y.YMapEvent<SyncedElement>, transaction: Y.Transaction) => {
      if (transaction.origin !== mine) applyShared();
    };
    elements.observe(observer);
    return () => elements.unobserve(observer);
  }, [elements, applyShared]);

  // My changes: only elements whose version the map does not have yet (what the others sent back is already there).
  const onChange = (scene: readonly OrderedExcalidrawElement[]) => {
    const all = scene as unknown as SyncedElement[];
    setCount(visibleCount(all));
    if (over || connection.refused) return;
    const changed = changedElements(all, (id) => elements.get(id));
    if (changed.length > 0) connection.doc.transact(() => changed.forEach((e) => elements.set(e.id, plain(e))), mine);
  };

  const german = document.documentElement.lang === 'de';
  return (
    <div className="whiteboard" data-testid="whiteboard">
      {(over || connection.refused) && (
        <p className="whiteboard-status" role="status">
          {connection.status === 'not_started' ? t('whiteboardNotStarted') : connection.refused ? t('whiteboardReadOnly') : t('whiteboardEnded')}
        </p>
      )}
      <span className="sr-only" data-testid="whiteboard-count">{count}</span>
      <Excalidraw
        excalidrawAPI={(board) => {
          api.current = board;
          applyShared();
        }}
        onChange={onChange}
        langCode={german ? 'de-DE' : 'en'}
        viewModeEnabled={over || connection.refused}
        // Files are not shared (see whiteboardSync), and saving or loading files is not what this board is for.
        UIOptions={{ tools: { image: false }, canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false } }}
        onPaste={(data) => !data.files || Object.keys(data.files).length === 0}
      />
    </div>
  );
}
