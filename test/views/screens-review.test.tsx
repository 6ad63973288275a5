/**
 * What a psychiatrist reviewing the running app found on its screens and in its copied note and draft plan, checked on
 * the demo patients where it was found: an override stated truthfully in the safety line, the referral priority
 * following the record's suicide risk, contraindications leading a blocked card, the note carrying the urgent next step
 * and each trial's figures once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import type { Derivation, InterventionId } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { SuggestionCard } from '../../src/views/review/SuggestionCard';
import { RULES } from '../../src/clinical/all-rules';
import { REFERENCE_RUN } from '../../src/clinical/plain-text';
import { safetyItemHeading } from '../../src/clinical/safety';
import { SafetyStrip } from '../../src/views/timeline/SafetyStrip';
import { Summary } from '../../src/views/timeline/Summary';
import { DiagnosesTable, TrialsTable, UnusedList } from '../../src/views/timeline/Tables';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

const derivationOf = (id: string): Derivation => demoDerivation(id, TODAY);

const derivations = new Map<string, Derivation>();
const derivation = (id: string) => {
  if (!derivations.has(id)) derivations.set(id, derivationOf(id));
  return derivations.get(id)!;
};

function draftOf(d: Derivation, ids: InterventionId[], overrideReasons: Partial<Record<InterventionId, string>> = {}) {
  return demoDraft(d, ids, AS_OF, overrideReasons);
}

afterEach(cleanup);

const REASON = 'Patient declines ECT; obstetric team agrees after discussion.';

describe('pregnant-trd: an override of a contraindicated option is stated truthfully', () => {
  const d = derivation('pregnant-trd');
  const draft = draftOf(d, ['esketamine'], { esketamine: REASON });
  const everything = [draft.preview.join('\n'), carePlanAsText(draft), draft.carePlan.text?.div ?? '', ...(draft.carePlan.note ?? []).map((n) => n.text)];

  it('no safety line says esketamine is not offered while the plan proposes it', () => {
    for (const text of everything.filter((t) => t.includes('Pregnant'))) {
      expect(text).not.toMatch(/Esketamine, IV ketamine and psilocybin trials are not offered/);
      expect(text).toMatch(/IV ketamine and psilocybin trials are not offered/);
    }
  });

  it('the pregnancy line names esketamine as contraindicated in pregnancy and proposed as an override (the reason goes with the option)', () => {
    const line = draft.preview.find((l) => l.startsWith('Safety: Pregnant'))!;
    const words = 'esketamine: contraindicated in pregnancy, proposed by the clinician as an override (reason given with the option)';
    expect(line).toContain(words);
    expect(carePlanAsText(draft)).toContain(words);
  });

  it('the option line gives the override with its reason, then the contraindication it overrides, before the reasons it fits', () => {
    const option = draft.preview.join('\n');
    expect(option).toMatch(/ {2}Proposed against the pregnancy contraindication, reason given by the clinician: “Patient declines ECT.*”\n {2}Contraindication overridden: Pregnancy: esketamine is not recommended in pregnancy/);
    const text = carePlanAsText(draft).split('\n');
    const proposed = text.findIndex((l) => /^\s+Proposed against the pregnancy contraindication/.test(l));
    const overridden = text.findIndex((l) => /^\s+Contraindication overridden: Pregnancy/.test(l));
    const reason = text.findIndex((l) => /^\s+Reason: /.test(l));
    expect(proposed).toBeGreaterThan(0);
    expect(overridden).toBe(proposed + 1);
    expect(reason).toBeGreaterThan(overridden);
  });

  it('without an override the safety line is the engine’s own', () => {
    const plain = draftOf(d, ['ect']);
    expect(plain.preview.join('\n')).toContain('Esketamine, IV ketamine and psilocybin trials are not offered');
  });
});

describe('pregnant-trd: referral priority follows the record’s suicide risk', () => {
  const d = derivation('pregnant-trd');

  it('with a recent C-SSRS 4 only the option whose rule names the urgency (ECT) starts urgent; rTMS and an overridden contraindicated one start routine', () => {
    const tms = d.suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.urgent).toBe(false);
    expect(tms.referralPriority).toBe('routine');
    expect(draftOf(d, ['tms']).serviceRequests[0]!.priority).toBe('routine');
    expect(draftOf(d, ['ect']).serviceRequests[0]!.priority).toBe('urgent');
    expect(draftOf(d, ['esketamine'], { esketamine: REASON }).serviceRequests[0]!.priority).toBe('routine');
  });

  it('trd-two-failures (no suicidality recorded): referrals start routine', () => {
    const tms = derivation('trd-two-failures').suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.referralPriority).toBe('routine');
  });
});

describe('a blocked card leads with its contraindications', () => {
  it('pregnant-trd esketamine: "Contraindications" comes before "Why"; an offered card keeps "Why" first', () => {
    const d = derivation('pregnant-trd');
    const esketamine = d.suggestions.find((s) => s.intervention === 'esketamine')!;
    const props = { ticked: false, tickable: false, overrideReason: '', disabled: false, onTick: () => {}, onOverrideReason: () => {} };
    const { container } = render(
      <ul>
        <SuggestionCard suggestion={esketamine} {...props} />
      </ul>,
    );
    const titles = [...container.querySelectorAll('.finding-list__title')].map((e) => e.textContent);
    expect(titles.slice(0, 2)).toEqual(['Contraindications', 'Why']);
    cleanup();
    const ect = d.suggestions.find((s) => s.intervention === 'ect')!;
    const offered = render(
      <ul>
        <SuggestionCard suggestion={ect} {...props} />
      </ul>,
    );
    expect([...offered.container.querySelectorAll('.finding-list__title')].map((e) => e.textContent)[0]).toBe('Why');
    expect(within(offered.container).queryByText('Contraindications')).toBeNull();
    expect(screen.getByText('Electroconvulsive therapy (ECT)')).toBeInstanceOf(HTMLLabelElement);
  });
});

describe('the copied note', () => {
  it('pregnant-trd: carries the urgent ECT next step with why it is urgent, right after the safety items', () => {
    const note = copyToNoteText(derivation('pregnant-trd'));
    expect(note).toMatch(/- URGENT: Electroconvulsive therapy \(ECT\) \(suggested\): refer to the ECT service \(urgent priority\); urgent because: C-SSRS 4 on /);
    expect(note.indexOf('Next steps')).toBeGreaterThan(note.indexOf('Safety as of'));
    expect(note.indexOf('Next steps')).toBeLessThan(note.indexOf('Major depressive disorder:'));
  });

  it.each(['pregnant-trd', 'trd-multi-failures', 'ehr-export-mdd', 'ocd'])('%s: each trial’s dose figures appear once', (id) => {
    const d = derivation(id);
    const note = copyToNoteText(d);
    for (const t of d.trials) {
      const figure = `${t.ingredient} ${t.durationText}`;
      // The trial's own lines ("- sertraline [...]", "  dose …", "  outcome …") carry its figures; a flag names a shortfall, a
      // next step's caution a medication taken now that the option must plan around, not the course, and the trial in
      // progress beside the count says what it is so far.
      const doses = note
        .split('\n')
        .filter((l) => l.includes(t.ingredient) && /mg\/day/.test(l) && !/^(- | {2}dose | {2}outcome: | {2}Flag: | {2}Trial in progress, not counted: | {4}(Caution|Note|High risk): )/.test(l));
      expect(doses, figure).toEqual([]);
    }
  });

  it('deceased: no next step is proposed', () => {
    const note = copyToNoteText(derivation('deceased'));
    expect(note).not.toMatch(/Next step/);
  });
});

const ALL = demoPatients.map((p) => p.id);

/** Every string of a value, depth first. */
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

describe('one way to write "at least" and "at most"', () => {
  it('no rule summary or source shown in the rules panel writes ">=" or "<="', () => {
    const ascii = RULES.flatMap((r) => [r.summary, r.source]).filter((t) => /[<>]=/.test(t));
    expect(ascii).toEqual([]);
  });

  it.each(ALL)('%s: no text of the derivation, the copied note or the plan writes ">=" or "<="', (id) => {
    const d = derivation(id);
    const offered = d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').map((s) => s.intervention);
    const texts = [...strings(d), copyToNoteText(d), ...(offered.length ? [carePlanAsText(draftOf(d, offered))] : [])];
    expect(texts.filter((t) => /[<>]=/.test(t))).toEqual([]);
  });
});

describe('every safety date says what it is', () => {
  it.each(ALL)('%s: each dated safety item carries a label for its date', (id) => {
    const unlabelled = derivation(id).safety.filter((i) => i.date !== null && !i.dateLabel).map((i) => i.title);
    expect(unlabelled).toEqual([]);
  });

  it('pregnant-trd: the strip reads "onset", "recorded" and "onset recorded" before the dates', () => {
    render(<SafetyStrip derivation={derivation('pregnant-trd')} />);
    const strip = screen.getByTestId('safety-strip').textContent ?? '';
    expect(strip).toMatch(/Recent suicidal ideation \(onset \d{4}-\d\d-\d\d\)/);
    expect(strip).toMatch(/PHQ-9 item 9 = 2, thoughts of death or self-harm \(recorded \d{4}-\d\d-\d\d\)/);
    expect(strip).toMatch(/C-SSRS 4, high risk \(recorded \d{4}-\d\d-\d\d\)/);
    expect(strip).toMatch(/Pregnant, 16 weeks' gestation \(onset recorded \d{4}-\d\d-\d\d\)/);
    expect(strip).not.toMatch(/[a-z,] \(\d{4}-\d\d-\d\d\)/i);
  });

  it('bipolar-depression: a medication that needs watching says what its date is (when it was started)', () => {
    expect(safetyItemHeading(derivation('bipolar-depression').safety.find((i) => i.kind === 'lithium')!)).toMatch(/^Lithium now \((since|started) \d{4}-\d\d-\d\d\)$/);
  });
});

/** The words a clinician reads: the text of the rendered element without the folded source-record addresses. */
function readableText(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const e of copy.querySelectorAll('[data-source-record]')) e.remove();
  return copy.textContent ?? '';
}

describe('resource ids stay out of the clinical text', () => {
  it.each(['ehr-export-mdd', 'bipolar-depression', 'pregnant-trd', 'malformed-record', 'trd-multi-failures'])('%s: the tables, the not-used list and the summary name no resource id', (id) => {
    const d = derivation(id);
    const { container } = render(
      <>
        <Summary derivation={d} onShowItems={() => {}} />
        <TrialsTable derivation={d} onSelectSources={() => {}} />
        <DiagnosesTable derivation={d} onSelectSources={() => {}} />
        <UnusedList derivation={d} onSelectSources={() => {}} />
      </>,
    );
    for (const button of screen.queryAllByRole('button', { name: 'Details' })) fireEvent.click(button);
    const text = readableText(container);
    expect(text.match(new RegExp(REFERENCE_RUN.source, 'g')) ?? []).toEqual([]);
  });

  it('ehr-export-mdd: a record not used is named by its kind, its address folded under "Source record"', () => {
    const d = derivation('ehr-export-mdd');
    render(<UnusedList derivation={d} onSelectSources={() => {}} />);
    const table = screen.getByRole('table', { name: /Not used, because…/ });
    const first = d.unused[0]!;
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toMatch(/^[A-Z][a-z ]+ 1 record\s*Source record/);
    expect(within(row).getByText(first.reference).closest('details')).not.toBeNull();
  });
});

describe('data notes read as sentences with their numbers', () => {
  // The notes are drawn with the rest of the page below the first screen, right after it (the legend marks that part).
  const belowFirstScreen = () => screen.findByRole('heading', { name: 'Legend' }, { timeout: 10_000 });

  it.each(['pregnant-trd', 'bipolar-depression', 'ehr-export-mdd', 'malformed-record'])('%s: no placeholder "…" in the notes under the timeline', async (id) => {
    render(<TreatmentResistancePage derivation={derivation(id)} rules={RULES} />);
    await belowFirstScreen();
    const notes = screen.queryByRole('note', { name: 'Data notes' });
    if (notes) {
      // "…" only in the link to "Not used, because…", never standing for a number.
      expect(notes.textContent.replace('Not used, because…', '')).not.toMatch(/…|By kind/);
      expect(notes.textContent).not.toMatch(new RegExp(REFERENCE_RUN.source));
    }
  });

  it('pregnant-trd: the supply note gives its days and fills, for each drug', async () => {
    render(<TreatmentResistancePage derivation={derivation('pregnant-trd')} rules={RULES} />);
    expect((await screen.findByRole('note', { name: 'Data notes' }, { timeout: 10_000 })).textContent).toMatch(
      /Sertraline: end date from the supply prescribed: \d+ days × \d+ fills on the prescription; venlafaxine: the same, \d+ days × \d+ fills on the prescription\./,
    );
  });
});
