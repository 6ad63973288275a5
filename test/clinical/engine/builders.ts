/**
 * Small builders for hand-made FHIR records in engine tests. Dates are absolute; tests use AS_OF below.
 */
import type {
  AllergyIntolerance,
  Condition,
  Dosage,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
  Resource,
} from 'fhir/r4';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';

export const AS_OF = '2026-01-01';
export const PID = 'p1';
const subject = { reference: `Patient/${PID}` };
let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export const weeksAfter = (iso: string, w: number) => addDays(iso, w * 7);

function dosage(mgPerDay: number | null, text?: string): Dosage[] {
  if (mgPerDay === null) return text ? [{ text }] : [];
  return [
    {
      text: text ?? `${mgPerDay} mg once daily`,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: mgPerDay, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
    },
  ];
}

const drug = (name: string) => ({ text: name });

export function patient(): Patient {
  return { resourceType: 'Patient', id: PID, gender: 'female', birthDate: '1980-01-01' };
}

/** A MedicationStatement taking `name` at `mg` mg/day from start to end (end null: still taking). */
export function statement(name: string, mg: number | null, start: string, end: string | null, extra: Partial<MedicationStatement> = {}): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: nextId('ms'),
    status: end ? 'completed' : 'active',
    subject,
    medicationCodeableConcept: drug(name),
    effectivePeriod: end ? { start, end } : { start },
    dosage: dosage(mg),
    ...extra,
  };
}

export function request(name: string, mg: number | null, authoredOn: string, supplyDays: number, repeats = 0, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: nextId('mr'),
    status: 'completed',
    intent: 'order',
    subject,
    authoredOn,
    medicationCodeableConcept: drug(name),
    dosageInstruction: dosage(mg),
    dispenseRequest: { expectedSupplyDuration: { value: supplyDays, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }, numberOfRepeatsAllowed: repeats },
    ...extra,
  };
}

export function dispense(name: string, mg: number, handedOver: string, daysSupply: number): MedicationDispense {
  return {
    resourceType: 'MedicationDispense',
    id: nextId('md'),
    status: 'completed',
    subject,
    medicationCodeableConcept: drug(name),
    whenHandedOver: handedOver,
    daysSupply: { value: daysSupply, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    dosageInstruction: dosage(mg),
  };
}

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
export function condition(icd: string, display: string, onset: string | null, abatement: string | null = null): Condition {
  return {
    resourceType: 'Condition',
    id: nextId('c'),
    subject,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: abatement ? 'resolved' : 'active' }] },
    code: { coding: [{ system: ICD, code: icd, display }], text: display },
    ...(onset ? { onsetDateTime: onset } : {}),
    ...(abatement ? { abatementDateTime: abatement } : {}),
  };
}
export const mdd = (onset: string | null, abatement: string | null = null) => condition('F33.1', 'Major depressive disorder, recurrent, moderate', onset, abatement);

export function phq9(date: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('phq9'),
    status: 'final',
    subject,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total score' }] },
    effectiveDateTime: date,
    valueQuantity: { value },
  };
}

export function ybocs(date: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('ybocs'),
    status: 'final',
    subject,
    code: { coding: [{ system: 'http://example.org/trd-timeline/CodeSystem/scales', code: 'ybocs' }], text: 'Y-BOCS total score' },
    effectiveDateTime: date,
    valueQuantity: { value },
  };
}

/** A score on one of the project's local scale codes ("panss", "madrs", "pcl5", ...). */
function localScale(code: string, text: string, date: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id: nextId(code),
    status: 'final',
    subject,
    code: { coding: [{ system: 'http://example.org/trd-timeline/CodeSystem/scales', code }], text },
    effectiveDateTime: date,
    valueQuantity: { value },
  };
}
export const panss = (date: string, value: number) => localScale('panss', 'PANSS total score', date, value);

export const madrs = (date: string, value: number) => localScale('madrs', 'MADRS total score', date, value);

/**
 * A drug level: lithium and valproate by LOINC (14334-7, 4086-5), other drugs by name ("Clozapine [Mass/volume] in
 * Serum or Plasma"). `value` a number, or a string such as "not detected" or "<5".
 */
export function level(drugName: string, date: string, value: number | string, unit: string): Observation {
  const loinc = ({ lithium: '14334-7', valproate: '4086-5' } as Record<string, string | undefined>)[drugName];
  const code = loinc
    ? { coding: [{ system: 'http://loinc.org', code: loinc, display: `${drugName} level` }] }
    : { text: `${drugName[0]!.toUpperCase()}${drugName.slice(1)} [Mass/volume] in Serum or Plasma` };
  return {
    resourceType: 'Observation',
    id: nextId('level'),
    status: 'final',
    subject,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code,
    effectiveDateTime: date,
    ...(typeof value === 'number' ? { valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } } : { valueString: value }),
  };
}

export function allergy(name: string, recorded: string): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: nextId('ai'),
    patient: subject,
    type: 'intolerance',
    code: drug(name),
    recordedDate: recorded,
  };
}

export function ect(date: string, outcome?: string): Procedure {
  return {
    resourceType: 'Procedure',
    id: nextId('proc'),
    status: 'completed',
    subject,
    code: { coding: [{ system: 'http://example.org/trd-timeline/CodeSystem/procedures', code: 'ect' }], text: 'Electroconvulsive therapy' },
    performedDateTime: date,
    ...(outcome ? { outcome: { text: outcome } } : {}),
  };
}

export function medication(id: string, name: string): Medication {
  return { resourceType: 'Medication', id, code: drug(name) };
}

/** Derives a hand-made record; well-formed test data must never hit the per-resource crash guard. */
export function derive(resources: Resource[], asOf = AS_OF): Derivation {
  const d = derivePatient({ patientId: PID, resources }, { asOf });
  const unreadable = d.unused.filter((u) => u.reason.startsWith('could not be read'));
  if (unreadable.length) throw new Error(`engine guard hit on well-formed data: ${JSON.stringify(unreadable)}`);
  return d;
}

export function trialOf(d: Derivation, ingredient: string, n = 0) {
  const t = d.trials.filter((x) => x.ingredient === ingredient)[n];
  if (!t) throw new Error(`no trial ${n} of ${ingredient}: ${d.trials.map((x) => x.id).join(', ')}`);
  return t;
}

export function assessmentOf(d: Derivation, condition: string) {
  const a = d.assessments.find((x) => x.condition === condition);
  if (!a) throw new Error(`no assessment for ${condition}`);
  return a;
}
