/**
 * A past (resolved) substance use disorder: on the safety strip as past, with its dates and status, and as a caution
 * on esketamine and IV ketamine (Spravato label: boxed warning; warnings 5.3 abuse and misuse: assess each patient's
 * risk before prescribing; 9.2: a history of drug abuse or dependence raises it), leading the note and the CarePlan.
 */
import { describe, expect, it } from 'vitest';
import { deriveSafety } from '../../../src/clinical/safety';
import { carePlanAsText } from '../../../src/fhir/writeback/build';
import { diagnosis, mdd as mddRecord, record } from '../suggestions/builder';
import { condition, derive, mdd, patient, phq9, request } from '../engine/builders';
import { chosen, draft } from '../../fhir/writeback/fixture';
import { copyToNoteText } from '../../../src/views/timeline/copyText';

const resolvedAlcohol = () =>
  diagnosis('substance-use', { display: 'Alcohol dependence, uncomplicated', code: 'F10.20', onset: '2012-03-01', abatement: '2016-06-01', clinicalStatus: 'resolved', source: 'Condition/aud' });

describe('a resolved substance use disorder on the safety strip', () => {
  it('is shown as past, with its dates, its status and how long ago it ended, and asks about esketamine and ketamine', () => {
    const items = deriveSafety(record({ diagnoses: [resolvedAlcohol()] }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'substance-use',
      title: 'Past substance use disorder',
      detail: 'Alcohol dependence, uncomplicated: resolved on 2016-06-01 (10 years ago).',
      date: '2012-03-01',
      sources: ['Condition/aud'],
      action: 'Ask about current use; before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it).',
    });
    expect(items[0]!.references).toContain('spravatoLabel');
  });

  it('beside an active disorder, the past one is named after it as past', () => {
    const active = diagnosis('substance-use', { display: 'Opioid dependence', code: 'F11.20', onset: '2024-02-01', source: 'Condition/oud' });
    const [item] = deriveSafety(record({ diagnoses: [resolvedAlcohol(), active] }));
    expect(item!.title).toBe('Substance use');
    expect(item!.detail).toMatch(/^“Opioid dependence”; onset .*, still active; past: Alcohol dependence, uncomplicated, 2012-03-01 to 2016-06-01, resolved\.$/);
    expect(item!.sources).toEqual(['Condition/oud', 'Condition/aud']);
  });

  it('two past disorders: the latest with how it ended, the earlier with its dates', () => {
    const cannabis = diagnosis('substance-use', { display: 'Cannabis dependence', code: 'F12.20', onset: '2019-05-01', abatement: null, clinicalStatus: 'inactive', source: 'Condition/cud' });
    const [item] = deriveSafety(record({ diagnoses: [resolvedAlcohol(), cannabis] }));
    expect(item).toMatchObject({
      title: 'Past substance use disorder',
      date: '2019-05-01',
      detail: 'Cannabis dependence: inactive, end date not recorded; earlier: Alcohol dependence, uncomplicated, 2012-03-01 to 2016-06-01, resolved.',
      sources: ['Condition/aud', 'Condition/cud'],
    });
  });

  it('a disorder with an onset after asOf is not shown', () => {
    const future = diagnosis('substance-use', { display: 'Alcohol dependence', code: 'F10.20', onset: '2027-01-01', abatement: '2027-02-01', clinicalStatus: 'resolved' });
    expect(deriveSafety(record({ diagnoses: [future] }))).toEqual([]);
  });
});

describe('a resolved substance use disorder on the esketamine and IV ketamine cards (Spravato label 5.3, 9.2)', () => {
  // TRD: two failed adequate trials in the current episode, and alcohol dependence resolved years before.
  const trd = () =>
    derive(
      [
        patient(),
        mdd('2024-06-01'),
        condition('F10.20', 'Alcohol dependence, uncomplicated', '2012-03-01', '2016-06-01'),
        request('sertraline', 150, '2024-07-01', 90),
        phq9('2024-06-25', 20),
        phq9('2024-09-20', 18),
        request('venlafaxine', 225, '2024-10-15', 90),
        phq9('2025-01-08', 19),
      ],
      '2025-01-20',
    );

  it('esketamine stays on offer with the past disorder as a caution citing the label’s abuse-and-misuse sections', () => {
    const esketamine = trd().suggestions.find((s) => s.intervention === 'esketamine')!;
    expect(esketamine.status).toBe('suggested');
    const caution = esketamine.cautions.find((c) => c.text.startsWith('Past: '))!;
    expect(caution.text).toBe(
      'Past: Alcohol dependence, uncomplicated, 2012-03-01 to 2016-06-01, resolved: a history of substance use disorder, current or past, raises the risk of abuse and misuse of esketamine: assess that risk before prescribing and monitor for drug-seeking (Spravato label: boxed warning; warnings: abuse and misuse (5.3); drug abuse and dependence: abuse (9.2) [secondary source])',
    );
  });

  it('IV ketamine carries the same caution, by analogy with the esketamine label', () => {
    const ketamine = trd().suggestions.find((s) => s.intervention === 'iv-ketamine')!;
    const caution = ketamine.cautions.find((c) => c.text.startsWith('Past: '))!;
    expect(caution.text).toMatch(/^Past: Alcohol dependence, uncomplicated, 2012-03-01 to 2016-06-01, resolved: .*abuse and misuse of ketamine.*\(by analogy with the esketamine label\)/);
  });

  it('the strip of the derived record shows it, and it leads the copied summary, the plan’s note text and the CarePlan notes', () => {
    const derivation = trd();
    // PHQ-9 totals without their item 9: the missing suicidality screen leads, as suicidality leads every strip.
    expect(derivation.safety.map((i) => i.title)).toEqual(['No recent suicidality screen', 'Past substance use disorder']);
    const written = draft({ derivation: { ...mddRecord(2), safety: derivation.safety }, chosen: chosen(['ect']) });
    const line = 'Safety: Past substance use disorder (onset 2012-03-01): Alcohol dependence, uncomplicated: resolved on 2016-06-01 (8 years ago). Ask about current use; before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it).';
    expect(carePlanAsText(written).split('\n').slice(2, 4)).toEqual([expect.stringMatching(/^Safety: No recent suicidality screen \(last PHQ-9 2025-01-08\): /), line]);
    expect(copyToNoteText(derivation).split('\n').slice(0, 3)).toEqual([
      'Safety as of 2025-01-20:',
      expect.stringMatching(/^- No recent suicidality screen \(last PHQ-9 2025-01-08\): The last PHQ-9 \(19\) is 12 days old; its item 9/),
      expect.stringMatching(/^- Past substance use disorder \(onset 2012-03-01\): Alcohol dependence, uncomplicated: resolved on 2016-06-01 \(8 years ago\)\./),
    ]);
    expect(written.carePlan.note?.[0]?.text).toMatch(/^Safety: No recent suicidality screen \(last PHQ-9 2025-01-08\): /);
    expect(written.carePlan.note?.[1]?.text).toMatch(/^Safety: Past substance use disorder \(onset 2012-03-01\): Alcohol dependence, uncomplicated: resolved on 2016-06-01/);
  });
});
