// @vitest-environment node
/** SMART scope decisions (SMART App Launch 1.0 `.read/.write`, 2.0 `.cruds`), sandbox/scope-grants.ts. */
import { describe, expect, it } from 'vitest';
import { decide, grantableResourceScopes } from '../../sandbox/scope-grants';

describe('decide', () => {
  it('v1 read covers read and search, not writes', () => {
    expect(decide(['patient/Observation.read'], 'Observation', 'search')).toEqual({ allowed: true, patientLevelOnly: true });
    expect(decide(['patient/Observation.read'], 'Observation', 'create').allowed).toBe(false);
    expect(decide(['patient/Observation.read'], 'Condition', 'read').allowed).toBe(false);
  });

  it('v1 write and * cover writes; wildcard types match every type', () => {
    expect(decide(['patient/CarePlan.write'], 'CarePlan', 'create').allowed).toBe(true);
    expect(decide(['patient/*.*'], 'Provenance', 'update').allowed).toBe(true);
  });

  it('v2 letters map to interactions', () => {
    expect(decide(['patient/Observation.rs'], 'Observation', 'read').allowed).toBe(true);
    expect(decide(['patient/Observation.rs'], 'Observation', 'search').allowed).toBe(true);
    expect(decide(['patient/CarePlan.c'], 'CarePlan', 'create').allowed).toBe(true);
    expect(decide(['patient/CarePlan.c'], 'CarePlan', 'search').allowed).toBe(false);
    expect(decide(['patient/Observation.rs?category=survey'], 'Observation', 'search').allowed).toBe(true);
    expect(decide(['patient/Observation.sr'], 'Observation', 'search').allowed).toBe(false); // letters out of order
  });

  it('user-level scopes lift the patient-compartment restriction', () => {
    expect(decide(['patient/Observation.rs', 'user/Observation.read'], 'Observation', 'search').patientLevelOnly).toBe(false);
  });

  it('ignores OIDC and launch scopes', () => {
    expect(decide(['openid', 'fhirUser', 'launch'], 'Patient', 'read').allowed).toBe(false);
  });
});

describe('grantableResourceScopes', () => {
  it('lists v1 and v2 forms the app requests', () => {
    const scopes = new Set(grantableResourceScopes());
    for (const s of ['patient/MedicationDispense.read', 'patient/MedicationDispense.rs', 'patient/CarePlan.cu', 'patient/Provenance.c',
      'patient/CarePlan.crs', 'user/*.read', 'patient/*.cruds']) expect(scopes.has(s), s).toBe(true);
  });
});
