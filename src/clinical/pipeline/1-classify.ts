/**
 * First pass of the engine: look at every resource once and turn it into something the later passes use
 * (medication event, diagnosis span, score, blood pressure, procedure, intolerance evidence) or settle it as not
 * used, with the reason. Input is untrusted: every field is checked for type before use, and a resource that makes
 * a classifier throw is listed as unreadable instead of breaking the patient.
 */
import type {
  AllergyIntolerance,
  CarePlan,
  CodeableConcept,
  Encounter,
  Condition,
  Device,
  Dosage,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
  Resource,
} from 'fhir/r4';
import type { Ledger } from '../accounting';
import type { EventKind, IntoleranceEvidence, MedicationEvent, StopReason } from '../events';
import { instrumentLabel } from '../vocabulary';
import type { DrugLevelPoint } from './5-adherence';
import { type Day, durationDays, isoDate, parseFhirDate, toDay } from '../dates';
import { DEFAULT_SUPPLY_DAYS, STALE_ORDER_DAYS } from '../engine-rules';
import { DoseMemo } from '../dose/daily-dose';
import { identifyMedication, medicationOf } from '../medication';
import {
  classifyCarePlan,
  classifyEncounter,
  emptyHistoryInputs,
  type HistoryInputs,
  psychotherapyFromProcedure,
  separateByIndication,
  settleVisitReasons,
} from './9-history';
import {
  cognitionInstrument,
  comorbidityTreatmentIn,
  isMentalHealthScreening,
  opioidIn,
  psychotherapyModality,
} from '../terminology/history-codes';
import {
  classifyCondition,
  classifyDevice,
  classifyDrugLevel,
  classifyObservation,
  classifyProcedure,
  conditionNotRecognisedReason,
  observationCodeFacts,
  type ObservationCodeFacts,
  observationNotUsedReason,
} from '../terminology';
import type {
  BloodPressurePoint,
  ComorbidityKey,
  ConditionKey,
  DiagnosisSpan,
  DrugClass,
  MedicationIdentity,
  ProcedureMark,
  ScorePoint,
} from '../types';

export interface Classified {
  events: MedicationEvent[];
  diagnoses: DiagnosisSpan[];
  scores: ScorePoint[];
  bloodPressure: BloodPressurePoint[];
  procedures: ProcedureMark[];
  intolerances: IntoleranceEvidence[];
  /** Plasma levels of psychiatric drugs; the engine settles each (used for a trial, or not used) once trials exist. */
  levels: DrugLevelPoint[];
  notes: string[];
  /** Day of death from Patient.deceasedDateTime; null when alive or the date is not recorded. */
  deathDay: Day | null;
  /** Patient.deceasedBoolean true, or a deceasedDateTime. */
  deceased: boolean;
  /** Patient.birthDate as a day, when given. */
  birthDay: Day | null;
  /** Encounters, care plans, other medications, screenings and cognition scores (see 9-history.ts). */
  history: HistoryInputs;
}

const PSYCHIATRIC_CLASSES = new Set<DrugClass>([
  'ssri',
  'snri',
  'tca',
  'maoi',
  'atypical-antidepressant',
  'antipsychotic',
  'mood-stabilizer',
  'augmentation-agent',
  'nmda-antagonist',
  'other-psychotropic',
]);

/**
 * Words in a status reason or note that mean the agent was stopped for an adverse effect / for lack of effect.
 * Free-text matching, so [U]: a clinician should confirm.
 */
const ADVERSE_WORDS =
  /adverse|side[- ]?effect|intoleran|not tolerated|poorly tolerated|toxicity|allerg|reaction|nausea|vomiting|sedation|somnolence|weight gain|sexual dysfunction|rash|hyponatr|serotonin syndrome|akathisia|dystonia|neutropenia|agranulocytosis|qt prolong|tremor|headache|insomnia|dizziness/i;
const INEFFECTIVE_WORDS = /ineffective|not effective|no effect|lack of (efficacy|effect|response)|no response|non-?respon|no improvement|did not (help|work)|therapeutic failure|treatment failure/i;

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
  const reasonKinds = new Map<string, Array<ConditionKey | ComorbidityKey>>();
  readVitalDates(ledger, patientId, out);
  // Nothing runs on after death: open orders and statements end on the day of death.
  const lastDay = out.deathDay !== null && out.deathDay < asOf ? out.deathDay : asOf;
  const resolve = (ref: string): Resource | undefined => ledger.resolve(ref);
  const memo = new Memo(resolve);
  for (const { reference, resource } of ledger.items) {
    try {
      classifyOne(ledger, reference, resource, patientId, asOf, lastDay, memo, out, reasonKinds);
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
 * recorded for STALE_ORDER_DAYS the record still counts, with a note a clinician can check with the patient.
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
        const years = Math.floor(quiet / 365.25);
        e.notes.push(
          `${e.reference} is still open, but nothing has renewed, dispensed or restated ${e.ingredient} since ${isoDate(lastActivity)} ` +
            `(${years >= 1 ? `${years} year${years === 1 ? '' : 's'}` : `${quiet} days`}): counted as taken to ${isoDate(lastDay)}; confirm with the patient`,
        );
      }
    }
  }
}

function classifyOne(
  ledger: Ledger,
  ref: string,
  resource: Resource,
  patientId: string,
  asOf: Day,
  lastDay: Day,
  memo: Memo,
  out: Classified,
  reasonKinds: Map<string, Array<ConditionKey | ComorbidityKey>>,
): void {
  const type = resource.resourceType;
  if (type === 'Medication') {
    // Settled as "used" later when a used medication record references it.
    ledger.unused(ref, 'Medication not referenced by any medication record', { tentative: true });
    return;
  }
  if (type === 'Patient') {
    if (resource.id === patientId) ledger.use(ref, 'patient');
    else ledger.unused(ref, `a different patient (${ref}) than the one derived (Patient/${patientId})`);
    return;
  }
  const otherPatient = otherPatientOf(resource, patientId);
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
      return classifyProcedureResource(ledger, ref, resource as Procedure, asOf, out);
    case 'Device':
      return classifyDeviceResource(ledger, ref, resource as Device, out);
    case 'AllergyIntolerance':
      return classifyAllergy(ledger, ref, resource as AllergyIntolerance, out);
    case 'Encounter':
      return classifyEncounter(ledger, ref, resource as Encounter, asOf, (r) => ledger.resolve(r), out.history);
    case 'CarePlan':
      return classifyCarePlan(ledger, ref, resource as CarePlan, asOf, lastDay, out.history);
    default:
      ledger.unused(ref, `resource type ${type} is not used by the engine`);
  }
}

// ---------------------------------------------------------------------------------------------
// Medication records
// ---------------------------------------------------------------------------------------------

/**
 * Memos of one derivation. Records repeat the same product and the same dosage lines thousands of times (30 years
 * of refills), and identifying a medication or reading a dose is pure, so each distinct concept is identified once
 * and each distinct set of dosage lines read once per record. The identity key is built from exactly what is read
 * in a CodeableConcept (text and each coding's system, code, display), by concatenation: JSON.stringify keys cost
 * as much as the call they save. Nothing outlives the derivation.
 */
type MedicationRecord = MedicationStatement | MedicationRequest | MedicationDispense;

class Memo {
  private readonly medications = new Map<string, ReturnType<typeof medicationOf>>();
  private readonly observationCodes = new Map<string, ObservationCodeReading>();
  readonly doses = new DoseMemo();
  constructor(private readonly resolve: (ref: string) => Resource | undefined) {}

  /** What an Observation's code says (cognition score, scale, blood pressure, drug level), read once per distinct code. */
  observationCode(code: unknown): ObservationCodeReading {
    const key = conceptKey(code);
    if (key === null) return readObservationCode(code);
    let hit = this.observationCodes.get(key);
    if (hit === undefined) {
      hit = readObservationCode(code);
      this.observationCodes.set(key, hit);
    }
    return hit;
  }

  medicationOf(r: MedicationRecord): ReturnType<typeof medicationOf> {
    const key = medicationKey(r);
    if (key === null) return medicationOf(r, this.resolve);
    let hit = this.medications.get(key);
    if (hit === undefined) {
      hit = medicationOf(r, this.resolve);
      this.medications.set(key, hit);
    }
    return hit;
  }
}

interface ObservationCodeReading {
  cognition: ReturnType<typeof cognitionInstrument>;
  facts: ObservationCodeFacts;
}

function readObservationCode(code: unknown): ObservationCodeReading {
  const concept = code as CodeableConcept | undefined;
  return { cognition: cognitionInstrument(isConcept(code) ? concept : undefined), facts: observationCodeFacts(concept) };
}

/**
 * Memo key of a concept: exactly what the code readers read of it (its text and each coding's system, code and
 * display), each string prefixed with its length so that no two concepts share a key; null for a concept of another
 * shape, which is read without the memo.
 */
function conceptKey(c: unknown): string | null {
  if (c === undefined) return '';
  if (!isConcept(c)) return null;
  const { text, coding } = c as { text?: unknown; coding?: unknown };
  if (text !== undefined && typeof text !== 'string') return null;
  let key = keyPart(text);
  if (coding !== undefined) {
    if (!Array.isArray(coding)) return null;
    for (const cd of coding as unknown[]) {
      if (!cd || typeof cd !== 'object') return null;
      const { system, code, display } = cd as { system?: unknown; code?: unknown; display?: unknown };
      if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string') || (display !== undefined && typeof display !== 'string')) return null;
      key += `|${keyPart(system)}${keyPart(code)}${keyPart(display)}`;
    }
  }
  return key;
}

const keyPart = (s: string | undefined) => (s === undefined ? '-' : `${s.length}:${s}`);

/** Memo key of a record's medication: its concept, or a non-contained reference (contained ones vary per resource). */
function medicationKey(r: MedicationRecord): string | null {
  const cc = r.medicationCodeableConcept as unknown;
  if (cc && typeof cc === 'object') {
    const c = cc as { text?: unknown; coding?: unknown };
    let key = `c${typeof c.text === 'string' ? c.text : typeof c.text}`;
    if (c.coding !== undefined) {
      if (!Array.isArray(c.coding)) return null;
      for (const cd of c.coding as unknown[]) {
        if (!cd || typeof cd !== 'object') return null;
        const { system, code, display } = cd as { system?: unknown; code?: unknown; display?: unknown };
        if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string') || (display !== undefined && typeof display !== 'string')) return null;
        key += `\u0001${system ?? ''}\u0002${code ?? ''}\u0002${display ?? ''}`;
      }
    }
    return key;
  }
  const ref = r.medicationReference;
  if (ref && typeof ref.reference === 'string' && !ref.reference.startsWith('#')) return `r${ref.reference}\u0001${String(ref.display ?? '')}`;
  return null;
}

function classifyMedicationRecord(
  ledger: Ledger,
  ref: string,
  resource: MedicationRecord,
  asOf: Day,
  lastDay: Day,
  memo: Memo,
  out: Classified,
  reasonKinds: Map<string, Array<ConditionKey | ComorbidityKey>>,
): void {
  const notUsedStatus = excludedStatus(resource);
  if (notUsedStatus) {
    ledger.unused(ref, notUsedStatus);
    return;
  }
  const med = memo.medicationOf(resource);
  const identity = med.identity;
  if (!identity.ingredient || !PSYCHIATRIC_CLASSES.has(identity.drugClass)) {
    // Not a psychiatric trial; opioids and treatments of ADHD or dementia stay on the record as other treatment.
    const name = `${identity.ingredient ?? ''} ${identity.display}`;
    const opioid = opioidIn(name);
    const comorbid = opioid ? null : comorbidityTreatmentIn(name);
    if (opioid || comorbid) {
      const otherIdentity = { ...identity, ingredient: opioid ?? comorbid!.ingredient };
      const period = periodOf(resource, otherIdentity, null, asOf, lastDay);
      if ('reason' in period) {
        ledger.unused(ref, period.reason);
        return;
      }
      out.history.otherMedications.push({
        event: {
          reference: ref, kind: kindOf(resource), ingredient: otherIdentity.ingredient, drugClass: identity.drugClass, identity: otherIdentity,
          medicationSource: med.medicationSource, start: period.start, end: period.end, ongoing: period.ongoing, open: period.open,
          endUnknown: period.endUnknown, dailyDoseMg: null, doseBasis: '', daysSupply: period.daysSupply, stopReason: null, notes: period.notes,
        },
        category: opioid ? 'opioid' : comorbid!.category,
        indication: opioid ? 'opioid analgesic' : comorbid!.category === 'adhd' ? 'treatment of ADHD' : 'treatment of dementia',
      });
      return;
    }
    if (!identity.ingredient) ledger.unused(ref, `medication not recognised: ${identity.display || 'no name or code'}${med.note ? ` (${med.note})` : ''}`);
    else ledger.unused(ref, `not a psychiatric medication: ${identity.ingredient}`);
    return;
  }
  const reasons = orderReasonKinds(resource, ledger);
  if (reasons.length > 0) reasonKinds.set(ref, reasons);
  const notes: string[] = [];
  if (med.note) notes.push(med.note);
  if (identity.note) notes.push(identity.note);

  const dosages = dosagesOf(resource);
  const dose = memo.doses.dailyDoseOf(dosages, identity);
  let dailyDoseMg: number | null = null;
  let doseBasis = dose.basis;
  if (dose.amount !== null && Number.isFinite(dose.amount) && dose.amount > 0) {
    if (dose.unit === 'mg') dailyDoseMg = dose.amount;
    else {
      doseBasis = `${dose.amount} ${dose.unit ?? '(no unit)'}/day cannot be converted to mg`;
      notes.push(`dose unit ${dose.unit ?? '(none)'} cannot be converted to mg (${ref})`);
    }
  } else {
    notes.push(`dose unknown in ${ref}${dose.note ? `: ${dose.note}` : ''}`);
    if (dose.note) doseBasis = dose.note;
  }

  const period = periodOf(resource, identity, dailyDoseMg, asOf, lastDay);
  if ('reason' in period) {
    ledger.unused(ref, period.reason);
    return;
  }
  notes.push(...period.notes);

  out.events.push({
    reference: ref,
    kind: kindOf(resource),
    ingredient: identity.ingredient,
    drugClass: identity.drugClass,
    identity,
    medicationSource: med.medicationSource,
    start: period.start,
    end: period.end,
    ongoing: period.ongoing,
    open: period.open,
    endUnknown: period.endUnknown,
    dailyDoseMg,
    doseBasis,
    daysSupply: period.daysSupply,
    stopReason: stopReasonOf(resource),
    notes,
  });
  // The ledger entry is settled by the trial builder ("trial sertraline@..."); the Medication resource with it.
}

/** What an order or statement says it treats (reasonCode, or reasonReference to a Condition). */
function orderReasonKinds(r: MedicationRecord, ledger: Ledger): Array<ConditionKey | ComorbidityKey> {
  const holder = r as { reasonCode?: unknown; reasonReference?: unknown };
  const kinds: Array<ConditionKey | ComorbidityKey> = [];
  for (const rc of Array.isArray(holder.reasonCode) ? holder.reasonCode : []) {
    const cls = isConcept(rc) ? classifyCondition(rc) : null;
    if (cls) kinds.push(cls.kind);
  }
  for (const rr of (Array.isArray(holder.reasonReference) ? holder.reasonReference : []) as unknown[]) {
    const reference = (rr as { reference?: unknown } | null | undefined)?.reference;
    const target = typeof reference === 'string' ? ledger.resolve(reference) : undefined;
    const code = target?.resourceType === 'Condition' ? (target as Condition).code : undefined;
    const cls = isConcept(code) ? classifyCondition(code) : null;
    if (cls) kinds.push(cls.kind);
  }
  return kinds;
}

function kindOf(r: MedicationRecord): EventKind {
  return r.resourceType === 'MedicationStatement' ? 'statement' : r.resourceType === 'MedicationRequest' ? 'request' : 'dispense';
}

/** Statuses that mean the agent was not (or not yet) taken. */
function excludedStatus(r: MedicationRecord): string | null {
  const status = str(r.status);
  if (r.resourceType === 'MedicationStatement') {
    if (status === 'not-taken') return 'recorded as not taken';
    if (status === 'intended') return 'intended, not started';
  } else if (r.resourceType === 'MedicationRequest') {
    if (status === 'cancelled') return 'prescription cancelled';
    if (status === 'draft') return 'draft prescription';
    if (r.doNotPerform === true) return 'a "do not perform" order';
    const intent = str(r.intent);
    if (intent === 'proposal') return 'a proposal, not an order';
  } else {
    if (status === 'cancelled' || status === 'declined' || status === 'preparation' || status === 'stopped')
      return `dispense ${status}, not handed over`;
  }
  return null;
}

function dosagesOf(r: MedicationRecord): Dosage[] | undefined {
  const d = r.resourceType === 'MedicationStatement' ? r.dosage : r.dosageInstruction;
  return Array.isArray(d) ? d.filter((x) => typeof x === 'object' && x !== null) : undefined;
}

interface PeriodOk {
  start: Day;
  end: Day;
  ongoing: boolean;
  open: boolean;
  endUnknown: boolean;
  daysSupply: number | null;
  notes: string[];
}

/**
 * The span a record covers. FHIR's statuses decide how it ends: an active or on-hold order, and an active statement
 * without an end, are open (ongoing until replaced, stopped or death: settleOpenRecords); a completed order covers
 * its supply; a stopped one its supply at most, with the stop date unknown; cancelled and not-taken records were
 * never taken (excludedStatus). `lastDay` is asOf, or the day of death.
 */
function periodOf(
  r: MedicationRecord,
  identity: MedicationIdentity,
  dailyDoseMg: number | null,
  asOf: Day,
  lastDay: Day,
): PeriodOk | { reason: string } {
  const notes: string[] = [];
  const status = str(r.status);
  const ended = status === 'completed' || status === 'stopped';
  let start: Day | null;
  let end: Day | null = null;
  let daysSupply: number | null = null;
  let openEnded = false;
  let endUnknown = false;

  if (r.resourceType === 'MedicationStatement') {
    const p = obj(r.effectivePeriod);
    start = toDay(p?.start) ?? toDay(r.effectiveDateTime);
    end = toDay(p?.end);
    if (start === null && toDay(r.dateAsserted) !== null) {
      start = toDay(r.dateAsserted);
      notes.push(`start date missing in ${r.resourceType}/${r.id}: date asserted used`);
    }
    if (end === null) {
      if (ended) {
        notes.push(`no end date in ${r.resourceType}/${r.id}: duration unknown`);
        end = start;
        endUnknown = true;
      } else openEnded = true;
    }
  } else if (r.resourceType === 'MedicationRequest') {
    const dr = obj(r.dispenseRequest);
    const validity = obj(dr?.validityPeriod);
    start = toDay(r.authoredOn) ?? toDay(validity?.start);
    const repeats = typeof dr?.numberOfRepeatsAllowed === 'number' && dr.numberOfRepeatsAllowed >= 0 ? Math.min(dr.numberOfRepeatsAllowed, 100) : 0;
    const fills = 1 + repeats;
    const supply = durationDays(obj(dr?.expectedSupplyDuration));
    const qtyDays = quantityDays(obj(dr?.quantity), identity, dailyDoseMg);
    const standing = status === 'active' || status === 'on-hold';
    if (status === 'on-hold') notes.push(`${r.resourceType}/${r.id} is on hold (temporarily halted, expected to resume): counted as ongoing`);
    if (start !== null) {
      if (standing) {
        // The order is current in the EHR whatever its supply says: ongoing until something replaces or stops it.
        openEnded = true;
      } else if (supply !== null) {
        end = start + supply * fills - 1;
        if (repeats > 0) notes.push(`supply ${supply} days × ${fills} fills from ${r.resourceType}/${r.id}`);
      } else if (qtyDays !== null) {
        end = start + qtyDays * fills - 1;
        notes.push(`supply estimated from quantity: ${qtyDays} days × ${fills} fills (${r.resourceType}/${r.id})`);
      } else if (toDay(validity?.end) !== null) {
        end = toDay(validity?.end);
        notes.push(`supply taken from the prescription's validity period (${r.resourceType}/${r.id})`);
      } else {
        end = start + DEFAULT_SUPPLY_DAYS - 1;
        notes.push(
          `no end, supply or quantity in ${r.resourceType}/${r.id}${status === 'stopped' ? ' (stopped; the stop date is not recorded)' : ''}: assumed ${DEFAULT_SUPPLY_DAYS} days (design choice)`,
        );
      }
    }
  } else {
    start = toDay(r.whenHandedOver) ?? toDay(r.whenPrepared);
    const ds = durationDays(obj(r.daysSupply) ?? undefined);
    const qtyDays = quantityDays(obj(r.quantity), identity, dailyDoseMg);
    daysSupply = ds ?? qtyDays;
    if (start !== null) {
      if (daysSupply === null) {
        daysSupply = DEFAULT_SUPPLY_DAYS;
        notes.push(`no days supply in ${r.resourceType}/${r.id}: assumed ${DEFAULT_SUPPLY_DAYS} days (design choice)`);
      }
      end = start + daysSupply - 1;
    }
  }

  if (start === null) return { reason: 'no usable date (start missing or malformed)' };
  if (start > asOf) return { reason: `starts in the future (${isoDate(start)}, after ${isoDate(asOf)})` };
  if (end !== null && end < start)
    return { reason: `contradictory dates: ends ${isoDate(end)} before it starts ${isoDate(start)}` };
  if (start > lastDay) notes.push(`${r.resourceType}/${r.id} is dated ${isoDate(start)}, after the patient's death (${isoDate(lastDay)})`);
  let ongoing = false;
  let open = false;
  if (openEnded || end === null) {
    end = Math.max(start, lastDay);
    ongoing = !ended && lastDay === asOf;
    open = !ended;
  } else if (end >= lastDay) {
    // A supply or planned end reaching past asOf (or death): taken as ongoing unless the record says it stopped.
    if (ended && lastDay === asOf) notes.push(`end date after ${isoDate(asOf)} on a ${status} record`);
    ongoing = !ended && lastDay === asOf;
    end = Math.max(start, lastDay);
  }
  return { start, end, ongoing, open, endUnknown, daysSupply, notes };
}

/** Days a quantity lasts: mg quantities divided by mg/day; unit counts (tablets) by units per day. */
function quantityDays(q: Record<string, unknown> | undefined, identity: MedicationIdentity, dailyDoseMg: number | null): number | null {
  if (!q || typeof q.value !== 'number' || !(q.value > 0) || dailyDoseMg === null || dailyDoseMg <= 0) return null;
  const named = q.code ?? q.unit ?? '';
  const unit = (typeof named === 'string' ? named : '').toLowerCase();
  if (unit === 'mg') return Math.max(1, Math.round(q.value / dailyDoseMg));
  if (identity.strengthMg && identity.strengthMg > 0 && unit !== 'ml' && unit !== 'g') {
    const unitsPerDay = dailyDoseMg / identity.strengthMg;
    if (unitsPerDay > 0) return Math.max(1, Math.round(q.value / unitsPerDay));
  }
  return null;
}

function stopReasonOf(r: MedicationRecord): StopReason | null {
  const texts: string[] = [];
  const sr = (r as { statusReason?: unknown }).statusReason;
  for (const c of Array.isArray(sr) ? sr : sr ? [sr] : []) texts.push(conceptText(c as CodeableConcept));
  const notes = (r as { note?: unknown }).note;
  if (Array.isArray(notes)) {
    for (const n of notes as unknown[]) {
      const noteText = (n as { text?: unknown } | null | undefined)?.text;
      if (typeof noteText === 'string') texts.push(noteText);
    }
  }
  const text = texts.filter(Boolean).join('; ');
  if (!text) return null;
  const adverse = ADVERSE_WORDS.test(text);
  const ineffective = INEFFECTIVE_WORDS.test(text);
  if (adverse && ineffective) return { kind: 'mixed', text };
  if (adverse) return { kind: 'adverse', text };
  if (ineffective) return { kind: 'ineffective', text };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Conditions, observations, procedures, devices, allergies
// ---------------------------------------------------------------------------------------------

function classifyConditionResource(ledger: Ledger, ref: string, c: Condition, asOf: Day, out: Classified): void {
  const verification = firstCode(c.verificationStatus);
  if (verification === 'entered-in-error' || verification === 'refuted') {
    ledger.unused(ref, `verification status ${verification}`);
    return;
  }
  const cls = classifyCondition(isConcept(c.code) ? c.code : undefined);
  if (!cls) {
    ledger.unused(ref, conditionNotRecognisedReason(isConcept(c.code) ? c.code : undefined));
    return;
  }
  const onsetParsed = parseFhirDate(c.onsetDateTime) ?? parseFhirDate(obj(c.onsetPeriod)?.start);
  let onset = onsetParsed?.day ?? null;
  let basisNote = '';
  if (onset === null && toDay(c.recordedDate) !== null) {
    onset = toDay(c.recordedDate);
    basisNote = 'recorded date used as onset';
  }
  let abatement = toDay(c.abatementDateTime) ?? toDay(obj(c.abatementPeriod)?.end) ?? toDay(obj(c.abatementPeriod)?.start);
  const clinicalStatus = firstCode(c.clinicalStatus);
  if (onset !== null && onset > asOf) {
    ledger.unused(ref, `onset in the future (${isoDate(onset)})`);
    return;
  }
  if (onset !== null && abatement !== null && abatement < onset) {
    ledger.unused(ref, `contradictory dates: abatement ${isoDate(abatement)} before onset ${isoDate(onset)}`);
    return;
  }
  if (abatement !== null && abatement > asOf) abatement = null;
  // A code can state more than one thing (F32.3: MDD with psychotic features): one span per kind, same source.
  for (const kind of [cls.kind, ...(cls.alsoImplies ?? [])]) {
    out.diagnoses.push({
      kind,
      code: cls.code,
      system: cls.system,
      display: cls.display,
      onset: onset === null ? null : isoDate(onset),
      abatement: abatement === null ? null : isoDate(abatement),
      clinicalStatus,
      source: ref,
    });
  }
  ledger.use(ref, `diagnosis ${cls.kind}${basisNote ? ` (${basisNote})` : ''}`);
}

function classifyObservationResource(ledger: Ledger, ref: string, o: Observation, asOf: Day, memo: Memo, out: Classified): void {
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

function classifyProcedureResource(ledger: Ledger, ref: string, p: Procedure, asOf: Day, out: Classified): void {
  const status = str(p.status);
  if (status === 'not-done' || status === 'preparation') {
    ledger.unused(ref, `procedure ${status}`);
    return;
  }
  const code = isConcept(p.code) ? p.code : undefined;
  const kind = classifyProcedure(code) ?? (psychotherapyModality(code) !== null ? 'psychotherapy' : null);
  const period = obj(p.performedPeriod);
  const start = toDay(p.performedDateTime) ?? toDay(period?.start);
  if (!kind && isMentalHealthScreening(isConcept(p.code) ? p.code : undefined) && start !== null && start <= asOf) {
    out.history.screenings.push({ day: start, source: ref, display: conceptText(p.code) });
    ledger.use(ref, `${conceptText(p.code) || 'mental-health screening'} (score checked in the data notes)`);
    return;
  }
  if (!kind) {
    ledger.unused(ref, unknownCodeReason('procedure', p.code, 'not an interventional psychiatric procedure'));
    return;
  }
  if (start === null) {
    ledger.unused(ref, 'no date');
    return;
  }
  if (start > asOf) {
    ledger.unused(ref, `dated in the future (${isoDate(start)})`);
    return;
  }
  let end = toDay(period?.end);
  if (end !== null && end < start) end = null;
  out.procedures.push({
    kind,
    display: conceptText(p.code) || kind,
    start: isoDate(start),
    end: end === null ? null : isoDate(Math.min(end, asOf)),
    source: ref,
    ...(isConcept(p.outcome) && conceptText(p.outcome) ? { outcome: conceptText(p.outcome) } : {}),
  });
  if (kind === 'psychotherapy') psychotherapyFromProcedure(isConcept(p.code) ? p.code : undefined, start, end === null ? null : Math.min(end, asOf), ref, out.history);
  ledger.use(ref, `procedure ${kind}`);
}

function classifyDeviceResource(ledger: Ledger, ref: string, d: Device, out: Classified): void {
  const kind = classifyDevice(d);
  if (!kind) {
    ledger.unused(ref, 'device not relevant to the assessment (not a head implant, stimulator, pacemaker or defibrillator)');
    return;
  }
  const type = isConcept(d.type) ? d.type : undefined;
  const coding = type?.coding?.find((c) => c && typeof c.code === 'string');
  const names = Array.isArray(d.deviceName) ? d.deviceName.map((n) => n?.name).filter((n): n is string => typeof n === 'string') : [];
  out.diagnoses.push({
    kind,
    code: coding?.code ?? '',
    system: coding?.system ?? '',
    display: conceptText(type) || names[0] || 'implanted device',
    onset: null,
    abatement: null,
    clinicalStatus: str(d.status),
    source: ref,
  });
  ledger.use(ref, `device: ${kind}`);
}

function classifyAllergy(ledger: Ledger, ref: string, a: AllergyIntolerance, out: Classified): void {
  const verification = firstCode(a.verificationStatus);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    ledger.unused(ref, `verification status ${verification}`);
    return;
  }
  const identity = identifyMedication(isConcept(a.code) ? a.code : undefined);
  if (!identity.ingredient || !PSYCHIATRIC_CLASSES.has(identity.drugClass)) {
    ledger.unused(ref, `allergy/intolerance not to a psychiatric medication${identity.display ? `: ${identity.display}` : ''}`);
    return;
  }
  const day = toDay(a.onsetDateTime) ?? toDay(obj(a.onsetPeriod)?.start) ?? toDay(a.recordedDate) ?? toDay(a.lastOccurrence);
  const reactions = Array.isArray(a.reaction)
    ? a.reaction.flatMap((r) => (Array.isArray(r?.manifestation) ? r.manifestation.map((m) => conceptText(m)) : [])).filter(Boolean)
    : [];
  out.intolerances.push({
    ingredient: identity.ingredient,
    day,
    text: `${str(a.type) ?? 'intolerance'} to ${identity.ingredient}${reactions.length ? ` (${reactions.join(', ')})` : ''}`,
    reference: ref,
  });
  // Settled by the outcome pass: used when it matches a trial of that agent.
}

// ---------------------------------------------------------------------------------------------
// Small readers for untrusted data
// ---------------------------------------------------------------------------------------------

export function str(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

function obj(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function finiteOrNull(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function isConcept(x: unknown): x is CodeableConcept {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function conceptText(c: CodeableConcept | undefined): string {
  if (!isConcept(c)) return '';
  if (typeof c.text === 'string' && c.text) return c.text;
  const codings = Array.isArray(c.coding) ? c.coding : [];
  for (const cd of codings) if (cd && typeof cd.display === 'string' && cd.display) return cd.display;
  for (const cd of codings) if (cd && typeof cd.code === 'string') return cd.code;
  return '';
}

function firstCode(c: unknown): string | null {
  if (!isConcept(c) || !Array.isArray(c.coding)) return null;
  for (const cd of c.coding) if (cd && typeof cd.code === 'string') return cd.code;
  return null;
}

const KNOWN_SYSTEMS = [
  'http://snomed.info/sct',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://hl7.org/fhir/sid/icd-10',
  'http://loinc.org',
  'http://www.nlm.nih.gov/research/umls/rxnorm',
  'http://www.ama-assn.org/go/cpt',
  'http://www.whocc.no/atc',
];

/** "code from unknown system X" when every coding is from a system we do not read, else the fallback reason. */
function unknownCodeReason(what: string, concept: unknown, fallback?: string): string {
  const c = isConcept(concept) ? concept : undefined;
  const codings = Array.isArray(c?.coding) ? c.coding : [];
  const text = conceptText(c);
  if (codings.length === 0 && !text) return `${what} without code or text`;
  const systems = codings.map((cd) => (cd && typeof cd.system === 'string' ? cd.system : '(no system)'));
  const unknown = systems.filter((s) => !KNOWN_SYSTEMS.includes(s) && !s.startsWith('http://example.org/trd-timeline'));
  if (codings.length > 0 && unknown.length === codings.length)
    return `code from unknown system ${[...new Set(unknown)].join(', ')}${text ? ` (${text})` : ''}`;
  return `${fallback ?? `not a ${what} the engine assesses`}${text ? `: ${text}` : ''}`;
}

/** The patient a resource points to, when it is not ours ("Patient/other"); null when ours or absent. */
function otherPatientOf(r: Resource, patientId: string): string | null {
  const holder = r as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const ref = holder.subject?.reference ?? holder.patient?.reference;
  if (typeof ref !== 'string') return null;
  const m = /(?:^|\/)Patient\/([^/?#]+)/.exec(ref);
  if (!m) return null;
  return m[1] === patientId ? null : `Patient/${m[1]}`;
}
