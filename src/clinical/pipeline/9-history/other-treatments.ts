/**
 * Medications that are not psychiatric trials (an anticonvulsant or benzodiazepine for epilepsy, a stimulant for
 * ADHD, a cognitive enhancer, an opioid): which are, and their courses, each record settled in the ledger.
 */
import type { Ledger } from '../../accounting';
import type { MedicationEvent } from '../../events';
import { isoDate } from '../../dates';
import { describeCurrentDose } from '../../vocabulary';
import { EPILEPSY_OR_PSYCHIATRIC } from '../../terminology/history-codes';
import type { DiagnosisKind, DiagnosisSpan, OtherTreatment } from '../../types';
import { buildTrials } from '../2-trials';
import type { HistoryInputs, OtherMedicationEvent } from './history-inputs';

/** Mood and anxiety disorders: with one of these an anticonvulsant or benzodiazepine may be psychiatric treatment. */
const MOOD_OR_ANXIETY: ReadonlySet<DiagnosisKind> = new Set<DiagnosisKind>(['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd', 'anxiety']);

/**
 * Anticonvulsants and benzodiazepines: the order's own reason decides; without one, epilepsy without a mood or
 * anxiety disorder makes them treatment of the epilepsy. Moves those events from the trials to other treatments.
 */
export function separateByIndication(c: { diagnoses: DiagnosisSpan[]; events: MedicationEvent[] }, h: HistoryInputs, reasonKinds: Map<string, DiagnosisKind[]>): void {
  const kinds = new Set(c.diagnoses.map((d) => d.kind));
  for (const v of h.visitReasons) kinds.add(v.kind);
  const hasEpilepsy = kinds.has('epilepsy');
  const moodOrAnxiety = [...kinds].some((k) => MOOD_OR_ANXIETY.has(k));
  const kept: MedicationEvent[] = [];
  for (const e of c.events) {
    const group = EPILEPSY_OR_PSYCHIATRIC[e.ingredient];
    const reasons = reasonKinds.get(e.reference) ?? [];
    let indication: string | null = null;
    if (group && reasons.includes('epilepsy') && !reasons.some((k) => MOOD_OR_ANXIETY.has(k))) indication = 'ordered for epilepsy';
    else if (group && reasons.length === 0 && hasEpilepsy && !moodOrAnxiety) indication = 'for epilepsy: no mood or anxiety disorder is recorded';
    if (indication) h.otherMedications.push({ event: e, category: 'epilepsy', indication: `${group} ${indication}` });
    else kept.push(e);
  }
  c.events = kept;
}

/** Other treatments as courses (records of one agent less than 30 days apart merged), each settled in the ledger. */
export function otherTreatments(h: HistoryInputs, ledger: Ledger): OtherTreatment[] {
  const byCategory = new Map<string, OtherMedicationEvent[]>();
  for (const o of h.otherMedications) {
    const key = `${o.category}\u0001${o.indication}`;
    const list = byCategory.get(key);
    if (list) list.push(o);
    else byCategory.set(key, [o]);
  }
  const out: OtherTreatment[] = [];
  for (const list of byCategory.values()) {
    const { category, indication } = list[0]!;
    for (const course of buildTrials(list.map((o) => o.event))) {
      const sources: string[] = [];
      for (const e of course.events) {
        sources.push(e.reference);
        ledger.use(e.reference, `other treatment: ${course.ingredient} (${indication}; not a psychiatric trial)`);
        if (e.medicationSource) {
          ledger.use(e.medicationSource, `medication of other treatment ${course.ingredient}`);
          sources.push(e.medicationSource);
        }
      }
      const dose = describeCurrentDose(course.segments, course.ingredient);
      out.push({ ingredient: course.ingredient, indication, dose: dose === 'dose unknown' ? null : dose, category, start: isoDate(course.start), end: course.ongoing ? null : isoDate(course.end), sources });
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
