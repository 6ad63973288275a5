// The range buttons on the demo patients: "Current episode" is the episode's own span, and no two buttons show the
// same span.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { addDays, differenceInCalendarDays, subYears } from 'date-fns';
import { demoPatients } from '../../../sandbox/patients';
import { demoDerivation } from '../demo-derivation';
import { opensOnTrialsAssessed, parseDate, rangeButtons, rangeDomain } from '../../../src/views/timeline/layout/domain';
import { formatMonthYear } from '../../../src/views/timeline/layout/axis';
import { BASELINE_DAYS_BEFORE } from '../../../src/clinical/engine-rules';
import { TreatmentResistancePage } from '../../../src/views/timeline/index';
import { RULES } from '../../../src/clinical/all-rules';

const TODAY = new Date('2026-12-05T12:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('range presets on the demo patients', () => {
  it('bipolar-depression: "Current episode" runs from the baseline window before the episode to just after today', () => {
    const d = demoDerivation('bipolar-depression', TODAY);
    const episode = d.episodes.find((e) => e.current)!;
    const { domain } = rangeDomain(d, 'current-episode');
    expect(day(domain.start)).toBe(day(addDays(parseDate(episode.start)!, -BASELINE_DAYS_BEFORE)));
    // The end: "as of" plus a week, whatever the span (the running arrow is drawn into the margin).
    const asOf = parseDate(d.asOf)!;
    expect(differenceInCalendarDays(domain.end, asOf)).toBe(7);
    expect(formatMonthYear(rangeDomain(d, 'two-years').domain.start)).not.toBe(formatMonthYear(domain.start));
  });

  it('deceased: the episode at death ends at its end (death), not later', () => {
    const d = demoDerivation('deceased', TODAY);
    const episode = d.episodes.find((e) => e.endedAtDeath)!;
    const { domain } = rangeDomain(d, 'current-episode');
    expect(day(domain.start)).toBe(day(addDays(parseDate(episode.start)!, -BASELINE_DAYS_BEFORE)));
    expect(differenceInCalendarDays(domain.end, parseDate(episode.end)!)).toBe(7);
  });

  it('bipolar-depression: "Last 2 years" spans two years up to a week after today, though lithium began four years ago', () => {
    const d = demoDerivation('bipolar-depression', TODAY);
    const asOf = parseDate(d.asOf)!;
    const { domain } = rangeDomain(d, 'two-years');
    expect(differenceInCalendarDays(asOf, domain.start)).toBe(differenceInCalendarDays(asOf, subYears(asOf, 2)));
    expect(differenceInCalendarDays(domain.end, asOf)).toBe(7);
    expect(`${formatMonthYear(domain.start)} – ${formatMonthYear(domain.end)}`).toBe('Dec 2024 – Dec 2026');
  });

  it.each(demoPatients.map((p) => p.id))('%s: "All" ends a week after the last date of the record, not months after today', (id) => {
    const d = demoDerivation(id, TODAY);
    const { domain } = rangeDomain(d, 'all');
    const asOf = parseDate(d.asOf)!;
    const lastDate = [d.asOf, ...d.trials.flatMap((t) => [t.start, t.end]), ...d.scores.map((s) => s.date), ...d.episodes.flatMap((e) => [e.start, e.end]), ...d.diagnoses.flatMap((x) => [x.onset, x.abatement]), ...d.procedures.flatMap((p) => [p.start, p.end])]
      .map(parseDate)
      .filter((x): x is Date => x !== null)
      .reduce((max, x) => (x > max ? x : max), asOf);
    expect(differenceInCalendarDays(domain.end, lastDate)).toBe(7);
  });

  it.each(demoPatients.map((p) => p.id))('%s: no two range buttons show the same months', (id) => {
    const d = demoDerivation(id, TODAY);
    const shown = rangeButtons(d, 'current-episode').map((b) => {
      const { domain } = rangeDomain(d, b.choice);
      return `${formatMonthYear(domain.start)} – ${formatMonthYear(domain.end)}`;
    });
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('schizophrenia-trs: an eight-year episode opens on the trials its verdict rests on, from the baseline window before olanzapine, its 12-week trials wider than their words', () => {
    const d = demoDerivation('schizophrenia-trs', TODAY);
    const olanzapine = d.trials.find((t) => t.ingredient === 'olanzapine')!;
    const { domain } = rangeDomain(d, 'trials');
    expect(day(domain.start)).toBe(day(addDays(parseDate(olanzapine.start)!, -BASELINE_DAYS_BEFORE)));
    expect(differenceInCalendarDays(domain.end, parseDate(d.asOf)!)).toBe(7);
    render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(['Trials assessed', 'Last 2 years', 'Current episode', 'All']);
    expect(screen.getByRole('radio', { name: 'Trials assessed' })).toHaveProperty('checked', true);
  });

  it('only an episode of more than two years whose assessed trials take at most half of it opens on "Trials assessed"', () => {
    const opening = demoPatients.map((p) => p.id).filter((id) => opensOnTrialsAssessed(demoDerivation(id, TODAY)));
    // ocd (trials over 27 of 31 months) and ptsd (34 of 60) read well whole.
    expect(opening).toEqual(['schizophrenia-trs', 'thirty-years']);
  });

  it('the page shows one button for choices that look the same, named for both', () => {
    // trd-multi-failures: the current episode is the whole record.
    const multi = render(<TreatmentResistancePage derivation={demoDerivation('trd-multi-failures', TODAY)} rules={RULES} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(['Last 2 years', 'Current episode / All']);
    expect(screen.getByRole('radio', { name: 'Current episode / All' })).toHaveProperty('checked', true);
    multi.unmount();
    render(<TreatmentResistancePage derivation={demoDerivation('bipolar-depression', TODAY)} rules={RULES} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(['Last 2 years', 'Current episode', 'All']);
    expect(screen.getByRole('radio', { name: 'Current episode' })).toHaveProperty('checked', true);
  });
});
