/**
 * Medication records (MedicationStatement, MedicationRequest, MedicationDispense): which agent, what daily dose, which
 * span the record covers (periodOf), why it stopped, and what it says it treats. Psychiatric agents become medication
 * events; opioids and treatments of ADHD or dementia stay on the record as other treatment.
 */
import type { CodeableConcept, Condition, Dosage } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import type { EventKind, StopReason } from '../../events';
import { type Day, durationDays, isoDate, toDay } from '../../dates';
import { DEFAULT_SUPPLY_DAYS } from '../../engine-rules';
import { comorbidityTreatmentIn, opioidIn, tobaccoTreatmentIn } from '../../terminology/history-codes';
import { classifyCondition } from '../../terminology';
import { conceptTextAsRecorded } from '../../terminology/systems';
import { classifyStopReason } from '../../terminology/stop-reasons';
import type { DiagnosisKind, DrugClass, MedicationIdentity } from '../../types';
import type { Classified, MedicationRecord } from './classified';
import type { Memo } from './memo';
import { isConcept, obj, str } from './typed-fields';
import { ASSUMED_SUPPLY_WORDS, SUPPLY_DATED_END } from '../../vocabulary';

/** Drug classes whose records are psychiatric trials (and whose allergies are intolerance evidence for a trial). */
export const PSYCHIATRIC_CLASSES = new Set<DrugClass>([
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

export function classifyMedicationRecord(
  ledger: Ledger,
  ref: string,
  resource: MedicationRecord,
  asOf: Day,
  lastDay: Day,
  memo: Memo,
  out: Classified,
  reasonKinds: Map<string, Array<DiagnosisKind>>,
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
    const tobacco = opioid ? null : tobaccoTreatmentIn(name);
    const comorbid = opioid || tobacco ? null : comorbidityTreatmentIn(name);
    if (opioid || tobacco || comorbid) {
      const otherIdentity = { ...identity, ingredient: opioid ?? tobacco ?? comorbid!.ingredient };
      const period = periodOf(resource, otherIdentity, null, asOf, lastDay);
      if ('reason' in period) {
        ledger.unused(ref, period.reason);
        return;
      }
      // Its daily dose when the order says it in mg (the list names it); nothing else reads it.
      const otherDose = memo.doses.dailyDoseOf(dosagesOf(resource), otherIdentity);
      const otherDoseMg = otherDose.unit === 'mg' && otherDose.amount !== null && Number.isFinite(otherDose.amount) && otherDose.amount > 0 ? otherDose.amount : null;
      out.history.otherMedications.push({
        event: {
          reference: ref, kind: kindOf(resource), ingredient: otherIdentity.ingredient, drugClass: identity.drugClass, identity: otherIdentity,
          medicationSource: med.medicationSource, start: period.start, end: period.end, ongoing: period.ongoing, open: period.open,
          endUnknown: period.endUnknown, supplyAssumed: period.supplyAssumed, assumedSupplyNote: period.assumedSupplyNote, dailyDoseMg: otherDoseMg, doseBasis: '', daysSupply: period.daysSupply, stopReason: null, notes: period.notes,
        },
        category: opioid ? 'opioid' : tobacco ? 'tobacco' : comorbid!.category,
        indication: opioid ? 'opioid analgesic' : tobacco ? 'tobacco use' : comorbid!.category === 'adhd' ? 'treatment of ADHD' : 'treatment of dementia',
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
    supplyAssumed: period.supplyAssumed,
    assumedSupplyNote: period.assumedSupplyNote,
    dailyDoseMg,
    doseBasis,
    daysSupply: period.daysSupply,
    stopReason: stopReasonOf(resource),
    notes,
  });
  // The ledger entry is settled by the trial builder ("trial sertraline@..."); the Medication resource with it.
}

/** What an order or statement says it treats (reasonCode, or reasonReference to a Condition). */
function orderReasonKinds(r: MedicationRecord, ledger: Ledger): Array<DiagnosisKind> {
  const holder = r as { reasonCode?: unknown; reasonReference?: unknown };
  const kinds: Array<DiagnosisKind> = [];
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
  supplyAssumed: boolean;
  assumedSupplyNote: string | null;
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
  let supplyAssumed = false;
  let assumedSupplyNote: string | null = null;

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
        if (repeats > 0) notes.push(`${SUPPLY_DATED_END}: ${supply} days × ${fills} fills on ${r.resourceType}/${r.id}`);
      } else if (qtyDays !== null) {
        end = start + qtyDays * fills - 1;
        notes.push(`supply estimated from quantity: ${qtyDays} days × ${fills} fills (${r.resourceType}/${r.id})`);
      } else if (toDay(validity?.end) !== null) {
        end = toDay(validity?.end);
        notes.push(`supply taken from the prescription's validity period (${r.resourceType}/${r.id})`);
      } else {
        end = start + DEFAULT_SUPPLY_DAYS - 1;
        supplyAssumed = true;
        assumedSupplyNote = `no end, supply or quantity in ${r.resourceType}/${r.id}${status === 'stopped' ? ' (stopped; the stop date is not recorded)' : ''}: ${ASSUMED_SUPPLY_WORDS}`;
        notes.push(assumedSupplyNote);
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
        supplyAssumed = true;
        notes.push(`no days supply in ${r.resourceType}/${r.id}: ${ASSUMED_SUPPLY_WORDS}`);
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
    // A dispense is "completed" once handed over: its supply reaching past today is the normal case, not a conflict.
    if (ended && lastDay === asOf && r.resourceType !== 'MedicationDispense')
      notes.push(`${r.resourceType}/${r.id} is marked ${status} but its end date (${isoDate(end)}) is after ${isoDate(asOf)}: counted as running to ${isoDate(asOf)}`);
    ongoing = !ended && lastDay === asOf;
    end = Math.max(start, lastDay);
  }
  return { start, end, ongoing, open, endUnknown, supplyAssumed, assumedSupplyNote, daysSupply, notes };
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
  const sr = (r as { statusReason?: unknown }).statusReason;
  const notes = (r as { note?: unknown }).note;
  // Most records give no reason and no note: nothing to gather.
  if (!sr && !Array.isArray(notes)) return null;
  const texts: string[] = [];
  for (const c of Array.isArray(sr) ? sr : sr ? [sr] : []) texts.push(conceptTextAsRecorded(c as CodeableConcept));
  if (Array.isArray(notes)) {
    for (const n of notes as unknown[]) {
      const noteText = (n as { text?: unknown } | null | undefined)?.text;
      if (typeof noteText === 'string') texts.push(noteText);
    }
  }
  const text = texts.filter(Boolean).join('; ');
  if (!text) return null;
  // Every recorded reason is kept, classified or not: one that names neither an adverse effect nor a lack of effect
  // leaves tolerability unknown, and is still shown.
  const { kind, effects, safetyEvents } = classifyStopReason(text);
  return { kind, effects, ...(safetyEvents ? { safetyEvents } : {}), text };
}
