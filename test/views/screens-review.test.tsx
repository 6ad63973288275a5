/**
 * What a psychiatrist reviewing the running app found on its screens and in its copied note and draft plan, checked on
 * the demo patients where it was found: an override stated truthfully in the safety line, the referral priority
 * following the record's suicide risk, contraindications leading a blocked card, the note carrying the urgent next step
 * and each trial's figures once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import type { Derivation, InterventionId } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { buildWriteBack, carePlanAsText } from '../../src/fhir/writeback/build';
import { SuggestionCard } from '../../src/views/review/SuggestionCard';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

function derivationOf(id: string): Derivation {
  const demo = demoPatients.find((p) => p.id === id)!;
  const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: AS_OF });
}

const derivations = new Map<string, Derivation>();
const derivation = (id: string) => {
  if (!derivations.has(id)) derivations.set(id, derivationOf(id));
  return derivations.get(id)!;
};

function draftOf(d: Derivation, ids: InterventionId[], overrideReasons: Partial<Record<InterventionId, string>> = {}) {
  return buildWriteBack({
    derivation: d,
    chosen: d.suggestions.filter((s) => ids.includes(s.intervention)),
    overrideReasons,
    patientId: d.patient,
    userReference: 'Practitioner/dr-demo',
    app: { name: 'test' },
    date: AS_OF,
  });
}

afterEach(cleanup);

const REASON = 'Patient declines ECT; obstetric team agrees after discussion.';

describe('pregnant-trd: an override of a contraindicated option is stated truthfully', () => {
  const d = derivation('pregnant-trd');
  const draft = draftOf(d, ['esketamine'], { esketamine: REASON });
  const everything = [draft.preview.join('\n'), carePlanAsText(draft), draft.carePlan.text?.div ?? '', ...(draft.carePlan.note ?? []).map((n) => n.text)];

  it('no safety line says esketamine is not offered while the plan proposes it', () => {
    for (const text of everything.filter((t) => t.includes('Pregnant'))) {
      expect(text).not.toMatch(/Esketamine, IV ketamine and psilocybin trials are not offered/);
      expect(text).toMatch(/IV ketamine and psilocybin trials are not offered/);
    }
  });

  it('the pregnancy line names esketamine as contraindicated in pregnancy and proposed with the written reason', () => {
    const line = draft.preview.find((l) => l.startsWith('Safety: Pregnant'))!;
    expect(line).toContain(`esketamine: contraindicated in pregnancy, proposed by the clinician with the written reason “${REASON}”`);
    expect(carePlanAsText(draft)).toContain(`esketamine: contraindicated in pregnancy, proposed by the clinician with the written reason “${REASON}”`);
  });

  it('the option line gives the contraindication before the reason it was proposed anyway', () => {
    const option = draft.preview.join('\n');
    expect(option).toMatch(/ {2}Not offered: Pregnancy: esketamine is not recommended in pregnancy.* Proposed by you with the written reason: “Patient declines ECT/);
    const text = carePlanAsText(draft).split('\n');
    const first = text.findIndex((l) => /^\s+(Contraindication|Not offered|Avoid)/.test(l));
    const proposed = text.findIndex((l) => /Proposed by the clinician although the record shows it as contraindicated/.test(l));
    const reason = text.findIndex((l) => /^\s+Reason: /.test(l));
    expect(first).toBeGreaterThan(0);
    expect(proposed).toBe(first + 1);
    expect(reason).toBeGreaterThan(proposed);
  });

  it('without an override the safety line is the engine’s own', () => {
    const plain = draftOf(d, ['ect']);
    expect(plain.preview.join('\n')).toContain('Esketamine, IV ketamine and psilocybin trials are not offered');
  });
});

describe('pregnant-trd: referral priority follows the record’s suicide risk', () => {
  const d = derivation('pregnant-trd');

  it('every referral starts urgent with a recent C-SSRS 4, whether or not the option itself is urgent', () => {
    const tms = d.suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.urgent).toBe(false);
    expect(tms.referralPriority).toBe('urgent');
    expect(draftOf(d, ['tms']).serviceRequests[0]!.priority).toBe('urgent');
    expect(draftOf(d, ['esketamine'], { esketamine: REASON }).serviceRequests[0]!.priority).toBe('urgent');
  });

  it('trd-two-failures (no suicidality recorded): referrals start routine', () => {
    const tms = derivation('trd-two-failures').suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.referralPriority).toBe('routine');
  });
});

describe('a blocked card leads with its contraindications', () => {
  it('pregnant-trd esketamine: "Contraindications" comes before "Why"; an offered card keeps "Why" first', () => {
    const d = derivation('pregnant-trd');
    const esketamine = d.suggestions.find((s) => s.intervention === 'esketamine')!;
    const props = { ticked: false, tickable: false, overrideReason: '', disabled: false, onTick: () => {}, onOverrideReason: () => {} };
    const { container } = render(
      <ul>
        <SuggestionCard suggestion={esketamine} {...props} />
      </ul>,
    );
    const titles = [...container.querySelectorAll('.finding-list__title')].map((e) => e.textContent);
    expect(titles.slice(0, 2)).toEqual(['Contraindications', 'Why']);
    cleanup();
    const ect = d.suggestions.find((s) => s.intervention === 'ect')!;
    const offered = render(
      <ul>
        <SuggestionCard suggestion={ect} {...props} />
      </ul>,
    );
    expect([...offered.container.querySelectorAll('.finding-list__title')].map((e) => e.textContent)[0]).toBe('Why');
    expect(within(offered.container).queryByText('Contraindications')).toBeNull();
    expect(screen.getByText('Electroconvulsive therapy (ECT)')).toBeInstanceOf(HTMLLabelElement);
  });
});

describe('the copied note', () => {
  it('pregnant-trd: carries the urgent ECT next step with why it is urgent, right after the safety items', () => {
    const note = copyToNoteText(derivation('pregnant-trd'));
    expect(note).toMatch(/- URGENT: Electroconvulsive therapy \(ECT\) \(suggested\): refer to the ECT service \(urgent priority\); urgent because: C-SSRS 4 on /);
    expect(note.indexOf('Next steps')).toBeGreaterThan(note.indexOf('Safety as of'));
    expect(note.indexOf('Next steps')).toBeLessThan(note.indexOf('Major depressive disorder:'));
  });

  it.each(['pregnant-trd', 'trd-multi-failures', 'ehr-export-mdd', 'ocd'])('%s: each trial’s dose figures appear once', (id) => {
    const d = derivation(id);
    const note = copyToNoteText(d);
    for (const t of d.trials) {
      const figure = `${t.ingredient} ${t.durationText}`;
      // The trial's own lines ("- sertraline [...]", "  dose …", "  outcome …") carry its figures; a flag names a shortfall, not the course.
      const doses = note.split('\n').filter((l) => l.includes(t.ingredient) && /mg\/day/.test(l) && !/^(- | {2}dose | {2}outcome: | {2}Flag: )/.test(l));
      expect(doses, figure).toEqual([]);
    }
  });

  it('deceased: no next step is proposed', () => {
    const note = copyToNoteText(derivation('deceased'));
    expect(note).not.toMatch(/Next step/);
  });
});
