import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import type { CollabAccess } from '../collab';
import { useText, type Translate } from '../text';
import { useCollaboration, type Collaboration as Connection } from './connection';
import { formats, pressed, type Format } from './toolbar';

/** The meeting's notes, edited together (TipTap on the shared document); editable only with write access. */
export default function NotesEditor({ access, name }: { access: CollabAccess; name: string }) {
  const t = useText();
  const connection = useCollaboration(access, name);
  if (!connection) return <p role="status" data-testid="notes-status">{t('collabConnecting')}</p>;
  return <Notes key={connection.doc.guid} connection={connection} mode={access.mode} />;
}

/** What the line under the toolbar says. */
export function notesStatus(t: Translate, connection: Pick<Connection, 'status' | 'refused'>, mode: CollabAccess['mode']): string {
  if (connection.status === 'ended') return t('notesEnded');
  if (connection.status === 'not_started') return t('notesNotStarted');
  if (connection.status === 'connecting') return t('collabConnecting');
  if (connection.status === 'disconnected') return t('collabReconnecting');
  return mode === 'read' || connection.refused ? t('notesReadOnly') : t('notesConnected');
}

function Notes({ connection, mode }: { connection: Connection; mode: CollabAccess['mode'] }) {
  const t = useText();
  const statusId = useId();
  const over = connection.status === 'ended' || connection.status === 'not_started';
  const editable = mode === 'write' && !connection.refused && !over;
  const editor = useEditor({
    extensions: [
      // The shared document keeps the history; TipTap's own would undo other people's typing.
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ document: connection.doc, field: 'default' }),
    ],
    editable,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': t('notes'), 'aria-describedby': statusId, class: 'notes-text' },
    },
  }, [connection.doc]);

  useEffect(() => {
    editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <div className="notes">
      <Toolbar editor={editor} disabled={!editable} />
      <p className="notes-status" id={statusId} role="status" data-testid="notes-status">
        <span>{notesStatus(t, connection, mode)}</span>
        {!over && <span className="muted" data-testid="notes-people">{connection.people > 1 ? t('peopleHere', { count: connection.people }) : t('onlyYouHere')}</span>}
      </p>
      <div className={`notes-page${editable ? '' : ' read-only'}`} data-testid="notes-editor">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const t = useText();
  const on = useEditorState({ editor, selector: ({ editor: e }) => pressed((node, attributes) => e.isActive(node, attributes)) });
  const run: Record<Format, () => void> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    heading: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
  };
  return (
    <div className="notes-toolbar" role="toolbar" aria-label={t('formatting')}>
      {formats.map((f) => (
        <button key={f.format} type="button" className={`format ${f.format}`} aria-label={t(f.label)} title={t(f.label)}
          aria-pressed={on[f.format]} disabled={disabled}
          // The editor keeps its selection while the button is pressed.
          onMouseDown={(e) => e.preventDefault()} onClick={run[f.format]}>
          <span aria-hidden="true">{glyphs[f.format]}</span>
        </button>
      ))}
    </div>
  );
}

const glyphs: Record<Format, string> = { bold: 'B', italic: 'I', heading: 'H', bulletList: '•', orderedList: '1.' };
