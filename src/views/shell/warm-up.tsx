/**
 * Compiles the engine and the timeline page while the record is still on its way. V8 compiles each function the
 * first time it runs, so the page's first derivation and first render of the timeline cost several times what the
 * next ones do; the record read leaves the page idle for a few hundred milliseconds, which is when this runs: one
 * derivation of a small made-up record (never shown, never stored, no I/O) and one render and layout of its page in a
 * hidden element that is removed at once. The patient's own record then goes through code already compiled.
 */
import type { Observation, Resource } from 'fhir/r4';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { derivePatient } from '../../clinical/index';
import { RULES } from '../../clinical/all-rules';
import type { Derivation } from '../../clinical/types';
import { TreatmentResistancePage } from '../timeline/index';

const ID = 'warm-up';
const subject = { reference: `Patient/${ID}` };
const LOINC = 'http://loinc.org';

/** YYYY-MM-DD `days` before `asOf`. */
function daysBefore(asOf: string, days: number): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * A made-up record touching the engine's main paths: a depression diagnosis, two antidepressant trials (an order with
 * dispenses, a statement, an order as EHR exports write it: one unit a day), PHQ-9 scores, a blood pressure, and
 * resources the engine only accounts for (an encounter, a claim, a laboratory result).
 */
function warmUpRecord(asOf: string): Resource[] {
  const day = (n: number) => daysBefore(asOf, n);
  const phq9 = (n: number, value: number, i: number): Observation => ({
    resourceType: 'Observation',
    id: `phq9-${i}`,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: LOINC, code: '44261-6' }], text: 'PHQ-9 total score' },
    subject,
    effectiveDateTime: day(n),
    valueQuantity: { value, unit: '{score}' },
  });
  const mg = (value: number) => [
    { text: `${value} mg once daily`, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } }, doseAndRate: [{ doseQuantity: { value, unit: 'mg' } }] },
  ];
  return [
    { resourceType: 'Patient', id: ID, gender: 'female', birthDate: day(40 * 365) },
    {
      resourceType: 'Condition',
      id: 'mdd',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1' }], text: 'Major depressive disorder, recurrent, moderate' },
      subject,
      onsetDateTime: day(400),
    },
    {
      resourceType: 'MedicationRequest',
      id: 'sertraline',
      status: 'completed',
      intent: 'order',
      subject,
      authoredOn: day(380),
      medicationCodeableConcept: { text: 'sertraline 100 MG Oral Tablet' },
      dosageInstruction: mg(100),
      dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'd' }, numberOfRepeatsAllowed: 2 },
    },
    {
      resourceType: 'MedicationDispense',
      id: 'sertraline-fill',
      status: 'completed',
      subject,
      authorizingPrescription: [{ reference: 'MedicationRequest/sertraline' }],
      medicationCodeableConcept: { text: 'sertraline 100 MG Oral Tablet' },
      whenHandedOver: day(379),
      daysSupply: { value: 30, unit: 'd' },
      quantity: { value: 30 },
      dosageInstruction: mg(100),
    },
    {
      resourceType: 'MedicationStatement',
      id: 'venlafaxine',
      status: 'completed',
      subject,
      medicationCodeableConcept: { text: 'venlafaxine 150 MG Extended Release Oral Capsule' },
      effectivePeriod: { start: day(250), end: day(150) },
      dosage: mg(150),
    },
    {
      resourceType: 'MedicationRequest',
      id: 'bupropion',
      status: 'active',
      intent: 'order',
      subject,
      authoredOn: day(100),
      medicationCodeableConcept: { text: 'bupropion hydrochloride 300 MG Extended Release Oral Tablet' },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1 } }] }],
    },
    phq9(385, 21, 1),
    phq9(300, 19, 2),
    phq9(245, 20, 3),
    phq9(160, 17, 4),
    phq9(30, 15, 5),
    {
      resourceType: 'Observation',
      id: 'bp',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      subject,
      effectiveDateTime: day(30),
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 124, unit: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80, unit: 'mm[Hg]' } },
      ],
    },
    { resourceType: 'Observation', id: 'glucose', status: 'final', code: { coding: [{ system: LOINC, code: '2339-0' }] }, subject, effectiveDateTime: day(30), valueQuantity: { value: 90, unit: 'mg/dL' } },
    { resourceType: 'Encounter', id: 'visit', status: 'finished', class: { code: 'AMB' }, subject, period: { start: day(30) } },
    { resourceType: 'Claim', id: 'claim', status: 'active', use: 'claim', patient: subject, created: day(30) } as Resource,
  ] as Resource[];
}

let done = false;

export interface WarmUpOptions {
  /**
   * Asked before the first step, the derivation: false once the record has been read. The warm-up only pays while the
   * page would otherwise wait for the EHR; the real record is better derived cold than late.
   */
  worthIt?: () => boolean;
  /**
   * Asked before the second step, the render (by default `worthIt`): false once the record has begun to arrive. The
   * render costs the page more than the derivation does; once answers come in (at once from a near EHR) it would
   * compete with the rest of them for the processor.
   */
  worthDrawing?: () => boolean;
  /** Schedules the second step (a new task by default). */
  later?: (task: () => void) => void;
}

/**
 * Runs once per page, as two tasks (the derivation, then the render), so that a read's answer arriving meanwhile waits
 * for one of them only. Any failure is ignored: the real derivation and render then simply start cold.
 */
export function warmUp(asOf: string, { worthIt = () => true, worthDrawing = worthIt, later = (task) => setTimeout(task, 0) }: WarmUpOptions = {}): void {
  if (done) return;
  done = true;
  if (!worthIt()) return;
  let derivation: Derivation;
  try {
    derivation = derivePatient({ patientId: ID, resources: warmUpRecord(asOf) }, { asOf });
  } catch {
    return;
  }
  later(() => {
    if (!worthDrawing()) return;
    try {
      // Laid out once, out of sight and out of the accessibility tree: the page's first layout otherwise also pays for
      // the browser's first look-up of each of its fonts (families, weights, monospace) and lays out the SVG's text cold.
      const container = document.createElement('div');
      container.setAttribute('aria-hidden', 'true');
      container.inert = true;
      container.style.cssText = 'position:absolute;top:0;left:-10000px;width:1000px;visibility:hidden;pointer-events:none';
      document.body.appendChild(container);
      const root = createRoot(container, { onCaughtError: () => {}, onRecoverableError: () => {}, onUncaughtError: () => {} });
      try {
        flushSync(() => root.render(<TreatmentResistancePage derivation={derivation} rules={RULES} />));
        void container.getBoundingClientRect();
      } finally {
        root.unmount();
        container.remove();
      }
    } catch {
      // Nothing to do: the warm-up only saves time.
    }
  });
}
