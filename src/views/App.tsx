/**
 * The app shell: session -> read -> derive -> page.
 *
 * Every branch ends in a visible state and sets the page marker (`data-app-state`): launching, loading (with progress
 * and a bounded wait), ready (timeline + options, with a notice for anything that could not be read), or error (an
 * explanation and how to relaunch). The other layers come in through `ShellServices` (see shell/services.tsx).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SmartSession, PatientReadResult } from '../fhir/contract';
import type { Derivation } from '../clinical/types';
import { useAppState } from './shell/use-app-state';
import { localIsoDate } from './shell/calendar';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { ErrorPage } from './shell/ErrorPage';
import { explained, explainError } from './shell/explain-error';
import { LoadingView } from './shell/LoadingView';
import { PatientBanner } from './shell/PatientBanner';
import { QueryPanel } from './shell/QueryPanel';
import { ReadNotice } from './shell/ReadNotice';
import { RecordsPanel, useRecordsPanel } from './shell/RecordsPanel';
import { useServices, type AnalysisStatus, type ExplainedError, type ShellServices } from './shell/services';
import { useAfterFirstPaint } from './useAfterFirstPaint';

/** Give up waiting for the record after this long (the read layer has its own, shorter bound). */
const DEFAULT_READ_TIMEOUT_MS = 90_000;
const DEFAULT_SLOW_NOTICE_MS = 15_000;

function explain(services: ShellServices, error: unknown): ExplainedError {
  try {
    return services.explainError?.(error) ?? explainError(error);
  } catch {
    return explainError(error);
  }
}

export function App() {
  return (
    <ErrorBoundary fallback={<ErrorPage error={explained('unexpected')} />}>
      <SessionGate />
    </ErrorBoundary>
  );
}

function SessionGate() {
  const services = useServices();
  const session = services.useSession();
  if (session.status === 'error') return <ErrorPage error={explain(services, session.error)} />;
  if (session.status === 'launching') return <Launching />;
  return <RecordGate session={session.session} />;
}

function Launching() {
  useAppState('launching');
  return (
    <main className="shell-loading" aria-busy="true">
      <p role="status" className="shell-loading__title">
        Connecting to the EHR…
      </p>
    </main>
  );
}

/** True once `ms` have passed while `active` stays true. */
function useDeadline(active: boolean, ms: number): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setPassed(true), ms);
    return () => clearTimeout(timer);
  }, [active, ms]);
  return passed;
}

const ALWAYS_READY: AnalysisStatus = { status: 'ready' };

function RecordGate({ session }: { session: SmartSession }) {
  const services = useServices();
  const record = services.useRecord(session);
  // Whether a services object loads lazily never changes, so this hook call is stable across renders.
  const analysis = services.useAnalysisStatus ? services.useAnalysisStatus() : ALWAYS_READY;
  const waiting = !record.error && (!record.result || analysis.status === 'loading');
  const timedOut = useDeadline(waiting, services.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS);
  // "Today" in the browser's local time zone, fixed for the life of the page so the derivation is stable.
  const asOf = useMemo(() => localIsoDate(new Date()), []);

  if (record.error)
    return (
      <ErrorPage error={explain(services, record.error)}>
        {/* E.g. a session that expired mid-read: say what had been read, without presenting it as the record. */}
        {record.result && <QueryPanel queries={record.result.queries} />}
      </ErrorPage>
    );
  if (analysis.status === 'error') return <ErrorPage error={explained('app-load-failed')} />;
  if (record.result && analysis.status === 'ready') return <ReadyGate session={session} result={record.result} asOf={asOf} />;
  if (timedOut) return <ErrorPage error={explained(record.result ? 'app-load-failed' : 'read-timeout')} />;
  const progress = record.progress.length > 0 ? record.progress : (record.result?.queries ?? []);
  return <LoadingMarked progress={progress} slowNoticeMs={services.slowNoticeMs ?? DEFAULT_SLOW_NOTICE_MS} />;
}

function LoadingMarked(props: Parameters<typeof LoadingView>[0]) {
  useAppState('loading');
  return <LoadingView {...props} />;
}

function ReadyGate({ session, result, asOf }: { session: SmartSession; result: PatientReadResult; asOf: string }) {
  const services = useServices();
  const derivation = useMemo((): Derivation | null => {
    try {
      return services.derive({ patientId: result.patientId, resources: result.resources }, asOf);
    } catch {
      // Not logged: the error may quote record content. The page explains instead.
      return null;
    }
  }, [services, result, asOf]);

  if (!derivation)
    return (
      <ErrorPage error={explained('analysis-failed')}>
        <QueryPanel queries={result.queries} />
      </ErrorPage>
    );
  return <ReadyPage session={session} result={result} derivation={derivation} asOf={asOf} />;
}

type Tab = 'history' | 'options';

/** Renders the timeline page inside its own error boundary (a render error there must not take the options down). */
function TimelineSlot({ derivation, onOpenOptions, onSelectSources }: { derivation: Derivation; onOpenOptions: () => void; onSelectSources: ((references: string[], about?: string) => void) | undefined }) {
  const services = useServices();
  return <>{services.renderPage(derivation, services.rules, { onOpenOptions, ...(onSelectSources ? { onSelectSources } : {}) })}</>;
}

function ReadyPage({
  session,
  result,
  derivation,
  asOf,
}: {
  session: SmartSession;
  result: PatientReadResult;
  derivation: Derivation;
  asOf: string;
}) {
  useAppState('ready');
  const services = useServices();
  const [tab, setTab] = useState<Tab>('history');
  // The options tab and the (closed) query list are drawn right after the first paint of the history (the options at
  // once when opened first): parts of the page the clinician does not see yet need not delay the timeline. Once drawn
  // they stay (the options' choices too).
  const restDrawn = useAfterFirstPaint();
  const offered = derivation.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');
  const urgent = offered.some((s) => s.urgent);
  // The records read, looked up by the references the engine's items carry (the records panel).
  const lookup = useMemo(() => services.recordLookup?.(result.resources, session.fhirBaseUrl), [services, result, session.fhirBaseUrl]);
  const records = useRecordsPanel();
  const onSelectSources = lookup ? records.open : undefined;

  const tabButton = (id: Tab, label: string, extra?: ReactNode) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      className="tabs__tab"
      onClick={() => setTab(id)}
      onKeyDown={(event) => {
        // Arrow keys move between the two tabs (WAI-ARIA tabs pattern).
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const other: Tab = id === 'history' ? 'options' : 'history';
          setTab(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {label}
      {extra}
    </button>
  );

  return (
    <div className="app">
      <header className="app__header">
        {session.needPatientBanner && <PatientBanner patient={result.patient} patientId={result.patientId} asOf={asOf} />}
      </header>
      <main className="app__main">
        <ReadNotice queries={result.queries} />
        <div className="app__titlebar">
        <h1 className="app__title">Treatment-resistance review</h1>
        <div role="tablist" aria-label="Views" className="tabs">
          {tabButton('history', 'Treatment history')}
          {tabButton(
            'options',
            'Options and care plan',
            <>
              {offered.length > 0 && <span className="tabs__count"> ({offered.length})</span>}
              {urgent && (
                <>
                  {' '}
                  <span className="badge badge--urgent">Urgent</span>
                </>
              )}
            </>,
          )}
        </div>
        </div>
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'} className="tabs__panel">
          <ErrorBoundary
            fallback={
              <p className="notice notice--error">
                The timeline could not be drawn for this record. The options tab and the query list still work; please
                review the history in the chart.
              </p>
            }
          >
            <TimelineSlot
              derivation={derivation}
              onSelectSources={onSelectSources}
              onOpenOptions={() => {
                setTab('options');
                requestAnimationFrame(() => document.getElementById('tab-options')?.focus());
              }}
            />
          </ErrorBoundary>
        </div>
        <div role="tabpanel" id="panel-options" aria-labelledby="tab-options" hidden={tab !== 'options'} className="tabs__panel">
          <ErrorBoundary
            fallback={
              <p className="notice notice--error">
                The options could not be shown for this record. Nothing was written to the chart.
              </p>
            }
          >
            {(restDrawn || tab === 'options') && services.renderReview({ derivation, session, asOf, patient: result.patient, ...(onSelectSources ? { onSelectSources } : {}) })}
          </ErrorBoundary>
        </div>
        {records.references && lookup && <RecordsPanel references={records.references} {...(records.about ? { about: records.about } : {})} lookup={lookup} onClose={records.close} />}
      </main>
      <footer className="app__footer">{restDrawn && <QueryPanel queries={result.queries} />}</footer>
    </div>
  );
}
