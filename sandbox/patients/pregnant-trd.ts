import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './types';

/**
 * Treatment-resistant depression in pregnancy: sertraline 150 mg and venlafaxine 150 mg each failed (PHQ-9 21 -> 19,
 * 19 -> 17); venlafaxine stopped by the patient on learning she was pregnant (now 16 weeks); depression worsening with
 * suicidal thoughts on more than half the days (PHQ-9 item 9 = 2 this week). ECT is urgent and pregnancy is not a
 * contraindication (APA 2000); esketamine carries the pregnancy caution (medication guide); TMS safety in pregnancy
 * is not established (IFCN).
 */
export const pregnantTrd: DemoPatient = {
  id: 'pregnant-trd',
  name: 'Olivia Nguyen',
  summary: 'Pregnant (16 wk) with TRD after 2 failed trials, off medication, PHQ-9 22 with item 9 = 2: urgent ECT, esketamine caution.',
  build(today) {
    const b = new RecordBuilder(today, 'pregnant-trd');
    b.patient({ given: ['Olivia'], family: 'Nguyen', gender: 'female', ageYears: 32 });
    b.condition('mdd', { ...DX.mddRecurrentSevere, text: 'Major depressive disorder, recurrent, severe without psychotic features', onset: 300 });
    b.condition('pregnancy', { ...DX.pregnant, text: 'Pregnancy (last menstrual period 16 weeks ago)', onset: 112 });
    b.condition('gestation', {
      icd10: ['Z3A.16', '16 weeks gestation of pregnancy'],
      text: '16 weeks gestation',
      onset: 2,
      category: 'encounter-diagnosis',
    });
    b.course('sertraline', {
      start: 280,
      steps: [
        { product: 'sertraline100', perDay: 1, days: 28 },
        { product: 'sertraline150', perDay: 1, days: 56 },
      ],
      stopReason: 'No response after 8 weeks at 150 mg',
    });
    b.course('venlafaxine', {
      start: 189,
      steps: [
        { product: 'venlafaxine75', perDay: 1, days: 14 },
        { product: 'venlafaxine150', perDay: 1, days: 84 },
      ],
      stopReason: 'Stopped by patient on learning she was pregnant',
    });
    b.phq9([
      [282, 21, 1],
      [250, 20, 1],
      [224, 20, 0],
      [198, 19, 0],
      [190, 19, 0],
      [150, 18, 0],
      [120, 18, 0],
      [94, 17, 0],
      [60, 20, 1],
      [30, 21, 1],
      [5, 22, 2],
    ]);
    b.bloodPressure(60, 112, 68);
    b.bloodPressure(5, 110, 70);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 2, treatmentResistant: true, thaseRush: 2 } },
    trials: {
      sertraline: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: false },
      venlafaxine: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: false },
    },
    trialCount: 2,
    suggestions: {
      ect: { status: ['suggested', 'consider'], urgent: true },
      esketamine: { status: ['suggested', 'consider'], urgent: true },
    },
  },
};
