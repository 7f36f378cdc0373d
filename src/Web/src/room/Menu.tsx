import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { Icon, type IconName } from '../Icon';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Drawn in red: it removes someone or something. */
  danger?: boolean;
  icon?: IconName;
}

/** Which item a key moves to in a menu of `count` items (wrapping around), or null for a key the menu does not use. */
export function moveTo(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown': return (current + 1) % count;
    case 'ArrowUp': return current <= 0 ? count - 1 : current - 1;
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

// Until it is measured (before the browser paints), the menu waits in a corner: still focusable, unlike a hidden one.
const unplaced: CSSProperties = { top: 0, right: 0 };

/** Where the menu goes: under the button, right-aligned, or above it when there is no room below. */
function placeFor(button: DOMRect, height: number): CSSProperties {
  const right = Math.max(8, window.innerWidth - button.right);
  return button.bottom + 4 + height > window.innerHeight && button.top - 4 - height > 0
    ? { right, bottom: window.innerHeight - button.top + 4 }
    : { right, top: button.bottom + 4 };
}

/**
 * A button that opens a menu of actions (the WAI-ARIA menu button): Enter, Space or the arrow keys open it, the
 * arrow keys, Home and End move, Escape or Tab close it and focus goes back to the button; choosing an item closes the
 * menu first, so an item that opens a dialog returns focus to the button when the dialog closes.
 */
export function MenuButton({ label, items, className }: { label: string; items: MenuItem[]; className?: string }) {
  // Which item gets focus once the menu is open (null: closed).
  const [open, setOpen] = useState<number | null>(null);
  const [place, setPlace] = useState<CSSProperties>(unplaced);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = (refocus: boolean) => {
    setOpen(null);
    setPlace(unplaced);
    if (refocus) button.current?.focus();
  };
  const itemAt = (i: number) => menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[i];

  useLayoutEffect(() => {
    if (open === null || !button.current || !menu.current) return;
    setPlace(placeFor(button.current.getBoundingClientRect(), menu.current.offsetHeight));
    itemAt(open)?.focus({ preventScroll: true });
  }, [open]);

  useEffect(() => {
    if (open === null) return;
    const outside = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    const away = () => close(false);
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('resize', away);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('resize', away);
    };
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const current = [...(menu.current?.querySelectorAll('[role="menuitem"]') ?? [])].indexOf(document.activeElement as Element);
    const next = moveTo(e.key, current, items.length);
    if (next !== null) {
      e.preventDefault();
      itemAt(next)?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      // Inside a dialog, Escape closes only the menu.
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  };

  if (items.length === 0) return null;
  // A menu opened inside a modal dialog must live in it: everything outside the dialog is inert.
  const host = button.current?.closest('dialog') ?? document.body;
  return (
    <>
      <button ref={button} type="button" className={`menu-button${className ? ` ${className}` : ''}`} aria-label={label} title={label}
        aria-haspopup="menu" aria-expanded={open !== null} aria-controls={open !== null ? id : undefined}
        onClick={() => (open === null ? setOpen(0) : close(false))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 0 : items.length - 1);
          }
        }}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><circle cx="5" cy="12" r="2" /><circle cx="12" cy="12" r="2" /><circle cx="19" cy="12" r="2" /></svg>
      </button>
      {open !== null && createPortal(
        <div ref={menu} id={id} role="menu" aria-label={label} className="menu" style={place} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button key={item.label} type="button" role="menuitem" tabIndex={-1} className={item.danger ? 'danger' : undefined}
              onClick={() => {
                close(true);
                item.onSelect();
              }}>{item.icon && <Icon name={item.icon} size={18} />}{item.label}</button>
          ))}
        </div>,
        host,
      )}
    </>
  );
}
