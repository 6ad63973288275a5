// @vitest-environment node
/**
 * smart-config.json: the iss -> client map (validated), and the SMART v1/v2 scope choice
 * (shared-decisions "Ports, URLs, client"; issue 2 item 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseScopes,
  isUsableBaseUrl,
  launchParameters,
  selectClient,
  validateLaunchConfig,
  type LaunchClientConfig,
} from '../../src/fhir/launch-config';

const shipped = JSON.parse(readFileSync(new URL('../../public/smart-config.json', import.meta.url), 'utf8')) as unknown;
const validated = validateLaunchConfig(shipped);
const clients = validated.ok ? validated.clients : [];

const READ_TYPES = [
  'Patient', 'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Medication', 'Condition', 'Observation',
  'Procedure', 'AllergyIntolerance', 'Device', 'Encounter',
];
const WRITE_TYPES = ['CarePlan', 'ServiceRequest', 'Provenance'];

describe('the shipped public/smart-config.json', () => {
  it('is valid', () => {
    expect(validated).toMatchObject({ ok: true });
    expect(clients.length).toBeGreaterThanOrEqual(2);
  });

  it('maps the local sandbox (127.0.0.1 or localhost, any port, /fhir) to trd-timeline-local', () => {
    for (const iss of ['http://127.0.0.1:4010/fhir', 'http://localhost:4010/fhir/', 'http://127.0.0.1:5999/fhir']) {
      expect(selectClient(clients, iss)?.clientId).toBe('trd-timeline-local');
    }
    expect(selectClient(clients, 'http://127.0.0.1:4010/other')).toBeNull();
    expect(selectClient(clients, 'http://127.0.0.1.evil.test:4010/fhir')).toBeNull();
  });

  it('maps the public SMART sandbox launcher to its own client id', () => {
    const iss = 'https://launch.smarthealthit.org/v/r4/sim/eyJoIjoiMSJ9/fhir';
    expect(selectClient(clients, iss)?.clientId).toBe('trd-timeline');
    expect(selectClient(clients, 'https://launch.smarthealthit.org.evil.test/fhir')).toBeNull();
  });

  it('has no entry for an unknown server', () => {
    expect(selectClient(clients, 'https://fhir.unknown-hospital.example/r4')).toBeNull();
  });

  it('asks, in v1 and in v2 form, for read on every type the app reads and write on CarePlan, ServiceRequest, Provenance', () => {
    for (const client of clients) {
      const v1 = client.scope.split(' ');
      const v2 = client.scopeV2!.split(' ');
      for (const scopes of [v1, v2]) expect(scopes).toEqual(expect.arrayContaining(['openid', 'fhirUser']));
      for (const type of READ_TYPES) {
        expect(v1).toContain(`patient/${type}.read`);
        expect(v2).toContain(`patient/${type}.rs`);
      }
      for (const type of WRITE_TYPES) {
        expect(v1).toContain(`patient/${type}.write`);
        expect(v2.some((s) => s.startsWith(`patient/${type}.c`))).toBe(true);
      }
    }
  });
});

describe('validateLaunchConfig', () => {
  it('lists every problem in plain words', () => {
    expect(validateLaunchConfig({ clients: [] })).toEqual({ ok: false, problems: ['smart-config.json must be a JSON array of client entries.'] });
    const result = validateLaunchConfig([
      { issMatch: '(', clientId: 'x', scope: 'openid' },
      { issMatch: '^a$', clientId: '', scope: 'openid', pkceMode: 'sometimes' },
      'nonsense',
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'entry 1: "issMatch" is not a valid regular expression.',
        'entry 2: "clientId" must be a non-empty string.',
        'entry 2: "pkceMode" must be one of ifSupported, required, disabled, unsafeV1.',
        'entry 3 is not an object.',
      ],
    });
  });

  it('picks the first matching entry', () => {
    const config: LaunchClientConfig[] = [
      { issMatch: '^https://ehr\\.example/fhir$', clientId: 'first', scope: 'openid' },
      { issMatch: '^https://ehr\\.example/', clientId: 'second', scope: 'openid' },
    ];
    expect(selectClient(config, 'https://ehr.example/fhir')?.clientId).toBe('first');
    expect(selectClient(config, 'https://ehr.example/other')?.clientId).toBe('second');
  });
});

describe('chooseScopes', () => {
  const client: LaunchClientConfig = {
    issMatch: '.*',
    clientId: 'c',
    scope: 'openid fhirUser patient/Condition.read',
    scopeV2: 'openid fhirUser patient/Condition.rs',
  };

  it('uses v2 scopes when the server announces permission-v2, v1 otherwise', () => {
    expect(chooseScopes(client, 'ehr', { capabilities: ['launch-ehr', 'permission-v2', 'permission-v1'] })).toEqual({
      scope: 'launch openid fhirUser patient/Condition.rs',
      version: 'v2',
    });
    expect(chooseScopes(client, 'ehr', { capabilities: ['launch-ehr', 'permission-v1'] }).version).toBe('v1');
    expect(chooseScopes(client, 'ehr', null)).toEqual({ scope: 'launch openid fhirUser patient/Condition.read', version: 'v1' });
    expect(chooseScopes({ ...client, scopeV2: undefined }, 'ehr', { capabilities: ['permission-v2'] }).version).toBe('v1');
  });

  it('adds launch for an EHR launch and launch/patient for a standalone launch, never both', () => {
    expect(chooseScopes(client, 'standalone', null).scope).toBe('launch/patient openid fhirUser patient/Condition.read');
    const withLaunch = { ...client, scope: 'launch openid patient/Condition.read' };
    expect(chooseScopes(withLaunch, 'standalone', null).scope).toBe('launch/patient openid patient/Condition.read');
  });
});

describe('launch parameters', () => {
  it('tells an EHR launch (iss + launch) from a standalone one (iss only)', () => {
    expect(launchParameters('?iss=http%3A%2F%2F127.0.0.1%3A4010%2Ffhir&launch=abc')).toEqual({
      iss: 'http://127.0.0.1:4010/fhir',
      launch: 'abc',
      kind: 'ehr',
    });
    expect(launchParameters('?iss=https://x.example/fhir')).toMatchObject({ kind: 'standalone', launch: null });
    expect(launchParameters('')).toMatchObject({ iss: null });
    expect(launchParameters('?iss=%20')).toMatchObject({ iss: null });
  });

  it('accepts only http(s) base URLs', () => {
    expect(isUsableBaseUrl('https://x.example/fhir')).toBe(true);
    expect(isUsableBaseUrl('javascript:alert(1)')).toBe(false);
    expect(isUsableBaseUrl('not a url')).toBe(false);
  });
});
