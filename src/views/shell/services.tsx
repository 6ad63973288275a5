/**
 * What the shell needs from the other layers, as one injected object.
 *
 * WHY a context instead of direct imports: the shell and review screens are tested with fakes (no fhirclient, no
 * network), and the real implementations (src/fhir hooks, the engine, the timeline page, the write-back hook) are
 * wired in one place only: `real-services.tsx`, used by src/main.tsx. The view-model types below are the shell's own,
 * so a change in another layer's shapes is absorbed by that one adapter file.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Resource } from 'fhir/r4';
import type { PatientReadResult, QueryLogEntry, SmartSession } from '../../fhir/contract';
import type { Derivation, InterventionId, PatientRecord, RuleRef, Suggestion } from '../../clinical/types';
import type { ReviewPanelProps } from '../review/ReviewPanel';

/** Outcome of the SMART `ready()` step. */
export type SessionState =
  | { status: 'launching' }
  | { status: 'ready'; session: SmartSession }
  | { status: 'error'; error: unknown };

/** Progress and result of reading the launched patient's record. */
export interface RecordState {
  result?: PatientReadResult;
  /** One entry per query, updated while reading. */
  progress: QueryLogEntry[];
  error?: unknown;
  isLoading: boolean;
}

/** Whether the lazily loaded part of the app (engine, timeline, write-back) is there. */
export type AnalysisStatus = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

export type LaunchErrorKind =
  | 'app-load-failed'
  | 'no-launch-state'
  | 'access-denied'
  | 'oauth-error'
  | 'session-expired'
  | 'read-timeout'
  | 'read-failed'
  | 'analysis-failed'
  | 'unexpected';

/** A failure explained for the clinician: what happened and what to do. Never a stack trace. */
export interface ExplainedError {
  kind: LaunchErrorKind;
  title: string;
  explanation: string;
  /** Text from the server or library (e.g. an OAuth error_description), shown verbatim as text. */
  detail?: string;
  /** What to do next. */
  action: string;
}

/** What the clinician chose on the review screen, handed to the draft builder. */
export interface DraftRequest {
  derivation: Derivation;
  /** The options ticked (and justified where required), as the engine evaluated them. */
  chosen: Suggestion[];
  /** The clinician's free-text note. */
  note: string;
  /** Reasons written for proposing a contraindicated or not-eligible option (they go into the plan). */
  overrideReasons: Partial<Record<InterventionId, string>>;
  /** Per referral option: the receiving service, priority and note the clinician chose (defaults when absent). */
  referrals?: Partial<Record<InterventionId, ReferralChoiceView>>;
  session: SmartSession;
  /** Today (local calendar date), part of the plan's stable identifier. */
  date: string;
}

export interface ReferralChoiceView {
  serviceId?: string;
  priority?: 'routine' | 'urgent' | 'asap';
  note?: string;
}

/** A receiving service the clinician can pick for a referral. */
export interface ServiceOption {
  id: string;
  name: string;
}

/** A draft ready to preview and write. `payload` is whatever the write layer needs back. */
export interface DraftView {
  /** Plain-words preview of what will be written. */
  previewText: string;
  /** The FHIR that will be sent (a transaction Bundle), for the raw view. */
  fhir: unknown;
  /** Copy-to-note text. */
  asText: string;
  /** Download-as-FHIR-JSON text. */
  asJson: string;
  payload: unknown;
}

/** What an option is, beside its evaluation: from the suggestions catalog, with verification tags in the text. */
export interface OptionInfo {
  summary: string;
  usualCourse: string;
  regulatory: string;
  references: string[];
  /** True when confirming writes it as a referral (ServiceRequest), not only as a CarePlan activity. */
  referral: boolean;
  /** The receiving service it goes to unless the clinician picks another (referrals only). */
  defaultServiceId?: string;
}

export type WriteState = 'idle' | 'writing' | 'done' | 'error';

export interface WrittenResource {
  resourceType: string;
  id: string;
  /** In clinical words: "Draft referral to the ECT service". */
  label?: string;
  /** Where the record can be opened (the FHIR server's URL of it), when known. */
  url?: string;
  /** "created", "already existed", … in plain words. */
  outcome: string;
}

export interface WriteResultView {
  written: WrittenResource[];
  readBack: { confirmed: boolean; detail: string };
  /** How it was written ("in one transaction", "one resource at a time"). */
  how?: string;
  /** Plain-words account of what happened, in order ("Found the plan from an earlier attempt", …). */
  account?: string[];
}

export interface WriteErrorView {
  message: string;
  /** OperationOutcome issue text from the server, shown as text. */
  operationOutcome?: string;
  /** 5xx, 429, network, timeout: the clinician may retry. */
  retryable: boolean;
  /** The session with the EHR ended: nothing more can be written until the app is relaunched from the chart. */
  sessionExpired?: boolean;
  /** Resources already written before the failure (never presented as a complete plan). */
  written?: WrittenResource[];
}

export interface WriteBackView {
  canWrite: boolean;
  /** Why writing is unavailable (e.g. the write scope was not granted). */
  reasonIfNot?: string;
  state: WriteState;
  write(draft: DraftView): void;
  retry(): void;
  /** After a plan was written: back to review, to prepare and write a different one (what was written stays). */
  startOver?(): void;
  result?: WriteResultView;
  error?: WriteErrorView;
}

/** What the timeline page may ask of the shell. */
export interface PageActions {
  /** Switch to the options tab (the summary's "next step" link). */
  onOpenOptions?: () => void;
  /** Open the records panel on these "Type/id" references (the strip's, tables' and details' "records" buttons). */
  onSelectSources?: (references: string[], about?: string) => void;
}

/** One record read, in clinical words, for the records panel. */
export interface RecordView {
  /** "Medication order", "Dispense", "Diagnosis", "Questionnaire score"… */
  kind: string;
  /** What the record names, in its own words ('' when nothing). */
  what: string;
  codes: { display: string; system: string; code: string }[];
  dates: { label: string; value: string }[];
  status: string | null;
  details: { label: string; value: string }[];
  /** The record's FHIR address (`[base]/Type/id`), when the FHIR base is known. */
  url?: string;
}

/** Looks a "Type/id" reference up among the records read; null when it is not among them. */
export type RecordLookup = (reference: string) => RecordView | null;

export interface ShellServices {
  useSession(): SessionState;
  useRecord(session: SmartSession): RecordState;
  /**
   * When the engine/timeline/write-back are loaded lazily: their status. `derive`, `rules`, `renderPage`,
   * `buildDraft` and `useWriteBack` are used only once it is 'ready'. Absent: always ready.
   */
  useAnalysisStatus?(): AnalysisStatus;
  derive(record: PatientRecord, asOf: string): Derivation;
  rules: RuleRef[];
  /** The main treatment-resistance page (src/views/timeline). */
  renderPage(derivation: Derivation, rules: RuleRef[], actions?: PageActions): ReactNode;
  /**
   * The options and care-plan screen (src/views/review). Through the services, so it loads with the engine's chunk:
   * its option and safety wording comes from the engine's modules, which would otherwise join the initial JavaScript.
   */
  renderReview(props: ReviewPanelProps): ReactNode;
  buildDraft: (request: DraftRequest) => DraftView;
  /**
   * The records read, described for the records panel (optional: without it the "records" buttons are not shown).
   * Built once per read; `fhirBaseUrl` gives each record's address.
   */
  recordLookup?(resources: Resource[], fhirBaseUrl?: string): RecordLookup;
  /** Catalog facts about an option (null when unknown); optional, the cards then show the evaluation only. */
  describeOption?(id: InterventionId): OptionInfo | null;
  /** The receiving services a referral can go to; optional (the default service is then used). */
  receivingServices?: ServiceOption[];
  useWriteBack(session: SmartSession): WriteBackView;
  /** Turns a launch/read error into words; return null to fall back on the shell's own classification. */
  explainError?(error: unknown): ExplainedError | null;
  /** Overall bound on the wait for the record (ms) before the page gives up with a message. */
  readTimeoutMs?: number;
  /** After this many ms of loading, say that it is taking longer than usual. */
  slowNoticeMs?: number;
}

const ServicesContext = createContext<ShellServices | null>(null);

export function ServicesProvider({ services, children }: { services: ShellServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): ShellServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ShellServices missing: wrap the app in <ServicesProvider>.');
  return services;
}
