/**
 * Wording of everything a clinician reads, for every demo patient: the page (summary, timeline, tables, notes, rules),
 * the options and the draft plan's preview, the copy-to-note text and the plan's text. No doubled words
 * ("adequate: adequate:"), no "(s)" or "(es)" plurals, no sentence starting in lower case after a full stop, and no "1 … are".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { ReferralLetter } from '../../src/views/review/ReferralLetter';
import { buildDraft, describeOption, RECEIVING_SERVICE_OPTIONS } from '../../src/views/shell/analysis-services';
import { fakeServices, patient, session, withServices } from './shell/fakes';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

/** Abbreviations after which a lower-case word is not a new sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'cf', 'al', 'etc', 'approx']);

/** The wording slips found in a text, each with a little of its context. */
function wordingSlips(text: string): string[] {
  const slips: string[] = [];
  const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 40), index + 40));
  for (const m of text.matchAll(/\b([A-Za-z]+): \1:/gi)) slips.push(`doubled "${m[0]}" in ${around(m.index ?? 0)}`);
  for (const m of text.matchAll(/\b([A-Za-z]{3,}) \1\b/gi)) slips.push(`doubled word "${m[0]}" in ${around(m.index ?? 0)}`);
  for (const m of text.matchAll(/\w\((?:s|es)\)/g)) slips.push(`"${m[0]}" in ${around(m.index ?? 0)}`);
  for (const m of text.matchAll(/(\S+)\. ([a-z]\S*)/g)) {
    // A web address after a citation is not a sentence.
    if (/^(?:https?:|www\.)/.test(m[2]!)) continue;
    if (!ABBREVIATIONS.has(m[1]!.replace(/^\(/, '').toLowerCase())) slips.push(`lower case after a full stop in ${around(m.index ?? 0)}`);
  }
  for (const m of text.matchAll(/\b1 (?!of\b)(?:[A-Za-z-]+ ){1,4}are\b/g)) slips.push(`"1 … are" in ${around(m.index ?? 0)}`);
  return slips;
}

/** What a reader reads as one run of text: each block's own words (a nested list is read on its own). */
function blocksOf(container: HTMLElement): string[] {
  const selector = 'p, li, td, th, dd, dt, summary, h1, h2, h3, h4, h5, h6, label, button, legend, caption, pre, text, title, desc';
  const texts = [...container.querySelectorAll(selector)].map((element) => element.textContent ?? '');
  // What a screen reader reads instead of the words drawn.
  const labels = [...container.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label') ?? '');
  return [...texts, ...labels].map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const derivationOf = (id: string): Derivation => demoDerivation(id, TODAY);

afterEach(cleanup);

describe('the wording checks themselves', () => {
  it('find each kind of slip and pass clean sentences', () => {
    expect(wordingSlips('max 150 mg/day; adequate: adequate: 150 mg/day for 8 weeks')).toHaveLength(1);
    expect(wordingSlips('2 failed trial(s) in 2 class(es)')).toHaveLength(2);
    expect(wordingSlips('the 1 symptom score found are shown below')).toHaveLength(1);
    expect(wordingSlips('No response. the trial stopped')).toHaveLength(1);
    expect(wordingSlips('the the plan')).toHaveLength(1);
    expect(wordingSlips('Adequate: 150 mg/day for 8 weeks. The 1 score found is shown, e.g. the latest; 1 of 3 trials.')).toEqual([]);
    expect(wordingSlips('Am J Psychiatry. 2019;176(11):931-938. https://doi.org/10.1176/appi.ajp')).toEqual([]);
  });
});

describe('wording on every demo patient', () => {
  it.each(demoPatients.map((p) => [p.id]))('%s: the page, the options, the copy-to-note text and the plan read cleanly', (id) => {
    const derivation = derivationOf(id);
    const slips: string[] = [];

    const page = render(<TreatmentResistancePage derivation={derivation} rules={RULES} />);
    for (const block of blocksOf(page.container)) slips.push(...wordingSlips(block).map((s) => `page: ${s}`));
    cleanup();

    const services = { ...fakeServices({ derivation, describeOption, buildDraft }), receivingServices: RECEIVING_SERVICE_OPTIONS };
    const review = withServices(services, <ReviewPanel derivation={derivation} session={session({ patientId: id })} asOf={AS_OF} patient={patient} />);
    for (const block of blocksOf(review.container)) slips.push(...wordingSlips(block).map((s) => `options: ${s}`));
    cleanup();

    slips.push(...wordingSlips(copyToNoteText(derivation)).map((s) => `copy to note: ${s}`));

    const offered = derivation.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');
    if (offered.length > 0) {
      const draft = buildDraft({ derivation, chosen: offered, note: '', overrideReasons: {}, session: session({ patientId: id }), date: AS_OF });
      slips.push(...wordingSlips(draft.asText).map((s) => `plan text: ${s}`));
      slips.push(...wordingSlips(draft.previewText).map((s) => `plan preview: ${s}`));
      for (const option of offered.filter((s) => describeOption(s.intervention)?.referral)) {
        const letter = render(
          <ReferralLetter
            suggestion={option}
            choice={{ serviceId: describeOption(option.intervention)?.defaultServiceId ?? 'psychiatry-service', priority: option.urgent ? 'urgent' : 'routine', note: '' }}
            serviceName="Psychiatry service"
            derivation={derivation}
            patient={patient}
            patientId={id}
            date={AS_OF}
            selected
          />,
        );
        for (const block of blocksOf(letter.container)) slips.push(...wordingSlips(block).map((s) => `letter (${option.intervention}): ${s}`));
        cleanup();
      }
    }
    expect(slips).toEqual([]);
  }, 120_000);
});
