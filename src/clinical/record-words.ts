/**
 * A record the app read, in the words a clinician uses: what kind of record it is, what it names (each code's display
 * with its code system in words), its dates, status and the values it carries. Pure: the views draw these words
 * (the records panel) and never read FHIR fields themselves. Record text is returned as text; escaping is the
 * view's job (React escapes).
 */
import type { CodeableConcept, Resource } from 'fhir/r4';
import { codingsOf, systemKeyOf, type SystemKey } from './terminology/systems';

export interface RecordCode {
  /** The coding's display, or the concept's text when the coding has none. */
  display: string;
  /** The code system in words ("RxNorm", "ICD-10-CM", "this app's local scale codes"). */
  system: string;
  code: string;
}

export interface RecordWords {
  /** "Type/id", as the engine's sources carry it. */
  reference: string;
  resourceType: string;
  /** The kind of record in words: "Medication order", "Dispense", "Diagnosis", "Questionnaire score"… */
  kind: string;
  /** What the record is about, in its own words (the concept's text or first display); '' when it names nothing. */
  what: string;
  codes: RecordCode[];
  /** Each date the record carries, labelled ("Ordered", "Onset", "Handed over"…). */
  dates: { label: string; value: string }[];
  /** Status in words ("Active", "Completed", "Entered in error"), joined when there are several (clinical, verification). */
  status: string | null;
  /** Other facts worth reading beside the code: a score's value, a dose's text, a quantity and days' supply. */
  details: { label: string; value: string }[];
}

/** Code systems in words; unknown systems are named by their URI. */
const SYSTEM_WORDS: Record<SystemKey, string> = {
  rxnorm: 'RxNorm',
  atc: 'ATC (WHO)',
  snomed: 'SNOMED CT',
  icd10cm: 'ICD-10-CM',
  icd10: 'ICD-10',
  loinc: 'LOINC',
  cpt: 'CPT',
  hcpcs: 'HCPCS',
  'local-scales': 'local code for a rating scale',
  'local-procedures': 'local code for a procedure',
  'local-devices': 'local code for a device',
};

/** Systems the engine does not match on but records often carry beside the ones it does. */
const OTHER_SYSTEM_WORDS: Record<string, string> = {
  'http://hl7.org/fhir/sid/ndc': 'NDC',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://unitsofmeasure.org': 'UCUM',
};

function systemWords(system: string | undefined): string {
  if (!system) return 'no code system given';
  const key = systemKeyOf(system);
  if (key) return SYSTEM_WORDS[key];
  return OTHER_SYSTEM_WORDS[system.replace(/\/$/, '')] ?? `code system ${system}`;
}

/**
 * Resource types in words, one row per type: `kind` heads a record in the records panel; `one` and `many` name records
 * in counts and lists ("1 medication order, 6 dispenses"). Observations are refined by category below.
 */
export const RECORD_TYPE_WORDS: Readonly<Record<string, { kind: string; one: string; many: string }>> = {
  MedicationRequest: { kind: 'Medication order', one: 'medication order', many: 'medication orders' },
  MedicationStatement: { kind: 'Medication statement (what the patient takes, as recorded)', one: 'medication statement', many: 'medication statements' },
  MedicationDispense: { kind: 'Dispense', one: 'dispense', many: 'dispenses' },
  MedicationAdministration: { kind: 'Medication given', one: 'medication given', many: 'medications given' },
  Medication: { kind: 'Medication product', one: 'medication product', many: 'medication products' },
  Condition: { kind: 'Diagnosis', one: 'diagnosis', many: 'diagnoses' },
  Observation: { kind: 'Observation', one: 'observation', many: 'observations' },
  QuestionnaireResponse: { kind: 'Questionnaire answers', one: 'questionnaire answer set', many: 'questionnaire answer sets' },
  Procedure: { kind: 'Procedure', one: 'procedure', many: 'procedures' },
  AllergyIntolerance: { kind: 'Allergy or intolerance', one: 'allergy or intolerance', many: 'allergies or intolerances' },
  Device: { kind: 'Device', one: 'device', many: 'devices' },
  Encounter: { kind: 'Encounter', one: 'encounter', many: 'encounters' },
  EpisodeOfCare: { kind: 'Episode of care', one: 'episode of care', many: 'episodes of care' },
  Patient: { kind: 'Patient record', one: 'patient record', many: 'patient records' },
  CarePlan: { kind: 'Care plan', one: 'care plan', many: 'care plans' },
  ServiceRequest: { kind: 'Referral or order', one: 'referral or order', many: 'referrals or orders' },
  DiagnosticReport: { kind: 'Report', one: 'report', many: 'reports' },
  Immunization: { kind: 'Immunisation', one: 'immunisation', many: 'immunisations' },
  Claim: { kind: 'Claim', one: 'claim', many: 'claims' },
  ExplanationOfBenefit: { kind: 'Explanation of benefit', one: 'explanation of benefit', many: 'explanations of benefit' },
};

/** The resource type of a reference ("MedicationRequest/123" -> "MedicationRequest"). */
export function resourceTypeOf(reference: string): string {
  const slash = reference.indexOf('/');
  return slash > 0 ? reference.slice(0, slash) : 'Unknown';
}

/** "1 medication order, 6 dispenses": the records behind an item counted by type, in words. */
export function recordCountWords(references: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of references) counts.set(resourceTypeOf(r), (counts.get(resourceTypeOf(r)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([type, n]) => {
      const words = RECORD_TYPE_WORDS[type] ?? { one: 'other record', many: 'other records' };
      return `${n} ${n === 1 ? words.one : words.many}`;
    })
    .join(', ');
}

const OBSERVATION_CATEGORY_WORDS: Record<string, string> = {
  survey: 'Questionnaire score',
  'vital-signs': 'Vital sign',
  laboratory: 'Laboratory result',
  'social-history': 'Social history',
  exam: 'Examination finding',
};

/** A FHIR status code in words: "entered-in-error" → "Entered in error". */
function statusWords(code: string): string {
  const words = code.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function concept(value: unknown): CodeableConcept | undefined {
  return value && typeof value === 'object' ? value : undefined;
}

function conceptWords(c: CodeableConcept | undefined): string {
  if (!c) return '';
  const t = text(c.text);
  if (t) return t;
  for (const coding of codingsOf(c)) if (text(coding.display)) return coding.display!.trim();
  return codingsOf(c)[0]?.code ?? '';
}

function codesOf(c: CodeableConcept | undefined): RecordCode[] {
  if (!c) return [];
  const fallback = text(c.text) ?? '';
  return codingsOf(c).map((coding) => ({ display: text(coding.display) ?? fallback, system: systemWords(coding.system), code: coding.code! }));
}

function statusOfConcept(value: unknown): string | null {
  const c = concept(value);
  const code = c ? codingsOf(c)[0]?.code : undefined;
  return code ? statusWords(code) : null;
}

function quantityWords(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const q = value as { value?: unknown; unit?: unknown; code?: unknown };
  if (typeof q.value !== 'number') return null;
  const unit = text(q.unit) ?? text(q.code);
  return unit ? `${q.value} ${unit}` : String(q.value);
}

function periodWords(value: unknown): { start: string | null; end: string | null } {
  if (!value || typeof value !== 'object') return { start: null, end: null };
  const p = value as { start?: unknown; end?: unknown };
  return { start: text(p.start), end: text(p.end) };
}

/** The value of an Observation (or of one of its components) in words. */
function valueWords(r: Record<string, unknown>): string | null {
  if (typeof r.valueInteger === 'number') return String(r.valueInteger);
  if (typeof r.valueBoolean === 'boolean') return r.valueBoolean ? 'yes' : 'no';
  return quantityWords(r.valueQuantity) ?? text(r.valueString) ?? (concept(r.valueCodeableConcept) ? conceptWords(concept(r.valueCodeableConcept)) || null : null) ?? text(r.valueDateTime);
}

type Fields = Record<string, unknown>;

/** The first dosage's text, or its dose quantity with timing. */
function dosageWords(dosage: unknown): string | null {
  const first = Array.isArray(dosage) ? (dosage[0] as Fields | undefined) : undefined;
  if (!first || typeof first !== 'object') return null;
  const own = text(first.text);
  if (own) return own;
  const rate = Array.isArray(first.doseAndRate) ? (first.doseAndRate[0] as Fields | undefined) : undefined;
  const dose = rate ? quantityWords(rate.doseQuantity) : null;
  const repeat = ((first.timing as Fields | undefined)?.repeat ?? null) as Fields | null;
  const frequency = repeat && typeof repeat.frequency === 'number' && typeof repeat.period === 'number' && text(repeat.periodUnit)
    ? `${repeat.frequency} time${repeat.frequency === 1 ? '' : 's'} per ${repeat.period === 1 ? '' : `${repeat.period} `}${PERIOD_UNIT_WORDS[String(repeat.periodUnit)] ?? String(repeat.periodUnit)}`
    : null;
  return [dose, frequency].filter(Boolean).join(', ') || null;
}

const PERIOD_UNIT_WORDS: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };

/** A date as a clinician reads it: the day of a date-time (its clock time and zone add nothing to a history). */
function dayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

function addDate(dates: RecordWords['dates'], label: string, value: unknown): void {
  const t = text(value);
  if (t) dates.push({ label, value: dayOf(t) });
}

function addPeriod(dates: RecordWords['dates'], startLabel: string, endLabel: string, value: unknown): void {
  const { start, end } = periodWords(value);
  if (start) dates.push({ label: startLabel, value: dayOf(start) });
  if (end) dates.push({ label: endLabel, value: dayOf(end) });
}

/**
 * The medication a record names: its own concept, or the Medication resource it references (looked up among the
 * records read, `find`).
 */
function medicationConcept(r: Fields, find: (reference: string) => Resource | undefined): CodeableConcept | undefined {
  const own = concept(r.medicationCodeableConcept);
  if (own) return own;
  const ref = text((r.medicationReference as Fields | undefined)?.reference);
  // "Medication/m1", or an absolute address ending in it.
  const local = ref?.match(/([A-Za-z]+\/[^/]+)$/)?.[1];
  const medication = local ? (find(local) as Fields | undefined) : undefined;
  return medication ? concept(medication.code) : undefined;
}

/** What one resource type contributes beyond the common fields: its concept, dates, status and details. */
function typeSpecific(r: Fields, find: (reference: string) => Resource | undefined): Pick<RecordWords, 'dates' | 'details'> & { concept?: CodeableConcept; status: (string | null)[]; kind?: string } {
  const dates: RecordWords['dates'] = [];
  const details: RecordWords['details'] = [];
  const status: (string | null)[] = [text(r.status) ? statusWords(String(r.status)) : null];
  switch (r.resourceType) {
    case 'MedicationRequest': {
      addDate(dates, 'Ordered', r.authoredOn);
      const dispense = (r.dispenseRequest ?? {}) as Fields;
      addPeriod(dates, 'Valid from', 'Valid until', dispense.validityPeriod);
      const dose = dosageWords(r.dosageInstruction);
      if (dose) details.push({ label: 'Dose', value: dose });
      const supply = quantityWords(dispense.expectedSupplyDuration);
      if (supply) details.push({ label: 'Supply', value: supply });
      if (typeof dispense.numberOfRepeatsAllowed === 'number') details.push({ label: 'Refills', value: String(dispense.numberOfRepeatsAllowed) });
      if (text(r.intent)) details.push({ label: 'Intent', value: statusWords(String(r.intent)) });
      return { concept: medicationConcept(r, find), dates, details, status };
    }
    case 'MedicationStatement': {
      addDate(dates, 'Taken on', r.effectiveDateTime);
      addPeriod(dates, 'Taken from', 'Taken until', r.effectivePeriod);
      addDate(dates, 'Recorded', r.dateAsserted);
      const dose = dosageWords(r.dosage);
      if (dose) details.push({ label: 'Dose', value: dose });
      return { concept: medicationConcept(r, find), dates, details, status };
    }
    case 'MedicationDispense': {
      addDate(dates, 'Handed over', r.whenHandedOver);
      if (!text(r.whenHandedOver)) addDate(dates, 'Prepared', r.whenPrepared);
      const quantity = quantityWords(r.quantity);
      if (quantity) details.push({ label: 'Quantity', value: quantity });
      const days = quantityWords(r.daysSupply);
      if (days) details.push({ label: 'Days’ supply', value: days });
      const dose = dosageWords(r.dosageInstruction);
      if (dose) details.push({ label: 'Dose', value: dose });
      return { concept: medicationConcept(r, find), dates, details, status };
    }
    case 'Medication':
      return { concept: concept(r.code), dates, details, status };
    case 'Condition': {
      addDate(dates, 'Onset', r.onsetDateTime);
      addPeriod(dates, 'Onset', 'Ended', r.onsetPeriod);
      addDate(dates, 'Ended', r.abatementDateTime);
      addPeriod(dates, 'Ended', 'Ended', r.abatementPeriod);
      addDate(dates, 'Recorded', r.recordedDate);
      return { concept: concept(r.code), dates, details, status: [statusOfConcept(r.clinicalStatus), statusOfConcept(r.verificationStatus)] };
    }
    case 'Observation': {
      addDate(dates, 'Measured', r.effectiveDateTime);
      addPeriod(dates, 'Measured from', 'Measured until', r.effectivePeriod);
      if (!text(r.effectiveDateTime) && !r.effectivePeriod) addDate(dates, 'Issued', r.issued);
      const value = valueWords(r);
      if (value) details.push({ label: 'Value', value });
      for (const component of Array.isArray(r.component) ? (r.component as Fields[]) : []) {
        const v = component && typeof component === 'object' ? valueWords(component) : null;
        const name = component && typeof component === 'object' ? conceptWords(concept(component.code)) : '';
        if (v) details.push({ label: name || 'Component', value: v });
      }
      const categories = (Array.isArray(r.category) ? (r.category as CodeableConcept[]) : []).flatMap((c) => codingsOf(c).map((x) => x.code!));
      const kind = categories.map((c) => OBSERVATION_CATEGORY_WORDS[c]).find(Boolean);
      return { concept: concept(r.code), dates, details, status, ...(kind ? { kind } : {}) };
    }
    case 'QuestionnaireResponse':
      addDate(dates, 'Answered', r.authored);
      return { dates, details, status };
    case 'Procedure':
      addDate(dates, 'Performed', r.performedDateTime);
      addPeriod(dates, 'Performed from', 'Performed until', r.performedPeriod);
      return { concept: concept(r.code), dates, details, status };
    case 'AllergyIntolerance': {
      addDate(dates, 'Onset', r.onsetDateTime);
      addDate(dates, 'Recorded', r.recordedDate);
      const reactions = (Array.isArray(r.reaction) ? (r.reaction as Fields[]) : []).flatMap((x) =>
        (Array.isArray(x?.manifestation) ? (x.manifestation as CodeableConcept[]) : []).map(conceptWords).filter(Boolean),
      );
      if (reactions.length) details.push({ label: 'Reaction', value: reactions.join('; ') });
      return { concept: concept(r.code), dates, details, status: [statusOfConcept(r.clinicalStatus), statusOfConcept(r.verificationStatus)] };
    }
    case 'Device':
      return { concept: concept(r.type), dates, details, status };
    case 'Encounter': {
      addPeriod(dates, 'From', 'Until', r.period);
      const type = Array.isArray(r.type) ? conceptWords(concept(r.type[0])) : '';
      const cls = text((r.class as Fields | undefined)?.display) ?? text((r.class as Fields | undefined)?.code);
      if (cls) details.push({ label: 'Class', value: cls });
      return { ...(type ? { concept: { text: type } } : {}), dates, details, status };
    }
    case 'Patient': {
      addDate(dates, 'Born', r.birthDate);
      addDate(dates, 'Died', r.deceasedDateTime);
      if (r.deceasedBoolean === true) details.push({ label: 'Deceased', value: 'yes (no date)' });
      return { dates, details, status: [] };
    }
    default:
      addDate(dates, 'Date', r.date ?? r.authoredOn ?? r.recordedDate);
      return { concept: concept(r.code), dates, details, status };
  }
}

/**
 * One record in words, or null when the reference is not among the records read (the view says so plainly).
 * `find` looks a "Type/id" reference up among the records read.
 */
export function describeRecord(reference: string, find: (reference: string) => Resource | undefined): RecordWords | null {
  const resource = find(reference);
  if (!resource || typeof resource !== 'object') return null;
  const r = resource as unknown as Fields;
  const resourceType = String(r.resourceType);
  const own = typeSpecific(r, find);
  const status = own.status.filter((s): s is string => s !== null);
  return {
    reference,
    resourceType,
    kind: own.kind ?? RECORD_TYPE_WORDS[resourceType]?.kind ?? resourceType,
    what: conceptWords(own.concept),
    codes: codesOf(own.concept),
    dates: own.dates,
    status: status.length ? status.join(', ') : null,
    details: own.details,
  };
}

/** A lookup of the records read by "Type/id". */
export function recordIndex(resources: readonly Resource[]): (reference: string) => Resource | undefined {
  const byReference = new Map<string, Resource>();
  for (const r of resources) if (r && typeof r === 'object' && r.resourceType && r.id) byReference.set(`${r.resourceType}/${r.id}`, r);
  return (reference) => byReference.get(reference);
}
