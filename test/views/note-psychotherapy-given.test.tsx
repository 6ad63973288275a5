/**
 * The summary note ("Copy summary to note") lists the psychotherapy given in the episode, one course each, under the
 * condition: ptsd's cognitive processing therapy and intolerance's interpersonal psychotherapy, which the timeline
 * shows. A failed course of a therapy the definition counts is named once, with its outcome, among the failures (ocd).
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const noteLines = (id: string) => copyToNoteText(demoDerivation(id, TODAY)).split('\n').map((l) => l.trim());
const psychotherapy = (id: string) => noteLines(id).filter((l) => /psychotherapy/i.test(l) && /^(Psychotherapy given|Failed adequate psychotherapy)/.test(l));

describe('summary note: psychotherapy given in the episode', () => {
  it('ptsd: the cognitive processing therapy course, its sessions, dates and completion', () => {
    expect(psychotherapy('ptsd')).toEqual(['Psychotherapy given: Cognitive processing therapy (trauma-focused), 12 sessions, 2025-01-04 to 2025-04-04, completed.']);
  });

  it('intolerance: the interpersonal psychotherapy course', () => {
    expect(psychotherapy('intolerance')).toEqual(['Psychotherapy given: Interpersonal psychotherapy, 12 weekly sessions, 2026-07-28 to 2026-10-20, completed.']);
  });

  it('ehr-export-mdd: the CBT still in progress', () => {
    expect(psychotherapy('ehr-export-mdd')).toEqual(['Psychotherapy given: Cognitive and behavioral therapy, 2023-01-29 to now, in progress.']);
  });

  it('ocd: the failed exposure and response prevention course once, with its outcome, not again as given', () => {
    expect(psychotherapy('ocd')).toEqual([
      'Failed adequate psychotherapy: Exposure and response prevention (CBT for OCD), 20 sessions (Y-BOCS 25 → 26 (+4%, 2025-07-19 → 2025-10-31)).',
    ]);
  });

  it('trd-two-failures: no psychotherapy recorded, no line', () => {
    expect(psychotherapy('trd-two-failures')).toEqual([]);
  });
});
