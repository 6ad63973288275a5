/**
 * Fakes for the shell's injected services: no fhirclient, no network, no engine. Each test states exactly what the
 * other layers return, so the tests check the shell's behaviour only.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Patient } from 'fhir/r4';
import type { PatientReadResult, QueryLogEntry, SmartSession } from '../../../src/fhir/contract';
import type { Derivation, Suggestion } from '../../../src/clinical/types';
import { App } from '../../../src/views/App';
import { chooseNextStep } from '../../../src/clinical/suggestions/next-step';
import { ReviewPanel } from '../../../src/views/review/ReviewPanel';
import {
  ServicesProvider,
  type DraftRequest,
  type DraftView,
  type RecordState,
  type SessionState,
  type ShellServices,
  type WriteBackView,
  type WriteErrorView,
  type WriteResultView,
} from '../../../src/views/shell/services';

export const patient: Patient = {
  resourceType: 'Patient',
  id: 'trd-two-failures',
  name: [{ use: 'official', given: ['Alex'], family: 'Rivera' }],
  birthDate: '1980-05-17',
  gender: 'female',
};

export function session(overrides: Partial<SmartSession> = {}): SmartSession {
  return {
    fhirBaseUrl: 'http://127.0.0.1:4010/fhir',
    patientId: 'trd-two-failures',
    userReference: 'Practitioner/dr-demo',
    needPatientBanner: true,
    grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/*.read', 'patient/CarePlan.write'],
    http: { send: vi.fn() },
    ...overrides,
  };
}

export function query(resourceType: string, overrides: Partial<QueryLogEntry> = {}): QueryLogEntry {
  return { resourceType, query: `${resourceType}?patient=trd-two-failures`, status: 'done', count: 3, pages: 1, ...overrides };
}

export function readResult(overrides: Partial<PatientReadResult> = {}): PatientReadResult {
  return {
    patientId: 'trd-two-failures',
    patient,
    resources: [patient],
    queries: [query('MedicationRequest', { count: 12, pages: 2 }), query('Condition', { count: 2 })],
    complete: true,
    ...overrides,
  };
}

export function suggestion(overrides: Partial<Suggestion> & Pick<Suggestion, 'intervention'>): Suggestion {
  return {
    name: overrides.intervention.toUpperCase(),
    status: 'suggested',
    urgent: false,
    referralPriority: overrides.urgent ? 'urgent' : 'routine',
    priorityReasons: overrides.urgent ? [{ text: 'C-SSRS 5 on 2026-11-01', sources: ['Observation/cssrs-1'] }] : [],
    reasons: [{ text: 'Two failed adequate antidepressant trials in the current episode', sources: ['MedicationRequest/mr-1'] }],
    cautions: [],
    contraindications: [],
    order: 10,
    ...overrides,
  };
}

const defaultSuggestions: Suggestion[] = [
  suggestion({ intervention: 'tms', name: 'Repetitive transcranial magnetic stimulation (rTMS)', order: 20 }),
  suggestion({
    intervention: 'esketamine',
    name: 'Esketamine nasal spray',
    status: 'consider',
    urgent: true,
    order: 30,
    cautions: [{ text: 'Blood pressure 150/95 on 2026-10-01', sources: ['Observation/bp-1'] }],
  }),
  suggestion({
    intervention: 'ect',
    name: 'Electroconvulsive therapy (ECT)',
    status: 'contraindicated',
    order: 40,
    reasons: [{ text: 'Treatment-resistant depression', sources: ['Condition/mdd'] }],
    contraindications: [{ text: 'Raised intracranial pressure recorded', sources: ['Condition/icp'] }],
  }),
  suggestion({
    intervention: 'vns',
    name: 'Vagus nerve stimulation (VNS)',
    status: 'not-eligible',
    order: 50,
    reasons: [{ text: 'VNS needs 4 failed adequate treatments; 2 found', sources: [] }],
  }),
];

export function derivation(overrides: Partial<Derivation> = {}): Derivation {
  const d: Omit<Derivation, 'nextStep'> = {
    patient: 'trd-two-failures',
    asOf: '2026-11-22',
    demographics: { birthDate: '1980-05-17', ageYears: 46, deceased: false, deceasedDate: null, source: 'Patient/trd-two-failures' },
    safety: [],
    trials: [],
    assessments: [],
    suggestions: defaultSuggestions,
    scores: [],
    diagnoses: [],
    episodes: [],
    procedures: [],
    bloodPressure: [],
    used: [],
    unused: [],
    notes: [],
    careEvents: [], substanceUse: null, otherTreatments: [], psychotherapy: [], dataNotes: [],
    ...overrides,
  };
  return { ...d, nextStep: overrides.nextStep ?? chooseNextStep(d.suggestions, d.assessments) };
}

/** A write-back hook whose state the test drives: `write()` records the call and moves to "writing". */
export function fakeWriteBack(initial: Partial<WriteBackView> = {}) {
  let snapshot: WriteBackView;
  const listeners = new Set<() => void>();
  const write = vi.fn((_draft: DraftView) => set({ state: 'writing' }));
  const retry = vi.fn(() => set({ state: 'writing', error: undefined }));
  const startOver = vi.fn(() => set({ state: 'idle', result: undefined, error: undefined }));
  function set(patch: Partial<WriteBackView>) {
    snapshot = { ...snapshot, ...patch };
    listeners.forEach((listener) => listener());
  }
  snapshot = { canWrite: true, state: 'idle', write, retry, startOver, ...initial };
  return {
    write,
    retry,
    startOver,
    finish(result: WriteResultView) {
      set({ state: 'done', result });
    },
    fail(error: WriteErrorView) {
      set({ state: 'error', error });
    },
    useWriteBack: (): WriteBackView =>
      useSyncExternalStore(
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        () => snapshot,
      ),
  };
}

export function fakeDraft(request: DraftRequest): DraftView {
  const names = request.chosen.map((s) => s.name).join(', ');
  const bundle = { resourceType: 'Bundle', type: 'transaction', entry: request.chosen.map((s) => ({ resource: { resourceType: 'ServiceRequest', code: { text: s.name } } })) };
  return {
    previewText: `A draft CarePlan proposing: ${names}.${request.note ? ` Note: ${request.note}` : ''}`,
    fhir: bundle,
    asText: `Draft care plan: ${names}`,
    asJson: JSON.stringify(bundle),
    payload: request,
  };
}

export interface FakeOptions {
  session?: SessionState;
  record?: RecordState;
  derivation?: Derivation;
  derive?: ShellServices['derive'];
  renderPage?: ShellServices['renderPage'];
  writeBack?: ReturnType<typeof fakeWriteBack>;
  buildDraft?: ShellServices['buildDraft'];
  readTimeoutMs?: number;
  slowNoticeMs?: number;
  explainError?: ShellServices['explainError'];
  describeOption?: ShellServices['describeOption'];
}

export function fakeServices(options: FakeOptions = {}): ShellServices & { writeBackControl: ReturnType<typeof fakeWriteBack> } {
  const writeBack = options.writeBack ?? fakeWriteBack();
  const theDerivation = options.derivation ?? derivation();
  return {
    useSession: () => options.session ?? { status: 'ready', session: session() },
    useRecord: () => options.record ?? { result: readResult(), progress: [], isLoading: false },
    derive: options.derive ?? (() => theDerivation),
    rules: [],
    renderPage: options.renderPage ?? ((d) => <p>Timeline page for {d.patient}</p>),
    renderReview: (props) => <ReviewPanel {...props} />,
    buildDraft: options.buildDraft ?? vi.fn(fakeDraft),
    useWriteBack: writeBack.useWriteBack,
    writeBackControl: writeBack,
    ...(options.explainError ? { explainError: options.explainError } : {}),
    ...(options.describeOption ? { describeOption: options.describeOption } : {}),
    ...(options.readTimeoutMs !== undefined ? { readTimeoutMs: options.readTimeoutMs } : {}),
    ...(options.slowNoticeMs !== undefined ? { slowNoticeMs: options.slowNoticeMs } : {}),
  };
}

/** Like main.tsx, errors caught by the boundaries are not printed (their messages may quote patient data). */
const silentRoot = { onCaughtError: () => {} };

export function renderApp(services: ShellServices) {
  return render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
    silentRoot,
  );
}

export function withServices(services: ShellServices, node: ReactNode) {
  return render(<ServicesProvider services={services}>{node}</ServicesProvider>, silentRoot);
}

export function appState(): string | undefined {
  return document.documentElement.dataset.appState;
}
