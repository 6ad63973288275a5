/**
 * A trial whose recorded start predates the drug's first US approval says so beside the trial: on the first screen's
 * regimen line and in the summary note's trial line, not only in the Data notes block below the fold. Hand-made records
 * shaped like the public sandbox's patients (nothing copied from its bundles).
 */
import type { Resource } from 'fhir/r4';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { AS_OF, PID, patient, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';

afterEach(cleanup);

function derive(resources: Resource[], extraPatient = {}): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(extraPatient), ...resources] }, { asOf: AS_OF });
}

/** A man who died in 2012, with one fluoxetine order dated 1955 (decades before its approval), open at his death. */
function fluoxetineFrom1955(): Derivation {
  const mdd = snomedCondition('370143000', 'Major depression disorder', '1955-11-22');
  const order = rxOrder('406022', 'Fluoxetine 25MG', '1955-11-22', 'active');
  return derive([mdd, order], { birthDate: '1936-10-06', deceasedDateTime: '2012-07-31T10:00:00+00:00' });
}

const BESIDE = 'recorded from 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error; check the date';

describe('fluoxetine recorded from 1955, before its first US approval', () => {
  it('the regimen line at death says the duration is unknown, the data error beside the trial, and adequacy unconfirmed', () => {
    render(<TreatmentResistancePage derivation={fluoxetineFrom1955()} rules={RULES} />);
    expect(screen.getByTestId('current-regimen').textContent).toBe(
      `Regimen at deathfluoxetine 25 mg/day, duration unknown; ${BESIDE} · adequacy unconfirmed: duration unknown (the recorded start predates the first US approval); to confirm`,
    );
  });

  it("the summary note's trial line carries the data error, and no adequacy on 56 years", () => {
    const text = copyToNoteText(fluoxetineFrom1955());
    expect(text).toContain(
      [
        `- fluoxetine [SSRI, monotherapy], 1955-11-22 to 2012-07-31, duration unknown; ${BESIDE}`,
        '  dose 25 mg/day; adequate dose from 20 mg/day; adequacy unconfirmed: duration unknown (the recorded start predates the first US approval); to confirm; adherence: no dispense data',
      ].join('\n'),
    );
    expect(text).not.toContain('2958 weeks');
  });
});
