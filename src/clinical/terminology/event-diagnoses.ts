/**
 * Diagnoses that record an event on a day rather than a state that lasts: an overdose or poisoning, a suicide attempt,
 * self-harm, an injury, the reason for a visit. Without an abatement date such a record would otherwise read as a
 * diagnosis running to today; the timeline draws it as a point on its date.
 */
import type { DiagnosisKind, DiagnosisSpan, RuleRef } from '../types';
import { rule } from './sources';

/** Kinds that are events whatever their code (an overdose, a suicide attempt, self-harm). */
const EVENT_KINDS: ReadonlySet<DiagnosisKind> = new Set<DiagnosisKind>(['overdose', 'suicide-attempt', 'self-harm']);

/**
 * ICD-10's chapters of events: XIX injury, poisoning and other consequences of external causes (S00-T88) and XX
 * external causes (V01-Y99), by their first letter.
 */
const ICD10_EVENT_CHAPTERS = /^[STVWXY]\d/i;

export const EVENT_DIAGNOSIS_RULE: RuleRef = rule(
  'condition.event',
  'A diagnosis that records an event on a day (an overdose or poisoning, a suicide attempt, self-harm, an ICD-10 injury or external cause, S00-Y99, or the reason for a visit given on the Encounter) is a point on its date on the timeline, not a span: with no abatement recorded it would otherwise run to today.',
  'ICD-10-CM chapters 19-20 (S00-T88 injury and poisoning; V00-Y99 external causes); the rest is a working rule',
  'U',
);

/** Whether a diagnosis records an event on its onset day (see EVENT_DIAGNOSIS_RULE). */
export function isEventDiagnosis(d: Pick<DiagnosisSpan, 'kind' | 'code' | 'system' | 'source'>): boolean {
  if (EVENT_KINDS.has(d.kind)) return true;
  if (d.source.startsWith('Encounter/')) return true;
  return /icd-10/i.test(d.system) && ICD10_EVENT_CHAPTERS.test(d.code);
}
