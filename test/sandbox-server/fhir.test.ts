// @vitest-environment node
/**
 * The sandbox's FHIR endpoint: metadata and SMART configuration,
 * token checks, SMART scope enforcement (v1/v2, patient compartment), paging links, bare patient ids, `_id` lists,
 * conditional create (If-None-Exist) with a Location header, transactions, CORS for the app's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { APP_URL, OBSERVATION_COUNT, ehrLaunchTokens, fhirGet, startTestSandbox } from './harness';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = (await ehrLaunchTokens(sandbox, 'pat-a')).access_token;
});
afterAll(async () => {
  await sandbox.close();
});

describe('discovery (no token needed)', () => {
  it('serves a CapabilityStatement with the SMART oauth-uris and every type\'s search parameters', async () => {
    const { status, body } = await fhirGet(sandbox, 'metadata');
    expect(status).toBe(200);
    expect(body.resourceType).toBe('CapabilityStatement');
    const rest = body.rest[0];
    const oauth = rest.security.extension.find((e: { url: string }) => e.url.endsWith('/oauth-uris'));
    expect(oauth.extension.map((e: { url: string }) => e.url)).toEqual(expect.arrayContaining(['authorize', 'token']));
    const medicationRequest = rest.resource.find((r: { type: string }) => r.type === 'MedicationRequest');
    expect(medicationRequest.searchParam.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['patient', 'status', 'subject']));
  });

  it('serves the SMART configuration with the required capabilities and S256', async () => {
    const { body } = await fhirGet(sandbox, '.well-known/smart-configuration');
    expect(body.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public',
      'context-ehr-patient', 'context-standalone-patient', 'permission-v1', 'permission-v2', 'sso-openid-connect', 'permission-offline']));
    expect(body.code_challenge_methods_supported).toEqual(['S256']);
    expect(body.authorization_endpoint).toBe(`${sandbox.origin}/auth/auth`);
    expect(body.token_endpoint).toBe(`${sandbox.origin}/auth/token`);
  });
});

describe('bearer token and scopes', () => {
  it('answers 401 with an OperationOutcome without a token or with a forged one', async () => {
    for (const bearer of [undefined, 'not-a-jwt', `${token.slice(0, -4)}AAAA`]) {
      const { status, body, headers } = await fhirGet(sandbox, 'Observation?patient=pat-a', bearer);
      expect(status).toBe(401);
      expect(body.resourceType).toBe('OperationOutcome');
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers 403 for a type whose scope was not granted', async () => {
    const { status, body } = await fhirGet(sandbox, 'MedicationDispense?patient=pat-a', token);
    expect(status).toBe(403);
    expect(body.issue[0].details.text).toMatch(/MedicationDispense/);
  });

  it('keeps patient-level scopes inside the launch patient\'s record', async () => {
    expect((await fhirGet(sandbox, 'MedicationRequest?patient=pat-b', token)).status).toBe(403);
    expect((await fhirGet(sandbox, 'MedicationRequest/mr-b', token)).status).toBe(403);
    expect((await fhirGet(sandbox, 'Patient/pat-b', token)).status).toBe(403);
    const unfiltered = await fhirGet(sandbox, 'MedicationRequest', token);
    expect(unfiltered.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(['mr-a']);
    expect((await fhirGet(sandbox, 'Patient/pat-a', token)).status).toBe(200);
  });

  it('allows v2 create without read when only `.c` was granted', async () => {
    const v2 = (await ehrLaunchTokens(sandbox, 'pat-a', 'launch openid patient/CarePlan.c')).access_token;
    const plan = { resourceType: 'CarePlan', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/pat-a' } };
    const created = await fhirGet(sandbox, 'CarePlan', v2, { method: 'POST', body: JSON.stringify(plan), headers: { 'content-type': 'application/fhir+json' } });
    expect(created.status).toBe(201);
    expect((await fhirGet(sandbox, 'CarePlan?patient=pat-a', v2)).status).toBe(403);
  });

  it('refuses a write into another patient\'s record', async () => {
    const plan = { resourceType: 'CarePlan', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/pat-b' } };
    const response = await fhirGet(sandbox, 'CarePlan', token, { method: 'POST', body: JSON.stringify(plan), headers: { 'content-type': 'application/fhir+json' } });
    expect(response.status).toBe(403);
  });
});

describe('search', () => {
  it('pages with _count, next/previous links and no duplicates across pages', async () => {
    const seen: string[] = [];
    let url: string | undefined = `Observation?patient=pat-a&code=http://loinc.org|44261-6&_count=50`;
    let pages = 0;
    while (url) {
      const { status, body } = await fhirGet(sandbox, url, token);
      expect(status).toBe(200);
      expect(body.total).toBe(OBSERVATION_COUNT);
      pages++;
      if (pages > 1) expect(body.link.some((l: { relation: string }) => l.relation === 'previous')).toBe(true);
      for (const entry of body.entry) {
        expect(entry.fullUrl).toBe(`${sandbox.fhirBaseUrl}/Observation/${entry.resource.id}`);
        seen.push(entry.resource.id);
      }
      url = body.link.find((l: { relation: string }) => l.relation === 'next')?.url;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(OBSERVATION_COUNT);
  });

  it('applies a default page size of 50', async () => {
    const { body } = await fhirGet(sandbox, 'Observation?patient=pat-a', token);
    expect(body.entry).toHaveLength(50);
    expect(body.link).toContainEqual(expect.objectContaining({ relation: 'next', url: expect.stringContaining('Observation') }));
  });

  it('accepts bare patient ids and subject=Patient/id alike', async () => {
    const bare = await fhirGet(sandbox, 'Condition?patient=pat-a', token);
    const typed = await fhirGet(sandbox, 'Condition?subject=Patient/pat-a', token);
    expect(bare.body.total).toBe(1);
    expect(typed.body.total).toBe(1);
  });

  it('answers _summary=count with the total and no entries', async () => {
    const { body } = await fhirGet(sandbox, 'Observation?patient=pat-a&_summary=count', token);
    expect(body.total).toBe(OBSERVATION_COUNT);
    expect(body.entry).toBeUndefined();
  });

  it('ignores unknown search parameters (leaving them out of the self link) instead of matching nothing', async () => {
    const { body } = await fhirGet(sandbox, 'Observation?patient=pat-a&no-such-param=1&_format=json', token);
    expect(body.total).toBe(OBSERVATION_COUNT);
    const self = body.link.find((l: { relation: string }) => l.relation === 'self').url as string;
    expect(self).not.toMatch(/no-such-param|_format/);
  });

  it('reads several Medications in one request with _id=a,b,c', async () => {
    const { body } = await fhirGet(sandbox, 'Medication?_id=med-1,med-2,med-3', token);
    expect(body.entry.map((e: { resource: { id: string } }) => e.resource.id).sort()).toEqual(['med-1', 'med-2', 'med-3']);
  });
});

describe('writes', () => {
  const plan = {
    resourceType: 'CarePlan', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/pat-a' },
    identifier: [{ system: 'urn:test', value: 'plan-1' }],
  };

  it('creates once with If-None-Exist, with Location and ETag headers', async () => {
    const init = { method: 'POST', body: JSON.stringify(plan),
      headers: { 'content-type': 'application/fhir+json', 'if-none-exist': 'identifier=urn:test|plan-1' } };
    const first = await fhirGet(sandbox, 'CarePlan', token, init);
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toMatch(new RegExp(`^${sandbox.fhirBaseUrl}/CarePlan/${first.body.id}/_history/`));
    expect(first.headers.get('etag')).toMatch(/^W\/"/);
    const second = await fhirGet(sandbox, 'CarePlan', token, init);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });

  it('runs a transaction with If-None-Exist entries', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [{ fullUrl: 'urn:uuid:0b6f1c1e-4d0a-4d7c-9a0e-2f1d3c4b5a69', resource: { ...plan, identifier: [{ system: 'urn:test', value: 'plan-2' }] },
        request: { method: 'POST', url: 'CarePlan', ifNoneExist: 'identifier=urn:test|plan-2' } }],
    };
    const init = { method: 'POST', body: JSON.stringify(bundle), headers: { 'content-type': 'application/fhir+json' } };
    const first = await fhirGet(sandbox, '', token, init);
    expect(first.status).toBe(200);
    expect(first.body.type).toBe('transaction-response');
    await fhirGet(sandbox, '', token, init);
    const found = await fhirGet(sandbox, 'CarePlan?identifier=urn:test|plan-2', token);
    expect(found.body.total).toBe(1);
  });
});

describe('CORS', () => {
  it('answers the app origin\'s preflight and no other origin', async () => {
    const preflight = await fetch(`${sandbox.fhirBaseUrl}/Observation`, {
      method: 'OPTIONS', headers: { origin: APP_URL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_URL);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(`${sandbox.fhirBaseUrl}/metadata`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
