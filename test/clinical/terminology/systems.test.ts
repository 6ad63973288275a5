import { describe, expect, it } from 'vitest';
import { conceptText, conceptTextAsRecorded, unknownCodeReason, unknownSystemsOf } from '../../../src/clinical/terminology/systems';

describe('conceptTextAsRecorded (the text notes quote) against conceptText (the text tables match on)', () => {
  it('keeps the text as spelled where conceptText trims it', () => {
    const concept = { text: ' Sertraline 50 mg ' };
    expect(conceptTextAsRecorded(concept)).toBe(' Sertraline 50 mg ');
    expect(conceptText(concept)).toBe('Sertraline 50 mg');
  });

  it('reads the display of a coding without a code, which conceptText skips', () => {
    const concept = { coding: [{ system: 'http://snomed.info/sct', display: 'Electroconvulsive therapy' }] };
    expect(conceptTextAsRecorded(concept)).toBe('Electroconvulsive therapy');
    expect(conceptText(concept)).toBe('');
  });

  it('falls back to the first code, and to an empty string for anything that is not a concept', () => {
    expect(conceptTextAsRecorded({ coding: [{ system: 'http://loinc.org', code: '44261-6' }] })).toBe('44261-6');
    expect(conceptTextAsRecorded(undefined)).toBe('');
    expect(conceptTextAsRecorded(['not', 'a', 'concept'] as never)).toBe('');
  });
});

describe('unknownCodeReason', () => {
  const fallback = 'not an interventional psychiatric procedure';

  it('names the system when no coding is in a canonical or local system', () => {
    const concept = { coding: [{ system: 'http://example.org/legacy-emr/procedures', code: 'X1' }], text: 'Chart review' };
    expect(unknownCodeReason('procedure', concept, fallback)).toBe('code from unknown system http://example.org/legacy-emr/procedures (Chart review)');
  });

  it('knows every spelling of a known system, as unknownSystemsOf does: urn:oid SNOMED, HCPCS, a trailing slash', () => {
    const snomedOid = { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.96', code: '71388002', display: 'Procedure' }] };
    expect(unknownCodeReason('procedure', snomedOid, fallback)).toBe('not an interventional psychiatric procedure: Procedure');
    expect(unknownSystemsOf(snomedOid)).toEqual([]);
    for (const system of ['http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'urn:oid:2.16.840.1.113883.6.285', 'http://snomed.info/sct/']) {
      const concept = { coding: [{ system, code: 'J1234' }], text: 'Injection' };
      expect(unknownCodeReason('procedure', concept, fallback)).toBe('not an interventional psychiatric procedure: Injection');
      expect(unknownSystemsOf(concept)).toEqual([]);
    }
  });

  it('gives the fallback reason with the text for a canonical system or any system under the local prefix', () => {
    const snomed = { coding: [{ system: 'http://snomed.info/sct', code: '71388002' }], text: 'Dental cleaning' };
    expect(unknownCodeReason('procedure', snomed, fallback)).toBe('not an interventional psychiatric procedure: Dental cleaning');
    const local = { coding: [{ system: 'http://example.org/trd-timeline/CodeSystem/other', code: 'x' }] };
    expect(unknownCodeReason('procedure', local)).toBe('not a procedure this app assesses: x');
  });

  it('says when there is neither code nor text', () => {
    expect(unknownCodeReason('procedure', {}, fallback)).toBe('procedure without code or text');
    expect(unknownCodeReason('procedure', 'junk', fallback)).toBe('procedure without code or text');
  });
});
