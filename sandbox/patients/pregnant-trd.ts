import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Treatment-resistant depression in pregnancy: sertraline 150 mg and venlafaxine 150 mg each failed (PHQ-9 21 -> 19,
 * 19 -> 17); venlafaxine stopped by the patient on learning she was pregnant (now 16 weeks); depression worsening with
 * suicidal thoughts on more than half the days (PHQ-9 item 9 = 2 five days ago). The psychiatrist assessed the risk
 * two days ago: active suicidal ideation with some intent (C-SSRS 4), coded as suicidal ideation. That assessment,
 * not the screen, is what makes ECT urgent (a severe episode needing a rapid response; pregnancy is not a
 * contraindication, APA task force). Esketamine, IV ketamine and a psilocybin trial are not offered in pregnancy;
 * TMS is not contraindicated in pregnancy (few safety data; Pridmore 2021), routine behind urgent ECT.
 */
export const pregnantTrd: DemoPatient = {
  id: 'pregnant-trd',
  name: 'Olivia Nguyen',
  summary: 'Pregnant (16 wk), TRD after 2 failed trials, PHQ-9 item 9 = 2 then coded suicidal ideation (C-SSRS 4): urgent ECT; no esketamine.',
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
    b.condition('suicidal-ideation', {
      ...DX.suicidalIdeation,
      text: 'Suicidal ideation with some intent, no plan (assessed after the positive PHQ-9 item 9)',
      onset: 2,
      category: 'encounter-diagnosis',
    });
    b.scores('cssrs', [[2, 4]]);
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
      // ECT's own urgency criterion (rapid response: coded suicidal ideation, C-SSRS 4) holds; pregnancy is a note only.
      ect: { status: 'suggested', urgent: true, mentions: 'pregnancy is not a contraindication for ECT' },
      // Not offered in pregnancy, and so never urgent although suicidal ideation is coded.
      esketamine: { status: 'contraindicated', urgent: false, mentions: 'not recommended in pregnancy' },
      'iv-ketamine': { status: 'contraindicated', urgent: false },
      'psychedelic-trial': { status: 'contraindicated', urgent: false },
      tms: { status: 'suggested', urgent: false, mentions: 'pregnancy is not a contraindication for TMS' },
    },
    safety: ['suicidal-ideation', 'suicidality-screen', 'suicide-risk-assessment', 'pregnancy'],
  },
};
