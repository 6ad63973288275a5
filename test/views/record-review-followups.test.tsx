/**
 * A psychiatrist's second review of the running app, checked on the demo patients where each defect was found: the
 * regimen at death said once and without "pending", an unchanged score never written "−0%", a completed record with a
 * future end date stated coherently, and an antipsychotic trial's plasma levels shown where TRRIP asks for them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { regimenVerdict } from '../../src/clinical/regimen-verdict';
import { scoreChangeText } from '../../src/clinical/vocabulary';
import type { Derivation, Trial } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { adherenceText, trialDetails } from '../../src/views/timeline/details';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

const derivationOf = (id: string): Derivation => demoDerivation(id, TODAY);

function trialOf(d: Derivation, ingredient: string): Trial {
  const matches = d.trials.filter((t) => t.ingredient === ingredient);
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

afterEach(cleanup);

describe('deceased: the regimen at death', () => {
  const d = derivationOf('deceased');
  const lithium = trialOf(d, 'lithium');

  it('says once that no lithium level was recorded, never "pending a level"', () => {
    expect(lithium.adequacyReason).toBe(
      'adequacy unconfirmed: no lithium level was recorded during the trial (adequacy is judged by the serum level, 0.8 mmol/L or more)',
    );
    expect(regimenVerdict(lithium)).toEqual({
      standing: 'adequacy-unconfirmed',
      text: 'adequacy unconfirmed: no lithium level was recorded during the trial (adequacy is judged by the serum level, 0.8 mmol/L or more)',
    });
    const page = pageText(d);
    const note = copyToNoteText(d);
    for (const text of [page, note]) {
      expect(text).not.toContain('pending a level');
      expect(text).not.toContain('adequacy unconfirmed: adequacy unconfirmed');
      expect(text).toContain('no lithium level was recorded during the trial');
    }
  });

  it('states the 90-day supply of the two lithium orders once, naming both', () => {
    expect(lithium.notes.filter((n) => n.startsWith('end date from the supply prescribed'))).toEqual([
      'end date from the supply prescribed: 90 days × 4 fills on each of MedicationRequest/deceased-lithium-1, MedicationRequest/deceased-lithium-2',
    ]);
  });
});

describe('an unchanged score reads "unchanged", never "−0%"', () => {
  it('scoreChangeText: equal scores are unchanged; a change that rounds to zero keeps its direction', () => {
    expect(scoreChangeText(20, 20, 0)).toBe('unchanged');
    expect(scoreChangeText(250, 249, 0)).toBe('−<1%');
    expect(scoreChangeText(250, 251, -0)).toBe('+<1%');
    expect(scoreChangeText(20, 19, 5)).toBe('−5%');
    expect(scoreChangeText(20, 22, -10)).toBe('+10%');
  });

  it('trd-multi-failures and deceased: PHQ-9 20 → 20 and 21 → 21 read "unchanged" in the note and on the page', () => {
    const trd = derivationOf('trd-multi-failures');
    const deceased = derivationOf('deceased');
    const trdNote = copyToNoteText(trd);
    const deceasedNote = copyToNoteText(deceased);
    expect(trdNote).toContain('PHQ-9 20 → 20 (unchanged, 2025-11-14 → 2026-02-27)');
    expect(deceasedNote).toContain('PHQ-9 21 → 21 (unchanged, 2024-04-19 → 2024-09-26)');
    for (const text of [trdNote, deceasedNote, pageText(trd), pageText(deceased)]) {
      expect(text).not.toMatch(/[−+±]0%/);
    }
  });
});

describe('trd-multi-failures: the running tranylcypromine trial', () => {
  it('is ongoing, with no note calling its handed-over dispense a "completed record" with a future end', () => {
    const d = derivationOf('trd-multi-failures');
    const tranylcypromine = trialOf(d, 'tranylcypromine');
    expect(tranylcypromine.end).toBeNull();
    expect(tranylcypromine.notes.filter((n) => /completed|end date after/.test(n))).toEqual([]);
    expect(copyToNoteText(d)).not.toContain('on a completed record');
  });
});

describe('schizophrenia-trs: the plasma levels TRRIP asks for in each trial', () => {
  const d = derivationOf('schizophrenia-trs');

  it('each antipsychotic trial carries the levels recorded during it, or none', () => {
    const olanzapine = trialOf(d, 'olanzapine');
    const aripiprazole = trialOf(d, 'aripiprazole');
    expect(olanzapine.plasmaLevels).toHaveLength(1);
    expect(olanzapine.plasmaLevels![0]!.source).toBe('Observation/schizophrenia-trs-olanzapine-level-d350');
    expect(olanzapine.plasmaLevels![0]!.value).toBeGreaterThan(0);
    expect(aripiprazole.plasmaLevels!.map((l) => l.source)).toEqual(['Observation/schizophrenia-trs-aripiprazole-level-d260']);
    expect(trialOf(d, 'haloperidol').plasmaLevels).toEqual([]);
    expect(trialOf(d, 'risperidone').plasmaLevels).toEqual([]);
  });

  it('the trial table\'s adherence cell, the details and the note give each level with its value, unit and date, or say none was recorded', () => {
    const olanzapine = trialOf(d, 'olanzapine').plasmaLevels![0]!;
    const shown = `olanzapine plasma level ${olanzapine.value} ${olanzapine.unit} on ${olanzapine.date}`;
    const note = copyToNoteText(d);
    expect(note).toContain(`adherence: 100% of days covered; ${shown}`);
    expect(note).toContain('adherence: 100% of days covered; no haloperidol plasma level recorded during the trial');
    expect(trialDetails(trialOf(d, 'olanzapine')).lines).toContain(`Adherence: 100% of days covered; ${shown}`);
    expect(trialDetails(trialOf(d, 'haloperidol')).lines).toContain('Adherence: 100% of days covered; no haloperidol plasma level recorded during the trial');
    expect(adherenceText(trialOf(d, 'olanzapine'))).toBe(`100% of days covered; ${shown}`);
  });
});
