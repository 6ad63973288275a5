/**
 * One running antidepressant trial at an adequate dose with no score to judge it (hand-made, the shape of a public
 * sandbox record: MDD, fluoxetine 20 mg/day ongoing, no PHQ-9). rTMS is possible only if fluoxetine is judged a
 * failure: the card, the headline and the note say that condition, never "to consider" alone beside "no option is
 * indicated". Accelerated iTBS (SAINT) rests on failures the record establishes (its sham-controlled trial enrolled
 * treatment-resistant depression; its clearance is for patients who failed prior antidepressant medication in the
 * current episode): with no failed trial it is not offered, and it says why.
 */
import { describe, expect, it } from 'vitest';
import { derive, mdd, patient, statement } from '../clinical/engine/builders';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { nextStepWords } from '../../src/clinical/suggestions/next-step';
import { RULES } from '../../src/clinical/all-rules';

const d = derive([patient(), mdd('2025-01-01'), statement('fluoxetine', 20, '2025-03-01', null)]);
const fluoxetine = d.trials.find((t) => t.ingredient === 'fluoxetine')!;
const option = (id: string) => d.suggestions.find((s) => s.intervention === id)!;

/** The note's next-steps block: from its heading to the blank line after it. */
function nextStepsOf(note: string): string[] {
  const lines = note.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Next steps'));
  return lines.slice(at, lines.indexOf('', at));
}

describe('one running trial not established as a failure, no score: every option waits on judging it', () => {
  it('rTMS is to consider only if fluoxetine is judged a failure, said beside its status and resting on the fluoxetine records', () => {
    expect(option('tms').status).toBe('consider');
    expect(option('tms').startsAfter).toEqual({ text: 'only if fluoxetine is judged a failure', sources: fluoxetine.sources, confirm: true });
  });

  it('the headline says to record the response to fluoxetine, and that rTMS waits on it', () => {
    expect(nextStepWords(d)).toBe(
      'No interventional option is indicated now; record the response to fluoxetine (a PHQ-9, MADRS, HAM-D17 or QIDS-SR16 score now): rTMS only if fluoxetine is judged a failure',
    );
  });

  it('the copied note carries the condition in the headline and in the list, and no accelerated iTBS', () => {
    expect(nextStepsOf(copyToNoteText(d))).toEqual([
      'Next steps (proposals for review, not orders; 0 suggested, 1 to consider):',
      '- No interventional option is indicated now; record the response to fluoxetine (a PHQ-9, MADRS, HAM-D17 or QIDS-SR16 score now): rTMS only if fluoxetine is judged a failure.',
      'To consider (1): Repetitive transcranial magnetic stimulation (rTMS) (only if fluoxetine is judged a failure).',
    ]);
  });

  it('accelerated iTBS is not offered on a trial not yet judged, saying why with its sources', () => {
    const saint = option('accelerated-tms');
    expect(saint.status).toBe('not-eligible');
    expect(saint.startsAfter).toBeUndefined();
    expect(saint.reasons.map((r) => r.text).slice(0, 2)).toEqual([
      'Accelerated iTBS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
      'Not on a trial not yet judged (fluoxetine): accelerated iTBS (SAINT) rests on failures the record establishes: its sham-controlled trial enrolled patients with treatment-resistant depression, and its clearance is for adults who have failed to achieve satisfactory improvement from prior antidepressant medication in the current episode (Cole 2022; FDA K220177: participants with treatment-resistant depression; indications for use [secondary source]).',
    ]);
    expect(saint.reasons[1]!.sources).toEqual(fluoxetine.sources);
  });

  it('the rule is a row of the rules list with its sources', () => {
    expect(RULES.filter((r) => r.id === 'suggest.accelerated-tms.established-failures').map((r) => [r.verification, r.references])).toEqual([['S', ['cole2022', 'fdaK220177']]]);
  });
});

describe('with a failed adequate trial established, accelerated iTBS stays to consider beside rTMS', () => {
  it('no condition is carried: the failure is in the record', async () => {
    const { phq9 } = await import('../clinical/engine/builders');
    const established = derive([patient(), mdd('2025-01-01'), statement('sertraline', 100, '2025-02-01', '2025-05-01'), phq9('2025-01-30', 20), phq9('2025-04-28', 19)]);
    const saint = established.suggestions.find((s) => s.intervention === 'accelerated-tms')!;
    expect([saint.status, saint.startsAfter]).toEqual(['consider', undefined]);
  });
});
