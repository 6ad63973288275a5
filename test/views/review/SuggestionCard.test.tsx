/** An option card says each finding once: a contraindicated option's "Not offered" text only under Contraindications. */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SuggestionCard } from '../../../src/views/review/SuggestionCard';
import { suggestion } from '../shell/fakes';

const NOT_OFFERED = 'Not offered: Pregnant state, since 2026-08-15: esketamine is not recommended in pregnancy (Spravato label)';

function renderCard() {
  const blocked = suggestion({
    intervention: 'esketamine',
    name: 'Esketamine nasal spray (Spravato)',
    status: 'contraindicated',
    // As the engine builds it: the contraindications summed up under "Not offered", then the reasons.
    reasons: [
      { text: NOT_OFFERED, sources: ['Condition/preg'] },
      { text: 'Major depressive disorder recorded', sources: ['Condition/mdd'] },
    ],
    contraindications: [{ text: NOT_OFFERED, sources: ['Condition/preg'] }],
    cautions: [{ text: 'Note: Taken now: tranylcypromine 40 mg/day: tell the anaesthetist (Parnate label)', sources: [] }],
  });
  render(
    <ul>
      <SuggestionCard suggestion={blocked} ticked={false} tickable={false} overrideReason="" disabled={false} onTick={() => {}} onOverrideReason={() => {}} />
    </ul>,
  );
}

describe('SuggestionCard', () => {
  it('gives the "Not offered" text once, under Contraindications, and keeps the other reasons under Why', () => {
    renderCard();
    expect(screen.getAllByText(NOT_OFFERED)).toHaveLength(1);
    const contra = screen.getByRole('heading', { name: 'Contraindications' }).parentElement!;
    expect(within(contra).getByText(NOT_OFFERED).tagName).toBe('LI');
    const why = screen.getByRole('heading', { name: 'Why' }).parentElement!;
    expect(within(why).queryByText(NOT_OFFERED)).toBeNull();
    expect(within(why).getByText('Major depressive disorder recorded').tagName).toBe('LI');
  });

  it('shows a weighted caution with its single "Note:" prefix', () => {
    renderCard();
    const cautions = screen.getByRole('heading', { name: 'Cautions' }).parentElement!;
    expect(within(cautions).getByText('Note: Taken now: tranylcypromine 40 mg/day: tell the anaesthetist (Parnate label)').tagName).toBe('LI');
    expect(screen.queryByText(/Caution: Note:/)).toBeNull();
  });

  it('holds back the cautions of an option that is not on offer until it is ticked to be proposed anyway', () => {
    const notApplicable = suggestion({
      intervention: 'clozapine',
      name: 'Clozapine',
      status: 'not-applicable',
      reasons: [{ text: 'Not applicable: Clozapine is for schizophrenia, and none is recorded.', sources: [] }],
      cautions: [
        { text: 'Taken now: lurasidone 40–80 mg/day: switching to clozapine: cross-titrate', sources: [] },
        { text: 'Metabolic changes: weight, fasting glucose and lipids', sources: [] },
      ],
    });
    const card = (ticked: boolean) => (
      <ul>
        <SuggestionCard suggestion={notApplicable} ticked={ticked} tickable overrideReason="" disabled={false} onTick={() => {}} onOverrideReason={() => {}} />
      </ul>
    );
    const { rerender } = render(card(false));
    expect(screen.queryByRole('heading', { name: 'Cautions' })).toBeNull();
    expect(screen.queryByText(/cross-titrate/)).toBeNull();
    expect(screen.getByText('2 cautions shown if it is proposed anyway.')).toBeVisible();
    rerender(card(true));
    const cautions = screen.getByRole('heading', { name: 'Cautions' }).parentElement!;
    expect(within(cautions).getByText('Taken now: lurasidone 40–80 mg/day: switching to clozapine: cross-titrate').tagName).toBe('LI');
    expect(screen.queryByText('2 cautions shown if it is proposed anyway.')).toBeNull();
  });
});
