import { useEffect, useState } from 'react';
import type { QueryLogEntry } from '../../fhir/contract';
import { loadingSummary, STATUS_WORDS } from './read-status';

/** Shown while the record is read: which types are still loading and how much has arrived. */
export function LoadingView({ progress, slowNoticeMs }: { progress: QueryLogEntry[]; slowNoticeMs: number }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), slowNoticeMs);
    return () => clearTimeout(timer);
  }, [slowNoticeMs]);

  const summary = loadingSummary(progress);
  return (
    <main className="shell-loading" aria-busy="true">
      <h1 className="shell-loading__title">Reading the patient’s record…</h1>
      <p role="status" aria-live="polite" className="shell-loading__summary">
        {progress.length === 0
          ? 'Connecting to the EHR…'
          : `${summary.resourcesSoFar} ${summary.resourcesSoFar === 1 ? 'resource' : 'resources'} read so far` +
            (summary.pendingTypes.length > 0 ? `; still loading: ${summary.pendingTypes.join(', ')}.` : '; finishing…')}
      </p>
      {progress.length > 0 && (
        <ul className="progress-list" aria-label="Progress per resource type">
          {progress.map((entry, index) => (
            <li key={`${entry.query}-${index}`} className={`progress-list__item progress-list__item--${entry.status}`}>
              <span className="progress-list__type">{entry.resourceType}</span>
              <span className="progress-list__status">{STATUS_WORDS[entry.status]}</span>
              <span className="progress-list__count">
                {entry.count} read{entry.pages > 1 ? `, ${entry.pages} pages` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {slow && (
        <p className="notice notice--info">
          This is taking longer than usual. The EHR’s server may be slow; the app keeps waiting for a limited time and
          will then say what it could not read.
        </p>
      )}
    </main>
  );
}
