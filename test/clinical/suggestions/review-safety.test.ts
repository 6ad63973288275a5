/**
 * Safety defects a psychiatrist's review of the demo patients found, each reproduced on the demo patient where it was
 * found: the urgency of a referral belongs to the option whose rule names it (pregnant-trd); ECT with a cochlear implant
 * (tms-contraindicated).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import type { Derivation, InterventionId, Suggestion } from '../../../src/clinical/types';

const TODAY = new Date('2026-12-05T08:00:00Z');

function derive(id: string): Derivation {
  const patient = demoPatients.find((p) => p.id === id);
  if (!patient) throw new Error(`no demo patient ${id}`);
  const resources = (patient.build(TODAY).entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
  return derivePatient({ patientId: id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

const suggestion = (d: Derivation, id: InterventionId): Suggestion => {
  const s = d.suggestions.find((x) => x.intervention === id);
  if (!s) throw new Error(`no suggestion ${id}`);
  return s;
};

const offered = (d: Derivation): Suggestion[] => d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');

describe('pregnant-trd (C-SSRS 4): a referral is urgent only when its option’s rule names the urgency', () => {
  const d = derive('pregnant-trd');

  it('ECT, whose rule names the acute risk, is urgent and its referral starts urgent with the C-SSRS as its reason', () => {
    const ect = suggestion(d, 'ect');
    expect([ect.status, ect.urgent, ect.referralPriority]).toEqual(['suggested', true, 'urgent']);
    expect(ect.priorityReasons.map((r) => r.text)).toContain('C-SSRS 4 on 2026-12-03 (high risk: ideation with intent or plan, or recent behaviour)');
  });

  it('every other option, rTMS included, starts routine with no urgency reason: card, preview and letter then agree', () => {
    const notUrgent = d.suggestions.filter((s) => !s.urgent);
    expect(notUrgent.map((s) => s.intervention)).toContain('tms');
    expect(notUrgent.filter((s) => s.referralPriority !== 'routine').map((s) => s.intervention)).toEqual([]);
    expect(notUrgent.filter((s) => s.priorityReasons.length > 0).map((s) => s.intervention)).toEqual([]);
    expect(d.suggestions.filter((s) => s.referralPriority === 'urgent').map((s) => s.intervention)).toEqual(['ect']);
  });

  it('rTMS, still suggested, says it does not answer the acute risk and names the option that does', () => {
    const tms = suggestion(d, 'tms');
    expect(tms.status).toBe('suggested');
    const acute = tms.cautions.filter((c) => c.text.startsWith('Not for the acute risk: '));
    expect(acute).toHaveLength(1);
    expect(acute[0]!.text).toMatch(/^Not for the acute risk: C-SSRS 4 on 2026-12-03 .*: it does not answer acute suicide risk; the same-day safety assessment and plan come first, and Electroconvulsive therapy \(ECT\) is the option here that answers it \(/);
    expect(acute[0]!.sources.length).toBeGreaterThan(0);
    expect(tms.priorityNote?.text).toBe(
      'Routine until the clinician chooses: the suicidality signal makes urgent only the options that answer acute risk (Electroconvulsive therapy (ECT)), and this one does not',
    );
  });

  it('the urgent option itself carries no such caution', () => {
    expect(suggestion(d, 'ect').cautions.filter((c) => c.text.startsWith('Not for the acute risk'))).toEqual([]);
    expect(offered(d).filter((s) => s.urgent).map((s) => s.intervention)).toEqual(['ect']);
  });
});

describe('tms-contraindicated (cochlear implant, as a Device and Z96.21): ECT carries the implant makers\' caution', () => {
  const d = derive('tms-contraindicated');

  it('ECT lists the implant as a high-risk caution with its sources, and is lowered to "consider"', () => {
    const ect = suggestion(d, 'ect');
    const implant = ect.cautions.filter((c) => /^High risk: Cochlear implant/.test(c.text));
    expect(implant).toHaveLength(1);
    expect(implant[0]!.text).toMatch(/cochlear-implant makers contraindicate ECT \(tissue or implant damage from the induced current\)/);
    expect(implant[0]!.text).toMatch(/implant team and the device maker/);
    expect(implant[0]!.sources.sort()).toEqual(['Condition/tms-contraindicated-cochlear-implant-status', 'Device/tms-contraindicated-cochlear-implant']);
    expect(ect.status).toBe('consider');
    expect(ect.reasons.map((r) => r.text)).toContain('Implant in or near the head: ECT only after the implant team and the device maker are consulted (see High risk).');
  });

  it('ECT is not the headline: the first offered option is one without the implant caution', () => {
    const first = offered(d).sort((a, b) => a.order - b.order)[0]!;
    expect(first.intervention).toBe('esketamine');
  });

  it('ECT, a standard treatment with the implant team, is ranked first among the options to consider, before off-label IV ketamine, pharmacogenomic testing and the psilocybin trial referral', () => {
    const consider = offered(d).filter((s) => s.status === 'consider').sort((a, b) => a.order - b.order).map((s) => s.intervention);
    expect(consider).toEqual(['ect', 'iv-ketamine', 'pharmacogenomic-testing', 'psychedelic-trial', 'digital-therapy']);
    const ranking = suggestion(d, 'ect').reasons.filter((r) => r.kind === 'ranking').map((r) => r.text);
    expect(ranking).toHaveLength(1);
    expect(ranking[0]).toMatch(/^Ranked before IV ketamine, equally to consider: ECT’s only condition of substantial risk \(implant in or near the head\) calls for the teams it names to be consulted first, and IV ketamine is off-label/);
  });

  it('the safety strip names the implant as an item that shapes both neuromodulation options', () => {
    const item = d.safety.find((i) => i.kind === 'head-implant');
    expect(item?.title).toBe('Implant in or near the head');
    expect(item?.action).toBe(
      'TMS is contraindicated (rTMS, accelerated iTBS and deep TMS are not offered); ECT: the cochlear-implant makers contraindicate it, so only with the implant team and the device maker consulted first, with the ECT service and the anaesthetist.',
    );
    expect(item?.sources.sort()).toEqual(['Condition/tms-contraindicated-cochlear-implant-status', 'Device/tms-contraindicated-cochlear-implant']);
  });
});

describe('esketamine-contraindicated (past intracerebral haemorrhage, hypertension)', () => {
  const d = derive('esketamine-contraindicated');

  it('the psilocybin trial referral carries the trial exclusions: a high-risk cerebrovascular caution and a hypertension caution, tagged unverified', () => {
    const trial = suggestion(d, 'psychedelic-trial');
    const cerebro = trial.cautions.filter((c) => /^High risk: Nontraumatic intracerebral hemorrhage, unspecified, since 2021-12-01, resolved: /.test(c.text));
    expect(cerebro).toHaveLength(1);
    expect(cerebro[0]!.text).toMatch(/cardiovascular or cerebrovascular disease .* usually excludes patients from psilocybin trials/);
    expect(cerebro[0]!.text).toMatch(/\(Goodwin 2022; COMP006 \(NCT05711940\); local working rule \(unverified\): psilocybin trials exclude [^)]*\(check the trial protocol\)\)$/);
    const pressure = trial.cautions.filter((c) => /^Essential \(primary\) hypertension, since 2018-09-18: /.test(c.text));
    expect(pressure).toHaveLength(1);
    expect(pressure[0]!.text).toMatch(/uncontrolled hypertension excludes patients from psilocybin trials/);
    expect(trial.status).toBe('consider');
  });

  it('ECT, whose cautions mark a condition of substantial risk, is ranked after rTMS, equally suggested without one, and says so; rTMS is the headline', () => {
    const order = offered(d).sort((a, b) => a.order - b.order).map((s) => s.intervention);
    expect(order[0]).toBe('tms');
    expect(order.indexOf('tms')).toBeLessThan(order.indexOf('ect'));
    const ect = suggestion(d, 'ect');
    expect(ect.status).toBe('suggested');
    const texts = ect.reasons.map((r) => r.text);
    expect(texts.filter((t) => t.startsWith('Ranked before rTMS'))).toEqual([]);
    const after = texts.filter((t) => t.startsWith('Ranked after '));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^Ranked after rTMS, equally suggested: ECT carries a condition of substantial risk \(see cautions: intracerebral haemorrhage\)/);
  });

  it('the psilocybin referral, ranked after equally offered options for its cerebrovascular caution, cites the ranking rule alone, not the ECT task force', () => {
    const after = suggestion(d, 'psychedelic-trial').reasons.map((r) => r.text).filter((t) => t.startsWith('Ranked after '));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^Ranked after accelerated iTBS and pharmacogenomic testing, equally to consider: the psilocybin trial referral carries a condition of substantial risk/);
    expect(after[0]).toMatch(/an equally offered option without such a risk comes first \(local working rule \(unverified\): ranking an option with a condition of substantial risk after an equally offered one without it\)$/);
    expect(after[0]).not.toMatch(/ECT task force/);
  });

  it('the safety strip\'s haemorrhage line names the psilocybin trial referral it affects beside esketamine, IV ketamine and ECT', () => {
    const item = d.safety.find((i) => i.kind === 'intracranial-vascular')!;
    expect(item.action).toBe(
      'Esketamine and IV ketamine are not offered (contraindicated; IV ketamine by analogy with the esketamine label); ECT raises blood pressure and intracranial pressure with each seizure: anaesthetic and medical assessment first, blood pressure controlled; psilocybin trials usually exclude it (blood pressure rises for some hours): check the trial\'s exclusion criteria before referring.',
    );
  });
});
