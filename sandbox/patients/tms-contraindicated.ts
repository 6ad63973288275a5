import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Treatment-resistant depression (escitalopram 20 mg, duloxetine 60 mg failed) in a man with a left cochlear implant
 * (Device, and Z96.21 on the problem list): TMS is contraindicated (conductive implant near the coil, device labels);
 * esketamine remains, and ECT only with the implant team's advice (the implant makers contraindicate it).
 */
export const tmsContraindicated: DemoPatient = {
  id: 'tms-contraindicated',
  name: 'Samuel Adeyemi',
  summary: 'TRD (2 failed trials) with a cochlear implant (Device): TMS contraindicated, esketamine remains, ECT only with the implant team.',
  build(today) {
    const b = new RecordBuilder(today, 'tms-contraindicated');
    b.patient({ given: ['Samuel'], family: 'Adeyemi', gender: 'male', ageYears: 45 });
    b.condition('mdd', { ...DX.mddRecurrentModerate, text: 'Major depressive disorder, recurrent, moderate', onset: 260 });
    b.condition('cochlear-implant-status', {
      ...DX.cochlearImplantStatus,
      text: 'Cochlear implant status (left ear), after meningitis-related hearing loss',
      onset: 4000,
    });
    b.device('cochlear-implant', {
      code: 'cochlear-implant',
      display: 'Cochlear implant',
      name: 'Cochlear implant, left ear',
      note: 'Implanted 11 years ago; internal receiver-stimulator with magnet',
    });
    b.course('escitalopram', {
      start: 245,
      steps: [
        { product: 'escitalopram10', perDay: 1, days: 14 },
        { product: 'escitalopram20', perDay: 1, days: 70 },
      ],
      stopReason: 'No response after 10 weeks at 20 mg',
    });
    b.course('duloxetine', {
      start: 154,
      steps: [
        { product: 'duloxetine30', perDay: 1, days: 14 },
        { product: 'duloxetine60', perDay: 1, days: null },
      ],
    });
    b.phq9([
      [247, 18, 0],
      [210, 18, 0],
      [163, 17, 0],
      [156, 17, 0],
      [110, 16, 0],
      [70, 16, 0],
      [20, 16, 0],
    ]);
    b.bloodPressure(156, 124, 78);
    b.bloodPressure(20, 122, 80);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 2, treatmentResistant: true, thaseRush: 2 } },
    trials: {
      escitalopram: { adequate: true, outcome: 'nonresponse', ongoing: false },
      duloxetine: { adequate: true, outcome: 'nonresponse', ongoing: true },
    },
    trialCount: 2,
    suggestions: {
      tms: 'contraindicated',
      esketamine: 'suggested',
      // The cochlear-implant makers contraindicate ECT: a high-risk caution, so ECT is to consider, not the headline.
      ect: 'consider',
    },
    safety: ['head-implant'],
  },
};
