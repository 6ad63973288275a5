/**
 * The copied note's next steps are the options tab's Suggested group, every one of them in its order, then the
 * options to consider, counted and named: a note that names one proposal of several misstates the plan.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { groupByStatus } from '../../src/views/review/selection';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

/** The note's next-steps block: from its heading to the blank line after it. */
function nextStepsOf(note: string): string[] {
  const lines = note.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Next steps'));
  const end = lines.indexOf('', at);
  return lines.slice(at, end);
}

/** The option lines of the block (its cautions and the engine's headline, a running trial to complete or a scale to repeat, left out). */
const optionLines = (block: string[]) => block.filter((l) => l.startsWith('- ') && !/^- (Complete the current trial|Re-measure|No interventional option)/.test(l));

describe('the copied note lists every suggested option, as the options tab does', () => {
  it('trd-two-failures: completing bupropion first, then rTMS, ECT and esketamine, then the five to consider by name', () => {
    const block = nextStepsOf(copyToNoteText(demoDerivation('trd-two-failures', TODAY)));
    expect(block[0]).toBe('Next steps (proposals for review, not orders; 3 suggested, 5 to consider):');
    expect(block[1]).toBe('- Complete the current trial: bupropion 300 mg/day, 2 more weeks at an adequate dose; judge it before starting rTMS, ECT or esketamine.');
    expect(optionLines(block)).toEqual([
      '- Repetitive transcranial magnetic stimulation (rTMS) (suggested, after the bupropion trial, 2 more weeks): refer to the Neuromodulation clinic (TMS, VNS) (routine priority).',
      '- Electroconvulsive therapy (ECT) (suggested, after the bupropion trial, 2 more weeks): refer to the ECT service (routine priority).',
      '- Esketamine nasal spray (Spravato) (suggested, after the bupropion trial, 2 more weeks): refer to the Ketamine / esketamine treatment clinic (routine priority).',
    ]);
    expect(block.at(-1)).toBe(
      'To consider (5): Accelerated iTBS (SAINT / Stanford neuromodulation therapy) (after the bupropion trial, 2 more weeks); Intravenous ketamine (off-label) (after the bupropion trial, 2 more weeks); Pharmacogenomic testing; Psilocybin clinical trial (referral) (after the bupropion trial, 2 more weeks); Digital therapy (app-based CBT).',
    );
  });

  it('pseudo-resistance: adherence support, dual-diagnosis care and the substance-use referral lead, then dose optimisation and psychosocial support', () => {
    const block = nextStepsOf(copyToNoteText(demoDerivation('pseudo-resistance', TODAY)));
    expect(block[0]).toBe('Next steps (proposals for review, not orders; 5 suggested, 2 to consider):');
    expect(optionLines(block)).toEqual([
      '- Adherence support (suggested): add to the care plan.',
      '- Integrated dual-diagnosis treatment (suggested): add to the care plan.',
      '- Substance-use assessment and treatment (suggested): refer to the Addiction service (routine priority).',
      '- Dose and duration optimisation (suggested): add to the care plan.',
      '- Psychosocial support (suggested): add to the care plan.',
    ]);
  });

  it('ocd: with nothing suggested while clomipramine runs, the note leads its next steps with completing that trial, saying why no referral is suggested', () => {
    const block = nextStepsOf(copyToNoteText(demoDerivation('ocd', TODAY)));
    expect(block.slice(0, 2)).toEqual([
      'Next steps (proposals for review, not orders; 0 suggested, 5 to consider):',
      '- Complete the current trial: clomipramine 150 mg/day, 1 more week at an adequate dose and 5 more in all; no neuromodulation or augmentation before it is judged: in OCD the running SRI trial is itself the next step, judged after 12 weeks; ERP alongside the SRI need not wait for it (APA OCD guideline 2007; local working rule (unverified)).',
    ]);
  });

  it.each(['trd-two-failures', 'pseudo-resistance', 'bipolar-depression', 'ehr-export-mdd', 'pregnant-trd', 'schizophrenia-trs', 'tms-contraindicated'])(
    '%s: the note names the Suggested group in its order, and counts the options to consider',
    (id) => {
      const d = demoDerivation(id, TODAY);
      const block = nextStepsOf(copyToNoteText(d));
      const groups = groupByStatus(d.suggestions);
      const suggested = groups.find((g) => g.status === 'suggested')?.suggestions ?? [];
      const consider = groups.find((g) => g.status === 'consider')?.suggestions ?? [];
      expect(suggested.length).toBeGreaterThan(0);
      const named = optionLines(block).map((l) => suggested.find((s) => l.replace(/^- (URGENT: )?/, '').startsWith(`${s.name} (`))?.intervention);
      expect(named.slice(0, suggested.length)).toEqual(suggested.map((s) => s.intervention));
      expect(block[0]).toBe(`Next steps (proposals for review, not orders; ${suggested.length} suggested, ${consider.length} to consider):`);
    },
  );
});

describe('esketamine-contraindicated (past intracerebral haemorrhage): an option to consider with a high-risk caution carries it into the note, in its place', () => {
  const block = nextStepsOf(copyToNoteText(demoDerivation('esketamine-contraindicated', TODAY)));

  it('the psilocybin trial is named among the options to consider with its cerebrovascular caution under the line, never as a referral step', () => {
    expect(block.some((l) => l.startsWith('- Psilocybin clinical trial'))).toBe(false);
    const at = block.indexOf(
      'To consider (4): Accelerated iTBS (SAINT / Stanford neuromodulation therapy); Pharmacogenomic testing; Psilocybin clinical trial (referral) (high risk: see below); Digital therapy (app-based CBT).',
    );
    expect(at).toBeGreaterThan(0);
    expect(block[at + 1]).toMatch(
      /^ {4}Psilocybin clinical trial \(referral\): High risk: Nontraumatic intracerebral hemorrhage, unspecified, since 2021-12-01, resolved: cardiovascular or cerebrovascular disease .* usually excludes patients from psilocybin trials, which raise blood pressure for some hours: check the trial's exclusion criteria before referring \(/,
    );
  });
});

