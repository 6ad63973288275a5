/**
 * Demo case "ptsd" with sertraline's stop reason left out: the verdict rests on 2 failed trials, sertraline's failure
 * then inferred from the switch to paroxetine (the demo's own reason, "Minimal change in PTSD symptoms", records it).
 * The assessment's verdict and conclusion say so (lower confidence), and the page, the copied note and the draft
 * CarePlan draw those words as the engine gives them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import { demoDerivation, demoDraft, pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);
const resources = (demoPatients.find((p) => p.id === 'ptsd')!.build(TODAY).entry ?? [])
  .flatMap((e) => (e.resource ? [e.resource] : []))
  .map((r): Resource => (r.resourceType === 'MedicationRequest' && /sertraline/.test(r.id ?? '') ? ({ ...r, statusReason: undefined } as Resource) : r));
const d = derivePatient({ patientId: 'ptsd', resources }, { asOf: AS_OF });
const ptsd = d.assessments.find((a) => a.condition === 'ptsd')!;

afterEach(cleanup);

describe('ptsd: a verdict resting partly on a failure inferred from a switch', () => {
  it('the verdict says how many of its failed trials were inferred from a switch, at lower confidence', () => {
    expect(ptsd.verdict).toBe(
      'Treatment-resistance criteria met (2 failed trials, 1 of them inferred from a switch, lower confidence): treatment-resistant PTSD by a local working rule (unverified)',
    );
  });

  it('the conclusion names the inferred failure after the failed trials', () => {
    expect(ptsd.conclusion).toMatch(
      /^Meets treatment-resistant PTSD by a local working rule \(unverified\): 2 failed adequate trials in the current episode \(sertraline [^)]*; paroxetine [^)]*\), 1 of them inferred from a switch \(sertraline\), lower confidence\. /,
    );
  });

  it('the page and the copied note draw the verdict with those words', () => {
    // Matched as a boolean: a failure would otherwise print the whole page.
    expect(pageText(d).includes('Treatment-resistance criteria met (2 failed trials, 1 of them inferred from a switch, lower confidence)')).toBe(true);
    expect(copyToNoteText(d)).toContain('Posttraumatic stress disorder: Treatment-resistance criteria met (2 failed trials, 1 of them inferred from a switch, lower confidence)');
  });

  it('the assessment carries the inferred basis, with the records of the trial it names', () => {
    expect(ptsd.inferredBasis?.text).toBe('1 of the 2 failed trials behind this (sertraline) is a non-response inferred from a switch, not measured: lower confidence.');
    expect(ptsd.inferredBasis?.sources).toEqual(d.trials.find((t) => t.ingredient === 'sertraline')!.sources.filter((s) => s.startsWith('Medication')));
  });
});

// The same path on statement-only, whose two failures are both inferred: the options resting on the verdict carry the
// inferred basis on their card, in the plan preview and in the draft CarePlan.
describe('statement-only: options resting on failures that are all inferred from a switch', () => {
  const s = demoDerivation('statement-only', TODAY);
  const mdd = s.assessments.find((a) => a.condition === 'mdd')!;
  const basis = 'Both failed trials behind this (citalopram, bupropion) are non-responses inferred from a switch, not measured: lower confidence.';

  it('the verdict says both failures are inferred', () => {
    expect(mdd.verdict).toBe(
      'Treatment-resistance criteria met (2 failed trials, both inferred from a switch, lower confidence): treatment-resistant depression (Gaynes 2020)',
    );
  });

  it('TMS carries the inferred basis as a reason, and the preview and the CarePlan say it', () => {
    const tms = s.suggestions.find((x) => x.intervention === 'tms')!;
    expect(tms.reasons.map((r) => r.text)).toContain(basis);
    const draft = demoDraft(s, ['tms'], AS_OF);
    expect(draft.preview).toContain(`  Reason: ${basis}`);
    expect(carePlanAsText(draft)).toContain(basis);
  });
});
