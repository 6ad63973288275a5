/**
 * The substance-use option proposed in a plan: a draft referral to the addiction service, with the treatments the
 * option names for the substances found, like every other referral.
 */
import type { ServiceRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

describe('pseudo-resistance (alcohol dependence), substance-use assessment and treatment ticked', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const draft = demoDraft(d, ['substance-use-treatment'], AS_OF);
  const referral = draft.bundle.entry!.map((e) => e.resource).find((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest')!;

  it('the preview proposes a draft referral to the addiction service', () => {
    expect(draft.preview).toContain('Proposes Substance-use assessment and treatment: a draft referral to the Addiction service, priority routine.');
  });

  it('the referral names the option and carries the alcohol treatment the option gives', () => {
    expect(referral.code?.coding?.map((c) => c.code)).toEqual(['183524004']);
    expect(referral.orderDetail).toEqual([{ text: 'Substance-use assessment and treatment' }]);
    expect((referral.note ?? []).map((n) => n.text)).toContain(
      'Reason: For alcohol use disorder: naltrexone or acamprosate, with a psychological intervention (after assisted withdrawal where dependence is moderate or severe) (APA alcohol use disorder guideline 2018; NICE CG115: naltrexone or acamprosate offered in moderate to severe alcohol use disorder; after assisted withdrawal, acamprosate or oral naltrexone with an individual psychological intervention)',
    );
  });
});
