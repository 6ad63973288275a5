/**
 * Hand-made records shaped like the public sandbox's patients (nothing copied from its bundles): the treatments no
 * treatment-resistance rule judges and the notes about the record as a whole are on the first screen and in the
 * summary note, and a deceased patient's header gives the age at death.
 */
import type { Resource } from 'fhir/r4';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { PatientBanner } from '../../src/views/shell/PatientBanner';
import { AS_OF, PID, loincObservation, patient, ref, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';

afterEach(cleanup);

function derive(resources: Resource[], extraPatient = {}): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(extraPatient), ...resources] }, { asOf: AS_OF });
}

/** A 16-year-old with ADHD on methylphenidate ordered for it, still active. */
function adhdOnMethylphenidate(): Derivation {
  const adhd = snomedCondition('192127007', 'Child attention deficit disorder', '2018-09-06');
  const mph = rxOrder('1091392', 'Methylphenidate Hydrochloride 20 MG Oral Tablet', '2018-09-06', 'active', { reason: ref(adhd) });
  return derive([adhd, mph], { birthDate: '2010-09-07' });
}

/** A man who died in 2012, with fluoxetine recorded from 1955, decades before its approval. */
function fluoxetineBeforeApproval(): Derivation {
  const mdd = snomedCondition('370143000', 'Major depression disorder', '1955-11-22');
  const order = rxOrder('406022', 'Fluoxetine 25MG', '1955-11-22', 'stopped');
  return derive([mdd, order], { birthDate: '1936-10-06', deceasedDateTime: '2012-07-31T10:00:00+00:00' });
}

/** A 77-year-old with epilepsy on diazepam, Alzheimer's disease treated with galantamine then donepezil, MMSE falling. */
function epilepsyAndDementia(): Derivation {
  const epilepsy = snomedCondition('84757009', 'Epilepsy', '1959-11-28');
  const alzheimer = snomedCondition('26929004', "Alzheimer's disease (disorder)", '2020-03-25');
  return derive(
    [
      epilepsy,
      alzheimer,
      rxOrder('197591', 'Diazepam 5 MG Oral Tablet', '1959-11-28', 'active', { units: null }),
      rxOrder('310436', 'Galantamine 4 MG Oral Tablet', '2020-03-25', 'stopped', { units: null, reason: ref(alzheimer) }),
      rxOrder('997223', 'Donepezil hydrochloride 10 MG Oral Tablet', '2021-02-18', 'active', { units: null, reason: ref(alzheimer) }),
      loincObservation('72106-8', 'Total score [MMSE]', '2020-03-25', 23.84),
      loincObservation('72106-8', 'Total score [MMSE]', '2021-02-18', 15.9),
    ],
    { birthDate: '1949-11-29' },
  );
}

function renderPage(d: Derivation) {
  render(<TreatmentResistancePage derivation={d} rules={RULES} />);
}

const items = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((li) => li.textContent);

describe('ADHD on methylphenidate: the stimulant is running', () => {
  it('the current-regimen line names methylphenidate, its dose, what it treats and since when, not "no psychiatric medication"', () => {
    renderPage(adhdOnMethylphenidate());
    expect(screen.getByTestId('current-regimen').textContent).toBe(
      'Current regimenmethylphenidate 20 mg/day (treatment of ADHD), since 2018-09-06 (not assessed for treatment resistance)',
    );
  });

  it('the first screen names methylphenidate once, on the regimen line: no second line lists it', () => {
    const page = render(<TreatmentResistancePage derivation={adhdOnMethylphenidate()} rules={RULES} />);
    expect(screen.queryByTestId('other-treatments')).toBeNull();
    expect(page.container.querySelector('.trp-summary')!.textContent.split('methylphenidate').length - 1).toBe(1);
  });

  it('the box under the history line says there is nothing to assess, not that nothing was found', () => {
    renderPage(adhdOnMethylphenidate());
    expect(screen.getByText('No trials or symptom scores to assess for treatment resistance').tagName).toBe('STRONG');
    expect(screen.queryByText('No psychiatric medication trials, diagnoses or scores were found')).toBeNull();
  });

  it('the summary note keeps the history line and lists the stimulant', () => {
    const text = copyToNoteText(adhdOnMethylphenidate());
    expect(text).toContain(
      'No assessed psychiatric condition was found in the coded record.\n\nPsychiatric history without a diagnosis the app assesses for treatment resistance: Child attention deficit disorder. Nothing to stage.',
    );
    expect(text).toContain('Other treatments (not assessed for treatment resistance):\n- methylphenidate 20 mg/day (treatment of ADHD), since 2018-09-06');
  });
});

describe('fluoxetine recorded before its approval, in a patient who died', () => {
  const NOTE = 'fluoxetine recorded from 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error; check the date.';

  it('the data-error note is in the Data notes block, in plain words', async () => {
    renderPage(fluoxetineBeforeApproval());
    const notes = await screen.findByRole('note', { name: 'Data notes' }, { timeout: 10_000 });
    expect(items(notes, '.trp-note-counts > li')[0]).toBe(`F${NOTE.slice(1)}`);
  });

  it('the summary note carries it under "Data notes"', () => {
    expect(copyToNoteText(fluoxetineBeforeApproval())).toContain(`Data notes:\n- ${NOTE}`);
  });

  it('the header gives the date of death and the age at death', () => {
    render(
      <PatientBanner
        patient={{ resourceType: 'Patient', id: PID, birthDate: '1936-10-06', deceasedDateTime: '2012-07-31T10:00:00+00:00' }}
        patientId={PID}
        asOf={AS_OF}
      />,
    );
    expect(screen.getByLabelText('Patient').querySelectorAll('.patient-banner__item')[0]!.textContent).toBe('Born 1936-10-06, died 2012-07-31, aged 75');
  });
});

describe('epilepsy on diazepam, dementia drugs and an MMSE series', () => {
  it('the regimen line names diazepam and donepezil, which run; the earlier other treatments line galantamine, which ended', () => {
    renderPage(epilepsyAndDementia());
    expect(items(screen.getByTestId('current-regimen'), 'li')).toEqual([
      'diazepam (benzodiazepine for epilepsy: no mood or anxiety disorder is recorded), since 1959-11-28 (not assessed for treatment resistance)',
      'donepezil (treatment of dementia), since 2021-02-18 (not assessed for treatment resistance)',
    ]);
    const row = screen.getByTestId('other-treatments');
    expect(row.querySelector('.trp-glance-label')!.textContent).toBe('Earlier other treatments (not assessed for treatment resistance)');
    expect(items(row, 'li')).toEqual(['galantamine (treatment of dementia), 2020-03-25 to 2020-04-23']);
  });

  it('the MMSE series is in the Data notes block', async () => {
    renderPage(epilepsyAndDementia());
    const notes = await screen.findByRole('note', { name: 'Data notes' }, { timeout: 10_000 });
    expect(items(notes, '.trp-note-counts > li')).toContain(
      'MMSE 23.8 (2020-03-25) → 15.9 (2021-02-18): cognitive scores (0-30, lower is worse), not a symptom scale; not used for treatment outcomes.',
    );
  });

  it('the summary note keeps the dementia history line and lists the other treatments and the MMSE note', () => {
    const text = copyToNoteText(epilepsyAndDementia());
    expect(text).toContain("Psychiatric history without a diagnosis the app assesses for treatment resistance: Alzheimer's disease (disorder). Nothing to stage.");
    expect(text).toContain(
      [
        'Other treatments (not assessed for treatment resistance):',
        '- diazepam (benzodiazepine for epilepsy: no mood or anxiety disorder is recorded), since 1959-11-28',
        '- galantamine (treatment of dementia), 2020-03-25 to 2020-04-23',
        '- donepezil (treatment of dementia), since 2021-02-18',
        '',
        'Data notes:',
        '- MMSE 23.8 (2020-03-25) → 15.9 (2021-02-18): cognitive scores (0-30, lower is worse), not a symptom scale; not used for treatment outcomes.',
      ].join('\n'),
    );
  });
});
