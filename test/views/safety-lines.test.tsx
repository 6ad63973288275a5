/**
 * Every written safety line (plan preview, CarePlan narrative, description and notes, plan text, copied note, referral
 * letter) carries what the first screen's safety strip says of the item: its name and date, what the record shows and
 * what to do, from one source. A safety line with the name or the action cut off tells the next reader nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, within } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import type { Derivation, SafetyItem } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { SafetyStrip } from '../../src/views/timeline/SafetyStrip';
import { escapeMarkdown } from '../../src/fhir/writeback/escape';
import { demoDerivation, demoDraft, renderReferralLetter } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

afterEach(cleanup);

/** The strip's words for each item, without its "record" link. */
function stripLines(d: Derivation): string[] {
  const { container } = render(<SafetyStrip derivation={d} />);
  const lines = [...container.querySelectorAll('li')].map((li) => li.textContent ?? '');
  cleanup();
  return lines;
}

/** The narrative's paragraphs as a reader of the chart sees them (entities decoded). */
function narrativeParagraphs(div: string): string[] {
  const doc = new DOMParser().parseFromString(div, 'application/xhtml+xml');
  return [...doc.getElementsByTagName('p')].map((p) => p.textContent ?? '');
}

function letterItems(d: Derivation, id: string): string[] {
  const s = d.suggestions.find((x) => x.intervention === id)!;
  const { container } = renderReferralLetter(d, s, AS_OF);
  const safety = within(container).getByRole('heading', { name: 'Safety' }).nextElementSibling!;
  const items = [...safety.querySelectorAll('li')].map((li) => li.textContent ?? '');
  cleanup();
  return items;
}

const offered = (d: Derivation) => d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');

describe('pseudo-resistance: the substance-use line names the substance and what to do', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const item = d.safety.find((i) => i.kind === 'substance-use')!;

  it('the engine gives the active alcohol dependence an action: assess current use, treat both disorders together', () => {
    expect(item.detail).toBe('“Alcohol dependence, uncomplicated”; onset 5 years ago, still active.');
    expect(item.action).toBe(
      'Ask about current use; treat both disorders together (integrated treatment); before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it).',
    );
  });

  it('the plan preview says the strip’s line in full, not "Substance use (onset …)" alone', () => {
    const draft = demoDraft(d, offered(d).filter((s) => s.status === 'suggested').map((s) => s.intervention), AS_OF);
    expect(draft.preview.filter((l) => l.startsWith('Safety:'))).toEqual([`Safety: ${stripLines(d)[0]}`]);
    expect(draft.preview).toContain(
      'Safety: Substance use (onset 2021-06-14): “Alcohol dependence, uncomplicated”; onset 5 years ago, still active. Ask about current use; treat both disorders together (integrated treatment); before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it).',
    );
  });
});

describe('pregnant-trd: the PHQ-9 item 9 line says what followed the screen', () => {
  it('the preview carries the screen’s answer and the C-SSRS that followed it', () => {
    const d = demoDerivation('pregnant-trd', TODAY);
    const draft = demoDraft(d, ['ect'], AS_OF);
    expect(draft.preview).toContain(
      'Safety: PHQ-9 item 9 = 2, thoughts of death or self-harm (recorded 2026-11-30): “More than half the days” over the last 2 weeks (2 of 3): a positive screen. A risk assessment (C-SSRS) followed on 2026-12-03.',
    );
  });
});

describe('schizophrenia-trs: the diagnosis being assessed is not a safety item', () => {
  it('no "Psychotic features" item restates the paranoid schizophrenia; the past cannabis dependence stays', () => {
    const d = demoDerivation('schizophrenia-trs', TODAY);
    expect(d.safety.map((i: SafetyItem) => i.kind)).toEqual(['substance-use']);
  });
});

describe.each(demoPatients.map((p) => p.id))('%s: every written safety line is the strip’s line', (id) => {
  const d = demoDerivation(id, TODAY);
  const strip = stripLines(d);
  const chosen = offered(d).map((s) => s.intervention);

  it('in the copied note', () => {
    const note = copyToNoteText(d).split('\n');
    expect(note.filter((l) => strip.some((s) => l === `- ${s}`))).toHaveLength(strip.length);
  });

  it.runIf(chosen.length > 0)('in the preview, the plan text, and the CarePlan narrative, description and notes', () => {
    const draft = demoDraft(d, chosen, AS_OF);
    const lines = strip.map((s) => `Safety: ${s}`);
    expect(draft.preview.filter((l) => l.startsWith('Safety:'))).toEqual(lines);
    expect(draft.text.split('\n').filter((l) => l.startsWith('Safety:'))).toEqual(lines);
    expect(narrativeParagraphs(draft.carePlan.text!.div).filter((l) => l.startsWith('Safety:'))).toEqual(lines);
    expect(draft.carePlan.note!.map((n) => n.text).filter((t) => t.startsWith('Safety:'))).toEqual(lines.map(escapeMarkdown));
    for (const s of strip) expect(draft.carePlan.description).toContain(s);
  });

  it.runIf(chosen.length > 0)('first in every written referral (ServiceRequest) notes', () => {
    const draft = demoDraft(d, chosen, AS_OF);
    const lines = strip.map((s) => escapeMarkdown(`Safety: ${s}`));
    for (const sr of draft.serviceRequests) {
      const notes = sr.note!.map((n) => n.text);
      expect(notes.slice(0, lines.length)).toEqual(lines);
      expect(notes.filter((t) => t.startsWith('Safety:'))).toEqual(lines);
    }
  });

  const referral = offered(d).find((s) => ['tms', 'ect', 'esketamine'].includes(s.intervention));
  it.runIf(referral !== undefined)('in the referral letter', () => {
    expect(letterItems(d, referral!.intervention).slice(0, strip.length)).toEqual(strip);
  });
});
