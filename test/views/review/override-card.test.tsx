/**
 * pregnant-trd, esketamine ticked with a written override: the card says the override as the preview and the plan do
 * (the reason once, each contraindication as overridden), never "Not offered" beside the tick that proposes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SuggestionCard } from '../../../src/views/review/SuggestionCard';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const REASON = 'Declines ECT after full discussion; obstetric team consulted';

afterEach(cleanup);

describe('an overridden contraindication on the card', () => {
  const esketamine = demoDerivation('pregnant-trd', TODAY).suggestions.find((s) => s.intervention === 'esketamine')!;
  const card = (ticked: boolean, reason: string) =>
    render(
      <ul>
        <SuggestionCard suggestion={esketamine} ticked={ticked} tickable={reason !== ''} overrideReason={reason} disabled={false} onTick={() => {}} onOverrideReason={() => {}} />
      </ul>,
    );

  it('before the override the contraindication reads "Not offered"', () => {
    card(false, '');
    const list = screen.getByRole('heading', { name: 'Contraindications' }).parentElement!;
    expect(list.querySelector('li')!.textContent).toMatch(/^Not offered: Pregnancy: esketamine is not recommended in pregnancy/);
  });

  it('ticked with a written reason it reads as the override, with the reason once and the contraindication overridden', () => {
    card(true, REASON);
    const list = screen.getByRole('heading', { name: 'Contraindications, overridden' }).parentElement!;
    const items = [...list.querySelectorAll(':scope > ul > li')].map((li) => li.firstChild!.textContent);
    expect(items).toEqual([
      `Proposed against the pregnancy contraindication, reason given by the clinician: “${REASON}”`,
      expect.stringMatching(/^Contraindication overridden: Pregnancy: esketamine is not recommended in pregnancy/),
    ]);
    expect(list.textContent).not.toContain('Not offered');
  });
});
