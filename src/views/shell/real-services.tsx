/**
 * The one place where the shell meets the real layers: the FHIR hooks, the engine, the timeline page and the
 * write-back. Everything here adapts their shapes to the shell's view models (services.tsx), so the shell's
 * components and tests do not depend on those modules' details.
 */
import type { SmartSession } from '../../fhir/contract';
import { FhirNetworkError, LaunchError, SessionExpiredError, explainError as explainFhirError } from '../../fhir/errors';
import { usePatientRecord, useSmartSession } from '../../fhir/hooks';
import { buildWriteBack, carePlanAsJson, carePlanAsText } from '../../fhir/writeback/build';
import type { WriteBackDraft, WriteBackError, WriteBackResult, WrittenResource as FhirWrittenResource } from '../../fhir/writeback/types';
import { useWriteBack } from '../../fhir/writeback/useWriteBack';
import { derivePatient } from '../../clinical/index';
import { RULES } from '../../clinical/rules';
import { scaleThresholds } from '../../clinical/terminology/scales';
import type { Instrument, Verification } from '../../clinical/types';
import { TreatmentResistancePage, type ScaleThresholdsView } from '../timeline/index';
import { explained } from './explain-error';
import type {
  DraftRequest,
  DraftView,
  ExplainedError,
  LaunchErrorKind,
  RecordState,
  SessionState,
  ShellServices,
  WriteBackView,
  WriteErrorView,
  WriteResultView,
  WrittenResource,
} from './services';

/** How the app names itself in Provenance. */
const APP_IDENTITY = { name: 'Treatment-resistance timeline (SMART on FHIR app)', version: '0.1.0' };

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

export function buildDraft(request: DraftRequest): DraftView {
  const draft = buildWriteBack({
    derivation: request.derivation,
    chosen: request.chosen,
    overrideReasons: request.overrideReasons,
    note: request.note,
    patientId: request.session.patientId,
    userReference: request.session.userReference,
    app: APP_IDENTITY,
    date: request.date,
    recorded: new Date().toISOString(),
  });
  return {
    previewText: draft.preview.join('\n'),
    fhir: draft.bundle,
    asText: carePlanAsText(draft),
    asJson: carePlanAsJson(draft),
    payload: draft,
  };
}

const OUTCOME_WORDS: Record<FhirWrittenResource['outcome'], string> = {
  created: 'created',
  existed: 'already existed (not written again)',
  updated: 'completed (its links were added)',
};

function writtenView(resource: FhirWrittenResource): WrittenResource {
  return { resourceType: resource.resourceType, id: resource.id, outcome: `${resource.label}: ${OUTCOME_WORDS[resource.outcome]}` };
}

export function resultView(result: WriteBackResult): WriteResultView {
  return {
    written: result.resources.map(writtenView),
    readBack: result.confirmed
      ? { confirmed: true, detail: 'every resource listed above was read back by its id.' }
      : { confirmed: false, detail: 'the server did not return every resource when read back; check the chart.' },
    how: result.mode === 'transaction' ? 'in one transaction' : 'one resource at a time',
    account: result.account,
  };
}

export function errorView(error: WriteBackError): WriteErrorView {
  return {
    message: error.message,
    ...(error.detail ? { operationOutcome: error.detail } : {}),
    retryable: error.retryable,
    written: error.written.map(writtenView),
  };
}

function useWriteBackView(session: SmartSession): WriteBackView {
  const writeBack = useWriteBack(session);
  const state = ({ idle: 'idle', writing: 'writing', written: 'done', failed: 'error' } as const)[writeBack.state];
  return {
    canWrite: writeBack.canWrite,
    ...(writeBack.reasonIfNot ? { reasonIfNot: writeBack.reasonIfNot } : {}),
    state,
    write: (draft) => writeBack.write(draft.payload as WriteBackDraft),
    retry: writeBack.retry,
    ...(writeBack.result ? { result: resultView(writeBack.result) } : {}),
    ...(writeBack.error ? { error: errorView(writeBack.error) } : {}),
  };
}

/** The weakest verification among the rules behind a number: an unverified cut-off must look unverified. */
const WEAKEST_FIRST: Verification[] = ['U', 'S', 'derived', 'V'];

/** Response/remission thresholds for the score charts, from the terminology layer's scale table. */
export function thresholdsFor(instrument: Instrument): ScaleThresholdsView | null {
  const scale = scaleThresholds(instrument);
  if (!scale) return null;
  const rules = [scale.rules.remission, scale.rules.response].filter((rule) => rule !== undefined);
  if (rules.length === 0) return null;
  return {
    remissionMax: scale.remissionMax,
    // The terminology table's remissionMax is "at or below" (PHQ-9 remission: < 5, i.e. at or below 4).
    remissionInclusive: true,
    responseReduction: scale.responseReduction,
    source: [...new Set(rules.map((rule) => rule.source))].join('; '),
    verification: WEAKEST_FIRST.find((tag) => rules.some((rule) => rule.verification === tag)) ?? 'U',
  };
}

export const realServices: ShellServices = {
  useSession,
  useRecord,
  derive: (record, asOf) => derivePatient(record, { asOf }),
  rules: RULES,
  renderPage: (derivation, rules) => <TreatmentResistancePage derivation={derivation} rules={rules} thresholds={thresholdsFor} />,
  buildDraft,
  useWriteBack: useWriteBackView,
  explainError,
};
