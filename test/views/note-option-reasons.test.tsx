/**
 * The summary note names under an option what the plan says it acts on and what is in its favour, from the same
 * reasons the plan writes: bipolar-depression's ECT carries the earlier course that helped, and pseudo-resistance's
 * dose and duration optimisation names the trials to optimise, at what dose and for how long.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

/** The indented lines under the note's line that starts with `head`. */
function under(text: string, head: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(head));
  expect(at, head).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('    ')) break;
    out.push(line.trim());
  }
  return out;
}

/** The plan text's "Reason: " lines under the option, without the label. */
function planReasons(text: string, name: string): string[] {
  return under(text.replace(/^ {4}/gm, '    '), `- ${name}`)
    .filter((l) => l.startsWith('Reason: '))
    .map((l) => l.slice('Reason: '.length));
}

describe('bipolar-depression: the summary note’s ECT entry', () => {
  const d = demoDerivation('bipolar-depression', TODAY);
  const note = copyToNoteText(d);

  it('carries the earlier course of ECT that helped, as the plan writes it', () => {
    const lines = under(note, '- Electroconvulsive therapy (ECT) (suggested)');
    const favour =
      'In favour: Earlier course that helped: Electroconvulsive therapy, bilateral, 9 treatments (severe bipolar depression with psychotic features; remission) (2021-12-01 to 2021-12-31) (APA ECT task force 2001: a history of good response to ECT)';
    expect(lines[0]).toBe(favour);
    expect(planReasons(demoDraft(d, ['ect'], AS_OF).text, 'Referral to ECT service')).toContain(favour);
  });
});

describe('pseudo-resistance: the summary note’s dose and duration optimisation', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const note = copyToNoteText(d);

  it('names the trials to optimise, at what dose and for how long, as the plan writes them', () => {
    const trials = [
      'Past trial, with resistance not established: re-trial at an adequate dose if chosen again: sertraline 50 mg/day for 3 weeks (too short to judge): 3 weeks only at adequate dose (6 weeks needed)',
      'Past trial, with resistance not established: re-trial at an adequate dose if chosen again: citalopram 10 mg/day for 12 weeks (non-response, measured): dose below 20 mg (highest 10 mg/day)',
    ];
    expect(under(note, '- Dose and duration optimisation (suggested)')).toEqual(trials);
    expect(planReasons(demoDraft(d, ['dose-optimization'], AS_OF).text, 'Dose and duration optimisation')).toEqual(trials);
  });
});
