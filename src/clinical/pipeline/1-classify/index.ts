/**
 * First pass of the engine: look at every resource once and turn it into something the later passes use
 * (medication event, diagnosis span, score, blood pressure, procedure, intolerance evidence) or settle it as not
 * used, with the reason. Input is untrusted: every field is checked for type before use, and a resource that makes
 * a classifier throw is listed as unreadable instead of breaking the patient. Each resource type's classifier lives
 * beside this file (medications, conditions, observations, procedures and devices, allergies); memo.ts keeps the
 * answers one derivation reuses.
 */
import type { AllergyIntolerance, CarePlan, Condition, Device, Encounter, Observation, Procedure, Resource } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import type { MedicationEvent } from '../../events';
import { type Day, isoDate, toDay } from '../../dates';
import { STALE_ORDER_DAYS } from '../../engine-rules';
import { describeElapsed } from '../../vocabulary';
import {
  classifyCarePlan,
  classifyEncounter,
  emptyHistoryInputs,
  separateByIndication,
  settleVisitReasons,
} from '../9-history';
import type { DiagnosisKind } from '../../types';
import type { Classified, MedicationRecord } from './classified';
import { classifyAllergy } from './allergies';
import { classifyConditionResource } from './conditions';
import { classifyMedicationRecord } from './medications';
import { Memo } from './memo';
import { classifyObservationResource } from './observations';
import { classifyDeviceResource, classifyProcedureResource } from './procedures';
import { str } from './typed-fields';

export function classifyResources(ledger: Ledger, patientId: string, asOf: Day): Classified {
  const out: Classified = {
    events: [],
    diagnoses: [],
    scores: [],
    bloodPressure: [],
    procedures: [],
    intolerances: [],
    levels: [],
    notes: [],
    deathDay: null,
    deceased: false,
    birthDay: null,
    history: emptyHistoryInputs(),
  };
  const reasonKinds = new Map<string, Array<DiagnosisKind>>();
  readVitalDates(ledger, patientId, out);
  // Nothing runs on after death: open orders and statements end on the day of death.
  const lastDay = out.deathDay !== null && out.deathDay < asOf ? out.deathDay : asOf;
  const memo = new Memo((ref) => ledger.resolve(ref));
  const patient = patientOf(patientId);
  for (const { reference, resource } of ledger.items) {
    try {
      classifyOne(ledger, reference, resource, patient, asOf, lastDay, memo, out, reasonKinds);
    } catch (e) {
      // A ReferenceError is a bug in the engine, never a property of the data: let it surface.
      if (e instanceof ReferenceError) throw e;
      // A malformed resource must not break the patient: list it with what went wrong.
      ledger.unused(reference, `could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  settleVisitReasons(out.history, out.diagnoses);
  separateByIndication(out, out.history, reasonKinds);
  const endsAtDeath = out.deathDay !== null && out.deathDay < asOf;
  settleOpenRecords(out.events, lastDay, endsAtDeath);
  settleOpenRecords(out.history.otherMedications.map((o) => o.event), lastDay, endsAtDeath);
  return out;
}

function readVitalDates(ledger: Ledger, patientId: string, out: Classified): void {
  for (const { resource } of ledger.items) {
    if (resource.resourceType !== 'Patient' || resource.id !== patientId) continue;
    const p = resource as { deceasedDateTime?: unknown; deceasedBoolean?: unknown; birthDate?: unknown };
    out.deathDay = toDay(p.deceasedDateTime);
    out.deceased = out.deathDay !== null || p.deceasedBoolean === true;
    out.birthDay = toDay(p.birthDate);
    return;
  }
}

/**
 * Open records (active/on-hold orders, active statements without an end) run until a later record of the same agent
 * takes over (a renewal, a new dose, a record that says it stopped), or death. When nothing about the agent has been
 * recorded for STALE_ORDER_DAYS the record still counts, with a note a clinician can check with the patient (while alive).
 */
function settleOpenRecords(events: MedicationEvent[], lastDay: Day, endsAtDeath: boolean): void {
  const byIngredient = new Map<string, MedicationEvent[]>();
  for (const e of events) {
    const list = byIngredient.get(e.ingredient);
    if (list) list.push(e);
    else byIngredient.set(e.ingredient, [e]);
  }
  for (const list of byIngredient.values()) {
    list.sort((a, b) => a.start - b.start);
    let lastActivity = -Infinity;
    for (const e of list) lastActivity = Math.max(lastActivity, e.start);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (!e.open) continue;
      let next: MedicationEvent | undefined;
      for (let j = i + 1; j < list.length && !next; j++) {
        const f = list[j]!;
        if (f.kind !== 'dispense' && f.start > e.start) next = f;
      }
      if (next) {
        e.end = Math.max(e.start, next.start - 1);
        e.ongoing = false;
        e.notes.push(`${e.reference} is taken as replaced by the later ${next.reference} (${isoDate(next.start)})`);
        continue;
      }
      if (endsAtDeath) {
        e.ongoing = false;
        e.notes.push(`${e.reference} was open at the patient's death (${isoDate(lastDay)}): the trial ends there`);
      }
      const quiet = lastDay - lastActivity;
      if (quiet > STALE_ORDER_DAYS) {
        if (e.ongoing) e.unconfirmedSince = { day: lastActivity, days: quiet };
        // After death nothing can be checked with the patient: the note says what was counted, and asks nothing.
        e.notes.push(
          endsAtDeath
            ? `${e.reference} was open at death, but nothing had renewed, dispensed or restated ${e.ingredient} since ${isoDate(lastActivity)} ` +
                `(${describeElapsed(quiet)} before death): counted as taken until death`
            : `${e.reference} is still open, but nothing has renewed, dispensed or restated ${e.ingredient} since ${isoDate(lastActivity)} ` +
                `(${describeElapsed(quiet)}): counted as taken to ${isoDate(lastDay)}; confirm with the patient`,
        );
      }
    }
  }
}

/** The patient derived: its id, and the reference that names it, "Patient/<id>", when a reference can name it whole. */
interface ThePatient {
  id: string;
  reference: string | null;
}

function patientOf(id: string): ThePatient {
  // A reference is read up to the first '/', '?' or '#' (otherPatientOf): an id holding one is never named whole.
  return { id, reference: /[/?#]/.test(id) ? null : `Patient/${id}` };
}

function classifyOne(
  ledger: Ledger,
  ref: string,
  resource: Resource,
  patient: ThePatient,
  asOf: Day,
  lastDay: Day,
  memo: Memo,
  out: Classified,
  reasonKinds: Map<string, Array<DiagnosisKind>>,
): void {
  const type = resource.resourceType;
  if (type === 'Medication') {
    // Settled as "used" later when a used medication record references it.
    ledger.unused(ref, 'Medication not referenced by any medication record', { tentative: true });
    return;
  }
  if (type === 'Patient') {
    if (resource.id === patient.id) ledger.use(ref, 'patient');
    else ledger.unused(ref, `a different patient (${ref}) than the one derived (Patient/${patient.id})`);
    return;
  }
  const otherPatient = otherPatientOf(resource, patient);
  if (otherPatient) {
    ledger.unused(ref, `belongs to another patient (${otherPatient})`);
    return;
  }
  const status = str((resource as { status?: unknown }).status);
  if (status === 'entered-in-error') {
    ledger.unused(ref, 'entered-in-error');
    return;
  }
  switch (type) {
    case 'MedicationStatement':
    case 'MedicationRequest':
    case 'MedicationDispense':
      return classifyMedicationRecord(ledger, ref, resource as MedicationRecord, asOf, lastDay, memo, out, reasonKinds);
    case 'Condition':
      return classifyConditionResource(ledger, ref, resource as Condition, asOf, out);
    case 'Observation':
      return classifyObservationResource(ledger, ref, resource as Observation, asOf, memo, out);
    case 'Procedure':
      return classifyProcedureResource(ledger, ref, resource as Procedure, asOf, memo, out);
    case 'Device':
      return classifyDeviceResource(ledger, ref, resource as Device, out);
    case 'AllergyIntolerance':
      return classifyAllergy(ledger, ref, resource as AllergyIntolerance, out);
    case 'Encounter':
      return classifyEncounter(ledger, ref, resource as Encounter, asOf, (r) => ledger.resolve(r), out.history, memo.encounterReaders);
    case 'CarePlan':
      return classifyCarePlan(ledger, ref, resource as CarePlan, asOf, lastDay, out.history);
    default:
      ledger.unused(ref, `resource type ${type} is not used by this app`);
  }
}

/** The patient a resource points to, when it is not ours ("Patient/other"); null when ours or absent. */
function otherPatientOf(r: Resource, patient: ThePatient): string | null {
  const holder = r as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const ref = holder.subject?.reference ?? holder.patient?.reference;
  if (typeof ref !== 'string') return null;
  // Nearly every reference is the patient's own, written whole: no match array for it.
  if (ref === patient.reference) return null;
  const m = /(?:^|\/)Patient\/([^/?#]+)/.exec(ref);
  if (!m) return null;
  return m[1] === patient.id ? null : `Patient/${m[1]}`;
}
