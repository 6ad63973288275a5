import { useEffect, useRef, useState } from 'react';
import type { Derivation } from '../../clinical/types';
import { copyToNoteText } from './copyText';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/** Copies the summary and trials as plain text; if the clipboard is refused, shows the text to copy by hand. */
export function CopyToNote({ derivation }: { derivation: Derivation }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const area = useRef<HTMLTextAreaElement>(null);
  // Without clipboard permission (an EHR frame), the text is selected at once, ready for Ctrl+C.
  useEffect(() => {
    if (state.kind === 'manual') {
      area.current?.focus();
      area.current?.select();
    }
  }, [state]);
  const copy = async () => {
    const text = copyToNoteText(derivation);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      // Inside some EHR iframes the clipboard permission is withheld.
      setState({ kind: 'manual', text });
    }
  };
  return (
    <div className="trp-copy">
      <button type="button" onClick={() => void copy()}>
        Copy summary to note
      </button>
      <span role="status" className={`trp-copy-status ${state.kind === 'manual' ? 'is-manual' : ''}`}>
        {state.kind === 'copied' && `Copied: summary and ${derivation.trials.length} trial${derivation.trials.length === 1 ? '' : 's'} as plain text.`}
        {state.kind === 'manual' && 'Not copied yet: this frame may not use the clipboard. The text below is selected: press Ctrl+C (⌘C on a Mac).'}
      </span>
      {state.kind === 'manual' && (
        <textarea ref={area} className="trp-copy-text" readOnly value={state.text} aria-label="Summary text, selected for copying" rows={8} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
