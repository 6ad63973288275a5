/**
 * One phrase for the app's own rules, once per citation, and no machine marker: summary-note definitions cite their
 * source without "; V]" or "; UNVERIFIED]", an unverified one naming its local part as "local working rule
 * (unverified)"; on screen a citation with that phrase carries no "[UNVERIFIED]" beside it.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { plainText } from '../../src/clinical/plain-text';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';
const definitionLine = (id: string) => copyToNoteText(demoDerivation(id, TODAY)).split('\n').find((l) => l.startsWith('  Definition: '))!;

describe('summary-note definitions: the source without a machine marker', () => {
  it('trd-two-failures: the verified MDD definition ends with its source alone', () => {
    expect(definitionLine('trd-two-failures')).toBe(
      '  Definition: Treatment-resistant depression: failure of ≥ 2 adequate antidepressant treatments (different agents) in the current episode. [Gaynes 2020: the most common definition is ≥ 2 treatment failures with adequate dose and duration; EU-PEARL (Sforzini 2022) agrees]',
    );
  });

  it('ocd: the definition names no working rule; its source marks the number of failures as the local working rule', () => {
    expect(definitionLine('ocd')).toBe(
      '  Definition: Treatment-resistant OCD: ≥ 2 failed adequate treatments: SRI trials of different agents (OCD doses, ≥ 12 weeks), and a failed adequate course of CBT with exposure and response prevention counting as one. [Adequate SRI trials as in the APA 2007 OCD guideline; the number of failures: local working rule (unverified)]',
    );
  });

  it('ptsd: "this app counts", not "working rule of this app"; the threshold of 2 is the local working rule', () => {
    expect(definitionLine('ptsd')).toBe(
      '  Definition: PTSD has no accepted definition of treatment resistance; this app counts ≥ 2 failed adequate treatments: medication trials of different agents, and a failed adequate course of trauma-focused psychotherapy counting as one (the E-TRIP counts both). [E-TRIP counts adequately delivered failed treatments (Dunlop 2014); the threshold of 2: local working rule (unverified)]',
    );
  });

  it('ocd: the verdict names the definition with the one phrase', () => {
    const note = copyToNoteText(demoDerivation('ocd', TODAY)).split('\n');
    expect(note).toContain('Obsessive-compulsive disorder: Treatment-resistance criteria met: treatment-resistant OCD by a local working rule (unverified).');
  });
});

describe('on screen and in writing: the phrase once per citation, no "[UNVERIFIED]" beside it', () => {
  it('ocd deep TMS criterion: the FDA authorisation cited as the source, the one-failure threshold as local, once', () => {
    const d = demoDerivation('ocd', TODAY);
    const criterion = d.suggestions.find((s) => s.intervention === 'deep-tms')!.reasons.find((r) => r.kind === 'criterion')!;
    expect(plainText(criterion.text)).toBe(
      'Criterion: Deep TMS fits OCD as an add-on after at least one failed adequate SRI trial (12 weeks at a high dose). (FDA DEN170078; Carmi 2019: adjunctive use in adults with OCD; one failed adequate SRI trial before deep TMS: local working rule (unverified))',
    );
    const draft = demoDraft(d, ['deep-tms'], AS_OF);
    expect(draft.preview.filter((l) => l.includes('local working rule (unverified)') && l.includes('Criterion: Deep TMS'))).toEqual([
      '  Criterion: Deep TMS fits OCD as an add-on after at least one failed adequate SRI trial (12 weeks at a high dose). (FDA DEN170078; Carmi 2019: adjunctive use in adults with OCD; one failed adequate SRI trial before deep TMS: local working rule (unverified))',
    ]);
  });

  it('tms-contraindicated IV ketamine age line: "local working rule (unverified)" with no "[UNVERIFIED]"', () => {
    const d = demoDerivation('tms-contraindicated', TODAY);
    const age = d.suggestions.find((s) => s.intervention === 'iv-ketamine')!.reasons.find((r) => r.text.startsWith('Age '))!;
    expect(plainText(age.text)).toBe('Age 44: within the age limit, adults (18 and over) (Sanacora 2017; local working rule (unverified): the consensus statement addresses adults).');
  });
});
