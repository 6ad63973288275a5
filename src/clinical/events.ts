/**
 * What the first pass (pipeline/1-classify/) makes of medication and intolerance records, read by the passes after it
 * (trials, adherence, outcome, history). Types only, so those passes do not depend on the classifier.
 */
import type { Day } from './dates';
import type { DrugClass, MedicationIdentity, StopReasonKind } from './types';

export type EventKind = 'statement' | 'request' | 'dispense';

/** One medication record on the time axis (a statement, a prescription's supply, or a dispense). */
export interface MedicationEvent {
  reference: string;
  kind: EventKind;
  ingredient: string;
  drugClass: DrugClass;
  identity: MedicationIdentity;
  /** "Medication/x" when the medication came from a referenced Medication resource. */
  medicationSource?: string;
  start: Day;
  /** Last day covered (inclusive); asOf for ongoing records. */
  end: Day;
  /** True when the record says the agent is still taken as of asOf. */
  ongoing: boolean;
  /** An open record (active or on-hold order, active statement without an end): runs until replaced, stopped or death. */
  open: boolean;
  /** True when the record ended but says nowhere when (completed/stopped without an end date). */
  endUnknown: boolean;
  dailyDoseMg: number | null;
  doseBasis: string;
  /** True when the record states no supply, end or quantity and its span is the assumed DEFAULT_SUPPLY_DAYS. */
  supplyAssumed: boolean;
  /** Orders only: the note saying the supply was assumed (one trial of many such orders says it once for all). */
  assumedSupplyNote: string | null;
  /** Dispenses only: days supplied (for adherence). */
  daysSupply: number | null;
  /** Why it was stopped, when the record says so. */
  stopReason: StopReason | null;
  notes: string[];
  /** An open record nothing has renewed, dispensed or restated for STALE_ORDER_DAYS: the last such day, and days since. */
  unconfirmedSince?: { day: Day; days: number };
}

export interface StopReason {
  /**
   * mixed: the reason names both a lack of effect and an adverse effect ("no improvement; sedation"); unclassified: it
   * names neither, so tolerability is unknown (never read as tolerated).
   */
  kind: StopReasonKind;
  text: string;
  /** The named adverse effects the reason mentions ("hyperprolactinaemia"), in the table's order. */
  effects: string[];
  /** The safety events the reason names ("an intentional overdose"), in the table's order. */
  safetyEvents?: string[];
}

export interface IntoleranceEvidence {
  ingredient: string;
  day: Day | null;
  text: string;
  reference: string;
}
