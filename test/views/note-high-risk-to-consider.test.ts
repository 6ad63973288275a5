/**
 * The copied note's next steps keep the options tab's order (the engine's ranking); an option to consider that carries
 * a high-risk finding is named in the "To consider" line, in its place, with its risk written under it, never as a
 * referral among the next steps: on esketamine-contraindicated (a psilocybin trial after an intracerebral haemorrhage)
 * and tms-contraindicated (ECT beside a cochlear implant, ranked before off-label intravenous ketamine).
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { groupByStatus } from '../../src/views/review/selection';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-06T08:00:00Z');

/** The note's next-steps block: from its heading to the blank line after it. */
function nextStepsOf(note: string): string[] {
  const lines = note.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Next steps'));
  const end = lines.indexOf('', at);
  return lines.slice(at, end);
}

const PSILOCYBIN_RISK = [
  "High risk: Nontraumatic intracerebral hemorrhage, unspecified, since 2021-12-02, resolved: cardiovascular or cerebrovascular disease (a past intracerebral haemorrhage, an aneurysm or malformation, a stroke or a myocardial infarction) usually excludes patients from psilocybin trials, which raise blood pressure for some hours: check the trial's exclusion criteria before referring (Goodwin 2022; COMP006 (NCT05711940); local working rule (unverified): psilocybin trials exclude significant cardiovascular or cerebrovascular disease and uncontrolled hypertension, and psilocybin raises blood pressure for some hours (check the trial protocol))",
  "Caution: Essential (primary) hypertension, since 2018-09-19: uncontrolled hypertension excludes patients from psilocybin trials, and psilocybin raises blood pressure for some hours: check it is controlled and the trial's criteria before referring (Goodwin 2022; COMP006 (NCT05711940); local working rule (unverified): psilocybin trials exclude significant cardiovascular or cerebrovascular disease and uncontrolled hypertension, and psilocybin raises blood pressure for some hours (check the trial protocol))",
  "Caution: Investigational: clinical-trial referral only. Psilocybin (COMP360) is not approved. (COMP006 (NCT05711940))",
];

describe('a considered option with a high-risk finding is named among the options to consider, with its risk', () => {
  it('esketamine-contraindicated: the psilocybin trial is named fifth of six, as on the screen, with its risk under the line, and no referral step', () => {
    const block = nextStepsOf(copyToNoteText(demoDerivation('esketamine-contraindicated', TODAY)));
    expect(block[0]).toBe('Next steps (proposals for review, not orders; 2 suggested, 4 to consider):');
    expect(block.filter((l) => l.startsWith('- '))).toEqual([
      '- Repetitive transcranial magnetic stimulation (rTMS) (suggested): refer to the Neuromodulation clinic (TMS, VNS) (routine priority).',
      '- Electroconvulsive therapy (ECT) (suggested): refer to the ECT service (routine priority).',
    ]);
    const line = block.findIndex((l) => l.startsWith('To consider'));
    expect(block.slice(line)).toEqual([
      'To consider (4): Accelerated iTBS (SAINT / Stanford neuromodulation therapy); Pharmacogenomic testing; Psilocybin clinical trial (referral) (high risk: see below); Digital therapy (app-based CBT).',
      ...PSILOCYBIN_RISK.map((c) => `    Psilocybin clinical trial (referral): ${c}`),
    ]);
    expect(block.join('\n')).not.toContain('refer to the Clinical trials unit');
  });

  it('tms-contraindicated: ECT is named first, before intravenous ketamine, as the engine ranks them, with its risk, and no referral step', () => {
    const d = demoDerivation('tms-contraindicated', TODAY);
    const block = nextStepsOf(copyToNoteText(d));
    const consider = groupByStatus(d.suggestions).find((g) => g.status === 'consider')!.suggestions.map((s) => s.name);
    expect(consider).toEqual([
      'Electroconvulsive therapy (ECT)',
      'Intravenous ketamine (off-label)',
      'Pharmacogenomic testing',
      'Psilocybin clinical trial (referral)',
      'Digital therapy (app-based CBT)',
    ]);
    expect(block.filter((l) => l.startsWith('- '))).toEqual([
      '- Esketamine nasal spray (Spravato) (suggested): refer to the Ketamine / esketamine treatment clinic (routine priority).',
    ]);
    const line = block.find((l) => l.startsWith('To consider'))!;
    expect(line).toBe(`To consider (${consider.length}): ${consider.map((n) => (n === 'Electroconvulsive therapy (ECT)' ? `${n} (high risk: see below)` : n)).join('; ')}.`);
    expect(block.filter((l) => l.startsWith('    Electroconvulsive therapy (ECT): High risk: Cochlear implant status')).length).toBe(1);
  });
});
