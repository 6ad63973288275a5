/**
 * Hand-made records shaped as EHR exports send them (the public SMART sandbox's Synthea patients): SNOMED CT
 * conditions without a category, RxNorm orders with a unitless dose, `active` orders that never end, diagnoses given
 * as Encounter reasons, psychotherapy in CarePlan activities. Each builder writes one resource; nothing is copied
 * from the sandbox's bundles.
 */
import type { CarePlan, Condition, Encounter, MedicationRequest, Observation, Patient, Procedure } from 'fhir/r4';

export const PID = 'ehr-1';
export const AS_OF = '2026-12-01';
const subject = { reference: `Patient/${PID}` };
const SNOMED = 'http://snomed.info/sct';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
let seq = 0;
const id = (prefix: string) => `${prefix}-${++seq}`;

export function patient(extra: Partial<Patient> = {}): Patient {
  return { resourceType: 'Patient', id: PID, gender: 'male', birthDate: '1973-06-29', ...extra };
}

export function snomedCondition(code: string, display: string, onset: string, abatement?: string): Condition {
  return {
    resourceType: 'Condition',
    id: id('cond'),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: abatement ? 'resolved' : 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: SNOMED, code, display }], text: display },
    subject,
    onsetDateTime: `${onset}T10:00:00+00:00`,
    recordedDate: `${onset}T10:00:00+00:00`,
    ...(abatement ? { abatementDateTime: `${abatement}T10:00:00+00:00` } : {}),
  };
}

/** An order the way the sandbox writes it: RxNorm code and display, `doseQuantity: {value: n}` without a unit, once a day. */
export function rxOrder(
  code: string,
  display: string,
  authoredOn: string,
  status: MedicationRequest['status'],
  options: { units?: number | null; reason?: string; extra?: Partial<MedicationRequest> } = {},
): MedicationRequest {
  const units = options.units === undefined ? 1 : options.units;
  return {
    resourceType: 'MedicationRequest',
    id: id('rx'),
    status,
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
    subject,
    authoredOn: `${authoredOn}T10:00:00+00:00`,
    ...(options.reason ? { reasonReference: [{ reference: options.reason }] } : {}),
    ...(units === null
      ? {}
      : {
          dosageInstruction: [
            {
              sequence: 1,
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
              asNeededBoolean: false,
              doseAndRate: [{ doseQuantity: { value: units } }],
            },
          ],
        }),
    ...options.extra,
  };
}

export function encounter(
  klass: 'AMB' | 'IMP' | 'EMER',
  type: [string, string],
  start: string,
  options: { end?: string; reason?: [string, string]; diagnosis?: string } = {},
): Encounter {
  return {
    resourceType: 'Encounter',
    id: id('enc'),
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: klass },
    type: [{ coding: [{ system: SNOMED, code: type[0], display: type[1] }], text: type[1] }],
    subject,
    period: { start: `${start}T10:00:00+00:00`, end: `${options.end ?? start}T11:00:00+00:00` },
    ...(options.reason ? { reasonCode: [{ coding: [{ system: SNOMED, code: options.reason[0], display: options.reason[1] }] }] } : {}),
    ...(options.diagnosis ? { diagnosis: [{ condition: { reference: options.diagnosis } }] } : {}),
  };
}

export function carePlan(
  status: CarePlan['status'],
  category: [string, string],
  start: string,
  end: string | null,
  activities: Array<[string, string, string]>,
  addresses?: string,
): CarePlan {
  return {
    resourceType: 'CarePlan',
    id: id('cp'),
    status,
    intent: 'order',
    category: [{ coding: [{ system: SNOMED, code: category[0], display: category[1] }], text: category[1] }],
    subject,
    period: { start: `${start}T10:00:00+00:00`, ...(end ? { end: `${end}T10:00:00+00:00` } : {}) },
    ...(addresses ? { addresses: [{ reference: addresses }] } : {}),
    activity: activities.map(([code, display, st]) => ({
      detail: { code: { coding: [{ system: SNOMED, code, display }], text: display }, status: st as 'completed' },
    })),
  };
}

export function snomedProcedure(code: string, display: string, date: string): Procedure {
  return {
    resourceType: 'Procedure',
    id: id('proc'),
    status: 'completed',
    code: { coding: [{ system: SNOMED, code, display }], text: display },
    subject,
    performedPeriod: { start: `${date}T10:00:00+00:00`, end: `${date}T10:30:00+00:00` },
  };
}

export function loincObservation(code: string, display: string, date: string, value?: number): Observation {
  return {
    resourceType: 'Observation',
    id: id('obs'),
    status: 'final',
    code: { coding: [{ system: LOINC, code, display }], text: display },
    subject,
    effectiveDateTime: `${date}T10:00:00+00:00`,
    ...(value === undefined ? {} : { valueQuantity: { value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' } }),
  };
}

export const ref = (r: { resourceType: string; id?: string }) => `${r.resourceType}/${r.id}`;

/** A condition coded in ICD-10-CM, as some EHRs send them. */
export function icdCondition(code: string, display: string, onset: string): Condition {
  return {
    resourceType: 'Condition',
    id: id('cond'),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code, display }], text: display },
    subject,
    onsetDateTime: `${onset}T10:00:00+00:00`,
    abatementDateTime: `${onset}T18:00:00+00:00`,
  };
}

/** A rating-scale total without a LOINC code (CAPS-5, Y-BOCS), named as clinics record it. */
export function scaleObservation(name: string, date: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id: id('obs'),
    status: 'final',
    code: { text: `${name} total score` },
    subject,
    effectiveDateTime: `${date}T10:00:00+00:00`,
    valueQuantity: { value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
  };
}

/** One psychotherapy session recorded as a Procedure on each of `days`. */
export function sessions(code: string, display: string, days: string[]): Procedure[] {
  return days.map((day) => snomedProcedure(code, display, day));
}

/** `n` dates `everyDays` apart from `first` (YYYY-MM-DD). */
export function datesFrom(first: string, n: number, everyDays: number): string[] {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * everyDays * 86_400_000).toISOString().slice(0, 10));
}
