/**
 * The stage of treatment resistance is read on the first screen, beside the verdict, without opening the details: the
 * engine's Thase-Rush, Maudsley and MGH-S figures in one short line; nothing for a condition the engine does not stage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RULES } from '../../src/clinical/all-rules';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

afterEach(cleanup);

function conditionFacts(patient: string, condition: string): string {
  const page = render(<TreatmentResistancePage derivation={demoDerivation(patient, TODAY)} rules={RULES} />);
  return page.container.querySelector(`[data-condition="${condition}"] .trp-condition-facts`)!.textContent ?? '';
}

describe('staging on the condition line', () => {
  it('trd-multi-failures reads "Thase-Rush stage 4 · Maudsley Staging Method 10 (total-score band: moderate resistance) · MGH-S 9" before the definition', () => {
    expect(conditionFacts('trd-multi-failures', 'mdd')).toMatch(/ · Thase-Rush stage 4 · Maudsley Staging Method 10 \(total-score band: moderate resistance\) · MGH-S 9 · definition: /);
  });

  it('trd-two-failures reads "Thase-Rush stage 2 · Maudsley Staging Method 6 (total-score band: mild resistance) · MGH-S 3"', () => {
    expect(conditionFacts('trd-two-failures', 'mdd')).toMatch(/ · Thase-Rush stage 2 · Maudsley Staging Method 6 \(total-score band: mild resistance\) · MGH-S 3 · definition: /);
  });

  it('schizophrenia-trs, which none of the three methods stages, has no staging figures', () => {
    expect(conditionFacts('schizophrenia-trs', 'schizophrenia')).not.toMatch(/Thase-Rush|Maudsley|MGH-S/);
  });
});
