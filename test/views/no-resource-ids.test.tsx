/**
 * No resource id ("MedicationRequest/abc-1") in what a clinician reads or hears, on every demo patient: the history
 * page (safety, summary, timeline items and their accessible names, data notes opened, tables, the not-used list, the
 * rules), every timeline item's details, the option cards, the copied note and the draft plan (preview, narrative,
 * text, notes). A record's address is shown only under its folded "Source record".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import { RULES } from '../../src/clinical/all-rules';
import { REFERENCE_RUN, plainText } from '../../src/clinical/plain-text';
import type { Derivation } from '../../src/clinical/types';
import { buildWriteBack, carePlanAsText } from '../../src/fhir/writeback/build';
import { SuggestionCard } from '../../src/views/review/SuggestionCard';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import {
  describeDiagnosis,
  describeEpisode,
  describeProcedure,
  describePsychotherapy,
  describeScore,
  trialDetails,
  type ItemDetails,
} from '../../src/views/timeline/details';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { DiagnosesTable, ProceduresTable, ScoresTable, TrialsTable, UnusedList } from '../../src/views/timeline/Tables';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

afterEach(cleanup);

/** Every resource id in a text. */
function ids(text: string): string[] {
  return text.match(new RegExp(REFERENCE_RUN.source, 'g')) ?? [];
}

/** What is read and heard: text and accessible names, without the folded source-record addresses. */
function readable(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const e of copy.querySelectorAll('[data-source-record]')) e.remove();
  const names = [...copy.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  return [copy.textContent ?? '', ...names].join('\n');
}

/** As the details panel shows them: title, lines and the notes in plain words (an accessible name besides). */
function detailsText(d: ItemDetails): string {
  return [d.title, ...d.lines, ...d.notes.map(plainText), d.ariaLabel ?? ''].join('\n');
}

function allDetails(d: Derivation): ItemDetails[] {
  return [
    ...d.trials.map(trialDetails),
    ...d.episodes.map(describeEpisode),
    ...d.diagnoses.map((x, i) => describeDiagnosis(x, i)),
    ...d.procedures.map(describeProcedure),
    ...(d.psychotherapy ?? []).map(describePsychotherapy),
    ...d.scores.map((s, i) => describeScore(s, i, false)),
  ];
}

describe('no resource id outside "Source record", on every demo patient', () => {
  for (const patient of demoPatients) {
    const d = demoDerivation(patient.id, TODAY);

    it(`${patient.id}: the history page, with every data note and detail opened, names no resource id`, () => {
      const { container } = render(
        <>
          <TreatmentResistancePage derivation={d} rules={RULES} />
          {/* The tables and the not-used list, drawn after the first paint in the app, drawn here at once. */}
          <TrialsTable derivation={d} onSelectSources={() => {}} />
          <ScoresTable derivation={d} onSelectSources={() => {}} />
          <DiagnosesTable derivation={d} onSelectSources={() => {}} />
          <ProceduresTable derivation={d} onSelectSources={() => {}} />
          <UnusedList derivation={d} onSelectSources={() => {}} />
        </>,
      );
      for (const button of screen.queryAllByRole('button', { name: /^(Details|show details.*)$/i })) fireEvent.click(button);
      expect(ids(readable(container))).toEqual([]);
    });

    it(`${patient.id}: the details of every timeline item name no resource id`, () => {
      expect(allDetails(d).flatMap((x) => ids(detailsText(x)))).toEqual([]);
    });

    it(`${patient.id}: the option cards name no resource id`, () => {
      const props = { ticked: false, tickable: true, overrideReason: '', disabled: false, onTick: () => {}, onOverrideReason: () => {} };
      const { container } = render(
        <ul>
          {d.suggestions.map((s) => (
            <SuggestionCard key={s.intervention} suggestion={s} {...props} />
          ))}
        </ul>,
      );
      expect(ids(readable(container))).toEqual([]);
    });

    it(`${patient.id}: the copied note and the draft plan's preview, narrative, text and notes name no resource id`, () => {
      const offered = d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');
      const draft = buildWriteBack({
        derivation: d,
        chosen: offered,
        overrideReasons: {},
        patientId: d.patient,
        userReference: 'Practitioner/dr-demo',
        app: { name: 'test' },
        date: d.asOf,
      });
      const narrative = (draft.carePlan.text?.div ?? '').replace(/<[^>]+>/g, ' ');
      const texts = [copyToNoteText(d), ...draft.preview, carePlanAsText(draft), narrative, draft.carePlan.description ?? '', ...(draft.carePlan.note ?? []).map((n) => n.text)];
      expect(texts.flatMap(ids)).toEqual([]);
    });
  }
});
