/**
 * Demo case "ptsd": prazosin, which no adequacy rule covers (not a core treatment of PTSD), carries the verdict kind 'not-judged' (set by the adequacy
 * step, carried by the Trial) and reads "adequacy not judged" wherever it is drawn: the timeline item and its bar
 * words, the trials table, the copied note and the regimen line; never "not an adequate trial" or "inadequate".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { adequacyVerdictOf } from '../../src/clinical/vocabulary';
import { regimenVerdict } from '../../src/clinical/regimen-verdict';
import { trialDetails } from '../../src/views/timeline/details';
import { trialLabel } from '../../src/views/timeline/layout/lanes';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const d = demoDerivation('ptsd', TODAY);
const prazosin = d.trials.find((t) => t.ingredient === 'prazosin')!;

afterEach(cleanup);

describe('ptsd: prazosin, judged by no adequacy rule', () => {
  it('carries the verdict kind not-judged, with a reason that does not repeat the verdict', () => {
    expect(prazosin.adequate).toBe(false);
    expect(prazosin.adequacyNotJudged).toBe(true);
    expect(adequacyVerdictOf(prazosin)).toBe('not-judged');
    expect(prazosin.adequacyReason).toBe('prazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance');
  });

  it('the timeline item says "Adequacy not judged" and its label "adequacy not judged"', () => {
    const item = trialDetails(prazosin);
    expect(item.lines).toContain('Adequacy not judged: prazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance');
    expect(item.ariaLabel).toContain('adequacy not judged');
    expect(item.ariaLabel).not.toContain('not an adequate trial');
    expect(trialLabel(prazosin)).toBe('ongoing, adequacy not judged');
  });

  it('the regimen line, the copied note and the page (the trials table) say adequacy not judged, never not adequate', () => {
    expect(regimenVerdict(prazosin)).toEqual({ standing: 'adequacy-not-judged', text: 'adequacy not judged: prazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance' });
    const note = copyToNoteText(d);
    expect(note).toContain('adequacy not judged: prazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance');
    expect(note).not.toMatch(/NOT adequate: (adequacy not judged: )?no adequacy rule/);
    const page = pageText(d);
    expect(page).not.toMatch(/not an adequate trial: adequacy not judged|Not adequate\s*(adequacy not judged: )?no adequacy rule|inadequate: prazosin/i);
    // No internal class name ("other-psychotropic") in what a clinician reads.
    expect(page).not.toContain('other-psychotropic');
    expect(note).not.toContain('other-psychotropic');
    // The trials table: the verdict cell, then the reason beneath it.
    expect(page).toContain('Adequacy not judgedprazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance');
  });
});
