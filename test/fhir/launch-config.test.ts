// @vitest-environment node
/**
 * smart-config.json: the iss -> client map (validated; each issMatch one exact host and port), the shipped template
 * without development servers, the development configuration, the least-privilege scopes, and the v1/v2 scope choice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { developmentSmartConfig, developmentSmartConfigFromEnv } from '../../sandbox/dev-smart-config';
import { APP_SCOPES_V1, APP_SCOPES_V2 } from '../../src/fhir/app-scopes';
import {
  chooseScopes,
  issMatchProblem,
  isUsableBaseUrl,
  launchParameters,
  selectClient,
  validateLaunchConfig,
  type LaunchClientConfig,
} from '../../src/fhir/launch-config';

const shipped = JSON.parse(readFileSync(new URL('../../public/smart-config.json', import.meta.url), 'utf8')) as unknown;
const validated = validateLaunchConfig(shipped);
const clients = validated.ok ? validated.clients : [];
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the shipped public/smart-config.json (a template for deployers: no development server)', () => {
  it('is valid, with one entry for a placeholder host under the reserved .example domain', () => {
    expect(validated).toMatchObject({ ok: true });
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({ issMatch: '^https://fhir\\.ehr\\.example/api/FHIR/R4/?$', pkceMode: 'required' });
  });

  it('trusts no development server: not the local sandbox, not a local or the public SMART launcher', () => {
    for (const iss of [
      'http://127.0.0.1:4010/fhir', 'http://localhost:4010/fhir', 'http://127.0.0.1:9009/v/r4/fhir',
      'https://launch.smarthealthit.org/v/r4/fhir', 'https://launch.smarthealthit.org/v/r4/sim/eyJoIjoiMSJ9/fhir',
    ]) {
      expect(selectClient(clients, iss)).toBeNull();
    }
  });

  it('asks for exactly the app’s scopes (v1 and v2), with online_access and no offline_access', () => {
    expect(clients[0]!.scope.split(' ')).toEqual(APP_SCOPES_V1);
    expect(clients[0]!.scopeV2!.split(' ')).toEqual(APP_SCOPES_V2);
    expect(APP_SCOPES_V1).toContain('online_access');
    expect([...APP_SCOPES_V1, ...APP_SCOPES_V2]).not.toContain('offline_access');
  });
});

describe('the app’s scopes (least privilege, SMART v1 and v2)', () => {
  const READ_TYPES = [
    'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Medication', 'Condition', 'Observation',
    'Procedure', 'AllergyIntolerance', 'Device', 'Encounter', 'CarePlan', 'ServiceRequest',
  ];
  it('reads Patient by id only (v2 .r), searches every other type read (v2 .rs), Encounter and CarePlan included', () => {
    expect(APP_SCOPES_V1).toContain('patient/Patient.read');
    expect(APP_SCOPES_V2).toContain('patient/Patient.r');
    for (const type of READ_TYPES) expect(APP_SCOPES_V1).toContain(`patient/${type}.read`);
    for (const type of READ_TYPES.slice(0, 10)) expect(APP_SCOPES_V2).toContain(`patient/${type}.rs`);
  });

  it('covers each written interaction: CarePlan create, search, read back and update (PUT), ServiceRequest create, search, read back, Provenance create', () => {
    for (const type of ['CarePlan', 'ServiceRequest', 'Provenance']) expect(APP_SCOPES_V1).toContain(`patient/${type}.write`);
    expect(APP_SCOPES_V2).toEqual(expect.arrayContaining(['patient/CarePlan.crus', 'patient/ServiceRequest.crs', 'patient/Provenance.c']));
    expect(APP_SCOPES_V1.filter((s) => s.includes('Provenance'))).toEqual(['patient/Provenance.write']);
  });

  it('asks for no wildcard, user-level or system-level scope', () => {
    for (const scope of [...APP_SCOPES_V1, ...APP_SCOPES_V2]) expect(scope).not.toMatch(/\*|^user\/|^system\//);
  });

  it('is the list the README gives deployers, in both forms', () => {
    expect(readme).toContain(APP_SCOPES_V1.join(' '));
    expect(readme).toContain(APP_SCOPES_V2.join(' '));
  });
});

describe('the development configuration (npm start and the tests)', () => {
  const dev = developmentSmartConfig({ sandboxFhirBaseUrl: 'http://127.0.0.1:4010/fhir' });

  it('is valid, with PKCE required and the app’s scopes in every entry', () => {
    expect(validateLaunchConfig(dev)).toMatchObject({ ok: true });
    for (const entry of dev) {
      expect(entry.pkceMode).toBe('required');
      expect(entry.scope.split(' ')).toEqual(APP_SCOPES_V1);
    }
  });

  it('maps the sandbox at its exact host and port, not another port, host or path', () => {
    expect(selectClient(dev, 'http://127.0.0.1:4010/fhir')?.clientId).toBe('trd-timeline-local');
    expect(selectClient(dev, 'http://127.0.0.1:4010/fhir/')?.clientId).toBe('trd-timeline-local');
    for (const iss of ['http://127.0.0.1:4011/fhir', 'http://localhost:4010/fhir', 'http://127.0.0.1:4010/other',
      'http://127.0.0.1.evil.test:4010/fhir', 'http://127.0.0.1:40100/fhir']) {
      expect(selectClient(dev, iss)).toBeNull();
    }
  });

  it('maps a SMART launcher run locally (default port 9009, or SMART_LAUNCHER_URL) as the public one: /v/r4/fhir and /v/r4/sim/<code>/fhir', () => {
    for (const config of [dev, developmentSmartConfigFromEnv({ SANDBOX_PORT: '4010' })]) {
      expect(selectClient(config, 'http://127.0.0.1:9009/v/r4/fhir')?.name).toBe('a SMART launcher run locally');
      expect(selectClient(config, 'http://127.0.0.1:9009/v/r4/sim/eyJoIjoiMSJ9/fhir')?.name).toBe('a SMART launcher run locally');
      expect(selectClient(config, 'http://127.0.0.1:9010/v/r4/fhir')).toBeNull();
      expect(selectClient(config, 'http://127.0.0.1:9009/v/r3/fhir')).toBeNull();
    }
    const other = developmentSmartConfigFromEnv({ SANDBOX_PORT: '4110', SMART_LAUNCHER_URL: 'http://127.0.0.1:8445' });
    expect(selectClient(other, 'http://127.0.0.1:8445/v/r4/sim/eyJoIjoiMSJ9/fhir')?.clientId).toBe('trd-timeline');
    expect(selectClient(other, 'http://127.0.0.1:4110/fhir')?.clientId).toBe('trd-timeline-local');
    expect(selectClient(other, 'http://127.0.0.1:4010/fhir')).toBeNull();
  });

  it('maps the public SMART launcher (R4) to its own client id, not a look-alike host', () => {
    for (const iss of ['https://launch.smarthealthit.org/v/r4/fhir', 'https://launch.smarthealthit.org/v/r4/sim/eyJoIjoiMSJ9/fhir']) {
      expect(selectClient(dev, iss)?.clientId).toBe('trd-timeline');
    }
    expect(selectClient(dev, 'https://launch.smarthealthit.org.evil.test/v/r4/fhir')).toBeNull();
    expect(selectClient(dev, 'https://launch.smarthealthit.org/v/r4/sim/x/fhir/../../../evil')).toBeNull();
  });
});

describe('issMatch names one exact host and port', () => {
  it.each([
    ['^https://fhir\\.hospital\\.org/api/FHIR/R4/?$', null],
    ['^http://127\\.0\\.0\\.1:4010/fhir/?$', null],
    ['^https://launch\\.smarthealthit\\.org/v/r4/(sim/[A-Za-z0-9_=-]+/)?fhir/?$', null],
  ])('accepts %s', (pattern, problem) => {
    expect(issMatchProblem(pattern)).toBe(problem);
  });

  it.each([
    ['any port', '^http://(127\\.0\\.0\\.1|localhost):\\d+/fhir/?$'],
    ['an unescaped dot (any character)', '^https://fhir.hospital.org/r4$'],
    ['no start anchor', 'https://fhir\\.hospital\\.org/r4$'],
    ['no end anchor', '^https://launch\\.smarthealthit\\.org/'],
    ['a top-level alternative', '^https://fhir\\.hospital\\.org/r4$|.*'],
    ['a host wildcard', '^https://[a-z.]+\\.org/r4$'],
    ['a host prefix only', '^https://fhir\\.hospital\\.org.*$'],
  ])('refuses %s', (_name, pattern) => {
    expect(issMatchProblem(pattern)).not.toBeNull();
    expect(validateLaunchConfig([{ issMatch: pattern, clientId: 'c', scope: 'openid' }])).toMatchObject({ ok: false });
  });
});

describe('validateLaunchConfig', () => {
  it('lists every problem in plain words', () => {
    expect(validateLaunchConfig({ clients: [] })).toEqual({ ok: false, problems: ['smart-config.json must be a JSON array of client entries.'] });
    const result = validateLaunchConfig([
      { issMatch: '(', clientId: 'x', scope: 'openid' },
      { issMatch: '^https://a\\.example/$', clientId: '', scope: 'openid', pkceMode: 'sometimes' },
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
      { issMatch: '^https://ehr\\.example/.*$', clientId: 'second', scope: 'openid' },
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
