/**
 * Seeded patients shaped and sized like an EHR export of a primary-care population (the Synthea records the public
 * SMART sandbox serves): a median of about 300 resources, most of which the engine does not use: encounters with a
 * claim and an explanation of benefit each (and a pharmacy claim per order), vital signs and laboratory panels with
 * their diagnostic reports, immunizations, screening procedures, goals and care plans. The psychiatric part comes in
 * the shapes such exports use: orders coded by RxNorm product with a unitless `doseQuantity` (one tablet) and no
 * supply, re-ordered at follow-ups and renewed between them, each order `stopped` when renewed and the current drug's
 * latest `active` with no end, no dispenses, and a depression diagnosis that never abates.
 * About half the patients have no psychiatric history at all.
 *
 * Pure: no I/O, no Math.random, no clock: the same options and `today` give the same resources.
 */
import type {
  CarePlan,
  Claim,
  Coverage,
  Encounter,
  ExplanationOfBenefit,
  Goal,
  Immunization,
  MedicationRequest,
  Observation,
  Procedure,
  Reference,
  Resource,
  ServiceRequest,
} from 'fhir/r4';
import { DX, LOINC, PRACTITIONER_REF, RecordBuilder, RXNORM, SNOMED, UCUM, transaction } from './fhir';
import { PRODUCTS, type ProductKey } from './demo-products';
import { prng } from './synthetic';

export interface RealisticOptions {
  /** Patient id (also the prefix of every resource id). */
  id: string;
  today: Date;
  seed: number;
  /** The psychiatric story; by default drawn from the seed (about half the patients have none). */
  story?: RealisticStory;
  /** Years of history; by default drawn from the seed (3 to 27, most 8 to 22). */
  years?: number;
  /** Fixed name (and gender) instead of a generated one. */
  name?: { given: string; family: string; gender: 'female' | 'male' };
}

/**
 * none: no psychiatric history (depression screenings without a score only); mdd: a depression diagnosis with two to
 * four antidepressants in sequence, each re-ordered until the next starts, the last still active, and PHQ-9 scores at
 * some visits; mdd-alcohol: the
 * same with an alcohol-use diagnosis; anxiety: an anxiety diagnosis with one antidepressant, re-ordered, its latest order active.
 */
export type RealisticStory = 'none' | 'mdd' | 'mdd-alcohol' | 'anxiety';

const ORGANIZATION_REF = 'Organization/demo-clinic';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const CVX = 'http://hl7.org/fhir/sid/cvx';
/** Non-psychiatric medicines carry a local code: the engine must not use them, and none of them is a clinical fact. */
const LOCAL_OTHER_MEDICATIONS = 'http://example.org/trd-timeline/CodeSystem/other-medications';

/** Laboratory panels of a check-up: the report's code and its results (LOINC, unit, usual range). */
const PANELS = [
  {
    code: '51990-0',
    display: 'Basic metabolic panel - Blood',
    every: 1,
    results: [
      ['2339-0', 'Glucose', 'mg/dL', 70, 110],
      ['6299-2', 'Urea nitrogen', 'mg/dL', 7, 20],
      ['38483-4', 'Creatinine', 'mg/dL', 0.6, 1.3],
      ['49765-1', 'Calcium', 'mg/dL', 8.6, 10.3],
      ['2947-0', 'Sodium', 'mmol/L', 136, 145],
      ['6298-4', 'Potassium', 'mmol/L', 3.5, 5.1],
      ['2069-3', 'Chloride', 'mmol/L', 98, 107],
      ['20565-8', 'Carbon dioxide', 'mmol/L', 22, 29],
    ],
  },
  {
    code: '57698-3',
    display: 'Lipid panel with direct LDL - Serum or Plasma',
    every: 3,
    results: [
      ['2093-3', 'Total cholesterol', 'mg/dL', 150, 240],
      ['2571-8', 'Triglycerides', 'mg/dL', 60, 200],
      ['18262-6', 'LDL cholesterol', 'mg/dL', 70, 160],
      ['2085-9', 'HDL cholesterol', 'mg/dL', 35, 75],
    ],
  },
] as const;

const OTHER_MEDICATIONS = [
  'Acetaminophen 325 MG Oral Tablet',
  'Ibuprofen 200 MG Oral Tablet',
  'Amoxicillin 500 MG Oral Capsule',
  'Lisinopril 10 MG Oral Tablet',
  'Hydrochlorothiazide 25 MG Oral Tablet',
  'Metformin hydrochloride 500 MG Oral Tablet',
  'Simvastatin 20 MG Oral Tablet',
  'Fluticasone propionate 0.05 MG/ACTUAT Nasal Spray',
];

const SYMPTOM_REASONS: Array<[string, string]> = [
  ['10509002', 'Acute bronchitis (disorder)'],
  ['444814009', 'Viral sinusitis (disorder)'],
  ['195662009', 'Acute viral pharyngitis (disorder)'],
  ['68496003', 'Polyp of colon'],
  ['40055000', 'Chronic sinusitis (disorder)'],
];

const ANTIDEPRESSANTS: ProductKey[] = ['sertraline100', 'escitalopram20', 'citalopram20', 'fluoxetine20', 'venlafaxine150', 'bupropion300', 'mirtazapine30', 'duloxetine60'];

export function generateRealisticPatientResources(o: RealisticOptions): Resource[] {
  const rnd = prng(o.seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const b = new RecordBuilder(o.today, o.id);
  const subject: Reference = b.subject;
  // Drawn whether or not a name is given, so a fixed name leaves the rest of the record as the seed makes it.
  const femaleDraw = rnd() < 0.5;
  const female = o.name ? o.name.gender === 'female' : femaleDraw;
  const givenDraw = pick(female ? ['Maria', 'Linda', 'Ines', 'Joan', 'Keiko'] : ['Tomas', 'Victor', 'Samuel', 'Ravi', 'Henry']);
  const familyDraw = pick(['Realsize', 'Export', 'Mockton', 'Chartwell', 'Recordo']);
  // Most records cover 8 to 22 years; a few are short (a new patient) or long (an old one).
  const years = o.years ?? Math.round(3 + 12 * (rnd() + rnd()));
  const historyDays = Math.round(years * 365);
  const storyDraw = rnd();
  const story: RealisticStory = o.story ?? (storyDraw < 0.5 ? 'none' : storyDraw < 0.8 ? 'mdd' : storyDraw < 0.9 ? 'mdd-alcohol' : 'anxiety');
  b.patient({
    given: [o.name?.given ?? givenDraw],
    family: o.name?.family ?? familyDraw,
    gender: female ? 'female' : 'male',
    ageYears: years + between(18, 40),
  });

  let encounterCount = 0;
  let claimCount = 0;
  const encounter = (daysAgo: number, kind: 'wellness' | 'symptom' | 'psychiatric' | 'emergency', reason?: [string, string]): Reference => {
    const n = ++encounterCount;
    const type = {
      wellness: ['162673000', 'General examination of patient (procedure)'],
      symptom: ['185345009', 'Encounter for symptom (procedure)'],
      psychiatric: ['185347001', 'Encounter for problem (procedure)'],
      emergency: ['50849002', 'Emergency room admission (procedure)'],
    }[kind] as [string, string];
    const start = b.at(daysAgo, '08:40:00');
    const end = b.at(daysAgo, kind === 'emergency' ? '13:10:00' : '09:10:00');
    const enc = b.add<Encounter>({
      resourceType: 'Encounter',
      id: b.id(`enc-${n}`),
      status: 'finished',
      class: { system: ACT_CODE, code: kind === 'emergency' ? 'EMER' : 'AMB' },
      type: [{ coding: [{ system: SNOMED, code: type[0], display: type[1] }], text: type[1] }],
      subject,
      participant: [{ individual: { reference: PRACTITIONER_REF } }],
      period: { start, end },
      ...(reason ? { reasonCode: [{ coding: [{ system: SNOMED, code: reason[0], display: reason[1] }] }] } : {}),
      serviceProvider: { reference: ORGANIZATION_REF },
    });
    const encounterRef = { reference: `Encounter/${enc.id}` };
    const item = { sequence: 1, productOrService: { coding: [{ system: SNOMED, code: type[0], display: type[1] }], text: type[1] } };
    const total = 75 + 25 * between(1, 8);
    const claim = b.add<Claim>({
      resourceType: 'Claim',
      id: b.id(`claim-${++claimCount}`),
      status: 'active',
      type: { coding: [{ system: CLAIM_TYPE, code: 'institutional' }] },
      use: 'claim',
      patient: subject,
      billablePeriod: { start, end },
      created: end,
      provider: { reference: ORGANIZATION_REF },
      priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { display: 'private' } }],
      item: [{ ...item, encounter: [encounterRef] }],
      total: { value: total, currency: 'USD' },
    });
    const referral: ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: 'referral',
      status: 'completed',
      intent: 'order',
      subject,
      requester: { reference: PRACTITIONER_REF },
      performer: [{ reference: PRACTITIONER_REF }],
    };
    const coverage: Coverage = { resourceType: 'Coverage', id: 'coverage', status: 'active', type: { text: 'private' }, beneficiary: subject, payor: [{ display: 'private' }] };
    b.add<ExplanationOfBenefit>({
      resourceType: 'ExplanationOfBenefit',
      id: b.id(`eob-${n}`),
      contained: [referral, coverage],
      identifier: [{ system: 'http://example.org/trd-timeline/claim-id', value: claim.id! }],
      status: 'active',
      type: { coding: [{ system: CLAIM_TYPE, code: 'institutional' }] },
      use: 'claim',
      patient: subject,
      billablePeriod: { start, end: b.at(Math.max(0, daysAgo - 365), '09:10:00') },
      created: end,
      insurer: { display: 'private' },
      provider: { reference: PRACTITIONER_REF },
      referral: { reference: '#referral' },
      claim: { reference: `Claim/${claim.id}` },
      outcome: 'complete',
      careTeam: [
        {
          sequence: 1,
          provider: { reference: PRACTITIONER_REF },
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole', code: 'primary', display: 'Primary provider' }] },
        },
      ],
      insurance: [{ focal: true, coverage: { reference: '#coverage', display: 'private' } }],
      item: [
        {
          ...item,
          category: { coding: [{ system: 'https://bluebutton.cms.gov/resources/variables/line_cms_type_srvc_cd', code: '1', display: 'Medical care' }] },
          servicedPeriod: { start, end },
          locationCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-serviceplace', code: '11', display: 'Office' }] },
          encounter: [encounterRef],
          adjudication: [
            { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted', display: 'Submitted Amount' }] }, amount: { value: total, currency: 'USD' } },
            { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'benefit', display: 'Benefit Amount' }] }, amount: { value: Math.round(total * 0.8), currency: 'USD' } },
          ],
        },
      ],
      total: [
        {
          category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted', display: 'Submitted Amount' }], text: 'Submitted Amount' },
          amount: { value: total, currency: 'USD' },
        },
      ],
      payment: { amount: { value: Math.round(total * 0.8), currency: 'USD' } },
    });
    return encounterRef;
  };

  let observationCount = 0;
  const quantity = (
    daysAgo: number,
    enc: Reference,
    category: 'vital-signs' | 'laboratory' | 'survey',
    code: string,
    display: string,
    value: number,
    unit: string,
  ): Observation =>
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id(`obs-${++observationCount}`),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: category, display: category }] }],
      code: { coding: [{ system: LOINC, code, display }], text: display },
      subject,
      encounter: enc,
      effectiveDateTime: b.at(daysAgo, '08:50:00'),
      issued: b.at(daysAgo, '08:51:00'),
      valueQuantity: { value, unit, system: UCUM, code: unit },
    });

  let procedureCount = 0;
  const procedure = (daysAgo: number, enc: Reference, code: string, display: string): Procedure =>
    b.add<Procedure>({
      resourceType: 'Procedure',
      id: b.id(`proc-${++procedureCount}`),
      status: 'completed',
      code: { coding: [{ system: SNOMED, code, display }], text: display },
      subject,
      encounter: enc,
      performedPeriod: { start: b.at(daysAgo, '08:55:00'), end: b.at(daysAgo, '09:05:00') },
    });

  let orderCount = 0;
  /**
   * An order as such exports write it: one unit once a day (no unit, no strength), never an end date. A renewal
   * between visits has no encounter, and its claim's amount is not drawn from the seed, so adding renewals leaves the
   * rest of the record as the seed makes it.
   */
  const order = (daysAgo: number, enc: Reference | null, medication: MedicationRequest['medicationCodeableConcept'], status: 'active' | 'stopped', reason?: Reference): void => {
    const n = ++orderCount;
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id(`order-${n}`),
      status,
      intent: 'order',
      medicationCodeableConcept: medication,
      subject,
      ...(enc ? { encounter: enc } : {}),
      authoredOn: b.at(daysAgo, '09:00:00'),
      requester: { reference: PRACTITIONER_REF },
      ...(reason ? { reasonReference: [reason] } : {}),
      dosageInstruction: [
        {
          sequence: 1,
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          asNeededBoolean: false,
          doseAndRate: [
            { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/dose-rate-type', code: 'ordered', display: 'Ordered' }] }, doseQuantity: { value: 1 } },
          ],
        },
      ],
    });
    // The pharmacy claim of the order.
    b.add<Claim>({
      resourceType: 'Claim',
      id: b.id(`claim-${++claimCount}`),
      status: 'active',
      type: { coding: [{ system: CLAIM_TYPE, code: 'pharmacy' }] },
      use: 'claim',
      patient: subject,
      billablePeriod: { start: b.at(daysAgo, '09:00:00'), end: b.at(daysAgo, '09:15:00') },
      created: b.at(daysAgo, '09:15:00'),
      provider: { reference: ORGANIZATION_REF },
      priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      prescription: { reference: `MedicationRequest/${b.id(`order-${n}`)}` },
      insurance: [{ sequence: 1, focal: true, coverage: { display: 'private' } }],
      item: [{ sequence: 1, productOrService: medication ?? { text: 'medication' }, ...(enc ? { encounter: [enc] } : {}) }],
      total: { value: enc ? between(5, 300) : 5 + ((n * 37) % 296), currency: 'USD' },
    });
  };

  // Check-ups every one to three years, more often later in life; symptom visits in between.
  const wellnessEvery = between(365, 3 * 365);
  const visits: Array<{ day: number; kind: 'wellness' | 'symptom' }> = [];
  for (let d = historyDays; d >= 30; d -= Math.max(300, wellnessEvery - Math.floor((historyDays - d) / 12))) visits.push({ day: d, kind: 'wellness' });
  const symptomVisits = Math.round((years * between(4, 20)) / 10);
  for (let k = 0; k < symptomVisits; k++) visits.push({ day: between(20, historyDays), kind: 'symptom' });

  // The psychiatric story: onset somewhere in the second half of the record, follow-ups after it.
  const psychiatric = story !== 'none';
  const onset = between(Math.round(historyDays * 0.15), Math.round(historyDays * 0.6));
  const psychiatricVisits: number[] = [];
  if (psychiatric) for (let d = onset; d > 20; d -= between(60, 240)) psychiatricVisits.push(d);

  visits.sort((x, y) => y.day - x.day);
  let visitIndex = 0;
  for (const visit of visits) {
    visitIndex++;
    if (visit.kind === 'symptom') {
      const reason = pick(SYMPTOM_REASONS);
      const enc = encounter(visit.day, rnd() < 0.08 ? 'emergency' : 'symptom', reason);
      if (rnd() < 0.5) quantity(visit.day, enc, 'vital-signs', '8310-5', 'Body temperature', 36.5 + Math.round(rnd() * 20) / 10, 'Cel');
      if (rnd() < 0.35) order(visit.day, enc, { coding: [{ system: LOCAL_OTHER_MEDICATIONS, code: `other-${between(1, 8)}`, display: pick(OTHER_MEDICATIONS) }], text: pick(OTHER_MEDICATIONS) }, 'stopped');
      continue;
    }
    const d = visit.day;
    const enc = encounter(d, 'wellness');
    const height = female ? between(155, 175) : between(165, 190);
    const weight = between(55, 110);
    quantity(d, enc, 'vital-signs', '8302-2', 'Body height', height, 'cm');
    quantity(d, enc, 'vital-signs', '29463-7', 'Body weight', weight, 'kg');
    quantity(d, enc, 'vital-signs', '39156-5', 'Body mass index (BMI) [Ratio]', Math.round((weight / (height / 100) ** 2) * 10) / 10, 'kg/m2');
    quantity(d, enc, 'vital-signs', '72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported', between(0, 4), '{score}');
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id(`obs-${++observationCount}`),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
      subject,
      encounter: enc,
      effectiveDateTime: b.at(d, '08:50:00'),
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: between(108, 142), unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: between(66, 92), unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' } },
      ],
    });
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id(`obs-${++observationCount}`),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'survey' }] }],
      code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }], text: 'Tobacco smoking status' },
      subject,
      encounter: enc,
      effectiveDateTime: b.at(d, '08:50:00'),
      valueCodeableConcept: { coding: [{ system: SNOMED, code: '266919005', display: 'Never smoked tobacco (finding)' }], text: 'Never smoked tobacco' },
    });
    for (const panel of PANELS) {
      if (visitIndex % panel.every !== 0 || rnd() < 0.55) continue;
      const results = panel.results.map(([code, display, unit, lo, hi]) =>
        quantity(d, enc, 'laboratory', code, display, Math.round((lo + rnd() * (hi - lo)) * 10) / 10, unit),
      );
      b.add({
        resourceType: 'DiagnosticReport',
        id: b.id(`report-${observationCount}`),
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] }],
        code: { coding: [{ system: LOINC, code: panel.code, display: panel.display }], text: panel.display },
        subject,
        encounter: enc,
        effectiveDateTime: b.at(d, '08:50:00'),
        issued: b.at(d, '10:00:00'),
        result: results.map((r) => ({ reference: `Observation/${r.id}`, display: r.code.text })),
      });
    }
    b.add<Immunization>({
      resourceType: 'Immunization',
      id: b.id(`imm-${visitIndex}`),
      status: 'completed',
      vaccineCode: { coding: [{ system: CVX, code: '140', display: 'Influenza, seasonal, injectable, preservative free' }], text: 'Influenza vaccine' },
      patient: subject,
      encounter: enc,
      occurrenceDateTime: b.at(d, '09:00:00'),
      primarySource: true,
    });
    procedure(d, enc, '428191000124101', 'Documentation of current medications');
    // Screened for depression at check-ups: a procedure with no score, as such exports record it.
    if (rnd() < 0.6) procedure(d, enc, '171207006', 'Depression screening (procedure)');
  }

  if (psychiatric) {
    const enc = encounter(onset, 'psychiatric');
    const mdd = story !== 'anxiety';
    const diagnosis = b.condition('dx-1', {
      ...(mdd ? DX.mddRecurrentModerate : DX.gad),
      text: mdd ? 'Major depressive disorder, recurrent, moderate' : 'Generalized anxiety disorder',
      onset,
      category: 'encounter-diagnosis',
    });
    const reason = { reference: `Condition/${diagnosis.id}` };
    if (story === 'mdd-alcohol') b.condition('dx-2', { ...DX.alcoholDependence, text: 'Alcohol dependence', onset: onset + between(100, 900), category: 'encounter-diagnosis' });
    // Antidepressant orders in sequence: each agent taken from its first order until the next agent's, re-ordered at
    // some follow-up visits and renewed in between; each order stopped when renewed, the current agent's latest active.
    const agents = mdd ? between(2, 4) : 1;
    const used = new Set<ProductKey>();
    const changes = [onset];
    for (let a = 1; a < agents; a++) changes.push(Math.round(onset - ((onset - 30) * a) / agents));
    for (let a = 0; a < agents; a++) {
      let product = pick(ANTIDEPRESSANTS);
      while (used.has(product)) product = pick(ANTIDEPRESSANTS);
      used.add(product);
      const p = PRODUCTS[product];
      const concept = { coding: [{ system: RXNORM, code: p.rxcui!, display: p.display }], text: p.display };
      const from = changes[a]!;
      const to = a + 1 < agents ? changes[a + 1]! : 0;
      const visits = psychiatricVisits.filter((v) => v < from - 60 && v > to + 30).slice(0, 2);
      const orderDays = renewalDays([from, ...visits], to);
      const latest = orderDays[orderDays.length - 1]!;
      for (const d of orderDays) {
        const status = a === agents - 1 && d === latest ? 'active' : 'stopped';
        if (d === from) order(from, a === 0 ? enc : encounter(from, 'psychiatric'), concept, status, reason);
        else if (visits.includes(d)) order(d, encounter(d, 'psychiatric'), concept, status, reason);
        else order(d, null, concept, status, reason);
      }
    }
    // Scores at some follow-ups (newer exports record PHQ-9 totals; older ones only the screening procedure).
    for (const v of psychiatricVisits) {
      if (!mdd || rnd() < 0.5) continue;
      const venc = encounter(v, 'psychiatric');
      quantity(v, venc, 'survey', '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', between(v > onset / 2 ? 12 : 6, 22), '{score}');
    }
    b.add<CarePlan>({
      resourceType: 'CarePlan',
      id: b.id('careplan-1'),
      status: 'active',
      intent: 'order',
      category: [{ text: 'Mental health care plan' }],
      subject,
      encounter: enc,
      period: { start: b.at(onset, '09:00:00') },
      addresses: [reason],
      activity: [
        { detail: { code: { coding: [{ system: SNOMED, code: '228557008', display: 'Cognitive and behavioral therapy' }], text: 'Cognitive and behavioral therapy' }, status: 'in-progress' } },
      ],
    });
  }

  // Goals of a chronic-care plan, as such exports add for adults.
  const goals = between(0, 5);
  for (let g = 0; g < goals; g++) {
    b.add<Goal>({
      resourceType: 'Goal',
      id: b.id(`goal-${g + 1}`),
      lifecycleStatus: 'accepted',
      description: { text: pick(['Maintain blood pressure below 140/90 mm[Hg]', 'Reduce sodium intake', 'Improve physical activity', 'Hemoglobin A1c below 7.0']) },
      subject,
    });
  }
  // Exports tag what they wrote (and the tag is part of their size).
  for (const r of b.resources) r.meta = { tag: [{ system: 'http://example.org/trd-timeline/tags', code: 'synthetic-ehr-export' }] };
  return b.resources;
}

/**
 * How often a running antidepressant is renewed at the least (a 12-week repeat): within the supply a renewal is assumed
 * to cover (30 days) plus the permissible gap before the next one (60 days), so the orders read as one trial.
 */
const RENEWAL_EVERY_DAYS = 84;

/**
 * The days (days ago, earliest first) an agent is ordered on: its visits' orders, and renewals between them and up to
 * `until` (the next agent's start, or today) wherever the orders are further apart than RENEWAL_EVERY_DAYS.
 */
function renewalDays(visitDays: number[], until: number): number[] {
  const days: number[] = [];
  const points = [...visitDays, until];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    days.push(from);
    const steps = Math.ceil((from - points[i + 1]!) / RENEWAL_EVERY_DAYS);
    for (let k = 1; k < steps; k++) days.push(from - Math.round(((from - points[i + 1]!) * k) / steps));
  }
  return days;
}

export function generateRealisticPatient(o: RealisticOptions) {
  return transaction(generateRealisticPatientResources(o));
}
