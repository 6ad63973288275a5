/**
 * A citation marks as a "local working rule (unverified)" only the part the app adds, never what its source says: the
 * label's metabolic warning and the APA's conditions of substantial risk are cited as theirs, the monitoring schedule
 * and the haemorrhage taken as one of those conditions as the app's.
 */
import { describe, expect, it } from 'vitest';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

describe('schizophrenia-trs, clozapine ticked: the metabolic caution cites the label for the warning, the schedule as local', () => {
  const draft = demoDraft(demoDerivation('schizophrenia-trs', TODAY), ['clozapine'], AS_OF);

  it('writes "(Clozaril label: warnings and precautions: metabolic changes (…); monitoring schedule: local working rule (unverified))"', () => {
    const caution = draft.preview.find((l) => l.trim().startsWith('Before starting: Metabolic changes'))!;
    expect(caution.trim()).toBe(
      'Before starting: Metabolic changes: weight gain, hyperglycaemia and diabetes, dyslipidaemia: weight, fasting glucose (or HbA1c) and lipids before starting and during treatment. (Clozaril label: warnings and precautions: metabolic changes (hyperglycaemia, dyslipidaemia, weight gain); monitoring schedule: local working rule (unverified))',
    );
  });
});

describe('esketamine-contraindicated, ECT ticked: the ECT cautions cite the APA for what it says, the app’s part as local', () => {
  const draft = demoDraft(demoDerivation('esketamine-contraindicated', TODAY), ['ect'], AS_OF);
  const caution = (start: string) => draft.preview.find((l) => l.trim().startsWith(start))!.trim();

  it('the haemorrhage caution: the APA’s conditions of substantial risk, then the haemorrhage as local', () => {
    expect(caution('Caution: Nontraumatic intracerebral hemorrhage')).toMatch(
      /\(APA ECT task force 2001: bleeding or unstable vascular malformations and raised intracranial pressure are conditions of substantial risk for ECT; a past haemorrhage treated as needing the same assessment: local working rule \(unverified\)\)$/,
    );
  });

  it('the hypertension caution: the APA’s pre-ECT evaluation, then checking control as local', () => {
    expect(caution('Caution: Essential (primary) hypertension')).toMatch(
      /\(APA ECT task force 2001: the transient rise in blood pressure with each treatment and the pre-ECT medical evaluation; checking control before the course: local working rule \(unverified\)\)$/,
    );
  });
});
