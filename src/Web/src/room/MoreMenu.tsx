import { useEffect, useRef, useState } from 'react';
import { Icon, type IconName } from '../Icon';
import { useText } from '../text';

export interface MoreItem {
  label: string;
  icon: IconName;
  onSelect: () => void;
  /** Shown here only on narrow screens, where the toolbar has no room for its own button. */
  narrowOnly?: boolean;
}

/** The toolbar's "More" button: a menu of the room's other actions (arrow keys move, Escape closes). */
export function MoreMenu({ items }: { items: MoreItem[] }) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    const visible = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])].filter((b) => b.offsetParent !== null);
    visible()[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { setOpen(false); button.current?.focus(); return; }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const all = visible();
      const at = all.indexOf(document.activeElement as HTMLButtonElement);
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('pointerdown', onPointer); document.removeEventListener('keydown', onKey); };
  }, [open]);

  return (
    <div className="more">
      <button ref={button} type="button" className={`round${open ? ' on' : ''}`} aria-haspopup="menu" aria-expanded={open}
        aria-label={t('moreActions')} onClick={() => setOpen(!open)}><Icon name="more" /></button>
      {open && (
        <ul ref={menu} role="menu" className="more-menu" aria-label={t('moreActions')}>
          {items.map((item) => (
            <li key={item.label} role="none" className={item.narrowOnly ? 'narrow-only' : undefined}>
              <button type="button" role="menuitem" onClick={() => { setOpen(false); item.onSelect(); }}>
                <Icon name={item.icon} size={18} /> {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
