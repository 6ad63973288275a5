/**
 * Every engine and terminology rule cites primary sources from the reference registry (or is tagged unverified), and
 * no rule cites the team's fact sheet.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_RULES } from '../../../src/clinical/engine-rules';
import { REFERENCES } from '../../../src/clinical/references/registry';
import { TERMINOLOGY_RULES } from '../../../src/clinical/terminology';

const rules = [...ENGINE_RULES, ...TERMINOLOGY_RULES];

describe('engine and terminology rules cite the reference registry', () => {
  it('no rule names the fact sheet in its summary or source', () => {
    expect(rules.filter((r) => /FACTS/.test(`${r.summary} ${r.source}`)).map((r) => r.id)).toEqual([]);
  });
  it('every reference a rule cites is a row of the registry', () => {
    for (const r of rules) for (const id of r.references ?? []) expect(Object.keys(REFERENCES)).toContain(id);
  });
  it('every rule not tagged unverified cites at least one primary source', () => {
    expect(rules.filter((r) => r.verification !== 'U' && (r.references ?? []).length === 0).map((r) => r.id)).toEqual([]);
  });
});
