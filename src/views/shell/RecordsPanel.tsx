/**
 * The records behind an item (a safety item, a trial, a score, an option's reason), as the EHR holds them, in clinical
 * words: a side drawer at the right of the frame, so the item that was asked about stays in view beside its records.
 * Non-modal: the page stays usable; focus moves into the drawer and goes back to the button that opened it on Close or
 * Escape. Not printed (the printout has the tables).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordLookup, RecordView } from './services';
import { RECORD_TYPE_WORDS, resourceTypeOf } from '../../clinical/record-words';


function RecordCard({ record }: { record: RecordView }) {
  return (
    <article className="records-panel__record">
      <h3 className="records-panel__kind">
        {record.kind}
        {record.what ? <span className="records-panel__what">: {record.what}</span> : null}
      </h3>
      <dl>
        {record.dates.map((d, i) => (
          <div key={`d${i}`}>
            <dt>{d.label}</dt>
            <dd>{d.value}</dd>
          </div>
        ))}
        {record.status && (
          <div>
            <dt>Status</dt>
            <dd>{record.status}</dd>
          </div>
        )}
        {record.details.map((d, i) => (
          <div key={`x${i}`}>
            <dt>{d.label}</dt>
            <dd>{d.value}</dd>
          </div>
        ))}
        {record.codes.length > 0 && (
          <div>
            <dt>Coded as</dt>
            <dd>
              <ul className="records-panel__codes">
                {record.codes.map((c, i) => (
                  <li key={i}>
                    {c.display ? `${c.display} — ` : ''}
                    {c.system} {c.code}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {record.dates.length === 0 && (
          <div>
            <dt>Date</dt>
            <dd>not recorded</dd>
          </div>
        )}
      </dl>
      {record.url ? (
        <p className="records-panel__address">
          FHIR address:{' '}
          <a href={record.url} target="_blank" rel="noopener noreferrer">
            {record.url}
          </a>
        </p>
      ) : null}
    </article>
  );
}

function MissingRecord({ reference }: { reference: string }) {
  // Nothing else is known of a record that was not read: only its type, in words.
  const type = RECORD_TYPE_WORDS[resourceTypeOf(reference)]?.one ?? 'record';
  return (
    <article className="records-panel__record records-panel__record--missing">
      <p>{/^[aeiou]/.test(type) ? 'An' : 'A'} {type} this item refers to is not among the records read (it may be outside what this app may read, or the reference may be broken).</p>
    </article>
  );
}

export function RecordsPanel({ references, about, lookup, onClose }: { references: string[]; about?: string; lookup: RecordLookup; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [references]);
  return (
    <aside
      className="records-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="records-panel-heading"
      data-testid="records-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="records-panel__head">
        <h2 id="records-panel-heading" tabIndex={-1} ref={headingRef}>
          {references.length === 1 ? 'The record' : `The ${references.length} records`} behind {about ? `“${about}”` : 'this item'}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="records-panel__hint">As the EHR holds them; Escape closes.</p>
      {references.map((reference) => {
        const record = lookup(reference);
        return record ? <RecordCard key={reference} record={record} /> : <MissingRecord key={reference} reference={reference} />;
      })}
    </aside>
  );
}

/**
 * The panel's state: `open` remembers the button that asked (the focused element) and `close` gives focus back to it,
 * so a keyboard user continues where they were.
 */
export function useRecordsPanel() {
  const [shown, setShown] = useState<{ references: string[]; about?: string } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((next: string[], about?: string) => {
    const active = document.activeElement;
    // A second "records" button pressed while the panel is open: focus goes back to the latest one.
    if (active instanceof HTMLElement && !active.closest('.records-panel')) opener.current = active;
    setShown({ references: [...new Set(next)], ...(about ? { about } : {}) });
  }, []);
  const close = useCallback(() => {
    setShown(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  }, []);
  return { references: shown?.references ?? null, about: shown?.about, open, close };
}
