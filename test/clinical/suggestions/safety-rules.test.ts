/**
 * The blocking, age, interaction, window, prior-response and OCD rules of the suggestion catalog, each with the case
 * its source describes.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, evaluateSuggestions, SUGGESTION_RULES } from '../../../src/clinical/suggestions';
import { REFERENCES } from '../../../src/clinical/references/registry';
import { allText, assessment, diagnosis, mdd, procedure, record, score, suggestionOf, trial } from './builder';

const pregnant = diagnosis('pregnancy', { display: 'Pregnant state', code: 'Z33.1', onset: '2026-08-01' });
const breastfeeding = diagnosis('breastfeeding', { display: 'Lactating mother', code: 'Z39.1', onset: '2026-09-01' });
const tranylcypromine = trial('tranylcypromine', { class: 'maoi', end: null, start: '2026-06-01' });

describe('Blocking: what a label or guideline says not to use is not offered, never suggested or urgent', () => {
  it('pregnancy: esketamine, IV ketamine and the psilocybin trial are not offered (Spravato label 8.1; trial exclusions); ECT is suggested', () => {
    const derived = mdd(2, { diagnoses: [pregnant] });
    for (const id of ['esketamine', 'iv-ketamine', 'psychedelic-trial'] as const) {
      const s = suggestionOf(derived, id);
      expect(s.status, id).toBe('contraindicated');
      expect(s.urgent, id).toBe(false);
      // The safety strip states the pregnancy with its record; the option names it in clinical words, citing the same record.
      expect(s.reasons[0]?.text, id).toMatch(/^Not offered: Pregnancy: /);
      expect(s.reasons[0]?.text, id).not.toMatch(/Pregnant state/);
      expect(s.contraindications[0]?.sources, id).toEqual([pregnant.source]);
    }
    expect(allText(suggestionOf(derived, 'esketamine').contraindications)).toMatch(/not recommended in pregnancy .*Spravato label: use in specific populations: pregnancy \(8\.1\) \[verified\]/);
    expect(suggestionOf(derived, 'ect').status).toBe('suggested');
  });

  it('pregnancy with coded suicidal ideation: ECT is suggested and urgent, esketamine stays not offered and is not urgent', () => {
    const si = diagnosis('suicidal-ideation', { code: 'R45.851', onset: '2026-11-20' });
    const derived = mdd(2, { diagnoses: [pregnant, si] });
    expect(suggestionOf(derived, 'ect')).toMatchObject({ status: 'suggested', urgent: true });
    expect(suggestionOf(derived, 'esketamine')).toMatchObject({ status: 'contraindicated', urgent: false });
    // Urgent options lead, and only offered options are urgent.
    expect(evaluateSuggestions(derived)[0]?.intervention).toBe('ect');
    expect(evaluateSuggestions(derived).filter((s) => s.urgent).map((s) => s.intervention)).toEqual(['ect']);
  });

  it('IV ketamine cites the esketamine label only by analogy, as unverified, beside the ketamine sources (not as its own medication guide)', () => {
    const rule = SUGGESTION_RULES.find((r) => r.id === 'iv-ketamine.avoid.pregnancy')!;
    expect(rule.verification).toBe('U');
    expect(rule.references).toEqual(expect.arrayContaining(['sanacora2017', 'ketalarLabel', 'spravatoLabel', 'projectWorkingRule']));
    expect(rule.source).toMatch(/by analogy with the esketamine label/);
  });

  it('breastfeeding blocks esketamine and IV ketamine (Spravato label 8.2)', () => {
    const derived = mdd(2, { diagnoses: [breastfeeding] });
    expect(suggestionOf(derived, 'esketamine').status).toBe('contraindicated');
    expect(suggestionOf(derived, 'iv-ketamine').status).toBe('contraindicated');
  });

  it('a current MAOI blocks esketamine and IV ketamine and is an anaesthesia note for ECT (Parnate label; APA task force)', () => {
    const derived = mdd(2, { extraTrials: [tranylcypromine] });
    const esketamine = suggestionOf(derived, 'esketamine');
    expect(esketamine.status).toBe('contraindicated');
    expect(allText(esketamine.contraindications)).toMatch(/Taken now: tranylcypromine.*an MAOI is taken now/);
    expect(suggestionOf(derived, 'iv-ketamine').status).toBe('contraindicated');
    const ect = suggestionOf(derived, 'ect');
    expect(ect.status).toBe('suggested');
    expect(allText(ect.cautions)).toMatch(/Note: Taken now: tranylcypromine.*tell the anaesthetist/);
  });

  it('a stopped MAOI blocks nothing', () => {
    const stopped = trial('phenelzine', { class: 'maoi', end: '2025-06-01' });
    expect(suggestionOf(mdd(2, { extraTrials: [stopped] }), 'esketamine').status).toBe('suggested');
  });
});

describe('Interactions and monitoring', () => {
  it('current lithium and a benzodiazepine are ECT cautions (APA task force: delirium; seizure threshold)', () => {
    const lithium = trial('lithium', { class: 'mood-stabilizer', end: null });
    const lorazepam = trial('lorazepam', { class: 'other-psychotropic', end: null });
    const cautions = allText(suggestionOf(mdd(2, { extraTrials: [lithium, lorazepam] }), 'ect').cautions);
    expect(cautions).toMatch(/lithium during ECT is associated with delirium/);
    expect(cautions).toMatch(/benzodiazepines raise the seizure threshold/);
  });

  it('clozapine comes with its label monitoring: neutrophils, myocarditis, seizures, constipation/ileus, smoking (Clozaril label)', () => {
    const risperidone = trial('risperidone', { class: 'antipsychotic' });
    const olanzapine = trial('olanzapine', { class: 'antipsychotic' });
    const derived = record({
      trials: [risperidone, olanzapine],
      assessments: [assessment('schizophrenia', { trials: [risperidone, olanzapine], treatmentResistant: true })],
    });
    const s = suggestionOf(derived, 'clozapine');
    expect(s.status).toBe('suggested');
    const text = allText(s.cautions);
    for (const re of [/absolute neutrophil count \(ANC\)/, /Myocarditis/, /Seizures are dose-related/, /ileus/, /stopping smoking raises clozapine levels/]) expect(text).toMatch(re);
    expect(text).toMatch(/Clozaril label: .*\[verified\]/);
  });

  it('esketamine states the blood-pressure monitoring of its label', () => {
    expect(allText(suggestionOf(mdd(2), 'esketamine').cautions)).toMatch(/blood pressure before dosing, about 40 minutes after/);
  });
});

describe('Dates: recent events have a window with a source; older ones are history and say so', () => {
  it('a myocardial infarction 30 days ago is high risk for ECT; one in 1978 is history only (ACC/AHA 2014: 60 days)', () => {
    const recent = suggestionOf(mdd(2, { diagnoses: [diagnosis('recent-myocardial-infarction', { code: 'I21.9', onset: '2026-10-23' })] }), 'ect');
    expect(recent.status).toBe('consider');
    expect(allText(recent.cautions)).toMatch(/High risk: .*within the last 60 days/);
    const old = suggestionOf(mdd(2, { diagnoses: [diagnosis('recent-myocardial-infarction', { code: 'I21.9', onset: '1978-03-01' })] }), 'ect');
    expect(old.status).toBe('suggested');
    expect(allText(old.cautions)).toMatch(/Note: .*since 1978-03-01: older than 60 days: a history of myocardial infarction, not a recent one.*ACC\/AHA 2014/);
    expect(allText(old.cautions)).not.toMatch(/High risk/);
  });

  it('a stroke in 1978 does not make ECT high-risk; one 3 months ago does (Jørgensen 2014: 9 months)', () => {
    expect(suggestionOf(mdd(2, { diagnoses: [diagnosis('recent-stroke', { onset: '1978-01-01' })] }), 'ect').status).toBe('suggested');
    expect(suggestionOf(mdd(2, { diagnoses: [diagnosis('recent-stroke', { onset: '2026-08-20' })] }), 'ect').status).toBe('consider');
  });
});

describe('Age limits from the birth date (labels and clearances), shown in the reasons', () => {
  it('esketamine and VNS are for adults: a 16-year-old is not eligible, with the age and the source in the reasons', () => {
    const s = suggestionOf(mdd(2, { ageYears: 16 }), 'esketamine');
    expect(s.status).toBe('not-eligible');
    expect(s.reasons[0]?.text).toMatch(/^Age 16: outside the age limits of Esketamine.*adults \(18 and over\) \(Spravato label: indications: adults \[verified\]\)/);
  });

  it('ECT is cleared from age 13: a 14-year-old in a treatment-resistant episode is suggested; a 12-year-old is not eligible (FDA ECT order 2018)', () => {
    expect(suggestionOf(mdd(2, { ageYears: 14 }), 'ect').status).toBe('suggested');
    expect(suggestionOf(mdd(2, { ageYears: 12 }), 'ect').status).toBe('not-eligible');
  });

  it('TMS: adults suggested; ages 15–17 only "consider" as an adjunct (NeuroStar K231926, 2024); 14 not eligible', () => {
    const adult = suggestionOf(mdd(1, { ageYears: 40 }), 'tms');
    expect(adult.status).toBe('suggested');
    expect(allText(adult.reasons)).toMatch(/Age 40: within the age limit, adults \(18 and over\)/);
    const teen = suggestionOf(mdd(1, { ageYears: 16 }), 'tms');
    expect(teen.status).toBe('consider');
    expect(allText(teen.reasons)).toMatch(/ages 15–21 as an adjunct .*FDA K231926 \[verified\]/);
    expect(suggestionOf(mdd(1, { ageYears: 14 }), 'tms').status).toBe('not-eligible');
  });

  it('without a birth date the age limits are named for the clinician to check', () => {
    expect(allText(suggestionOf(mdd(2), 'esketamine').reasons)).toMatch(/Age not known \(no birth date in the record\): check the age limits: adults \(18 and over\)/);
  });
});

describe('VNS for unipolar and bipolar depression (FDA P970003/S050)', () => {
  it('bipolar depression with 4 failed adequate treatments in a chronic episode may be considered', () => {
    const agents = ['quetiapine', 'lurasidone', 'lamotrigine', 'lithium'].map((a) => trial(a, { class: 'mood-stabilizer' }));
    const derived = record({ trials: agents, assessments: [assessment('bipolar-depression', { trials: agents, episodeStart: '2023-06-01' })] });
    const s = suggestionOf(derived, 'vns');
    expect(s.status).toBe('consider');
    expect(allText(s.reasons)).toMatch(/unipolar or bipolar/);
  });
});

describe('Prior response is a reason in favour, not a caution', () => {
  it('an ECT course that brought remission is listed "In favour" and makes ECT worth considering again (APA task force)', () => {
    const ect = { ...procedure('ect', '2021-11-01'), end: '2021-12-01', display: 'Electroconvulsive therapy, 9 treatments', outcome: 'Remission' };
    const lamotrigine = trial('lamotrigine', { class: 'mood-stabilizer' });
    const derived = record({ trials: [lamotrigine], procedures: [ect], assessments: [assessment('bipolar-depression', { trials: [lamotrigine] })] });
    const s = suggestionOf(derived, 'ect');
    expect(s.status).toBe('consider');
    expect(allText(s.reasons)).toMatch(/Earlier course that helped: Electroconvulsive therapy, 9 treatments \(2021-11-01 to 2021-12-01: Remission\)/);
    expect(allText(s.cautions)).not.toMatch(/previous ECT course/);
  });

  it('an earlier course that did not help is neither a reason in favour nor an outcome-unknown note', () => {
    const ect = { ...procedure('ect', '2021-11-01'), outcome: 'No response' };
    const s = suggestionOf(mdd(2, { procedures: [ect] }), 'ect');
    expect(allText(s.reasons)).not.toMatch(/helped/);
    expect(allText(s.cautions)).not.toMatch(/outcome not recorded/);
  });

  it('an earlier ketamine trial with response is a reason in favour of IV ketamine', () => {
    const ketamine = trial('ketamine', { class: 'nmda-antagonist', outcome: 'response', end: '2024-01-01' });
    const s = suggestionOf(mdd(2, { extraTrials: [ketamine] }), 'iv-ketamine');
    expect(allText(s.reasons)).toMatch(/In favour: Earlier trial that helped: ketamine/);
  });
});

describe('OCD options; options for other conditions are not applicable', () => {
  const fluoxetine = trial('fluoxetine', { durationDays: 98 });
  const ocd = record({ trials: [fluoxetine], assessments: [assessment('ocd', { trials: [fluoxetine] })] });

  it('ERP is suggested in OCD; antipsychotic augmentation of the SRI taken now after it failed an adequate trial (APA 2007, NICE CG31, Bloch 2006)', () => {
    expect(suggestionOf(ocd, 'erp').status).toBe('suggested');
    const taken = trial('fluoxetine', { durationDays: 98, end: null });
    const takenNow = record({ trials: [taken], assessments: [assessment('ocd', { trials: [taken] })] });
    expect(suggestionOf(takenNow, 'ocd-antipsychotic-augmentation').status).toBe('suggested');
    // The failed SRI was stopped: there is no SRI to augment until one is taken again.
    expect(suggestionOf(ocd, 'ocd-antipsychotic-augmentation').status).toBe('consider');
    const none = record({ trials: [], assessments: [assessment('ocd')] });
    expect(suggestionOf(none, 'erp').status).toBe('suggested');
    expect(suggestionOf(none, 'ocd-antipsychotic-augmentation').status).toBe('not-eligible');
  });

  it('for an MDD patient, clozapine and deep TMS are not applicable (not "not eligible")', () => {
    expect(suggestionOf(mdd(2), 'clozapine').status).toBe('not-applicable');
    expect(suggestionOf(mdd(2), 'deep-tms').status).toBe('not-applicable');
    expect(suggestionOf(mdd(2), 'erp').status).toBe('not-applicable');
  });
});

describe('Catalog sources: every row cites the registry, never the fact sheet', () => {
  it('every rule cites registry ids that exist, and none mentions an outside file', () => {
    for (const rule of SUGGESTION_RULES) {
      expect(rule.references?.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.references ?? []) expect(REFERENCES, `${rule.id}: ${id}`).toHaveProperty(id);
      expect(rule.source, rule.id).not.toMatch(/FACTS|fact sheet/i);
      // A rule resting on the project's working rule is unverified.
      if (rule.references?.includes('projectWorkingRule')) expect(rule.verification, rule.id).toBe('U');
    }
  });

  it('no reason, caution or description shown to the clinician names the fact sheet or an internal rule id', () => {
    const derived = mdd(4, { diagnoses: [pregnant, diagnosis('recent-stroke', { onset: '1990-01-01' })], scores: [score('cssrs', 5, '2026-11-20')] });
    const text = evaluateSuggestions(derived).flatMap((s) => [...s.reasons, ...s.cautions, ...s.contraindications]).map((f) => f.text).join('\n');
    expect(text).not.toMatch(/FACTS/);
    for (const option of CATALOG) for (const row of option.risks) expect(text).not.toContain(row.id);
  });
});

describe('Possible resistance: options that follow from resistance are "consider — confirm"', () => {
  it('schizophrenia after adequate olanzapine (failed) and haloperidol (outcome not recorded): clozapine is consider, naming what to record', () => {
    const olanzapine = trial('olanzapine', { class: 'antipsychotic' });
    const haloperidol = trial('haloperidol', { class: 'antipsychotic', outcome: 'unknown', outcomeBasis: 'inferred' });
    const derived = record({
      trials: [olanzapine, haloperidol],
      assessments: [
        assessment('schizophrenia', {
          trials: [olanzapine, haloperidol],
          treatmentResistant: false,
          status: 'possibly-meets',
          unconfirmedTrials: [{ trialId: haloperidol.id, ingredient: 'haloperidol', missing: 'no score, stated reason or following agent', confirm: 'the response to haloperidol (a PANSS or BPRS score)' }],
        }),
      ],
    });
    const s = suggestionOf(derived, 'clozapine');
    expect(s.status).toBe('consider');
    expect(s.reasons[0]?.text).toBe('Consider — confirm: the record possibly meets what Clozapine needs.');
    expect(s.reasons[1]?.text).toMatch(/^Possibly meets: 1 adequate trial not established as a failure \(haloperidol: no score.*\)\. To decide, record the response to haloperidol \(a PANSS or BPRS score\)/);
    expect(s.reasons[1]?.sources).toEqual(haloperidol.sources);
  });

  it('OCD after three long SRI trials with no Y-BOCS: deep TMS and augmentation are consider — confirm, not "0 failed trials"', () => {
    const sris = ['fluoxetine', 'sertraline', 'fluvoxamine'].map((a) => trial(a, { outcome: 'unknown', outcomeBasis: 'inferred', durationDays: 120 }));
    const derived = record({
      trials: sris,
      assessments: [
        assessment('ocd', {
          trials: sris,
          status: 'possibly-meets',
          unconfirmedTrials: sris.map((t) => ({ trialId: t.id, ingredient: t.ingredient, missing: 'no Y-BOCS', confirm: `the response to ${t.ingredient} (a Y-BOCS now)` })),
        }),
      ],
    });
    expect(suggestionOf(derived, 'deep-tms').status).toBe('consider');
    expect(suggestionOf(derived, 'ocd-antipsychotic-augmentation').status).toBe('consider');
    expect(allText(suggestionOf(derived, 'deep-tms').reasons)).toMatch(/Possibly meets: 3 adequate trials not established as failures/);
    // ERP holds outright (OCD is recorded).
    expect(suggestionOf(derived, 'erp').status).toBe('suggested');
  });

  it('MDD with one failure and one unrecorded adequate trial: esketamine consider — confirm; with none unrecorded, not eligible', () => {
    const sertraline = trial('sertraline');
    const venlafaxine = trial('venlafaxine', { outcome: 'unknown', outcomeBasis: 'inferred' });
    const possible = record({
      trials: [sertraline, venlafaxine],
      assessments: [
        assessment('mdd', {
          trials: [sertraline, venlafaxine],
          status: 'possibly-meets',
          unconfirmedTrials: [{ trialId: venlafaxine.id, ingredient: 'venlafaxine', missing: 'no PHQ-9 after week 4', confirm: 'a PHQ-9 now' }],
        }),
      ],
    });
    expect(suggestionOf(possible, 'esketamine').status).toBe('consider');
    expect(allText(suggestionOf(possible, 'esketamine').reasons)).toMatch(/To decide, record a PHQ-9 now/);
    expect(suggestionOf(mdd(1), 'esketamine').status).toBe('not-eligible');
  });
});
