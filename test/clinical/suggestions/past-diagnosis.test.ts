import { describe, expect, it } from 'vitest';
import { assessment, diagnosis, record, suggestionOf } from './builder';

// Demo case "schizophrenia-trs": cannabis dependence F12.20, 2017 to 2024-12-05, resolved, is on the timeline; the
// dual-diagnosis card said "No substance-use is recorded".
describe('a diagnosis criterion with only a past diagnosis of its kind', () => {
  const cannabis = diagnosis('substance-use', {
    display: 'Cannabis dependence, uncomplicated',
    code: 'F12.20',
    onset: '2017-11-22',
    abatement: '2024-12-05',
    clinicalStatus: 'resolved',
  });

  it('names the resolved substance-use disorder with its dates instead of saying none is recorded', () => {
    const s = suggestionOf(record({ diagnoses: [cannabis], assessments: [assessment('schizophrenia')] }), 'integrated-dual-diagnosis');
    expect(s.status).toBe('not-eligible');
    // Said once: none current, then the past one with its dates, citing its record.
    expect(s.reasons).toEqual([
      { text: 'No current substance-use disorder is recorded.', sources: [] },
      { text: 'In the past: Cannabis dependence, uncomplicated, 2017-11-22 to 2024-12-05, resolved', sources: [cannabis.source] },
    ]);
  });

  it('says once that none is recorded when the record has no diagnosis of the kind at all', () => {
    const s = suggestionOf(record({ assessments: [assessment('schizophrenia')] }), 'integrated-dual-diagnosis');
    expect(s.reasons.map((r) => r.text)).toEqual(['No current substance-use disorder is recorded.']);
  });
});
