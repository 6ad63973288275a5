/**
 * Safety: what the Patient resource says (age, death) and the items of the safety strip that heads every view and note.
 */
import type { ReferenceId } from '../references/registry';

/** What the Patient resource says that the rules use: age limits and death. */
export interface Demographics {
  /** Patient.birthDate as recorded, or null. */
  birthDate: string | null;
  /** Whole years at asOf (or at death), or null without a readable birth date. */
  ageYears: number | null;
  deceased: boolean;
  /** Date of death (deceasedDateTime), or null when only deceasedBoolean says so. */
  deceasedDate: string | null;
  /** "Patient/<id>", or null when the Patient resource was not read. */
  source: string | null;
}

export type SafetyKind =
  | 'deceased'
  | 'suicidality-screen'
  /** A positive PHQ-9 item 9, or coded suicidal ideation, earlier in the current episode and no longer current: history. */
  | 'suicidality-history'
  | 'suicide-risk-assessment'
  /** A current depressive episode with no recent PHQ-9, or no recent answer to its item 9 or C-SSRS. */
  | 'screening-gap'
  | 'suicidal-ideation'
  | 'suicide-attempt'
  | 'self-harm'
  | 'overdose'
  | 'pregnancy'
  | 'postpartum'
  | 'breastfeeding'
  | 'maoi'
  | 'clozapine'
  | 'lithium'
  /** Clomipramine taken now: ECG, seizure threshold, lethality in overdose (its label). */
  | 'clomipramine'
  | 'psychotic-features'
  | 'catatonia'
  /** A recorded intracerebral haemorrhage, aneurysm or vascular malformation, at any date. */
  | 'intracranial-vascular'
  /** An implant in or near the head (cochlear implant, stimulator, clip), as a Device or a status code, at any date. */
  | 'head-implant'
  | 'substance-use';

/**
 * One item of the safety strip that heads every view and every note: what was found, when, in which resources, and
 * what it asks of the clinician. Never a resource id in the words: the resources are in `sources` (links).
 */
export interface SafetyItem {
  kind: SafetyKind;
  /** A few words: "Pregnancy, 16 weeks", "Suicidal thoughts on PHQ-9 item 9". */
  title: string;
  /** One sentence: what the record shows, with values. */
  detail: string;
  /** The date of the finding (ISO), or null when the record gives none. */
  date: string | null;
  /** What the date is, present whenever the date is ("recorded", "onset", "since", "onset recorded" beside a pregnancy's gestation). */
  dateLabel?: string;
  /** What it asks for ("Assess suicide risk now (C-SSRS)"), when it asks for something. */
  action?: string;
  /** Resource references behind it ("Observation/abc"). */
  sources: string[];
  /** The rule's sources (registry ids), for the sources page. */
  references: ReferenceId[];
}
