/**
 * The heavy half of the real services, loaded as its own chunk while the SMART launch and the record read run:
 * the clinical engine (with its terminology tables), the timeline page and the write-back. Nothing here is needed
 * before the record has arrived, so index.html's initial JavaScript stays small (see real-services.tsx).
 */
import type { SmartSession } from '../../fhir/contract';
import { buildWriteBack, carePlanAsJson, carePlanAsText } from '../../fhir/writeback/build';
import type { WriteBackDraft, WriteBackError, WriteBackResult, WrittenResource as FhirWrittenResource } from '../../fhir/writeback/write-contract';
import { useWriteBack } from '../../fhir/writeback/useWriteBack';
import { derivePatient } from '../../clinical/index';
import { RULES } from '../../clinical/all-rules';
import { describeOption as catalogDescription } from '../../clinical/suggestions/index';
import type { Derivation, InterventionId, PatientRecord, RuleRef } from '../../clinical/types';
import { TreatmentResistancePage } from '../timeline/index';
import { ReviewPanel, type ReviewPanelProps } from '../review/ReviewPanel';
import { plainText } from '../../clinical/plain-text';
import { defaultServiceFor } from '../../clinical/suggestions/catalog';
import { RECEIVING_SERVICES } from '../../clinical/suggestions/receiving-services';
import { recordAddress, referenceAddress } from './record-address';
import { describeRecord, recordIndex } from '../../clinical/record-words';
import type { Resource } from 'fhir/r4';
import type { DraftRequest, DraftView, OptionInfo, PageActions, RecordLookup, WriteBackView, WriteErrorView, WriteResultView, WrittenResource } from './services';

/** How the app names itself in Provenance. */
const APP_IDENTITY = { name: 'Treatment-resistance timeline (SMART on FHIR app)', version: '0.1.0' };

/** @public Used through the loaded module (analysis-loader.ts), which knip cannot follow. */
export { RULES };
export { warmUp } from './warm-up';

/** @public The receiving services a referral can be sent to, for the review screen's picker. */
export const RECEIVING_SERVICE_OPTIONS = RECEIVING_SERVICES.map(({ id, name }) => ({ id, name }));

/** @public */
export function derive(record: PatientRecord, asOf: string): Derivation {
  return derivePatient(record, { asOf });
}

/** @public The timeline page; it takes the score thresholds from the terminology layer itself. */
export function renderPage(derivation: Derivation, rules: RuleRef[], actions?: PageActions) {
  return (
    <TreatmentResistancePage
      derivation={derivation}
      rules={rules}
      {...(actions?.onOpenOptions ? { onOpenOptions: actions.onOpenOptions } : {})}
      {...(actions?.onSelectSources ? { onSelectSources: actions.onSelectSources } : {})}
    />
  );
}

/** @public The options and care-plan screen. */
export function renderReview(props: ReviewPanelProps) {
  return <ReviewPanel {...props} />;
}

/** @public The records read, looked up by "Type/id" and described in clinical words with their FHIR address. */
export function recordLookup(resources: Resource[], fhirBaseUrl?: string): RecordLookup {
  const find = recordIndex(resources);
  return (reference) => {
    const words = describeRecord(reference, find);
    if (!words) return null;
    const url = referenceAddress(fhirBaseUrl, reference);
    return { ...words, ...(url ? { url } : {}) };
  };
}

export function describeOption(id: InterventionId): OptionInfo | null {
  try {
    const { summary, usualCourse, regulatory, references, referral } = catalogDescription(id);
    return { summary, usualCourse, regulatory, references: references.map(plainText), referral, defaultServiceId: defaultServiceFor(id).id };
  } catch {
    // An option without a catalog row still shows its evaluation; only the "about" part is left out.
    return null;
  }
}

/** @public */
export function buildDraft(request: DraftRequest): DraftView {
  const draft = buildWriteBack({
    derivation: request.derivation,
    chosen: request.chosen,
    overrideReasons: request.overrideReasons,
    note: request.note,
    ...(request.referrals ? { referrals: request.referrals } : {}),
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

/**
 * What was written, in the shell's words, with a link to each record at its FHIR address (`[base]/CarePlan/[id]`,
 * record-address.ts): an in-app view would vanish with this session.
 */
function writtenView(resource: FhirWrittenResource, fhirBaseUrl?: string): WrittenResource {
  const url = recordAddress(fhirBaseUrl, resource.resourceType, resource.id);
  return { resourceType: resource.resourceType, id: resource.id, label: resource.label, ...(url ? { url } : {}), outcome: OUTCOME_WORDS[resource.outcome] };
}

export function resultView(result: WriteBackResult, fhirBaseUrl?: string): WriteResultView {
  return {
    written: result.resources.map((r) => writtenView(r, fhirBaseUrl)),
    readBack: result.confirmed
      ? { confirmed: true, detail: result.unreadable?.length ? 'the plan and its referrals were read back from the chart; the provenance record was accepted but this app may not read it back.' : 'every record listed above was read back from the chart.' }
      : { confirmed: false, detail: 'the chart did not return every record listed above when read back; check the chart.' },
    how: result.mode === 'transaction' ? 'in one transaction' : 'one resource at a time',
    account: result.account,
  };
}

export function errorView(error: WriteBackError, fhirBaseUrl?: string): WriteErrorView {
  return {
    message: error.message,
    ...(error.detail ? { operationOutcome: error.detail } : {}),
    retryable: error.retryable,
    ...(error.kind === 'session-expired' ? { sessionExpired: true } : {}),
    written: error.written.map((r) => writtenView(r, fhirBaseUrl)),
  };
}

/** @public */
export function useWriteBackView(session: SmartSession): WriteBackView {
  const writeBack = useWriteBack(session);
  const state = ({ idle: 'idle', writing: 'writing', written: 'done', failed: 'error' } as const)[writeBack.state];
  return {
    canWrite: writeBack.canWrite,
    ...(writeBack.reasonIfNot ? { reasonIfNot: writeBack.reasonIfNot } : {}),
    state,
    write: (draft) => writeBack.write(draft.payload as WriteBackDraft),
    retry: writeBack.retry,
    startOver: writeBack.reset,
    ...(writeBack.result ? { result: resultView(writeBack.result, session.fhirBaseUrl) } : {}),
    ...(writeBack.error ? { error: errorView(writeBack.error, session.fhirBaseUrl) } : {}),
  };
}
