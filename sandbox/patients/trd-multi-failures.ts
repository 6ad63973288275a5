import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Highly treatment-resistant depression over 20 months: escitalopram 20 mg, duloxetine 60 mg (+ aripiprazole 5 mg
 * augmentation), nortriptyline 100 mg, mirtazapine 30 mg and now tranylcypromine 40 mg for 18 weeks, each adequate, PHQ-9
 * never below 19; CBT course completed; passive death wishes on the latest PHQ-9 (item 9 = 1). Thase-Rush stage IV;
 * >= 4 failed treatments make VNS eligible; ECT fits and leads by rank; item 9 = 1 with no risk assessment since makes
 * the risk assessment urgent (the safety strip), not a referral; esketamine and ketamine are blocked by the MAOI.
 */
export const trdMultiFailures: DemoPatient = {
  id: 'trd-multi-failures',
  name: 'Robert Lindqvist',
  summary: 'Highly resistant MDD: 5 failed adequate trials (SSRI, SNRI+aripiprazole, TCA, mirtazapine, MAOI), Thase-Rush IV, VNS eligible.',
  build(today) {
    const b = new RecordBuilder(today, 'trd-multi-failures');
    b.patient({ given: ['Robert'], family: 'Lindqvist', gender: 'male', ageYears: 56 });
    b.condition('mdd', { ...DX.mddRecurrentSevere, text: 'Major depressive disorder, recurrent, severe without psychotic features', onset: 600 });
    b.course('escitalopram', {
      start: 580,
      steps: [
        { product: 'escitalopram10', perDay: 1, days: 14 },
        { product: 'escitalopram20', perDay: 1, days: 84 },
      ],
      stopReason: 'No response after 12 weeks at 20 mg',
    });
    b.course('duloxetine', {
      start: 475,
      steps: [{ product: 'duloxetine60', perDay: 1, days: 84 }],
      stopReason: 'No response despite aripiprazole augmentation',
    });
    b.course('aripiprazole', {
      start: 433,
      steps: [{ product: 'aripiprazole5', perDay: 1, days: 42 }],
      stopReason: 'Augmentation ineffective; akathisia',
    });
    b.course('nortriptyline', {
      start: 384,
      steps: [
        { product: 'nortriptyline25', perDay: 2, days: 14, style: 'bid' },
        { product: 'nortriptyline50', perDay: 2, days: 84, style: 'bid' },
      ],
      stopReason: 'No response at 100 mg/day (level 98 ng/mL, therapeutic)',
    });
    b.course('mirtazapine', {
      start: 279,
      steps: [
        { product: 'mirtazapine15', perDay: 1, days: 14 },
        { product: 'mirtazapine30', perDay: 1, days: 70 },
      ],
      stopReason: 'No response; 14-day washout before MAOI',
    });
    b.course('tranylcypromine', {
      start: 181,
      steps: [
        { product: 'tranylcypromine10', perDay: 2, days: 14, style: 'bid' },
        { product: 'tranylcypromine10', perDay: 4, days: null, style: 'bid' },
      ],
    });
    b.procedure('cbt', {
      kind: 'psychotherapy',
      text: 'Cognitive behavioural therapy for depression, 16 weekly sessions',
      start: 450,
      end: 338,
    });
    b.phq9([
      [582, 23, 1],
      [540, 22, 1],
      [500, 21, 0],
      [477, 21, 0],
      [440, 21, 0],
      [393, 20, 0],
      [386, 20, 0],
      [340, 19, 0],
      [288, 19, 0],
      [281, 20, 0],
      [240, 19, 0],
      [200, 19, 0],
      [183, 20, 0],
      [140, 19, 0],
      [100, 19, 0],
      [60, 20, 0],
      [14, 19, 1],
    ]);
    b.scores('madrs', [
      [582, 36],
      [60, 34],
    ]);
    for (const d of [582, 183, 140, 100, 60, 14]) b.bloodPressure(d, 126 + (d % 7), 80 + (d % 5));
    return b.bundle();
  },
  expected: {
    assessments: {
      mdd: { failedAdequateTrials: { min: 5, max: 6 }, treatmentResistant: true, thaseRush: 4 },
    },
    trials: {
      escitalopram: { adequate: true, outcome: 'nonresponse', ongoing: false },
      duloxetine: { adequate: true, outcome: 'nonresponse', ongoing: false },
      aripiprazole: {},
      nortriptyline: { adequate: true, outcome: 'nonresponse', ongoing: false },
      mirtazapine: { adequate: true, outcome: 'nonresponse', ongoing: false },
      tranylcypromine: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: true },
    },
    trialCount: 6,
    suggestions: {
      vns: 'consider',
      // PHQ-9 item 9 = 1 (2026-11-21) with no risk assessment since: the assessment is urgent, not ECT (a screen).
      ect: { status: 'suggested', urgent: false, mentions: 'an MAOI is taken now: tell the anaesthetist' },
      // A current MAOI (tranylcypromine) blocks esketamine and IV ketamine.
      esketamine: { status: 'contraindicated', urgent: false, mentions: 'an MAOI is taken now' },
      'iv-ketamine': { status: 'contraindicated', mentions: 'an MAOI is taken now' },
      tms: 'suggested',
    },
    safety: ['suicidality-screen', 'maoi'],
  },
};
