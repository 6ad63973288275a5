/**
 * Dev-only harness: renders the shell with fake services so its look can be screenshotted (scripts in this folder).
 * `?view=loading|ready|partial|error|review|noscope|written|failed`. Not part of the build (vite.config inputs).
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../../../src/views/App';
import { chooseNextStep } from '../../../../src/clinical/suggestions/next-step';
import { ReviewPanel } from '../../../../src/views/review/ReviewPanel';
import { ServicesProvider, type ShellServices, type WriteBackView } from '../../../../src/views/shell/services';
import type { QueryLogEntry } from '../../../../src/fhir/contract';
import type { Suggestion } from '../../../../src/clinical/types';
import '../../../../src/views/styles.css';

const view = new URLSearchParams(location.search).get('view') ?? 'ready';
const q = (resourceType: string, extra: Partial<QueryLogEntry> = {}): QueryLogEntry => ({
  resourceType,
  query: `${resourceType}?patient=trd-two-failures&status=active,completed,stopped,on-hold,cancelled,entered-in-error,unknown&_count=100`,
  status: 'done',
  count: 7,
  pages: 1,
  ...extra,
});
const queries: QueryLogEntry[] = [
  q('Patient', { count: 1 }),
  q('MedicationStatement', { count: 14 }),
  q('MedicationRequest', { count: 31, pages: 2 }),
  view === 'partial' ? q('MedicationDispense', { status: 'failed', count: 0, pages: 0, httpStatus: 403, error: 'scope not granted' }) : q('MedicationDispense', { count: 22 }),
  q('Condition', { count: 5 }),
  view === 'loading' ? q('Observation', { status: 'pending', count: 40, pages: 1 }) : q('Observation', { count: 48 }),
  q('Procedure', { count: 0 }),
];
const finding = (text: string, sources: string[] = []) => ({ text, sources });
const suggestions = [
  { intervention: 'tms', name: 'Repetitive transcranial magnetic stimulation (rTMS)', status: 'suggested', urgent: false, referralPriority: 'routine', priorityReasons: [], order: 10,
    reasons: [finding('2 failed adequate antidepressant trials in the current MDD episode (sertraline 150 mg/day for 10 weeks, venlafaxine 225 mg/day for 8 weeks)', ['MedicationRequest/mr-1', 'MedicationRequest/mr-2'])],
    cautions: [], contraindications: [] },
  { intervention: 'esketamine', name: 'Esketamine nasal spray (Spravato)', status: 'suggested', urgent: true, referralPriority: 'urgent', priorityReasons: [finding('C-SSRS 5 on 2026-11-15', ['Observation/cssrs-1'])], order: 20,
    reasons: [finding('MDD with 2 failed adequate trials', ['Condition/mdd-1']), finding('PHQ-9 item 9 = 2 on 2026-11-15', ['Observation/phq9-i9'])],
    cautions: [finding('Blood pressure 148/92 on 2026-11-01', ['Observation/bp-3']), finding('REMS: administered in a certified setting, 2 hours of monitoring')], contraindications: [] },
  { intervention: 'ect', name: 'Electroconvulsive therapy (ECT)', status: 'consider', urgent: true, referralPriority: 'urgent', priorityReasons: [finding('C-SSRS 5 on 2026-11-15', ['Observation/cssrs-1'])], order: 30,
    reasons: [finding('Treatment-resistant depression with recent suicidal ideation', ['Observation/phq9-i9'])], cautions: [], contraindications: [] },
  { intervention: 'vns', name: 'Vagus nerve stimulation (VNS)', status: 'not-eligible', urgent: false, referralPriority: 'routine', priorityReasons: [], order: 40,
    reasons: [finding('VNS requires ≥ 4 failed adequate treatments; 2 found')], cautions: [], contraindications: [] },
  { intervention: 'deep-tms', name: 'Deep TMS (H-coil) for OCD', status: 'contraindicated', urgent: false, referralPriority: 'routine', priorityReasons: [], order: 50,
    reasons: [finding('OCD not recorded')], cautions: [], contraindications: [finding('Cochlear implant', ['Device/ci-1'])] },
] satisfies Suggestion[];

const writeBack: WriteBackView = {
  canWrite: view !== 'noscope',
  ...(view === 'noscope' ? { reasonIfNot: 'The EHR did not grant this app permission to create CarePlan, ServiceRequest, Provenance records, so the plan cannot be saved to the chart from here.' } : {}),
  state: view === 'written' ? 'done' : view === 'failed' ? 'error' : 'idle',
  write: () => {},
  retry: () => {},
  ...(view === 'written'
    ? { result: { written: [{ resourceType: 'CarePlan', id: '0193c5a2-7d1e', outcome: 'Draft care plan (2 options): created' }, { resourceType: 'ServiceRequest', id: '0193c5a2-7d1f', outcome: 'Referral: rTMS: created' }, { resourceType: 'Provenance', id: '0193c5a2-7d20', outcome: 'Provenance: created' }], readBack: { confirmed: true, detail: 'every resource listed above was read back by its id.' }, how: 'in one transaction', account: ['Searched for the plan by its identifier: not found.', 'Sent one transaction with 4 entries.', 'Read back 4 resources.'] } }
    : {}),
  ...(view === 'failed' ? { error: { message: 'The server failed (500) while writing.', operationOutcome: 'Internal server error', retryable: true, written: [] } } : {}),
};

const services: ShellServices = {
  useSession: () => (view === 'error' ? { status: 'error', error: new Error('invalid_request: launch is unknown or expired') } : { status: 'ready', session: { fhirBaseUrl: 'http://127.0.0.1:4010/fhir', patientId: 'trd-two-failures', userReference: 'Practitioner/dr-demo', needPatientBanner: true, grantedScopes: [], http: { send: async () => { throw new Error('no'); } } } }),
  useRecord: () =>
    view === 'loading'
      ? { progress: queries.map((e, i) => (i > 3 ? { ...e, status: 'pending' as const } : e)), isLoading: true }
      : { result: { patientId: 'trd-two-failures', patient: { resourceType: 'Patient', id: 'trd-two-failures', name: [{ given: ['Alex'], family: 'Rivera' }], birthDate: '1980-05-17', gender: 'female' }, resources: [], queries, complete: view !== 'partial' }, progress: queries, isLoading: false },
  derive: () => ({ patient: 'trd-two-failures', asOf: '2026-11-22', demographics: { birthDate: '1980-05-17', ageYears: 46, deceased: false, deceasedDate: null, source: 'Patient/trd-two-failures' }, safety: [], trials: [], assessments: [], suggestions, scores: [], diagnoses: [], episodes: [], procedures: [], bloodPressure: [], used: [], unused: [], notes: [], careEvents: [], substanceUse: null, otherTreatments: [], psychotherapy: [], dataNotes: [], nextStep: chooseNextStep(suggestions, []) }),
  rules: [],
  renderPage: () => <div style={{ height: 300, border: '1px dashed #999', padding: 16 }}>(timeline page goes here)</div>,
  renderReview: (props) => <ReviewPanel {...props} />,
  buildDraft: (r) => ({ previewText: `Draft CarePlan (status draft, intent proposal) for this patient, author Practitioner/dr-demo.\nActivities:\n${r.chosen.map((s) => `  • ${s.name}: referral to psychiatry service (ServiceRequest, draft)`).join('\n')}\nNote: ${r.note || '(none)'}\nProvenance: this app and Practitioner/dr-demo.`, fhir: { resourceType: 'Bundle', type: 'transaction', entry: [] }, asText: 'text', asJson: '{}', payload: null }),
  useWriteBack: () => writeBack,
};

createRoot(document.getElementById('root')!).render(
  <ServicesProvider services={services}>
    <App />
  </ServicesProvider>,
);
if (['review', 'noscope', 'written', 'failed'].includes(view)) {
  setTimeout(() => {
    (document.getElementById('tab-options') as HTMLButtonElement | null)?.click();
    setTimeout(() => {
      for (const id of ['option-tms', 'option-esketamine']) (document.getElementById(id) as HTMLInputElement | null)?.click();
    }, 50);
  }, 50);
}
