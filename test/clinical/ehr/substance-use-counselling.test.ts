/**
 * Drug and alcohol counselling is substance-use treatment: shown with the substance use (the safety strip's line, the
 * substance-use option, the history line), never as psychotherapy of the disorder an assessment judges. Records are
 * hand-made in the sandbox's shapes (CarePlan activities coded in SNOMED CT).
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, carePlan, encounter, patient, ref, snomedCondition } from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}

const PTSD: [string, string] = ['47505003', 'Posttraumatic stress disorder'];
const DETOX: [string, string] = ['56876005', 'Drug rehabilitation and detoxification'];

describe('substance-use counselling', () => {
  const detox = encounter('IMP', DETOX, '2019-12-22', { end: '2019-12-29' });
  const addiction = carePlan('active', ['229065009', 'Exercise therapy'], '2002-11-22', null, [
    ['60112009', 'Drug addiction counseling', 'in-progress'],
    ['266707007', 'Drug addiction therapy', 'in-progress'],
  ]);
  const trauma = carePlan('completed', ['736254008', 'Psychiatry care plan'], '2024-01-10', '2024-06-10', [['406185000', 'Trauma Therapy', 'completed']]);

  it('PTSD with drug addiction counselling: the PTSD assessment lists the trauma therapy only; the counselling is substance-use counselling', () => {
    const d = derive([snomedCondition(PTSD[0], PTSD[1], '2023-06-19'), addiction, trauma, detox]);
    expect(d.psychotherapy.map((c) => [c.display, c.modality])).toEqual([
      ['Drug addiction counseling', 'substance-use'],
      ['Drug addiction therapy', 'substance-use'],
      ['Trauma Therapy', 'trauma-focused'],
    ]);
    const ptsd = d.assessments.find((a) => a.condition === 'ptsd')!;
    expect(ptsd.psychotherapyGiven?.map((f) => f.text)).toEqual(['Trauma Therapy, 2024-01-10 to 2024-06-10, completed']);
    expect(ptsd.conclusion).not.toContain('addiction');
  });

  it('the safety strip\'s substance-use line and the substance-use option name the counselling given', () => {
    const d = derive([snomedCondition(PTSD[0], PTSD[1], '2023-06-19'), addiction, trauma, detox]);
    const item = d.safety.find((i) => i.kind === 'substance-use')!;
    expect(item.detail).toBe(
      'co-occurring substance use (no active disorder coded): detox stay 2019-12-22; substance-use counselling: Drug addiction counseling, 2002-11-22 to now, in progress; Drug addiction therapy, 2002-11-22 to now, in progress.',
    );
    expect(item.sources).toEqual([ref(detox), ref(addiction)]);
    const option = d.suggestions.find((s) => s.intervention === 'substance-use-treatment')!;
    expect(option.reasons.map((r) => r.text).slice(0, 2)).toEqual([
      'Detox stay 2019-12-22',
      'Substance-use counselling given: Drug addiction counseling, 2002-11-22 to now, in progress; Drug addiction therapy, 2002-11-22 to now, in progress',
    ]);
  });

  it('alcoholism counselling with no assessed disorder: the history line says substance-use counselling, not psychotherapy', () => {
    const counselling = carePlan('active', ['229065009', 'Exercise therapy'], '2001-08-13', null, [['24165007', 'Alcoholism counseling', 'in-progress']]);
    const d = derive([snomedCondition('7200002', 'Alcoholism', '2001-08-13'), counselling]);
    expect(d.notes[0]).toBe('Psychiatric history without a diagnosis the app assesses for treatment resistance: Alcoholism; substance-use counselling. Nothing to stage.');
  });
});
