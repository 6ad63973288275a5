import type { ReactNode } from 'react';
import type { ExplainedError } from './services';
import { useAppState } from './use-app-state';

/** A full-page explanation of a failure: what happened, the server's words as text, and how to go on. */
export function ErrorPage({ error, children }: { error: ExplainedError; children?: ReactNode }) {
  useAppState('error');
  const canReload = error.kind === 'read-timeout' || error.kind === 'read-failed' || error.kind === 'app-load-failed';
  return (
    <main className="error-page" data-error-kind={error.kind}>
      <h1 className="error-page__title">{error.title}</h1>
      <p>{error.explanation}</p>
      {error.detail && (
        <div className="error-page__detail">
          <h2 className="error-page__detail-title">Message received</h2>
          {/* Shown as text, never as markup: it comes from a server or a URL. */}
          <p className="error-page__detail-text">{error.detail}</p>
        </div>
      )}
      <h2 className="error-page__next">What to do</h2>
      <p>{error.action}</p>
      {canReload && (
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </p>
      )}
      {children}
    </main>
  );
}
