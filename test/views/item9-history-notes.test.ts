/**
 * trd-two-failures: PHQ-9 item 9 was 1 twice early in this episode and 0 at every answer since. That history leads the
 * safety strip and every note (the summary note, the plan's text and the CarePlan), worded apart from a current positive.
 */
import { describe, expect, it } from 'vitest';
import { safetyItemText } from '../../src/clinical/safety';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const HISTORY =
  'PHQ-9 item 9 positive twice earlier in this episode (last 2026-04-26): 0 since 2026-05-24 (8 answers, the latest on 2026-11-19). Ask about suicidal thoughts before referring or changing treatment.';

describe('trd-two-failures: a positive item 9 earlier in the episode, 0 since', () => {
  const d = demoDerivation('trd-two-failures', TODAY);

  it('is the safety strip’s one item, as history (not a current positive screen)', () => {
    expect(d.safety.map((i) => [i.kind, safetyItemText(i)])).toEqual([['suicidality-history', HISTORY]]);
  });

  it('heads the summary note', () => {
    expect(copyToNoteText(d).split('\n').slice(0, 2)).toEqual(['Safety as of 2026-11-22:', `- ${HISTORY}`]);
  });

  it('is in the plan’s text with the referrals', () => {
    expect(carePlanAsText(demoDraft(d, ['esketamine', 'tms'], '2026-11-22'))).toContain(HISTORY);
  });
});
