/**
 * The tables behind the psychiatric picture: first US approval years against the labels they cite, and which
 * overdoses are substance-use evidence.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCES, type Reference } from '../../../src/clinical/references/registry';
import { TERMINOLOGY_RULES } from '../../../src/clinical/terminology';
import { FIRST_US_APPROVAL, isSubstanceOverdose } from '../../../src/clinical/terminology/history-codes';

describe('first US approval years', () => {
  it('every year read in a label cites that label, whose highlights line gives the same year', () => {
    for (const row of FIRST_US_APPROVAL.filter((r) => r.verification === 'V')) {
      expect(row.references).toHaveLength(1);
      expect(REFERENCES[row.references[0]!].citation).toContain(`Initial U.S. Approval: ${row.year}.`);
      expect((REFERENCES[row.references[0]!] as Reference).url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\/dailymed\/drugInfo\.cfm\?setid=[0-9a-f-]{36}$/);
    }
  });

  it('a year not read in a label is an unverified working rule in the rules panel, without a reference', () => {
    const venlafaxine = TERMINOLOGY_RULES.find((r) => r.id === 'data.first-approval.venlafaxine')!;
    expect(venlafaxine.verification).toBe('U');
    expect(venlafaxine.references).toEqual([]);
    expect(TERMINOLOGY_RULES.find((r) => r.id === 'data.first-approval.sertraline')).toMatchObject({ verification: 'V', references: ['sertralineLabel'] });
  });
});

describe('which overdoses are substance-use evidence', () => {
  it.each([
    ['55680006', 'Drug overdose', true],
    ['T40.1X1A', 'Poisoning by heroin, accidental (unintentional), initial encounter', true],
    ['T42.4X2A', 'Poisoning by benzodiazepines, intentional self-harm, initial encounter', true],
    ['T43.622A', 'Poisoning by amphetamines, intentional self-harm, initial encounter', true],
    ['T43.212A', 'Poisoning by selective serotonin and norepinephrine reuptake inhibitors, intentional self-harm, initial encounter', false],
    ['T39.1X2A', 'Poisoning by 4-Aminophenol derivatives, intentional self-harm, initial encounter', false],
  ])('%s %s: %s', (code, display, expected) => {
    expect(isSubstanceOverdose({ code, display })).toBe(expected);
  });
});
