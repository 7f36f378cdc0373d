import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useText } from '../text';

const tabbable = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(tabbable)].filter((e) => !e.matches(':disabled') && e.getClientRects().length > 0);
}

/**
 * A modal dialog over the room: a title, its content, a Close button. Escape and Close call `onClose`; the parent
 * unmounts it. Focus starts on the element marked `data-autofocus` (else the first field or button of the content),
 * stays inside while it is open and goes back where it was when it closes.
 */
export function Dialog({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const t = useText();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const body = dialog.querySelector<HTMLElement>('.dialog-body')!;
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(body)[0] ?? focusables(dialog)[0])?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close.current();
    } else if (e.key === 'Tab') {
      // The page behind is inert; this keeps Tab from leaving for the browser's own controls too.
      const all = focusables(ref.current!);
      if (all.length === 0) return;
      const [first, last] = [all[0], all[all.length - 1]];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return createPortal(
    <dialog ref={ref} className={`dialog${className ? ` ${className}` : ''}`} aria-labelledby={titleId} onKeyDown={onKeyDown}
      onCancel={(e) => { e.preventDefault(); close.current(); }}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label={t('close')} title={t('close')} onClick={() => close.current()}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>,
    document.body,
  );
}

/** Asks before something that cannot be undone: what happens, Cancel (focused first) and the action, in red. */
export function ConfirmDialog({ title, text, action, onConfirm, onClose }: {
  title: string;
  text: string;
  action: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useText();
  return (
    <Dialog title={title} onClose={onClose} className="confirm">
      <p>{text}</p>
      <div className="actions end">
        <button type="button" className="secondary" data-autofocus onClick={onClose}>{t('cancel')}</button>
        <button type="button" className="danger" onClick={() => { onConfirm(); onClose(); }}>{action}</button>
      </div>
    </Dialog>
  );
}
