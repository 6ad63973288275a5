/**
 * Verdicts and ordering a psychiatrist reviewing the demo patients found wrong or self-contradictory, each reproduced
 * on the demo patient named: the options' order at high resistance, TRRIP's verdict against its plasma-level
 * criterion, dose optimisation beside clozapine, lithium judged by its level, and the resistance badge's words.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, Observation, Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import type { Derivation, InterventionId, Suggestion } from '../../../src/clinical/types';
import { evaluateSuggestions } from '../../../src/clinical/suggestions';
import { safetyItemHeading } from '../../../src/clinical/safety';
import { diagnosis, mdd, suggestionOf } from './builder';

const TODAY = new Date('2026-11-22T08:00:00Z');

function resourcesOf(id: string, keep: (r: Resource) => boolean = () => true): Resource[] {
  const patient = demoPatients.find((p) => p.id === id);
  if (!patient) throw new Error(`no demo patient ${id}`);
  const bundle: Bundle = patient.build(TODAY);
  return (bundle.entry ?? []).flatMap((e) => (e.resource && keep(e.resource) ? [e.resource] : []));
}

function derive(id: string, keep?: (r: Resource) => boolean): Derivation {
  return derivePatient({ patientId: id, resources: resourcesOf(id, keep) }, { asOf: TODAY.toISOString().slice(0, 10) });
}

/** schizophrenia-trs with risperidone's stop reason (hyperprolactinaemia) left out: a tolerated partial responder. */
function deriveRisperidoneTolerated(keep: (r: Resource) => boolean = () => true): Derivation {
  const resources = resourcesOf('schizophrenia-trs', keep).map((r) =>
    r.resourceType === 'MedicationRequest' && /risperidone/.test(r.id ?? '') ? { ...r, statusReason: undefined } : r,
  );
  return derivePatient({ patientId: 'schizophrenia-trs', resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

const offered = (d: Derivation): InterventionId[] =>
  d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').sort((a, b) => a.order - b.order).map((s) => s.intervention);

const suggestion = (d: Derivation, id: InterventionId): Suggestion => {
  const s = d.suggestions.find((x) => x.intervention === id);
  if (!s) throw new Error(`no suggestion ${id}`);
  return s;
};

const allText = (s: Suggestion) => [...s.reasons, ...s.cautions, ...s.contraindications].map((f) => f.text).join('\n');

describe('ECT before rTMS at high resistance (trd-multi-failures: Thase-Rush IV, 5 failed adequate trials)', () => {
  it('trd-multi-failures: an unassessed item 9 = 1 makes the risk assessment urgent on the strip, not ECT; ECT leads by rank, routine, before rTMS and accelerated iTBS, and says why with its sources', () => {
    const asRecorded = derive('trd-multi-failures');
    expect(offered(asRecorded)[0]).toBe('ect');
    const ectAsRecorded = suggestion(asRecorded, 'ect');
    expect(ectAsRecorded.urgent).toBe(false);
    expect(ectAsRecorded.referralPriority).toBe('routine');
    expect(allText(ectAsRecorded)).not.toMatch(/Urgent: PHQ-9 item 9/);
    expect(asRecorded.suggestions.filter((s) => s.urgent || s.referralPriority === 'urgent').map((s) => s.intervention)).toEqual([]);
    expect(asRecorded.safety.find((i) => i.kind === 'suicidality-screen')?.action).toMatch(/C-SSRS|risk assessment/i);
    // The ranking rule itself, on the same record without the urgent screen (ranking never lifts above urgency).
    const isItem9 = (r: Resource) => r.resourceType === 'Observation' && ((r as Observation).code.coding ?? []).some((c) => c.code === '44260-8');
    const d = derive('trd-multi-failures', (r) => !isItem9(r));
    expect(suggestion(d, 'ect').urgent).toBe(false);
    const order = offered(d);
    expect(order.indexOf('ect')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('ect')).toBeLessThan(order.indexOf('tms'));
    expect(order.indexOf('ect')).toBeLessThan(order.indexOf('accelerated-tms'));
    expect(order[0]).toBe('ect');
    const ect = suggestion(d, 'ect');
    expect(ect.status).toBe('suggested');
    expect(allText(ect)).toMatch(/Ranked before rTMS: 5 failed adequate antidepressant trials in the current episode/);
    expect(allText(ect)).toMatch(/Lisanby 2009/);
    expect(allText(ect)).toMatch(/Heijnen 2010/);
    // rTMS stays suggested: ranked lower, not blocked.
    expect(suggestion(d, 'tms').status).toBe('suggested');
  });

  it('trd-two-failures and mdd-one-failure: low resistance keeps rTMS first (no reordering)', () => {
    for (const id of ['trd-two-failures', 'mdd-one-failure']) {
      const order = offered(derive(id));
      expect(order[0]).toBe('tms');
      if (order.includes('ect')) expect(order.indexOf('tms')).toBeLessThan(order.indexOf('ect'));
      expect(allText(suggestion(derive(id), 'ect'))).not.toMatch(/Ranked before rTMS/);
    }
  });
});

describe('TRRIP verdict and the plasma-level criterion (schizophrenia-trs)', () => {
  const isLevel = (r: Resource) => r.resourceType === 'Observation' && /-level-/.test(r.id ?? '');

  it('schizophrenia-trs with its plasma levels: meets TRRIP minimum criteria, and the rows say the levels were read', () => {
    const d = derive('schizophrenia-trs');
    const a = d.assessments.find((x) => x.condition === 'schizophrenia')!;
    expect(a.status).toBe('meets');
    expect(a.verdict).toBe('Treatment-resistance criteria met: treatment-resistant schizophrenia, TRRIP minimum criteria (Howes 2017)');
    for (const t of d.trials.filter((x) => a.failedAdequateTrialIds.includes(x.id))) expect(t.adequacyReason).not.toMatch(/no .* plasma level/);
  });

  it('schizophrenia-trs without its plasma levels (as an EHR that does not send them): not confirmed, one verdict everywhere', () => {
    const d = derive('schizophrenia-trs', (r) => !isLevel(r));
    const a = d.assessments.find((x) => x.condition === 'schizophrenia')!;
    const rows = d.trials.filter((t) => ['olanzapine', 'aripiprazole'].includes(t.ingredient));
    expect(rows.map((t) => t.adequacyReason).join('\n')).toMatch(/no olanzapine plasma level recorded/);
    expect(a.status).toBe('possibly-meets');
    expect(a.treatmentResistant).toBe(false);
    expect(a.conclusion).not.toMatch(/^Meets/);
    expect(a.unconfirmedTrials.map((u) => u.ingredient)).toEqual(['olanzapine', 'aripiprazole']);
    expect(a.unconfirmedTrials[0]!.missing).toMatch(/no olanzapine plasma level recorded during the trial \(TRRIP minimum criteria ask for at least one\)/);
    expect(a.verdict).toMatch(/^Treatment-resistance criteria possibly met: treatment-resistant schizophrenia, TRRIP minimum criteria/);
    // Clozapine follows the same verdict: to consider once adherence is confirmed, not "suggested" on an unconfirmed one.
    const clozapine = suggestion(d, 'clozapine');
    expect(clozapine.status).toBe('consider');
    expect(allText(clozapine)).toMatch(/plasma level/);
  });
});

describe('Dose optimisation beside clozapine (schizophrenia-trs)', () => {
  it('schizophrenia-trs with risperidone tolerated (no stop reason): with TRRIP resistance met, clozapine is suggested first; retrying risperidone (PANSS -21% at 4 mg/day, below the adequate 6 mg/day) is only "consider", after clozapine, and must not delay it (NICE CG178; Howes 2017)', () => {
    const d = deriveRisperidoneTolerated();
    expect(suggestion(d, 'clozapine').status).toBe('suggested');
    const dose = suggestion(d, 'dose-optimization');
    expect(dose.status).toBe('consider');
    expect(allText(dose)).toMatch(/Past trial that responded below an adequate dose, at most to consider retrying at an adequate dose now that treatment resistance is established: clozapine comes first, and the retry must not delay it: risperidone 2–4 mg\/day for 8 weeks/);
    expect(allText(dose)).toMatch(/response: PANSS 98 → 84 \(−21%/);
    expect(allText(dose)).toMatch(/NICE CG178/);
    expect(offered(d)[0]).toBe('clozapine');
    expect(offered(d).indexOf('dose-optimization')).toBeGreaterThan(offered(d).indexOf('clozapine'));
  });

  it('schizophrenia-trs with risperidone tolerated and without TRRIP resistance (its plasma levels left out, so only possibly met): the risperidone retry is the suggested optimisation', () => {
    const d = deriveRisperidoneTolerated((r) => !(r.resourceType === 'Observation' && /-level-/.test(r.id ?? '')));
    const dose = suggestion(d, 'dose-optimization');
    expect(dose.status).toBe('suggested');
    expect(allText(dose)).toMatch(/Past trial that responded below an adequate dose, to retry at an adequate dose: risperidone/);
  });

  it('pseudo-resistance: under-dosed and too-short failed trials still make dose optimisation suggested', () => {
    expect(suggestion(derive('pseudo-resistance'), 'dose-optimization').status).toBe('suggested');
  });
});

describe('Lithium judged by its level, by phase (bipolar-depression, deceased)', () => {
  it('bipolar-depression: maintenance lithium at 0.7 mmol/L, running 4 years before this episode, is a breakthrough on prophylaxis, not a failed acute trial: staging counts quetiapine and lurasidone only', () => {
    const d = derive('bipolar-depression');
    const lithium = d.trials.find((t) => t.ingredient === 'lithium')!;
    expect(lithium.adequate).toBe(false);
    expect(lithium.adequateLevel).toMatchObject({ value: 0.7, unit: 'mmol/L', min: 0.8, reached: false });
    expect(lithium.adequacyReason).toMatch(
      /^maintenance lithium from before this episode, 0\.7 mmol\/L on \d{4}-\d\d-\d\d, below the acute 0\.8: a breakthrough episode on prophylaxis, not an adequate acute trial$/,
    );
    const rule = lithium.adequacyRules.find((r) => r.id === 'adequacy.bipolar-depression.lithium-prophylaxis')!;
    expect(rule.verification).toBe('U');
    expect(rule.references).toEqual(['fountoulakis2020', 'pacchiarotti2009', 'nolen2019', 'projectWorkingRule']);
    const assessment = d.assessments.find((a) => a.condition === 'bipolar-depression')!;
    expect(assessment.failedAdequateTrials).toBe(2);
    expect(assessment.failedAdequateTrialIds.map((id) => id.split('@')[0])).toEqual(['quetiapine', 'lurasidone']);
    expect(assessment.status).toBe('meets');
  });

  it('bipolar-depression: the maintenance lithium the episode broke through is flagged as a breakthrough on maintenance treatment, never as an inadequate dose (pseudo-resistance)', () => {
    const d = derive('bipolar-depression');
    const flags = d.assessments.find((a) => a.condition === 'bipolar-depression')!.flags;
    expect(flags.map((f) => f.kind)).not.toContain('inadequate-dose');
    const breakthrough = flags.find((f) => f.kind === 'breakthrough-on-maintenance')!;
    expect(breakthrough.text).toMatch(
      /^breakthrough episode on maintenance treatment: lithium \(maintenance lithium from before this episode, 0\.7 mmol\/L on \d{4}-\d\d-\d\d, below the acute 0\.8: a breakthrough episode on prophylaxis, not an adequate acute trial\)$/,
    );
  });

  it('bipolar-depression: the ECT caution names the running lithium and its level; the breakthrough lithium is offered for optimisation to the acute level', () => {
    const d = derive('bipolar-depression');
    const ect = suggestion(d, 'ect');
    expect(ect.cautions.map((c) => c.text).join('\n')).toMatch(
      /Taken now: lithium 900 mg\/day since [^:]*; lithium level 0\.7 mmol\/L on \d{4}-\d\d-\d\d: lithium during ECT is associated with delirium and prolonged seizures: lower or hold it for the course/,
    );
    const dose = suggestion(d, 'dose-optimization');
    expect(dose.status).toBe('suggested');
    expect(allText(dose)).toMatch(/Running now: lithium 900 mg\/day since [^:]*: maintenance lithium from before this episode, .*a breakthrough episode on prophylaxis/);
  });

  it('deceased: lithium with no level recorded, ended at death, is "adequacy unconfirmed" (no level was recorded), never "adequate trial reached"', () => {
    const d = derive('deceased');
    const lithium = d.trials.find((t) => t.ingredient === 'lithium')!;
    expect(lithium.adequate).toBe(false);
    expect(lithium.adequacyUnconfirmed).toBe(true);
    expect(lithium.adequacyReason).toBe(
      'adequacy unconfirmed: no lithium level was recorded during the trial (adequacy is judged by the serum level, 0.8 mmol/L or more)',
    );
    expect(lithium.adequacyRules.map((r) => r.id)).toEqual(expect.arrayContaining(['adequacy.lithium-level', 'adequacy.lithium-level-pending']));
    expect(lithium.adequacyRules.map((r) => r.id)).not.toContain('adequacy.no-dose-row');
  });

  it('deceased: the lithium safety item labels its date as the start, not the day of death', () => {
    const item = derive('deceased').safety.find((i) => i.kind === 'lithium')!;
    expect(item.title).toBe('Lithium at death');
    expect(item.dateLabel).toBe('started');
    expect(safetyItemHeading(item)).toMatch(/^Lithium at death \(started \d{4}-\d\d-\d\d\)$/);
  });
});

describe('Roles beside a running mood stabilizer (bipolar-depression)', () => {
  it('bipolar-depression: quetiapine and lurasidone, each started while lithium ran, are combination with lithium, not monotherapy', () => {
    const d = derive('bipolar-depression');
    const lithium = d.trials.find((t) => t.ingredient === 'lithium')!;
    for (const ingredient of ['quetiapine', 'lurasidone']) {
      expect(d.trials.find((t) => t.ingredient === ingredient)).toMatchObject({ role: 'combination', addedTo: lithium.id });
    }
  });
});

describe('Substance-use cautions per option, from its own sources (schizophrenia-trs, pseudo-resistance)', () => {
  it('schizophrenia-trs: the past cannabis line speaks of psychotic relapse, not of esketamine; smoking and the clozapine level are said once, in the smoking caution', () => {
    const d = derive('schizophrenia-trs');
    const item = d.safety.find((i) => i.kind === 'substance-use')!;
    expect(item.action).toBe('Ask about current use; before clozapine: cannabis use raises the risk of psychotic relapse.');
    expect(item.action).not.toMatch(/esketamine|ketamine/);
    expect(item.references).toEqual(expect.arrayContaining(['schoeler2016']));
    const caution = suggestion(d, 'clozapine').cautions.map((c) => c.text).join('\n');
    expect(caution).toMatch(/Past: Cannabis dependence.*cannabis use raises the risk of psychotic relapse; ask about current use/);
    // Smoking's effect on the level is said once, in the smoking caution.
    expect(caution.match(/induces CYP1A2/g)).toEqual(['induces CYP1A2']);
  });

  it('pseudo-resistance (MDD with alcohol dependence): the esketamine caution stays; no clozapine substance-use caution on a card that does not apply', () => {
    const d = derive('pseudo-resistance');
    expect(suggestion(d, 'esketamine').cautions.map((c) => c.text).join('\n')).toMatch(/raises the risk of abuse and misuse of esketamine/);
    expect(suggestion(d, 'clozapine').cautions.map((c) => c.text).join('\n')).not.toMatch(/psychotic relapse/);
  });
});

describe('The resistance verdict says what it is', () => {
  it('trd-multi-failures: "Treatment-resistance criteria met" by the named definition, not "Meets Major depressive disorder"', () => {
    const a = derive('trd-multi-failures').assessments.find((x) => x.condition === 'mdd')!;
    expect(a.verdict).toBe('Treatment-resistance criteria met: treatment-resistant depression (Gaynes 2020)');
  });

  it('mdd-one-failure: criteria not met, by the same definition', () => {
    const a = derive('mdd-one-failure').assessments.find((x) => x.condition === 'mdd')!;
    expect(a.verdict).toBe('Treatment-resistance criteria not met: treatment-resistant depression (Gaynes 2020)');
  });
});

describe('The ECT-before-rTMS ordering rule at its boundary (hand-made records)', () => {
  const order = (derived: ReturnType<typeof mdd>) => evaluateSuggestions(derived).filter((s) => s.status === 'suggested').map((s) => s.intervention);

  it('2 failed adequate trials (TRD, not highly resistant): rTMS stays before ECT', () => {
    const o = order(mdd(2));
    expect(o.indexOf('tms')).toBeLessThan(o.indexOf('ect'));
  });

  it('3 failed adequate trials (the working rule\'s cut-off, as trd-multi-failures with 5): ECT comes before rTMS', () => {
    const o = order(mdd(3));
    expect(o.indexOf('ect')).toBeLessThan(o.indexOf('tms'));
  });

  it('a rule never lifts ECT over a higher status: ECT lowered to "consider" by a high-risk condition stays after a suggested rTMS', () => {
    const recentMi = mdd(5, { diagnoses: [diagnosis('recent-myocardial-infarction', { onset: '2026-11-01' })] });
    expect(suggestionOf(recentMi, 'ect').status).toBe('consider');
    expect(suggestionOf(recentMi, 'tms').status).toBe('suggested');
    const o = evaluateSuggestions(recentMi).map((s) => s.intervention);
    expect(o.indexOf('tms')).toBeLessThan(o.indexOf('ect'));
  });
});

describe('esketamine-contraindicated: ECT is the next step after an intracerebral haemorrhage with hypertension (APA ECT task force 2001)', () => {
  it('the ECT card cautions about the haemorrhage and the hypertension, asking for anaesthetic and medical assessment', () => {
    const d = derive('esketamine-contraindicated');
    const ect = suggestion(d, 'ect');
    const cautions = ect.cautions.map((f) => f.text).join('\n');
    expect(cautions).toMatch(/Nontraumatic intracerebral hemorrhage, unspecified, since \d{4}-\d{2}-\d{2}, resolved: the seizure raises blood pressure and intracranial pressure.*anaesthetic and medical \(neurology\) assessment first/);
    expect(cautions).toMatch(/Essential \(primary\) hypertension, since \d{4}-\d{2}-\d{2}: ECT raises blood pressure transiently with each seizure: check it is controlled before the course/);
    expect(suggestion(d, 'esketamine').status).toBe('contraindicated');
  });

  it('the haemorrhage leads the safety strip (and so the history tab, the note and the plan), with what it means for esketamine, ketamine, ECT and psilocybin trials', () => {
    const d = derive('esketamine-contraindicated');
    const item = d.safety.find((i) => i.kind === 'intracranial-vascular');
    expect(item).toMatchObject({ title: 'Intracerebral haemorrhage', dateLabel: 'onset' });
    expect(item?.detail).toBe('“Nontraumatic intracerebral hemorrhage, unspecified”; 5 years ago.');
    expect(item?.action).toBe(
      'Esketamine and IV ketamine are not offered (contraindicated; IV ketamine by analogy with the esketamine label); ECT raises blood pressure and intracranial pressure with each seizure: anaesthetic and medical assessment first, blood pressure controlled; psilocybin trials usually exclude it (blood pressure rises for some hours): check the trial\'s exclusion criteria before referring.',
    );
  });

  it('IV ketamine is contraindicated like esketamine: its haemorrhage row blocks it (by analogy with the label, a working rule), never a "consider" beside its own contraindication', () => {
    const d = derive('esketamine-contraindicated');
    const ketamine = suggestion(d, 'iv-ketamine');
    expect(ketamine.status).toBe('contraindicated');
    expect(ketamine.reasons[0]!.text).toMatch(/^Not offered: .*a history of intracerebral haemorrhage contraindicates ketamine \(by analogy with the esketamine label\)/);
    expect(ketamine.contraindications.map((f) => f.text).join('\n')).toMatch(/working rule|unverified/i);
    expect(ketamine.cautions.map((f) => f.text).join('\n')).not.toMatch(/contraindicates/);
  });
});

describe('Suicidality actions said once (pregnant-trd)', () => {
  it('pregnant-trd: the same-day safety assessment is asked for once, on the C-SSRS line; the suicidal-ideation line refers to it', () => {
    const safety = derive('pregnant-trd').safety;
    const actions = safety.map((i) => i.action ?? '');
    expect(actions.filter((a) => /same-day safety assessment/i.test(a))).toHaveLength(1);
    expect(safety.find((i) => i.kind === 'suicide-risk-assessment')!.action).toBe('Same-day safety assessment and safety plan; decide on the level of care now.');
    expect(safety.find((i) => i.kind === 'suicidal-ideation')!.action).toMatch(/^Assessed by the C-SSRS of \d{4}-\d\d-\d\d \(4, high risk\): see its action\.$/);
  });
});

describe('A verdict resting on an old score says so on every option resting on it (ehr-export-mdd)', () => {
  it('ehr-export-mdd: rTMS and the other options whose reasons rest on the resistance verdict carry the 20-month-old PHQ-9 the engine found stale', () => {
    const d = derive('ehr-export-mdd');
    const stale = d.assessments.find((a) => a.condition === 'mdd')!.staleBasis!;
    expect(stale.text).toMatch(/^The failed trials behind this rest on the PHQ-9 of \d{4}-\d\d-\d\d \(\d+ months ago\), with no score since: re-measure before referral\.$/);
    expect(stale.sources).toHaveLength(1);
    for (const id of ['tms', 'ect', 'esketamine'] as const) expect(suggestion(d, id).reasons).toContainEqual(stale);
    // Options that do not rest on the failed trials (pharmacogenomic testing counts any failure or intolerance) do not.
    expect(suggestion(d, 'pharmacogenomic-testing').reasons).not.toContainEqual(stale);
  });

  it('trd-two-failures: a verdict on recent scores carries no stale basis', () => {
    const d = derive('trd-two-failures');
    expect(d.assessments.find((a) => a.condition === 'mdd')!.staleBasis).toBeUndefined();
    expect(suggestion(d, 'tms').reasons.some((r) => /re-measure before referral/.test(r.text))).toBe(false);
  });
});
