/**
 * Safety defects a psychiatrist's review of the demo patients found, each reproduced on the demo patient where it was
 * found: the urgency of a referral belongs to the option whose rule names it (pregnant-trd).
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
