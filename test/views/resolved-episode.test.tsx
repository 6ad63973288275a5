/**
 * A disorder that resolved with no current episode: the first screen's condition line and the copied note lead with
 * the resolution the engine derives, and ask for no response score. Hand-made record in the public sandbox's shapes.
 */
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { Summary } from '../../src/views/timeline/Summary';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { AS_OF, PID, carePlan, patient, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';

afterEach(cleanup);

function resolvedPtsd() {
  const resources = [
    patient(),
    snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19', '2017-03-14'),
    rxOrder('328670', 'Sertraline 100MG', '2015-07-03', 'active'),
    carePlan('completed', ['718347000', 'Mental health care plan (record artifact)'], '2015-07-03', '2017-03-14', [['406185000', 'Trauma Therapy', 'completed']]),
  ];
  return derivePatient({ patientId: PID, resources }, { asOf: AS_OF });
}

it('the PTSD line on the first screen says it resolved, with sertraline as maintenance, and asks for no score', () => {
  const { container } = render(<Summary derivation={resolvedPtsd()} onShowItems={() => {}} />);
  const line = container.querySelector('[data-condition="ptsd"] .trp-condition-line')!;
  expect(line.querySelector('.trp-resolved')?.textContent).toBe('PTSD resolved 2017-03-14 (no current episode); sertraline continued (maintenance)');
  expect(line.textContent).not.toContain('to confirm');
});

it('the copied note says the PTSD resolved and asks for no CAPS-5 or PCL-5 score', () => {
  const note = copyToNoteText(resolvedPtsd());
  expect(note).toContain('Posttraumatic stress disorder: PTSD resolved 2017-03-14 (no current episode); sertraline continued (maintenance).\n');
  expect(note).not.toContain('to decide, record');
  expect(note).not.toContain('To consider');
});
