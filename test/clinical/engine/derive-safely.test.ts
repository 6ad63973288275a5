import { describe, expect, it } from 'vitest';
import { deriveSafely } from '../../../src/clinical';

describe('deriveSafely (the CLI crash guard)', () => {
  it('a record that makes the engine throw gives { patient, error } instead of an exception', () => {
    const hostile = {
      patientId: 'broken',
      get resources(): never {
        throw new Error('resource list unreadable');
      },
    };
    expect(deriveSafely(hostile as never, { asOf: '2026-01-01' })).toEqual({ patient: 'broken', error: 'resource list unreadable' });
  });

  it('a malformed asOf is a caller error and is reported, not swallowed silently', () => {
    const r = deriveSafely({ patientId: 'p', resources: [] }, { asOf: 'soon' });
    expect(r).toMatchObject({ patient: 'p', error: expect.stringMatching(/asOf/) as unknown });
  });
});
