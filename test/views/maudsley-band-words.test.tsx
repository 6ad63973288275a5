/**
 * The Maudsley Staging Method's band is the band of its total score, a level of treatment resistance, not the
 * severity of the depression: "Maudsley Staging Method 6 (total-score band: mild resistance)", in the same words on
 * the condition line, in its staging details and in the note. An item scored without data (a severity the record does
 * not give) is said plainly in the same line.
 */
import type { Resource } from 'fhir/r4';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { AS_OF, PID, patient, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

afterEach(cleanup);

/** MDD coded without a severity, on fluoxetine for a year, no score: the severity item is scored at its minimum. */
function mddWithoutSeverity(): Derivation {
  const mdd = snomedCondition('370143000', 'Major depression disorder', '2025-10-01');
  const order = rxOrder('310385', 'Fluoxetine 20 MG Oral Capsule', '2025-10-01', 'active');
  const resources: Resource[] = [patient(), mdd, order];
  return derivePatient({ patientId: PID, resources }, { asOf: AS_OF });
}

/** The condition line's facts and the staging details' Maudsley summary, with the closed details drawn. */
function drawn(d: Derivation): { facts: string; details: string } {
  vi.useFakeTimers();
  const page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
  act(() => {
    vi.runOnlyPendingTimers();
  });
  vi.useRealTimers();
  const facts = page.container.querySelector('[data-condition="mdd"] .trp-condition-facts')!.textContent ?? '';
  const details = [...page.container.querySelectorAll('.trp-staging-line > summary')].map((s) => s.textContent).find((t) => t?.startsWith('Maudsley')) ?? '';
  return { facts, details };
}

describe('pregnant-trd: the Maudsley band beside severe MDD and a high suicide risk', () => {
  const d = demoDerivation('pregnant-trd', TODAY);

  it('the condition line reads "Maudsley Staging Method 6 (total-score band: mild resistance)", never "6, mild"', () => {
    const { facts } = drawn(d);
    expect(facts).toContain(' · Maudsley Staging Method 6 (total-score band: mild resistance) · ');
    expect(facts).not.toContain('6, mild');
  });

  it('the staging details read the same', () => {
    expect(drawn(d).details).toBe('Maudsley Staging Method 6 (total-score band: mild resistance)');
  });

  it('the note reads the same, with no item scored without data', () => {
    expect(copyToNoteText(d)).toContain('\n  Maudsley Staging Method 6 (total-score band: mild resistance)\n');
  });
});

describe('a severity the record does not give', () => {
  it('is said in the same line: "severity not recorded (scored at its minimum)", on the condition line and in the note', () => {
    const d = mddWithoutSeverity();
    const line = 'Maudsley Staging Method 4 (total-score band: mild resistance); severity not recorded (scored at its minimum)';
    expect(drawn(d).facts).toContain(` · ${line} · `);
    expect(copyToNoteText(d)).toContain(`\n  ${line}\n`);
  });
});
