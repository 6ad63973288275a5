import { describe, expect, it } from 'vitest';
import { CATALOG, describeOption, evaluateSuggestions, SUGGESTION_RULES } from '../../../src/clinical/suggestions';
import {
  allText,
  assessment,
  bp,
  diagnosis,
  flag,
  inadequate,
  mdd,
  procedure,
  record,
  score,
  suggestionOf,
  trial,
} from './builder';

describe('catalog', () => {
  it('has exactly one row per intervention id', () => {
    const ids = CATALOG.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses no unverified code for a CarePlan activity (ECT and rTMS SNOMED codes are [U])', () => {
    for (const option of CATALOG) if (option.code) expect(option.code.verification).toBe('V');
    expect(CATALOG.find((o) => o.id === 'ect')?.code).toBeNull();
    expect(CATALOG.find((o) => o.id === 'tms')?.code).toBeNull();
  });

  it('gives every rule a source and a verification tag, and marks the IV-ketamine exclusions unverified', () => {
    expect(SUGGESTION_RULES.length).toBeGreaterThan(30);
    for (const rule of SUGGESTION_RULES) {
      expect(rule.source).not.toBe('');
      expect(['V', 'S', 'U', 'derived']).toContain(rule.verification);
    }
    const ketamine = SUGGESTION_RULES.filter((r) => r.id.startsWith('iv-ketamine.'));
    expect(ketamine.length).toBeGreaterThan(0);
    for (const rule of ketamine) expect(rule.verification).toBe('U');
  });

  it('returns one suggestion per catalog row, ordered 0..n-1, even for an empty record', () => {
    const suggestions = evaluateSuggestions(record({}));
    expect(suggestions.map((s) => s.intervention).sort()).toEqual(CATALOG.map((o) => o.id).sort());
    expect(suggestions.map((s) => s.order)).toEqual(suggestions.map((_, i) => i));
    // No psychiatric history: nothing is proposed; every option is for a condition not recorded, and says so, but
    // substance-use treatment, which needs no psychiatric diagnosis: not eligible, with nothing found.
    for (const s of suggestions.filter((x) => x.intervention !== 'substance-use-treatment')) {
      expect(s.status).toBe('not-applicable');
      expect(s.reasons[0]?.text).toMatch(/^Not applicable: .* is for .*, and none is recorded\.$/);
    }
    const substance = suggestions.find((x) => x.intervention === 'substance-use-treatment')!;
    expect([substance.status, substance.reasons.map((r) => r.text)]).toEqual(['not-eligible', ['No substance use other than tobacco, and no overdose of a drug of abuse, is recorded.']]);
  });
});

describe('TMS', () => {
  it('is suggested after one failed adequate antidepressant trial in the current MDD episode (NeuroStar label, LCD L34998)', () => {
    const s = suggestionOf(mdd(1), 'tms');
    expect(s.status).toBe('suggested');
    expect(allText(s.reasons)).toMatch(/1 failed adequate trial in the current MDD episode: sertraline 100 mg\/day/);
    expect(s.reasons.some((r) => r.sources.some((src) => src.startsWith('MedicationRequest/')))).toBe(true);
  });

  it('is suggested after an intolerance instead of a failure (LCD: failure or intolerance)', () => {
    const sertraline = trial('sertraline', { outcome: 'intolerance', outcomeBasis: 'recorded' });
    const s = suggestionOf(record({ trials: [sertraline], assessments: [assessment('mdd', { trials: [sertraline] })] }), 'tms');
    expect(s.status).toBe('suggested');
    expect(allText(s.reasons)).toMatch(/Not tolerated/);
  });

  it('is not eligible without a failed trial, and says what the record shows', () => {
    const s = suggestionOf(mdd(0), 'tms');
    expect(s.status).toBe('not-eligible');
    // What the option needs (its own text), then what the record shows; the need is not said twice.
    expect(s.reasons.map((r) => r.text)).toEqual([
      'rTMS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
      'No failed adequate trial in the current MDD episode.',
    ]);
  });

  it('cochlear implant contraindicates TMS (device labels: conductive implants in the head)', () => {
    const implant = diagnosis('head-implant', { display: 'Cochlear implant', source: 'Device/cochlear' });
    const s = suggestionOf(mdd(1, { diagnoses: [implant] }), 'tms');
    expect(s.status).toBe('contraindicated');
    expect(s.contraindications[0]?.text).toMatch(/Cochlear implant/);
    expect(s.contraindications[0]?.sources).toEqual(['Device/cochlear']);
    // Same for the accelerated and deep variants, which share the device risks.
    expect(suggestionOf(mdd(1, { diagnoses: [implant] }), 'accelerated-tms').status).toBe('contraindicated');
  });

  it('an implanted vagus nerve stimulator (procedure) contraindicates TMS', () => {
    expect(suggestionOf(mdd(1, { procedures: [procedure('vns')] }), 'tms').status).toBe('contraindicated');
  });

  it('a resolved implant-status code still counts: implants and haemorrhage are history, not activity', () => {
    const implant = diagnosis('head-implant', { clinicalStatus: 'inactive' });
    expect(suggestionOf(mdd(1, { diagnoses: [implant] }), 'tms').status).toBe('contraindicated');
  });

  it('epilepsy is a caution, not a contraindication', () => {
    const s = suggestionOf(mdd(1, { diagnoses: [diagnosis('epilepsy', { display: 'Epilepsy', code: 'G40.909' })] }), 'tms');
    expect(s.status).toBe('suggested');
    expect(allText(s.cautions)).toMatch(/Epilepsy, since .*seizure/);
  });

  it('a pacemaker or implanted defibrillator is a high-risk caution for TMS, not a contraindication (intracardiac electrodes, ICD)', () => {
    const icd = diagnosis('cardiac-device', { display: 'Implantable cardioverter-defibrillator', source: 'Device/icd', clinicalStatus: 'inactive' });
    const s = suggestionOf(mdd(1, { diagnoses: [icd] }), 'tms');
    expect(s.status).toBe('consider');
    expect(s.contraindications).toEqual([]);
    expect(allText(s.cautions)).toMatch(/High risk:.*Implantable cardioverter-defibrillator.*cardiology/);
    // A device is history whatever the clinical status of its code.
    expect(s.cautions.flatMap((c) => c.sources)).toContain('Device/icd');
  });

  it('accelerated iTBS is at most "consider" (small pivotal data, SAINT)', () => {
    expect(suggestionOf(mdd(1), 'accelerated-tms').status).toBe('consider');
  });
});

describe('Deep TMS is the OCD option (FDA DEN170078)', () => {
  it('is suggested in OCD after a failed adequate SRI trial', () => {
    const fluvoxamine = trial('fluvoxamine', { durationDays: 90 });
    const derived = record({ trials: [fluvoxamine], assessments: [assessment('ocd', { trials: [fluvoxamine] })] });
    expect(suggestionOf(derived, 'deep-tms').status).toBe('suggested');
    // ...and rTMS for depression is not applicable, since there is no MDD.
    expect(suggestionOf(derived, 'tms').status).toBe('not-applicable');
  });

  it('is not applicable in MDD (an option for another condition, listed apart from not eligible)', () => {
    expect(suggestionOf(mdd(2), 'deep-tms').status).toBe('not-applicable');
  });
});

describe('Esketamine', () => {
  it('needs MDD with ≥2 failed adequate trials: 1 is not enough, 2 is', () => {
    expect(suggestionOf(mdd(1), 'esketamine').status).toBe('not-eligible');
    const s = suggestionOf(mdd(2), 'esketamine');
    expect(s.status).toBe('suggested');
    expect(allText(s.reasons)).toMatch(/sertraline.*venlafaxine/);
  });

  it('states the REMS requirements (FDA REMS page, REMS=386)', () => {
    expect(allText(suggestionOf(mdd(2), 'esketamine').cautions)).toMatch(/REMS: only in a certified healthcare setting.*2 hours/);
  });

  it('intracerebral haemorrhage history contraindicates esketamine, even when resolved', () => {
    const ich = diagnosis('intracerebral-haemorrhage', { display: 'Intracerebral haemorrhage', code: 'I61.9', clinicalStatus: 'resolved', abatement: '2021-01-01' });
    const s = suggestionOf(mdd(2, { diagnoses: [ich] }), 'esketamine');
    expect(s.status).toBe('contraindicated');
    expect(s.contraindications[0]?.text).toMatch(/Intracerebral haemorrhage, since .*contraindicates esketamine/);
    expect(allText(s.reasons)).toMatch(/^Not offered:/);
  });

  it('aneurysm or AVM contraindicates esketamine', () => {
    expect(suggestionOf(mdd(2, { diagnoses: [diagnosis('aneurysm-or-avm')] }), 'esketamine').status).toBe('contraindicated');
  });

  it('psychosis, substance use and blood pressure above 140/90 are cautions, not contraindications (Spravato label warnings)', () => {
    const derived = mdd(2, {
      diagnoses: [
        diagnosis('psychotic-features', { onset: '2026-01-01' }),
        diagnosis('substance-use'),
      ],
      bloodPressure: [bp(120, 80, '2026-09-01'), bp(152, 95, '2026-11-01')],
    });
    const s = suggestionOf(derived, 'esketamine');
    expect(s.status).not.toBe('contraindicated');
    expect(s.contraindications).toEqual([]);
    const cautions = allText(s.cautions);
    expect(cautions).toMatch(/psychosis/);
    expect(cautions).toMatch(/abuse and misuse/);
    expect(cautions).toMatch(/Blood pressure 152\/95 mmHg on 2026-11-01 \(latest\)/);
  });

  it('a normal latest blood pressure gives no blood-pressure caution (only the latest reading counts)', () => {
    const s = suggestionOf(mdd(2, { bloodPressure: [bp(160, 100, '2026-08-01'), bp(128, 82, '2026-11-01')] }), 'esketamine');
    expect(allText(s.cautions)).not.toMatch(/Blood pressure/);
  });

  it('a pregnancy that began more than 42 weeks ago is not current', () => {
    const s = suggestionOf(mdd(2, { diagnoses: [diagnosis('pregnancy', { onset: '2024-01-01' })] }), 'esketamine');
    expect(allText(s.cautions)).not.toMatch(/pregnancy/);
  });
});

describe('Urgency (ECT order 2018: rapid response; Spravato label: MDD with acute suicidal ideation or behaviour)', () => {
  it('a positive PHQ-9 item 9 alone is a screen, no indication: esketamine\'s suicidal-ideation indication and ECT\'s rapid-response path do not apply, and referrals start routine', () => {
    const derived = mdd(1, { scores: [score('phq9-item9', 2, '2026-11-15')] });
    expect(suggestionOf(derived, 'esketamine').status).toBe('not-eligible');
    expect(suggestionOf(derived, 'esketamine').urgent).toBe(false);
    expect(suggestionOf(derived, 'ect').status).toBe('not-eligible');
    expect(suggestionOf(derived, 'ect').urgent).toBe(false);
    expect(suggestionOf(derived, 'tms').referralPriority).toBe('routine');
  });

  it('a recent positive PHQ-9 item 9 with no C-SSRS since makes no option urgent: the risk assessment is what is urgent (the strip), not a referral (trd-multi-failures)', () => {
    const derived = mdd(2, { scores: [score('phq9', 19, '2026-11-15'), score('phq9-item9', 1, '2026-11-15')] });
    const ect = suggestionOf(derived, 'ect');
    expect(ect.status).toBe('suggested');
    expect(ect.urgent).toBe(false);
    expect(allText(ect.reasons)).not.toMatch(/Urgent: PHQ-9 item 9/);
    expect(ect.referralPriority).toBe('routine');
    expect(suggestionOf(derived, 'esketamine').urgent).toBe(false);
    expect(suggestionOf(derived, 'tms').urgent).toBe(false);
    expect(suggestionOf(derived, 'tms').referralPriority).toBe('routine');
  });

  it('a positive item 9 is not urgent once a C-SSRS followed (its value decides), once a later answer is 0, or after 30 days', () => {
    const followed = mdd(2, { scores: [score('phq9-item9', 1, '2026-11-15'), score('cssrs', 2, '2026-11-16')] });
    expect(suggestionOf(followed, 'ect').urgent).toBe(false);
    expect(suggestionOf(followed, 'tms').referralPriority).toBe('routine');
    const laterZero = mdd(2, { scores: [score('phq9-item9', 1, '2026-11-01'), score('phq9-item9', 0, '2026-11-15')] });
    expect(suggestionOf(laterZero, 'ect').urgent).toBe(false);
    const old = mdd(2, { scores: [score('phq9-item9', 1, '2026-09-01')] });
    expect(suggestionOf(old, 'ect').urgent).toBe(false);
    expect(suggestionOf(old, 'tms').referralPriority).toBe('routine');
  });

  it('urgent when suicidal ideation is coded last week: ECT and esketamine carry it, TMS does not', () => {
    const si = diagnosis('suicidal-ideation', { display: 'Suicidal ideation', code: 'R45.851', onset: '2026-11-15' });
    const derived = mdd(1, { diagnoses: [si] });
    const esketamine = suggestionOf(derived, 'esketamine');
    // MDD with acute suicidal ideation is its own esketamine indication, even with 1 failure.
    expect(esketamine.status).toBe('suggested');
    expect(esketamine.urgent).toBe(true);
    expect(allText(esketamine.reasons)).toMatch(/Suicidal ideation, since 2026-11-15/);
    const ect = suggestionOf(derived, 'ect');
    expect(ect.status).toBe('suggested');
    expect(ect.urgent).toBe(true);
    expect(suggestionOf(derived, 'tms').urgent).toBe(false);
    // Urgent options come first.
    const [first, second] = evaluateSuggestions(derived);
    expect(new Set([first?.intervention, second?.intervention])).toEqual(new Set(['ect', 'esketamine']));
  });

  it('an impossible onset date (2025-02-31) is no date: not read as 3 March, so it makes nothing urgent', () => {
    const asOf = '2025-03-10';
    const recent = diagnosis('suicidal-ideation', { display: 'Suicidal ideation', code: 'R45.851', onset: '2025-03-03' });
    expect(suggestionOf(mdd(2, { asOf, diagnoses: [recent] }), 'ect').urgent).toBe(true);
    const impossible = { ...recent, onset: '2025-02-31' };
    expect(suggestionOf(mdd(2, { asOf, diagnoses: [impossible] }), 'ect').urgent).toBe(false);
  });

  it('not urgent when the coded ideation is older than 30 days, or its onset is not recorded', () => {
    expect(suggestionOf(mdd(2, { diagnoses: [diagnosis('suicidal-ideation', { onset: '2026-09-01' })] }), 'ect').urgent).toBe(false);
    expect(suggestionOf(mdd(2, { diagnoses: [diagnosis('suicidal-ideation', { onset: null })] }), 'esketamine').urgent).toBe(false);
  });

  it('a recent suicide attempt, self-harm or intentional overdose is suicidal behaviour: ECT becomes suggested and urgent', () => {
    for (const kind of ['suicide-attempt', 'self-harm', 'overdose'] as const) {
      const s = suggestionOf(mdd(0, { diagnoses: [diagnosis(kind, { onset: '2026-11-10' })] }), 'ect');
      expect(s.status, kind).toBe('suggested');
      expect(s.urgent, kind).toBe(true);
    }
  });

  it('a C-SSRS of 4 or more in the last 30 days is acute; 3 is not (Posner 2011; cut-off a working rule)', () => {
    expect(suggestionOf(mdd(1, { scores: [score('cssrs', 4, '2026-11-20')] }), 'esketamine').urgent).toBe(true);
    expect(suggestionOf(mdd(1, { scores: [score('cssrs', 3, '2026-11-20')] }), 'esketamine').status).toBe('not-eligible');
  });

  it('catatonia makes ECT suggested and urgent, even without depression', () => {
    const s = suggestionOf(record({ diagnoses: [diagnosis('catatonia', { display: 'Catatonia' })] }), 'ect');
    expect(s.status).toBe('suggested');
    expect(s.urgent).toBe(true);
    expect(allText(s.reasons)).toMatch(/Catatonia/);
  });

  it('a resolved catatonia is not a current signal', () => {
    const s = suggestionOf(record({ diagnoses: [diagnosis('catatonia', { clinicalStatus: 'resolved', abatement: '2023-01-01' })] }), 'ect');
    expect(s.status).toBe('not-applicable');
  });
});

describe('ECT', () => {
  it('is suggested in treatment-resistant MDD', () => {
    expect(suggestionOf(mdd(2), 'ect').status).toBe('suggested');
  });

  it('is suggested in treatment-resistant bipolar depression', () => {
    const lamotrigine = trial('lamotrigine', { class: 'mood-stabilizer' });
    const derived = record({ trials: [lamotrigine], assessments: [assessment('bipolar-depression', { trials: [lamotrigine], treatmentResistant: true })] });
    expect(suggestionOf(derived, 'ect').status).toBe('suggested');
    expect(suggestionOf(derived, 'tms').status).toBe('not-applicable');
  });

  it('is suggested in psychotic depression', () => {
    expect(suggestionOf(mdd(0, { diagnoses: [diagnosis('psychotic-features')] }), 'ect').status).toBe('suggested');
  });

  it('pregnancy is not a contraindication for ECT (APA 2000)', () => {
    const s = suggestionOf(mdd(2, { diagnoses: [diagnosis('pregnancy', { onset: '2026-07-01' })] }), 'ect');
    expect(s.status).toBe('suggested');
    expect(s.contraindications).toEqual([]);
    expect(allText(s.cautions)).toMatch(/pregnancy is not a contraindication for ECT/);
  });

  it('recent myocardial infarction, recent stroke and raised intracranial pressure are high-risk cautions (lowered to consider)', () => {
    for (const kind of ['recent-myocardial-infarction', 'recent-stroke', 'raised-intracranial-pressure'] as const) {
      const s = suggestionOf(mdd(2, { diagnoses: [diagnosis(kind, { onset: '2026-10-01' })] }), 'ect');
      expect(s.status, kind).toBe('consider');
      expect(s.contraindications, kind).toEqual([]);
      expect(allText(s.cautions), kind).toMatch(/High risk:/);
    }
  });

  it('is not eligible after one failed trial without urgency, and explains each route', () => {
    const s = suggestionOf(mdd(1), 'ect');
    expect(s.status).toBe('not-eligible');
    const text = allText(s.reasons);
    // The option's text names every route and says none is recorded; the conclusion says why the definition is not met.
    expect(s.reasons[0]!.text).toMatch(/^ECT fits treatment-resistant depression .*catatonia.*; none is recorded\.$/);
    expect(text).toMatch(/^1 failed adequate trials\. .*\(definition: /m);
    // Each route's absence is not said again in other words.
    expect(text).not.toMatch(/No catatonia recorded recently|Not treatment-resistant by the definition applied|No earlier course/);
  });
});

describe('VNS', () => {
  it('VNS needs 4 failed adequate treatments: 3 is not enough', () => {
    const s = suggestionOf(mdd(3), 'vns');
    expect(s.status).toBe('not-eligible');
    expect(allText(s.reasons)).toMatch(/^VNS needs .* at least 4 failed adequate antidepressant treatments\./);
    // The count is said once, by the list of the failed trials.
    expect(allText(s.reasons)).toMatch(/3 failed adequate trials in the current MDD episode: /);
    expect(allText(s.reasons)).not.toMatch(/the record shows 3/);
  });

  it('with 4 failures in a chronic episode (>2 years) it may be considered', () => {
    const agents = ['sertraline', 'venlafaxine', 'bupropion', 'mirtazapine'].map((a) => trial(a));
    const derived = record({ trials: agents, assessments: [assessment('mdd', { trials: agents, episodeStart: '2022-03-01' })] });
    const s = suggestionOf(derived, 'vns');
    expect(s.status).toBe('consider');
    expect(allText(s.reasons)).toMatch(/Chronic: the current episode began 2022-03-01/);
  });

  it('with 4 failures in a recurrent (F33) episode it may be considered; a short single episode is not enough', () => {
    const recurrent = diagnosis('mdd', { code: 'F33.2', display: 'Major depressive disorder, recurrent severe' });
    expect(suggestionOf(mdd(4, { diagnoses: [recurrent] }), 'vns').status).toBe('consider');
    expect(suggestionOf(mdd(4), 'vns').status).toBe('not-eligible');
  });

  it('a prior vagotomy contraindicates VNS', () => {
    const recurrent = diagnosis('mdd', { code: 'F33.1' });
    expect(suggestionOf(mdd(4, { diagnoses: [recurrent, diagnosis('vagotomy')] }), 'vns').status).toBe('contraindicated');
  });
});

describe('Schizophrenia: clozapine by TRRIP and ECT augmentation', () => {
  const risperidone = trial('risperidone', { class: 'antipsychotic' });
  const olanzapine = trial('olanzapine', { class: 'antipsychotic' });

  it('clozapine is suggested in TRRIP treatment-resistant schizophrenia', () => {
    const derived = record({
      trials: [risperidone, olanzapine],
      assessments: [assessment('schizophrenia', { trials: [risperidone, olanzapine], treatmentResistant: true })],
    });
    const s = suggestionOf(derived, 'clozapine');
    expect(s.status).toBe('suggested');
    expect(allText(s.reasons)).toMatch(/TRRIP/);
    expect(suggestionOf(derived, 'ect-clozapine-augmentation').status).toBe('not-eligible');
  });

  it('clozapine is not suggested when not treatment-resistant', () => {
    const derived = record({ trials: [risperidone], assessments: [assessment('schizophrenia', { trials: [risperidone] })] });
    expect(suggestionOf(derived, 'clozapine').status).toBe('not-eligible');
  });

  it('ECT augmentation is suggested when clozapine failed; clozapine itself is then not re-proposed', () => {
    const clozapine = trial('clozapine', { class: 'antipsychotic', outcome: 'nonresponse' });
    const trials = [risperidone, olanzapine, clozapine];
    const derived = record({ trials, assessments: [assessment('schizophrenia', { trials, treatmentResistant: true })] });
    const augmentation = suggestionOf(derived, 'ect-clozapine-augmentation');
    expect(augmentation.status).toBe('suggested');
    expect(allText(augmentation.reasons)).toMatch(/clozapine did not work: clozapine 100 mg\/day/);
    const again = suggestionOf(derived, 'clozapine');
    expect(again.status).toBe('not-eligible');
    expect(allText(again.reasons)).toMatch(/clozapine was already tried: clozapine 100 mg\/day/);
  });
});

describe('Pseudo-resistance first', () => {
  it('pseudo-resistance steps come first when most failures are inadequate, and say so', () => {
    const trials = [inadequate('sertraline', 'dose below 50 mg'), inadequate('citalopram', '3 weeks only'), trial('venlafaxine')];
    const derived = record({
      trials,
      assessments: [
        assessment('mdd', {
          trials,
          flags: [flag('inadequate-dose', 'sertraline 25 mg/day: below the 50 mg minimum', trials[0]!.sources), flag('too-short', 'citalopram 3 weeks only', trials[1]!.sources)],
        }),
      ],
    });
    const suggestions = evaluateSuggestions(derived);
    expect(suggestions[0]?.intervention).toBe('dose-optimization');
    expect(suggestions[0]?.status).toBe('suggested');
    expect(allText(suggestions[0]?.reasons ?? [])).toMatch(/Past trial, with resistance not established: re-trial at an adequate dose if chosen again: sertraline .*: dose below 50 mg/);
    const tms = suggestionOf(derived, 'tms');
    expect(tms.status).toBe('consider');
    expect(allText(tms.reasons)).toMatch(/(^|\n)2 of 3 failed trials were not adequate \(sertraline: dose below 50 mg; citalopram: 3 weeks only\)/);
    expect(tms.order).toBeGreaterThan(suggestions[0]?.order ?? 0);
  });

  it('does not lower interventional options when most failures were adequate', () => {
    const trials = [inadequate('sertraline'), trial('venlafaxine'), trial('bupropion')];
    const derived = record({ trials, assessments: [assessment('mdd', { trials, flags: [flag('inadequate-dose', 'sertraline below minimum')] })] });
    expect(suggestionOf(derived, 'tms').status).toBe('suggested');
    const order = evaluateSuggestions(derived).map((s) => s.intervention);
    expect(order.indexOf('tms')).toBeLessThan(order.indexOf('dose-optimization'));
  });

  it('adherence support is suggested on a poor-adherence flag', () => {
    const derived = mdd(1, {});
    derived.assessments[0]?.flags.push(flag('poor-adherence', 'sertraline: 55% of days covered', ['MedicationDispense/d1']));
    const s = suggestionOf(derived, 'adherence-support');
    expect(s.status).toBe('suggested');
    expect(s.reasons[0]?.sources).toEqual(['MedicationDispense/d1']);
  });
});

describe('Other steps', () => {
  it('integrated dual-diagnosis on a substance-use flag or diagnosis', () => {
    expect(suggestionOf(mdd(1, { diagnoses: [diagnosis('substance-use', { code: 'F10.20' })] }), 'integrated-dual-diagnosis').status).toBe('suggested');
    expect(suggestionOf(mdd(1), 'integrated-dual-diagnosis').status).toBe('not-eligible');
  });

  it('trauma-focused therapy for PTSD and for recorded trauma', () => {
    const derived = record({ assessments: [assessment('ptsd')] });
    expect(suggestionOf(derived, 'trauma-focused-therapy').status).toBe('suggested');
    expect(suggestionOf(mdd(0, { diagnoses: [diagnosis('trauma')] }), 'trauma-focused-therapy').status).toBe('suggested');
  });

  it('psychosocial support for Z55–Z65 stressors', () => {
    const s = suggestionOf(mdd(0, { diagnoses: [diagnosis('psychosocial-stressor', { code: 'Z59.0', display: 'Homelessness' })] }), 'psychosocial-support');
    expect(s.status).toBe('suggested');
    expect(allText(s.reasons)).toMatch(/Homelessness, since 2020-01-01/);
  });

  it('pharmacogenomic testing is considered after a failure or intolerance; the threshold is an unverified working rule (CPIC guides dosing only)', () => {
    const s = suggestionOf(mdd(1), 'pharmacogenomic-testing');
    expect(s.status).toBe('consider');
    expect(allText(s.reasons)).toMatch(/\(CPIC 2023 \(Bousman\); local working rule \(unverified\): threshold of 1 failure or intolerance\)/);
    expect(allText(s.cautions)).toMatch(/do not by themselves pick a drug\. \(CPIC 2023 \(Bousman\) \[secondary source\]\)/);
    expect(suggestionOf(mdd(0), 'pharmacogenomic-testing').status).toBe('not-eligible');
  });

  it('psychedelic trial referral is considered with 2–4 failures only (COMP005/006 criterion) and flagged investigational', () => {
    expect(suggestionOf(mdd(1), 'psychedelic-trial').status).toBe('not-eligible');
    const s = suggestionOf(mdd(3), 'psychedelic-trial');
    expect(s.status).toBe('consider');
    expect(allText(s.cautions)).toMatch(/Investigational: clinical-trial referral only/);
    const many = suggestionOf(mdd(5), 'psychedelic-trial');
    expect(many.status).toBe('not-eligible');
    expect(allText(many.reasons)).toMatch(/more than the 2–4/);
  });

  it('IV ketamine takes the esketamine label\'s contraindications by analogy (a local working rule): a haemorrhage or an aneurysm blocks it as it blocks esketamine', () => {
    for (const kind of ['intracerebral-haemorrhage', 'aneurysm-or-avm'] as const) {
      const derived = mdd(2, { diagnoses: [diagnosis(kind)] });
      const s = suggestionOf(derived, 'iv-ketamine');
      expect(s.status).toBe('contraindicated');
      expect(allText(s.contraindications)).toMatch(/contraindicates ketamine \(by analogy with the esketamine label\).*; local working rule \(unverified\): by analogy with the esketamine label/);
      expect(suggestionOf(derived, 'esketamine').status).toBe('contraindicated');
    }
    expect(suggestionOf(mdd(2), 'iv-ketamine').status).toBe('consider');
  });
});

describe('Invariants', () => {
  const cases = {
    empty: record({}),
    oneFailure: mdd(1),
    trd: mdd(2, { scores: [score('phq9-item9', 1, '2026-11-20')] }),
    many: mdd(6, { diagnoses: [diagnosis('mdd', { code: 'F33.2' }), diagnosis('head-implant'), diagnosis('substance-use')] }),
  };
  for (const [name, derived] of Object.entries(cases)) {
    it(`${name}: nothing suggested or considered without a reason from the record; every status explained`, () => {
      for (const s of evaluateSuggestions(derived)) {
        expect(s.reasons.length, s.intervention).toBeGreaterThan(0);
        if (s.status === 'suggested' || s.status === 'consider') {
          expect(s.reasons.some((r) => r.sources.length > 0), s.intervention).toBe(true);
        }
        if (s.status === 'contraindicated') expect(s.contraindications.length).toBeGreaterThan(0);
        if (s.urgent) expect(['ect', 'esketamine']).toContain(s.intervention);
      }
    });
  }

  it('tolerates dangling trial ids and missing dates without throwing', () => {
    const derived = mdd(2);
    derived.assessments[0]?.failedAdequateTrialIds.push('ghost@2020-01-01');
    derived.diagnoses.push(diagnosis('head-implant', { onset: null }), diagnosis('pregnancy', { onset: 'not a date' }));
    derived.scores.push(score('phq9-item9', 2, ''));
    expect(() => evaluateSuggestions(derived)).not.toThrow();
  });
});

describe('Earlier courses and intolerances', () => {
  it('a previous TMS course without a recorded outcome is noted with the retreatment rule (Medicare LCD L37086)', () => {
    const s = suggestionOf(mdd(1, { procedures: [procedure('tms', '2024-02-01')] }), 'tms');
    expect(s.status).toBe('suggested');
    expect(allText(s.cautions)).toMatch(/Note: tms on 2024-02-01 \(outcome not recorded\): a previous TMS course is recorded without its outcome.* above 50%/);
  });

  it('a previous ketamine intolerance is a caution for esketamine (hypersensitivity contraindicates it: Spravato label)', () => {
    const ketamine = trial('ketamine', { class: 'nmda-antagonist', outcome: 'intolerance', outcomeBasis: 'recorded' });
    const s = suggestionOf(mdd(2, { extraTrials: [ketamine] }), 'esketamine');
    expect(allText(s.cautions)).toMatch(/Earlier trial: ketamine .*not tolerated.*check for hypersensitivity/);
  });
});

describe('describeOption (what the review screen shows beside the evaluation)', () => {
  it('gives the usual course, regulatory status with dates and tagged references', () => {
    const ect = describeOption('ect');
    expect(ect.usualCourse).toMatch(/6–12 treatments, 2–3 a week/);
    expect(ect.regulatory).toMatch(/^FDA-cleared device: .*26 Dec 2018.*\[verified\]/);
    expect(ect.referral).toBe(true);
    expect(describeOption('esketamine').usualCourse).toMatch(/twice weekly weeks 1–4.*weekly weeks 5–8/);
    expect(describeOption('accelerated-tms').usualCourse).toMatch(/10 iTBS sessions a day × 5 days/);
    expect(describeOption('psychedelic-trial').regulatory).toMatch(/^Investigational/);
    expect(describeOption('pharmacogenomic-testing').regulatory).toMatch(/ — local working rule \(unverified\): regulatory status of test panels not reviewed$/);
  });
});

describe('Urgency carried per option', () => {
  it('psychotic features make ECT urgent but not esketamine (psychosis is an esketamine caution: Spravato label)', () => {
    const derived = mdd(2, { diagnoses: [diagnosis('psychotic-features', { onset: '2026-10-01' })] });
    expect(suggestionOf(derived, 'ect').urgent).toBe(true);
    const esketamine = suggestionOf(derived, 'esketamine');
    expect(esketamine.urgent).toBe(false);
    expect(allText(esketamine.cautions)).toMatch(/psychosis/);
  });
});
