import { useRef, useState } from 'react';
import { useText } from '../text';

/**
 * A link to hand on: shown in full (selectable) with a Copy button. Outside a secure context (plain http) the Clipboard
 * API is missing, so the selected text is copied the older way; when that fails too, the person is told to copy it.
 */
export function CopyLink({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const t = useText();
  const field = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'by-hand'>('idle');

  const copy = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(url);
      done = true;
    } catch {
      field.current?.focus();
      field.current?.select();
      try {
        done = document.execCommand('copy');
      } catch {
        done = false;
      }
    }
    setState(done ? 'copied' : 'by-hand');
  };

  return (
    <div className="link-copy">
      <div className="row link-row">
        <input ref={field} readOnly value={url} aria-label={label} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" onClick={() => void copy()}>{state === 'copied' ? t('copied') : t('copy')}</button>
      </div>
      {state === 'by-hand' && <p className="muted small-text" role="status">{t('copyByHand')}</p>}
    </div>
  );
}
