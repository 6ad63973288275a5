/**
 * The one place where the shell meets the real layers. Everything here adapts their shapes to the shell's view
 * models (services.tsx), so the shell's components and tests do not depend on those modules' details.
 *
 * Two halves, for load time: the launch and the record read (src/fhir hooks) are in the initial chunk and start at
 * once; the engine, the timeline page and the write-back (analysis-services.tsx, the larger part) are fetched as a
 * separate chunk at the same moment (analysis-loader.ts, asked for by src/main.tsx), in parallel with the launch and the
 * read, and are needed only once the record is there. The page waits for both (App.tsx, `useAnalysisStatus`).
 */
import { useSyncExternalStore } from 'react';
import type { SmartSession } from '../../fhir/contract';
import { FhirNetworkError, LaunchError, SessionExpiredError, explainError as explainFhirError } from '../../fhir/errors';
import { usePatientRecord, useSmartSession } from '../../fhir/hooks';
import { analysisLoadStatus, loadedAnalysis, subscribeToAnalysis } from './analysis-loader';
import { explained } from './explain-error';
import type { AnalysisStatus, ExplainedError, LaunchErrorKind, RecordState, SessionState, ShellServices } from './services';

function useSession(): SessionState {
  const { session, error } = useSmartSession();
  if (error) return { status: 'error', error };
  if (session) return { status: 'ready', session };
  return { status: 'launching' };
}

function useRecord(session: SmartSession): RecordState {
  const { result, progress, error, isLoading } = usePatientRecord(session);
  return { result, progress, error, isLoading };
}

const LAUNCH_KINDS: Record<LaunchError['kind'], LaunchErrorKind> = {
  'no-launch-state': 'no-launch-state',
  // A code without this window's state: like a page opened without a launch, with its own words from the FHIR layer.
  'state-mismatch': 'no-launch-state',
  'access-denied': 'access-denied',
  'oauth-error': 'oauth-error',
  'session-expired': 'session-expired',
  'no-patient': 'oauth-error',
  unknown: 'unexpected',
};

/** The FHIR layer's own words for its typed errors; anything else falls back on the shell's classification. */
export function explainError(error: unknown): ExplainedError | null {
  let kind: LaunchErrorKind;
  if (error instanceof LaunchError) kind = LAUNCH_KINDS[error.kind];
  else if (error instanceof SessionExpiredError) kind = 'session-expired';
  else if (error instanceof FhirNetworkError) kind = error.kind === 'timeout' ? 'read-timeout' : 'read-failed';
  else return null;
  const words = explainFhirError(error);
  return {
    kind,
    title: words.title,
    explanation: words.explanation,
    ...(words.detail ? { detail: words.detail } : {}),
    action: words.howToRelaunch ?? explained(kind).action,
  };
}

function useAnalysisStatus(): AnalysisStatus {
  return useSyncExternalStore(subscribeToAnalysis, analysisLoadStatus);
}

export const realServices: ShellServices = {
  useSession,
  useRecord,
  useAnalysisStatus,
  derive: (record, asOf) => loadedAnalysis().derive(record, asOf),
  get rules() {
    return loadedAnalysis().RULES;
  },
  renderPage: (derivation, rules, actions) => loadedAnalysis().renderPage(derivation, rules, actions),
  renderReview: (props) => loadedAnalysis().renderReview(props),
  buildDraft: (request) => loadedAnalysis().buildDraft(request),
  describeOption: (id) => loadedAnalysis().describeOption(id),
  recordLookup: (resources, fhirBaseUrl) => loadedAnalysis().recordLookup(resources, fhirBaseUrl),
  get receivingServices() {
    return loadedAnalysis().RECEIVING_SERVICE_OPTIONS;
  },
  useWriteBack: (session: SmartSession) => loadedAnalysis().useWriteBackView(session),
  explainError,
};
