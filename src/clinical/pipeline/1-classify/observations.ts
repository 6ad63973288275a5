/** Observations: symptom scores, blood pressure, cognition scores and plasma levels of psychiatric drugs. */
import type { Observation } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { instrumentLabel } from '../../vocabulary';
import { type Day, isoDate, toDay } from '../../dates';
import { classifyDrugLevel, classifyObservation, observationNotUsedReason } from '../../terminology';
import type { Classified } from './classified';
import type { Memo } from './memo';
import { finiteOrNull, obj, str } from './typed-fields';

export function classifyObservationResource(ledger: Ledger, ref: string, o: Observation, asOf: Day, memo: Memo, out: Classified): void {
  const status = str(o.status);
  if (status === 'cancelled') {
    ledger.unused(ref, 'observation cancelled');
    return;
  }
  const { cognition, facts } = memo.observationCode(o.code);
  if (cognition) {
    const day = toDay(o.effectiveDateTime) ?? toDay(obj(o.effectivePeriod)?.start) ?? toDay(o.issued);
    if (day === null) {
      ledger.unused(ref, 'cognitive score without a date');
      return;
    }
    const value = finiteOrNull(o.valueQuantity?.value) ?? finiteOrNull(o.valueInteger);
    out.history.cognition.push({ instrument: cognition, day, value: value === null ? null : Math.round(value * 10) / 10, source: ref });
    ledger.use(ref, `${cognition === 'mmse' ? 'MMSE' : 'MoCA'} score (cognition, in the data notes)`);
    return;
  }
  const cls = classifyObservation(o, facts);
  const level = cls ? null : classifyDrugLevel(o, facts);
  if (!cls && !level) {
    ledger.unused(ref, observationNotUsedReason(o, facts));
    return;
  }
  const day = toDay(o.effectiveDateTime) ?? toDay(obj(o.effectivePeriod)?.start) ?? toDay(o.effectiveInstant) ?? toDay(o.issued);
  if (day === null) {
    ledger.unused(ref, 'no date');
    return;
  }
  if (day > asOf) {
    ledger.unused(ref, `dated in the future (${isoDate(day)})`);
    return;
  }
  if (level) {
    // Settled later (used for a trial of the drug, or not used) when trials exist.
    out.levels.push({
      ingredient: level.ingredient,
      day,
      value: level.value,
      unit: level.unit,
      undetectable: level.undetectable,
      source: ref,
      ...(level.alsoFor ? { alsoFor: level.alsoFor } : {}),
    });
    return;
  }
  if (!cls) return;
  if ('bloodPressure' in cls) {
    const { systolic, diastolic } = cls.bloodPressure;
    out.bloodPressure.push({ date: isoDate(day), systolic: finiteOrNull(systolic), diastolic: finiteOrNull(diastolic), source: ref });
    ledger.use(ref, 'blood pressure');
    return;
  }
  if (!Number.isFinite(cls.value)) {
    ledger.unused(ref, `${cls.instrument} without a numeric value`);
    return;
  }
  out.scores.push({ instrument: cls.instrument, date: isoDate(day), value: cls.value, source: ref });
  ledger.use(ref, `${instrumentLabel(cls.instrument)} score`);
}
