/**
 * deceased: the overdose coded T43.212A (sixth character 2: intentional self-harm) is headed by that intent, and
 * nothing about the patient is current or ongoing after death: the episode open at death ends at the date of death
 * in the engine, and the page, the details and the copied note say "until death on <date>".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RULES } from '../../src/clinical/all-rules';
import { classifyCondition } from '../../src/clinical/terminology';
import { diagnosisLabel } from '../../src/clinical/vocabulary';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { describeDiagnosis, describeEpisode } from '../../src/views/timeline/details';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

afterEach(cleanup);

describe('an overdose is headed by the intent its code states', () => {
  it('T43.212A is intentional self-harm, T43.214A undetermined; SNOMED CT 55680006 states no intent', () => {
    expect(classifyCondition({ coding: [{ system: ICD, code: 'T43.212A' }] })?.intent).toBe('intentional-self-harm');
    expect(classifyCondition({ coding: [{ system: ICD, code: 'T43.214A' }] })?.intent).toBe('undetermined');
    expect(classifyCondition({ coding: [{ system: ICD, code: 'T40.1X1A' }] })?.intent).toBe('accidental');
    const snomed = classifyCondition({ coding: [{ system: 'http://snomed.info/sct', code: '55680006' }] });
    expect(snomed?.kind).toBe('overdose');
    expect(snomed?.intent).toBeUndefined();
    expect(diagnosisLabel({ kind: 'overdose' })).toBe('Overdose (intent not recorded)');
    expect(diagnosisLabel({ kind: 'overdose', intent: 'undetermined' })).toBe('Overdose of undetermined intent');
  });

  it('the deceased patient\'s safety item says "Intentional self-harm: overdose", never "intentional or undetermined"', () => {
    const d = demoDerivation('deceased', TODAY);
    const item = d.safety.find((i) => i.kind === 'overdose')!;
    expect(item.title).toBe('Intentional self-harm: overdose');
    const note = copyToNoteText(d);
    expect(note).toMatch(/^- Intentional self-harm: overdose \(recorded \d{4}-\d\d-\d\d\): “Poisoning by selective serotonin and norepinephrine reuptake inhibitors, intentional self-harm/m);
    expect(note).not.toMatch(/intentional or undetermined/);
  });
});

describe('nothing about a patient who has died is current or ongoing', () => {
  const d = demoDerivation('deceased', TODAY);
  const death = d.demographics.deceasedDate!;

  it('the engine ends the open MDD episode at the date of death', () => {
    expect(d.episodes).toHaveLength(1);
    const [e] = d.episodes;
    expect(e!.current).toBe(false);
    expect(e!.endedAtDeath).toBe(true);
    expect(e!.end).toBe(death);
    expect(e!.basis).toMatch(new RegExp(`until death on ${death}$`));
    const a = d.assessments.find((x) => x.condition === 'mdd')!;
    expect(a.currentEpisode).toBeNull();
    expect(a.conclusion).toMatch(new RegExp(`^Meets treatment-resistant depression: 2 failed adequate trials in the last episode \\(until death on ${death}\\)`));
    expect(a.maudsley!.items.find((i) => i.item === 'duration')!.explanation).toMatch(new RegExp(`^episode \\d+ months until death on ${death}: chronic`));
  });

  it('the page, the episode details and the note say "until death", never "current episode" nor "ongoing"', async () => {
    const page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    // The whole page: the legend and the tables are drawn right after the first screen.
    await page.findByText('Table view', { selector: 'h2' }, { timeout: 10_000 });
    expect(page.getByText('Legend', { selector: 'h3' })).toBeInTheDocument();
    const text = page.container.textContent ?? '';
    const labels = [...page.container.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '').join('\n');
    // The rules panel quotes the definitions ("in the current episode") as written: read the page without it.
    const rulesPanel = page.container.querySelector('.trp-rules')?.textContent ?? '';
    const shown = text.replace(rulesPanel, '');
    expect(shown).toContain(`Episode until death on ${death}:`);
    expect(shown).toContain('Episode at death');
    expect(shown).not.toMatch(/Current (Major depressive disorder )?episode/);
    expect(shown).not.toMatch(/ongoing today|no abatement show episode/);
    expect(labels).not.toMatch(/Current Major depressive disorder episode|now \(ongoing\)/);
    const details = describeEpisode(d.episodes[0]!);
    expect(details.title).toBe(`Episode until death on ${death}: Major depressive disorder`);
    expect(details.lines[0]).toMatch(new RegExp(`to death on ${death}$`));
    const note = copyToNoteText(d);
    expect(note).toContain(`2 failed adequate trials in the episode until death on ${death}: sertraline, venlafaxine`);
    expect(note).not.toMatch(/in the current episode:|current episode \d+ months/);
  });

  it('an active diagnosis status is the record\'s at death in the details', () => {
    const i = d.diagnoses.findIndex((x) => x.kind === 'mdd');
    expect(describeDiagnosis(d.diagnoses[i]!, i, death).lines).toContain(`Clinical status: active in the record at death on ${death}`);
  });

  it('the diagnosis details name the code system (ICD-10-CM), not its URL', () => {
    const i = d.diagnoses.findIndex((x) => x.kind === 'overdose');
    const details = describeDiagnosis(d.diagnoses[i]!, i);
    expect(details.lines[0]).toBe('Recognised as: Intentional self-harm: overdose (ICD-10-CM T43.212A)');
    expect(details.lines.join('\n')).not.toContain('http://');
  });
});
