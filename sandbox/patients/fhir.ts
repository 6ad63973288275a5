/**
 * Small builders for the demo patients' FHIR R4 resources. Every date is given as "days before today" so a bundle
 * built on any day tells the same story (nothing falls out of look-back windows).
 */
import type {
  AllergyIntolerance,
  Bundle,
  CodeableConcept,
  Condition,
  Device,
  Dosage,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
  Reference,
  Resource,
} from 'fhir/r4';
import { PRODUCTS, type Product, type ProductKey } from './demo-products';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
/** Local code systems for concepts without a verified standard code (MADRS, HAM-D, ECT, rTMS, ...); documented in docs/notes/demodata.md. */
const LOCAL_SCALES = 'http://example.org/trd-timeline/CodeSystem/scales';
const LOCAL_PROCEDURES = 'http://example.org/trd-timeline/CodeSystem/procedures';
const LOCAL_DEVICES = 'http://example.org/trd-timeline/CodeSystem/devices';
const MRN_SYSTEM = 'http://example.org/trd-timeline/mrn';
export const PRACTITIONER_REF = 'Practitioner/dr-demo';

const DAY_MS = 86_400_000;

/** The calendar date `daysAgo` days before `today` (negative: in the future), as YYYY-MM-DD, in UTC. */
function isoDay(today: Date, daysAgo: number): string {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

/** A dateTime on that day (clinic hours, UTC). */
function isoDateTime(today: Date, daysAgo: number, time = '09:30:00'): string {
  return `${isoDay(today, daysAgo)}T${time}Z`;
}

export function transaction(resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}

export function medicationConcept(product: Product): CodeableConcept {
  if (product.rxcui) {
    return { coding: [{ system: RXNORM, code: product.rxcui, display: product.display }], text: product.display };
  }
  if (product.ingredient === 'lithium') {
    // No verified SCD for lithium products; the ingredient RXCUI 6448 is tier B.
    return { coding: [{ system: RXNORM, code: '6448', display: 'lithium' }], text: product.display };
  }
  return { text: product.display };
}

const clinicalStatusSystem = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const observationCategory = 'http://terminology.hl7.org/CodeSystem/observation-category';

export type DoseStyle = 'units' | 'mg' | 'text' | 'bid';

/** How many tablets/capsules a day, written the way the record should carry it. */
export function dosage(product: Product, unitsPerDay: number, style: DoseStyle = 'units'): Dosage[] {
  const unitWord = (n: number) => `${n === 0.5 ? 'half a' : n} ${product.unit}${n > 1 ? 's' : ''}`;
  const daily = { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } };
  const route = { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] };
  const form = product.unit === 'tablet' ? 'TAB' : 'CAP';
  switch (style) {
    case 'text':
      // Free text only, as many EHRs send it.
      return [{ text: `take ${unitWord(unitsPerDay)} by mouth daily` }];
    case 'mg':
      return [
        {
          text: `${unitsPerDay * product.strengthMg} mg by mouth once daily`,
          timing: daily,
          route,
          doseAndRate: [{ doseQuantity: { value: unitsPerDay * product.strengthMg, unit: 'mg', system: UCUM, code: 'mg' } }],
        },
      ];
    case 'bid':
      return [
        {
          text: `take ${unitWord(unitsPerDay / 2)} by mouth twice daily`,
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          route,
          doseAndRate: [
            {
              doseQuantity: {
                value: unitsPerDay / 2,
                unit: product.unit,
                system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm',
                code: form,
              },
            },
          ],
        },
      ];
    case 'units':
      return [
        {
          text: `take ${unitWord(unitsPerDay)} by mouth once daily`,
          timing: daily,
          route,
          doseAndRate: [
            {
              doseQuantity: {
                value: unitsPerDay,
                unit: product.unit,
                system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm',
                code: form,
              },
            },
          ],
        },
      ];
  }
}

export interface PrescriptionStep {
  product: ProductKey;
  /** Tablets or capsules per day. */
  perDay: number;
  /** Days on this step; null for the step that is still running today. */
  days: number | null;
  style?: DoseStyle;
  /** Override the generated dosage (e.g. split morning/bedtime doses). */
  dosage?: Dosage[];
}

export interface CourseOptions {
  /** Days before today when the first step starts. */
  start: number;
  steps: PrescriptionStep[];
  /** Why the last step was stopped (MedicationRequest.statusReason text), for ended courses. */
  stopReason?: string;
  /**
   * Dispense pattern: 'full' (on time, the default), 'none' (requests only), or the days-before-today on which
   * each fill of the LAST step was handed over (for poor adherence).
   */
  dispenses?: 'full' | 'none' | number[];
  /** Days covered by one fill (default 28, or 30 for a running step). */
  fillDays?: number;
}

/** Longest a single order runs before it is renewed (outpatient prescriptions are renewed at least yearly). */
const RENEWAL_DAYS = 360;

/** Splits steps longer than a year into yearly renewals of the same dose, as a real chart holds them. */
function renewed(start: number, steps: PrescriptionStep[]): PrescriptionStep[] {
  const out: PrescriptionStep[] = [];
  let startAgo = start;
  for (const step of steps) {
    let remaining = step.days ?? startAgo + 1;
    while (remaining > RENEWAL_DAYS) {
      out.push({ ...step, days: RENEWAL_DAYS });
      remaining -= RENEWAL_DAYS;
      startAgo -= RENEWAL_DAYS;
    }
    out.push({ ...step, days: step.days === null ? null : remaining });
    if (step.days !== null) startAgo -= remaining;
  }
  return out;
}

/**
 * Builds one demo patient's resources with readable, fixed ids (`<patient>-<slug>`).
 * Methods return the resource they add so a story can reference it.
 */
export class RecordBuilder {
  readonly resources: Resource[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly today: Date,
    readonly patientId: string,
  ) {}

  get subject(): Reference {
    return { reference: `Patient/${this.patientId}` };
  }

  day(daysAgo: number): string {
    return isoDay(this.today, daysAgo);
  }

  at(daysAgo: number, time?: string): string {
    return isoDateTime(this.today, daysAgo, time);
  }

  id(slug: string): string {
    return `${this.patientId}-${slug}`;
  }

  add<T extends Resource>(resource: T): T {
    const key = `${resource.resourceType}/${resource.id}`;
    if (this.seen.has(key)) throw new Error(`duplicate resource id in demo patient: ${key}`);
    this.seen.add(key);
    this.resources.push(resource);
    return resource;
  }

  bundle(): Bundle {
    return transaction(this.resources);
  }

  patient(p: { given: string[]; family: string; gender: Patient['gender']; ageYears: number; birthdayInDays?: number; deceasedDaysAgo?: number }): Patient {
    return this.add<Patient>({
      resourceType: 'Patient',
      id: this.patientId,
      identifier: [{ system: MRN_SYSTEM, value: `MRN-${this.patientId.toUpperCase()}` }],
      active: true,
      name: [{ use: 'official', family: p.family, given: p.given }],
      gender: p.gender,
      // Age stays the same whichever day the bundle is built.
      birthDate: this.day(Math.round(p.ageYears * 365.25) - (p.birthdayInDays ?? 120)),
      ...(p.deceasedDaysAgo !== undefined ? { deceasedDateTime: this.day(p.deceasedDaysAgo) } : {}),
      generalPractitioner: [{ reference: PRACTITIONER_REF }],
    });
  }

  condition(
    slug: string,
    c: {
      icd10?: [string, string];
      snomed?: [string, string];
      text: string;
      onset?: number;
      abatement?: number;
      clinicalStatus?: 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';
      category?: 'problem-list-item' | 'encounter-diagnosis';
      note?: string;
    },
  ): Condition {
    const coding = [
      ...(c.icd10 ? [{ system: ICD10CM, code: c.icd10[0], display: c.icd10[1] }] : []),
      ...(c.snomed ? [{ system: SNOMED, code: c.snomed[0], display: c.snomed[1] }] : []),
    ];
    return this.add<Condition>({
      resourceType: 'Condition',
      id: this.id(slug),
      clinicalStatus: {
        coding: [{ system: clinicalStatusSystem, code: c.clinicalStatus ?? (c.abatement !== undefined ? 'resolved' : 'active') }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: c.category ?? 'problem-list-item' },
          ],
        },
      ],
      code: { coding, text: c.text },
      subject: this.subject,
      ...(c.onset !== undefined ? { onsetDateTime: this.day(c.onset) } : {}),
      ...(c.abatement !== undefined ? { abatementDateTime: this.day(c.abatement) } : {}),
      ...(c.onset !== undefined ? { recordedDate: this.day(Math.max(c.onset - 3, c.abatement ?? 0)) } : {}),
      recorder: { reference: PRACTITIONER_REF },
      ...(c.note ? { note: [{ text: c.note }] } : {}),
    });
  }

  /**
   * A course of one agent as consecutive MedicationRequests (one per dose step, `<slug>-1`, `<slug>-2`, …) with
   * their dispenses (`<slug>-1-fill-1`, …). Ended steps are `completed` (the last one `stopped`); a running last step is `active`.
   */
  course(slug: string, o: CourseOptions): MedicationRequest[] {
    const requests: MedicationRequest[] = [];
    let startAgo = o.start;
    renewed(o.start, o.steps).forEach((step, index, steps) => {
      const product = PRODUCTS[step.product];
      const isLast = index === steps.length - 1;
      const running = step.days === null;
      const fillDays = o.fillDays ?? (running ? 30 : step.days! % 28 === 0 ? 28 : step.days! % 14 === 0 ? 14 : step.days!);
      const fills = running ? Math.floor(startAgo / fillDays) + 1 : Math.ceil(step.days! / fillDays);
      const id = this.id(`${slug}-${index + 1}`);
      const dosageInstruction = step.dosage ?? dosage(product, step.perDay, step.style);
      const request = this.add<MedicationRequest>({
        resourceType: 'MedicationRequest',
        id,
        status: running ? 'active' : isLast ? 'stopped' : 'completed',
        ...(isLast && !running && o.stopReason ? { statusReason: { text: o.stopReason } } : {}),
        intent: 'order',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
                code: 'outpatient',
                display: 'Outpatient',
              },
            ],
          },
        ],
        medicationCodeableConcept: medicationConcept(product),
        subject: this.subject,
        authoredOn: this.day(startAgo),
        requester: { reference: PRACTITIONER_REF },
        dosageInstruction,
        dispenseRequest: {
          validityPeriod: { start: this.day(startAgo), end: this.day(startAgo - 365) },
          // Refills cover the whole order (at most 11, as for a 12-month outpatient prescription).
          numberOfRepeatsAllowed: running ? Math.min(11, Math.max(5, fills + 1)) : fills - 1,
          quantity: { value: step.perDay * fillDays, unit: product.unit },
          expectedSupplyDuration: { value: fillDays, unit: 'days', system: UCUM, code: 'd' },
        },
      });
      requests.push(request);

      const pattern = o.dispenses ?? 'full';
      const fillDaysAgo: number[] =
        pattern === 'none'
          ? []
          : Array.isArray(pattern) && isLast
            ? pattern
            : Array.from({ length: fills }, (_, k) => startAgo - k * fillDays).filter((d) => d >= 0);
      fillDaysAgo.forEach((handedOver, k) => {
        // A fill covers its supply, cut at the end of the step (the last fill of a step may be short).
        const supply = running ? fillDays : Math.min(fillDays, handedOver - (startAgo - step.days!));
        this.add<MedicationDispense>({
          resourceType: 'MedicationDispense',
          id: `${id}-fill-${k + 1}`,
          status: 'completed',
          medicationCodeableConcept: medicationConcept(product),
          subject: this.subject,
          authorizingPrescription: [{ reference: `MedicationRequest/${id}` }],
          quantity: { value: step.perDay * (supply > 0 ? supply : fillDays), unit: product.unit },
          daysSupply: { value: supply > 0 ? supply : fillDays, unit: 'days', system: UCUM, code: 'd' },
          whenPrepared: this.at(handedOver, '10:00:00'),
          whenHandedOver: this.at(handedOver, '16:00:00'),
          dosageInstruction,
        });
      });
      if (!running) startAgo -= step.days!;
    });
    return requests;
  }

  statement(
    slug: string,
    s: {
      product: ProductKey;
      perDay: number;
      start?: number;
      end?: number;
      status?: MedicationStatement['status'];
      style?: DoseStyle;
      reason?: string;
      note?: string;
      /** Days before today when the statement was recorded (default: the day after it ended, or today). */
      asserted?: number;
    },
  ): MedicationStatement {
    const product = PRODUCTS[s.product];
    const period =
      s.start !== undefined ? { effectivePeriod: { start: this.day(s.start), ...(s.end !== undefined ? { end: this.day(s.end) } : {}) } } : {};
    return this.add<MedicationStatement>({
      resourceType: 'MedicationStatement',
      id: this.id(slug),
      status: s.status ?? (s.end !== undefined ? 'completed' : 'active'),
      ...(s.reason ? { statusReason: [{ text: s.reason }] } : {}),
      medicationCodeableConcept: medicationConcept(product),
      subject: this.subject,
      ...period,
      dateAsserted: this.at(s.asserted ?? Math.max(0, (s.end ?? 0) - 1)),
      informationSource: this.subject,
      dosage: dosage(product, s.perDay, s.style),
      ...(s.note ? { note: [{ text: s.note }] } : {}),
    });
  }

  /** PHQ-9 totals (LOINC 44261-6 [V]) and, when given, item 9 (44260-8 [V]) on the same days. */
  phq9(entries: Array<[daysAgo: number, total: number, item9?: number]>): void {
    for (const [daysAgo, total, item9] of entries) {
      this.score('phq9', daysAgo, total);
      if (item9 !== undefined) {
        this.add<Observation>({
          resourceType: 'Observation',
          id: this.id(`phq9-item9-d${daysAgo}`),
          status: 'final',
          category: [{ coding: [{ system: observationCategory, code: 'survey', display: 'Survey' }] }],
          code: {
            coding: [
              {
                system: LOINC,
                code: '44260-8',
                display: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
              },
            ],
            text: 'PHQ-9 item 9',
          },
          subject: this.subject,
          effectiveDateTime: this.at(daysAgo),
          valueInteger: item9,
        });
      }
    }
  }

  /** One scale total: LOINC where a LOINC code is verified, else the local scales code system with readable text. */
  score(scale: keyof typeof SCALES, daysAgo: number, value: number): Observation {
    const s = SCALES[scale];
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.id(`${scale}-d${daysAgo}`),
      status: 'final',
      category: [{ coding: [{ system: observationCategory, code: 'survey', display: 'Survey' }] }],
      code: { coding: [{ system: s.system, code: s.code, display: s.display }], text: s.text },
      subject: this.subject,
      effectiveDateTime: this.at(daysAgo),
      valueQuantity: { value, unit: '{score}', system: UCUM, code: '{score}' },
    });
  }

  scores(scale: keyof typeof SCALES, entries: Array<[daysAgo: number, value: number]>): void {
    for (const [daysAgo, value] of entries) this.score(scale, daysAgo, value);
  }

  /**
   * A serum or plasma drug level: LOINC where a code is verified (lithium 14334-7), else the analyte's LOINC-style name
   * in the text ("Olanzapine [Mass/volume] in Serum or Plasma"), as laboratories send antipsychotic levels.
   */
  drugLevel(drug: string, daysAgo: number, value: number, unit: { ucum: string; text: string }, loinc?: string): Observation {
    const name = `${drug[0]!.toUpperCase()}${drug.slice(1)} [${unit.ucum.startsWith('mmol') ? 'Moles' : 'Mass'}/volume] in Serum or Plasma`;
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.id(`${drug}-level-d${daysAgo}`),
      status: 'final',
      category: [{ coding: [{ system: observationCategory, code: 'laboratory', display: 'Laboratory' }] }],
      code: loinc ? { coding: [{ system: LOINC, code: loinc, display: name }], text: `${drug} level` } : { text: name },
      subject: this.subject,
      effectiveDateTime: this.at(daysAgo, '08:30:00'),
      valueQuantity: { value, unit: unit.text, system: UCUM, code: unit.ucum },
    });
  }

  bloodPressure(daysAgo: number, systolic: number, diastolic: number): Observation {
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.id(`bp-d${daysAgo}`),
      status: 'final',
      category: [{ coding: [{ system: observationCategory, code: 'vital-signs', display: 'Vital Signs' }] }],
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
      subject: this.subject,
      effectiveDateTime: this.at(daysAgo, '09:10:00'),
      component: [
        {
          code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] },
          valueQuantity: { value: systolic, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
        },
        {
          code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] },
          valueQuantity: { value: diastolic, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
        },
      ],
    });
  }

  procedure(
    slug: string,
    p: { kind: 'ect' | 'tms' | 'psychotherapy'; text: string; start: number; end?: number; note?: string },
  ): Procedure {
    const display = { ect: 'Electroconvulsive therapy', tms: 'Repetitive transcranial magnetic stimulation', psychotherapy: 'Psychotherapy' }[
      p.kind
    ];
    return this.add<Procedure>({
      resourceType: 'Procedure',
      id: this.id(slug),
      status: 'completed',
      // SNOMED for ECT/rTMS is unverified: a local code plus plain text.
      code: { coding: [{ system: LOCAL_PROCEDURES, code: p.kind, display }], text: p.text },
      subject: this.subject,
      performedPeriod: { start: this.day(p.start), ...(p.end !== undefined ? { end: this.day(p.end) } : {}) },
      performer: [{ actor: { reference: PRACTITIONER_REF } }],
      ...(p.note ? { note: [{ text: p.note }] } : {}),
    });
  }

  intolerance(slug: string, a: { ingredient: string; rxcui: string; reaction: string; recorded: number }): AllergyIntolerance {
    return this.add<AllergyIntolerance>({
      resourceType: 'AllergyIntolerance',
      id: this.id(slug),
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
      },
      type: 'intolerance',
      category: ['medication'],
      criticality: 'low',
      code: { coding: [{ system: RXNORM, code: a.rxcui, display: a.ingredient }], text: a.ingredient },
      patient: this.subject,
      recordedDate: this.day(a.recorded),
      recorder: { reference: PRACTITIONER_REF },
      reaction: [{ manifestation: [{ text: a.reaction }], severity: 'moderate' }],
    });
  }

  device(slug: string, d: { code: string; display: string; name: string; note?: string }): Device {
    return this.add<Device>({
      resourceType: 'Device',
      id: this.id(slug),
      status: 'active',
      type: { coding: [{ system: LOCAL_DEVICES, code: d.code, display: d.display }], text: d.display },
      deviceName: [{ name: d.name, type: 'user-friendly-name' }],
      patient: this.subject,
      ...(d.note ? { note: [{ text: d.note }] } : {}),
    });
  }
}

/** Scale codes: LOINC where one is verified ([V]/[S]), else the local scales system ([U] for LOINC). */
export const SCALES = {
  phq9: { system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', text: 'PHQ-9 total score' },
  phq2: { system: LOINC, code: '55758-7', display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]', text: 'PHQ-2 total score' },
  gad7: { system: LOINC, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]', text: 'GAD-7 total score' },
  madrs: { system: LOCAL_SCALES, code: 'madrs-total', display: 'Montgomery-Asberg Depression Rating Scale (MADRS) total score', text: 'MADRS total score' },
  ybocs: { system: LOCAL_SCALES, code: 'ybocs-total', display: 'Yale-Brown Obsessive Compulsive Scale (Y-BOCS) total score', text: 'Y-BOCS total score' },
  panss: { system: LOCAL_SCALES, code: 'panss-total', display: 'Positive and Negative Syndrome Scale (PANSS) total score', text: 'PANSS total score' },
  pcl5: { system: LOCAL_SCALES, code: 'pcl5-total', display: 'PTSD Checklist for DSM-5 (PCL-5) total score', text: 'PCL-5 total score' },
  cssrs: { system: LOINC, code: '93373-9', display: 'Columbia suicide severity rating scale screener - recent [C-SSRS]', text: 'C-SSRS screener (recent)' },
} as const;

/** Condition codes used by the demo patients: ICD-10-CM and SNOMED from the VSAC value sets (valuesets.txt) unless noted. */
export const DX = {
  mddSingleModerate: { icd10: ['F32.1', 'Major depressive disorder, single episode, moderate'], snomed: ['36923009', 'Major depression, single episode'] },
  mddSingleSevere: { icd10: ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'], snomed: ['36923009', 'Major depression, single episode'] },
  mddRecurrentModerate: { icd10: ['F33.1', 'Major depressive disorder, recurrent, moderate'], snomed: ['66344007', 'Recurrent major depression'] },
  mddRecurrentSevere: { icd10: ['F33.2', 'Major depressive disorder, recurrent severe without psychotic features'], snomed: ['66344007', 'Recurrent major depression'] },
  mddRecurrentFullRemission: { icd10: ['F33.42', 'Major depressive disorder, recurrent, in full remission'], snomed: ['66344007', 'Recurrent major depression'] },
  bipolarDepressedModerate: { icd10: ['F31.32', 'Bipolar disorder, current episode depressed, moderate'], snomed: ['371596008', 'Bipolar I disorder'] },
  schizophreniaParanoid: { icd10: ['F20.0', 'Paranoid schizophrenia'], snomed: ['58214004', 'Schizophrenia'] },
  ocd: { icd10: ['F42.2', 'Mixed obsessional thoughts and acts'], snomed: ['191736004', 'Obsessive-compulsive disorder'] },
  ptsdChronic: { icd10: ['F43.12', 'Post-traumatic stress disorder, chronic'], snomed: ['47505003', 'Posttraumatic stress disorder'] },
  gad: { icd10: ['F41.1', 'Generalized anxiety disorder'] },
  alcoholDependence: { icd10: ['F10.20', 'Alcohol dependence, uncomplicated'] },
  cannabisDependence: { icd10: ['F12.20', 'Cannabis dependence, uncomplicated'] },
  borderline: { icd10: ['F60.3', 'Borderline personality disorder'] },
  pregnant: { icd10: ['Z33.1', 'Pregnant state, incidental'], snomed: ['77386006', 'Pregnancy'] },
  suicidalIdeation: { icd10: ['R45.851', 'Suicidal ideations'] },
  overdoseSnriIntentional: { icd10: ['T43.212A', 'Poisoning by selective serotonin and norepinephrine reuptake inhibitors, intentional self-harm, initial encounter'] },
  epilepsy: { icd10: ['G40.909', 'Epilepsy, unspecified, not intractable, without status epilepticus'], snomed: ['84757009', 'Epilepsy'] },
  // Codes below are ICD-10-CM codes outside those value sets (standard tabular-list codes).
  unemployment: { icd10: ['Z56.0', 'Unemployment, unspecified'] },
  intracerebralHaemorrhage: { icd10: ['I61.9', 'Nontraumatic intracerebral hemorrhage, unspecified'] },
  hypertension: { icd10: ['I10', 'Essential (primary) hypertension'] },
  cochlearImplantStatus: { icd10: ['Z96.21', 'Cochlear implant status'] },
  hyperlipidaemia: { icd10: ['E78.5', 'Hyperlipidemia, unspecified'] },
} satisfies Record<string, { icd10?: [string, string]; snomed?: [string, string] }>;
