/**
 * pregnant-trd, esketamine ticked with a written override: the referral's priority picker starts at routine although
 * the record's suicidality signal makes the options that answer it (ECT) urgent; the engine's priorityNote says why, beside the
 * picker, until the clinician chooses another priority.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ReferralFields } from '../../../src/views/review/ReferralLetter';
import { buildWriteBack } from '../../../src/fhir/writeback/build';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

afterEach(cleanup);

describe('the priority note beside the referral priority picker', () => {
  const d = demoDerivation('pregnant-trd', TODAY);
  const esketamine = d.suggestions.find((s) => s.intervention === 'esketamine')!;
  const fields = (priority: 'routine' | 'urgent') =>
    render(<ReferralFields suggestion={esketamine} choice={{ serviceId: 's', priority }} services={[]} disabled={false} onChange={() => {}} onPrint={() => {}} />);

  it('esketamine (contraindicated, proposed by override) starts routine, and the picker is described by the engine\'s note', () => {
    expect(esketamine.status).toBe('contraindicated');
    expect(esketamine.referralPriority).toBe('routine');
    fields('routine');
    const picker = screen.getByLabelText('Priority');
    const note = document.getElementById(picker.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe(
      'Routine until the clinician chooses: the record rules this option out, so the suicidality signal does not make its referral urgent.',
    );
  });

  it('once the clinician chooses another priority the note is gone', () => {
    fields('urgent');
    expect(screen.getByLabelText('Priority').getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/Routine until the clinician chooses/)).toBeNull();
  });

  it('the preview and the plan say it too while the priority stays the default, routine', () => {
    const draft = (priority: 'routine' | 'urgent') =>
      buildWriteBack({
        derivation: d,
        chosen: [esketamine],
        overrideReasons: { esketamine: 'Declines ECT; obstetric team consulted' },
        referrals: { esketamine: { priority } },
        patientId: d.patient,
        userReference: 'Practitioner/dr-demo',
        app: { name: 'test' },
        date: '2026-12-05',
      });
    expect(draft('routine').preview).toContainEqual(expect.stringMatching(/^ {2}Priority: Routine until the clinician chooses: the record rules this option out/));
    expect(draft('urgent').preview.join('\n')).not.toContain('Routine until the clinician chooses');
  });
});
