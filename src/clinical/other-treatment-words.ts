/**
 * Medications kept on the record but not assessed for treatment resistance (a stimulant for ADHD, a drug for epilepsy
 * or dementia, an opioid), in the words every view and note gives them.
 */
import type { Derivation, OtherTreatment } from './types';

/** The heading of the other treatments wherever they are listed. */
export const OTHER_TREATMENTS_HEADING = 'Other treatments (not assessed for treatment resistance)';

/** "methylphenidate 20 mg/day (treatment of ADHD), since 2018-09-06"; "galantamine (treatment of dementia), 2020-03-25 to 2020-04-23". */
export function otherTreatmentWords(o: OtherTreatment): string {
  const dose = o.dose ? ` ${o.dose}` : '';
  const when = o.end === null ? `since ${o.start}` : o.end === o.start ? `on ${o.start}` : `${o.start} to ${o.end}`;
  return `${o.ingredient}${dose} (${o.indication}), ${when}`;
}

/** The other treatments taken now, or at death for a deceased patient, in the order they were started. */
export function otherTreatmentsNow(d: Pick<Derivation, 'otherTreatments' | 'asOf' | 'demographics'>): OtherTreatment[] {
  const last = d.demographics?.deceasedDate ?? d.asOf;
  return (d.otherTreatments ?? []).filter((o) => o.end === null || o.end >= last);
}

/**
 * The first screen's line of other treatments no longer taken: the running ones are on the regimen line, where a
 * psychiatrist looks for what the patient takes, and are not listed twice.
 */
export const EARLIER_OTHER_TREATMENTS_HEADING = 'Earlier other treatments (not assessed for treatment resistance)';

/** The other treatments that ended before now (or before death), in the order they were started. */
export function otherTreatmentsEarlier(d: Pick<Derivation, 'otherTreatments' | 'asOf' | 'demographics'>): OtherTreatment[] {
  const now = new Set(otherTreatmentsNow(d));
  return (d.otherTreatments ?? []).filter((o) => !now.has(o));
}

/** The regimen line's item for a running other treatment: it runs, but no treatment-resistance rule judges it. */
export function otherTreatmentRunningWords(o: OtherTreatment): string {
  return `${otherTreatmentWords(o)} (not assessed for treatment resistance)`;
}

/** The regimen line when no trial and no other treatment runs. */
export function nothingRunningWords(d: Pick<Derivation, 'demographics'>): string {
  return d.demographics?.deceased === true ? 'no psychiatric medication was running at death in the record' : 'no psychiatric medication is running in the record';
}
