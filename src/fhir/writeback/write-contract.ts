/**
 * Types of the confirmed write-back: what the review screen builds (a draft), what writing returns (a result)
 * and how it fails (WriteBackError). The review UI (src/views/review) builds on these through useWriteBack.
 */
import type { Bundle, CarePlan, Provenance, ServiceRequest } from 'fhir/r4';
import type { Derivation, InterventionId, Suggestion } from '../../clinical/types';

/** Who is writing: the app identity as it appears in Provenance. */
export interface AppIdentity {
  name: string;
  version?: string;
  /** A Device reference ("Device/trd-timeline") when the EHR registered one; otherwise the app is named by display. */
  deviceReference?: string;
}

/** Everything the draft is built from. Pure input: "today" and "now" are passed in, never read from a clock. */
export interface WriteBackInput {
  /** With its headline (nextStep, and the suggestions it names), the plan leads with it after the safety items. */
  derivation: Pick<Derivation, 'patient' | 'trials' | 'assessments'> & { safety?: Derivation['safety']; nextStep?: Derivation['nextStep']; suggestions?: Derivation['suggestions'] };
  /** The options the clinician ticked, as the engine evaluated them (their reasons go into the plan). */
  chosen: Suggestion[];
  /** Reasons the clinician wrote for proposing a contraindicated or not-eligible option. */
  overrideReasons?: Partial<Record<InterventionId, string>>;
  /** The clinician's free-text note. */
  note?: string;
  /** Per referral option: the receiving service (RECEIVING_SERVICES id), priority and a note; defaults apply when absent. */
  referrals?: Partial<Record<InterventionId, ReferralChoice>>;
  patientId: string;
  /** The launching user ("Practitioner/123") from the fhirUser claim, or null when unknown. */
  userReference: string | null;
  app: AppIdentity;
  /** The plan's calendar date ("2026-11-22"): part of the stable identifier (same day + same choice = same plan). */
  date: string;
  /** The instant recorded in Provenance (ISO 8601 with time zone). Defaults to midnight UTC of `date`. */
  recorded?: string;
}

/** What the clinician chose for one referral. */
export interface ReferralChoice {
  serviceId?: string;
  priority?: 'routine' | 'urgent' | 'asap';
  note?: string;
}

/** A business identifier in our own system. */
export interface StableIdentifier {
  system: string;
  value: string;
}

/** The draft shown for review and written on confirmation. */
export interface WriteBackDraft {
  patientId: string;
  chosen: InterventionId[];
  /** The CarePlan's identifier: a hash of (patient, chosen option ids, date). */
  identifier: StableIdentifier;
  carePlan: CarePlan;
  /** One per chosen option that is a referral; linked from the CarePlan's activity.reference. */
  serviceRequests: ServiceRequest[];
  provenance: Provenance;
  /** The transaction Bundle (urn:uuid fullUrls, ifNoneExist per entry). */
  bundle: Bundle;
  /** Plain-words lines of what will be written, for the confirmation screen. */
  preview: string[];
  /** The plan as plain text for a note (no markdown escapes), safety items first. */
  text: string;
}

export type WriteMode = 'transaction' | 'sequential';

export interface WrittenResource {
  resourceType: 'CarePlan' | 'ServiceRequest' | 'Provenance';
  id: string;
  /** "CarePlan/123" */
  reference: string;
  /** created now; existed: found from an earlier attempt, launch or tab; updated: its links were completed. */
  outcome: 'created' | 'existed' | 'updated';
  /** Plain words: "Draft care plan (3 options)", "Referral: ECT". */
  label: string;
}

export interface WriteBackResult {
  identifier: StableIdentifier;
  mode: WriteMode;
  /**
   * created: written now; already-existed: the same plan was already complete on the server (retry, double click,
   * second tab or second launch the same day); completed: an earlier attempt had written part of it, the rest now.
   */
  status: 'created' | 'already-existed' | 'completed';
  resources: WrittenResource[];
  /** Plain-words account of what happened, in order. */
  account: string[];
  /** True when every resource was read back by id after writing (a Provenance the app may not read does not count against it). */
  confirmed: boolean;
  /** References accepted by the EHR that this app was not allowed to read back (Provenance under patient-level access). */
  unreadable?: string[];
}

export type WriteBackErrorKind =
  /** No write scope was granted for CarePlan/ServiceRequest/Provenance. */
  | 'no-scope'
  /** 401/403 from the server. */
  | 'forbidden'
  /** The FHIR layer reported the session over (401 that could not be refreshed): relaunch. */
  | 'session-expired'
  /** 4xx other than the above: the server rejected the content (OperationOutcome text in `detail`). */
  | 'rejected'
  /** 409/412 and the plan could not be found afterwards. */
  | 'conflict'
  /** 5xx. */
  | 'server'
  /** 429. */
  | 'rate-limited'
  /** No HTTP answer: network failure or timeout. */
  | 'network'
  /** Some resources were written, others not: never shown as complete. */
  | 'partial';

export class WriteBackError extends Error {
  override readonly name = 'WriteBackError';
  constructor(
    readonly kind: WriteBackErrorKind,
    message: string,
    readonly options: {
      /** Whether offering "retry" makes sense (a retry first searches for the plan, so it never duplicates). */
      retryable: boolean;
      httpStatus?: number;
      /** Server text (OperationOutcome diagnostics/details), plain text. */
      detail?: string;
      /** What was already written before the failure. */
      written?: WrittenResource[];
      account?: string[];
    },
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.options.retryable;
  }
  get written(): WrittenResource[] {
    return this.options.written ?? [];
  }
  get account(): string[] {
    return this.options.account ?? [];
  }
  get detail(): string {
    return this.options.detail ?? '';
  }
}

export interface WriteCapability {
  canWrite: boolean;
  /** Plain words, null when writing is possible. */
  reasonIfNot: string | null;
}
