// @vitest-environment node
/**
 * Fault injection: each fault switched on at run time through POST /__faults does what
 * sandbox/faults.ts documents, and /__stats counts FHIR requests (and CORS preflights apart).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultConfig } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import { APP_URL, ehrLaunchTokens, fhirGet, startTestSandbox } from './harness';
import { refresh } from './oauth-client';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = (await ehrLaunchTokens(sandbox, 'pat-a')).access_token;
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  await setFaults({});
});

async function setFaults(config: unknown): Promise<Response> {
  return fetch(`${sandbox.origin}/__faults`, { method: 'POST', body: JSON.stringify(config) });
}

const carePlan = (value: string) => JSON.stringify({
  resourceType: 'CarePlan', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/pat-a' },
  identifier: [{ system: 'urn:fault-test', value }],
});

/** The CORS preflight the app's browser sends before a read that carries the token. */
function preflight(path: string): Promise<Response> {
  return fetch(`${sandbox.fhirBaseUrl}/${path}`, {
    method: 'OPTIONS',
    headers: { origin: APP_URL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
}

async function carePlansWith(value: string): Promise<number> {
  const response = await fetch(`${sandbox.origin}/__fhir/CarePlan?identifier=urn:fault-test|${value}`);
  return ((await response.json()) as { total: number }).total;
}

describe('read faults', () => {
  it('failType answers the status with an OperationOutcome for that type only', async () => {
    await setFaults({ failType: { Condition: 500 } });
    const failed = await fhirGet(sandbox, 'Condition?patient=pat-a', token);
    expect(failed.status).toBe(500);
    expect(failed.body.resourceType).toBe('OperationOutcome');
    expect((await fhirGet(sandbox, 'MedicationRequest?patient=pat-a', token)).status).toBe(200);
  });

  it('rateLimit answers 429 with Retry-After the given number of times, then normally', async () => {
    await setFaults({ rateLimit: { Observation: { times: 2, retryAfterSeconds: 1 } } });
    for (let i = 0; i < 2; i++) {
      const limited = await fhirGet(sandbox, 'Observation?patient=pat-a', token);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
    }
    expect((await fhirGet(sandbox, 'Observation?patient=pat-a', token)).status).toBe(200);
  });

  it('stall never answers: only the client\'s timeout ends the request', async () => {
    await setFaults({ stall: { Condition: true } });
    const started = Date.now();
    await expect(fhirGet(sandbox, 'Condition?patient=pat-a', token, { signal: AbortSignal.timeout(400) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('repeatNextLink makes every page\'s next link point at the same page', async () => {
    await setFaults({ repeatNextLink: ['Condition'] });
    const { body } = await fhirGet(sandbox, 'Condition?patient=pat-a', token);
    const self = body.link.find((l: { relation: string }) => l.relation === 'self').url;
    expect(body.link.find((l: { relation: string }) => l.relation === 'next').url).toBe(self);
  });

  it('invalidJson and htmlInsteadOfJson answer 200 with a body that is not a FHIR JSON', async () => {
    await setFaults({ invalidJson: ['Condition'], htmlInsteadOfJson: ['MedicationRequest'] });
    const broken = await fhirGet(sandbox, 'Condition?patient=pat-a', token);
    expect(broken.status).toBe(200);
    expect(broken.body).toBeNull();
    const html = await fhirGet(sandbox, 'MedicationRequest?patient=pat-a', token);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toMatch(/<html>/);
  });

  it('expireTokenAfterRequests answers 401 once a launch token has made N requests; a refreshed token works', async () => {
    const launched = await ehrLaunchTokens(sandbox, 'pat-a');
    await setFaults({ expireTokenAfterRequests: 2 });
    expect((await fhirGet(sandbox, 'Condition?patient=pat-a', launched.access_token)).status).toBe(200);
    expect((await fhirGet(sandbox, 'Condition?patient=pat-a', launched.access_token)).status).toBe(200);
    const expired = await fhirGet(sandbox, 'Condition?patient=pat-a', launched.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
    const refreshed = await refresh(sandbox.origin, launched.refresh_token ?? '', false);
    for (let i = 0; i < 3; i++) {
      expect((await fhirGet(sandbox, 'Condition?patient=pat-a', refreshed.body.access_token as string)).status).toBe(200);
    }
  });

  it('refuseRefresh makes the token endpoint refuse refresh tokens', async () => {
    const launched = await ehrLaunchTokens(sandbox, 'pat-a');
    await setFaults({ refuseRefresh: true });
    const refused = await refresh(sandbox.origin, launched.refresh_token ?? '', false);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
  });

  it('latencyMs delays every FHIR response', async () => {
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    await fhirGet(sandbox, 'metadata');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('latencyMs delays CORS preflights too (the browser waits for them before each read with a token)', async () => {
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    const answer = await preflight('Condition?patient=pat-a');
    expect(answer.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('latencyMs delays the authorization server too (the same network)', async () => {
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    const discovery = await fetch(`${sandbox.origin}/auth/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('write faults (the write happens, the answer does not say so)', () => {
  const init = (value: string) => ({ method: 'POST', body: carePlan(value), headers: { 'content-type': 'application/fhir+json' } });

  it('write500AfterCreate: 500 once although the CarePlan was created, then normal answers', async () => {
    await setFaults({ write500AfterCreate: { times: 1 } });
    const first = await fhirGet(sandbox, 'CarePlan', token, init('w500'));
    expect(first.status).toBe(500);
    expect(await carePlansWith('w500')).toBe(1);
    expect((await fhirGet(sandbox, 'CarePlan', token, init('w500-b'))).status).toBe(201);
  });

  it('writeStallAfterCreate: the answer waits although the CarePlan exists already', async () => {
    await setFaults({ writeStallAfterCreate: { times: 1, ms: 60_000 } });
    await expect(fhirGet(sandbox, 'CarePlan', token, { ...init('stall'), signal: AbortSignal.timeout(500) })).rejects.toThrow();
    expect(await carePlansWith('stall')).toBe(1);
  });
});

describe('control endpoints', () => {
  it('rejects an unknown fault with a readable message', async () => {
    const response = await setFaults({ explode: true });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/unknown fault "explode"/);
  });

  it('counts FHIR requests by type and method, and resets', async () => {
    await fetch(`${sandbox.origin}/__stats/reset`, { method: 'POST' });
    await fhirGet(sandbox, 'Condition?patient=pat-a', token);
    await fhirGet(sandbox, 'Medication?_id=med-1,med-2', token);
    await fhirGet(sandbox, 'metadata');
    await preflight('Condition?patient=pat-a');
    const stats = (await (await fetch(`${sandbox.origin}/__stats`)).json()) as {
      total: number; byResourceType: Record<string, number>; byMethod: Record<string, number>; preflights: number;
    };
    // Preflights are counted apart: the benchmark compares FHIR requests with their minimum, and shows preflights beside.
    expect(stats.total).toBe(3);
    expect(stats.byResourceType).toMatchObject({ Condition: 1, Medication: 1, metadata: 1 });
    expect(stats.byMethod.GET).toBe(3);
    expect(stats.preflights).toBe(1);
  });
});

describe('parseFaultConfig', () => {
  it('accepts the documented example and the env string form', () => {
    const example = { failType: { MedicationDispense: 500 }, rateLimit: { Observation: { times: 2, retryAfterSeconds: 1 } },
      stall: { Procedure: true }, refuseRefresh: false, repeatNextLink: ['Condition'], invalidJson: ['AllergyIntolerance'], expireTokenAfterRequests: 5,
      latencyMs: 50, writeStallAfterCreate: { times: 1, ms: 15000 }, write500AfterCreate: { times: 1 } };
    expect(parseFaultConfig(JSON.stringify(example))).toEqual(example);
    expect(parseFaultConfig('')).toEqual({});
  });

  it('rejects wrong shapes', () => {
    expect(() => parseFaultConfig({ failType: { Condition: 'boom' } })).toThrow(/integer/);
    expect(() => parseFaultConfig({ repeatNextLink: 'Condition' })).toThrow(/list/);
    expect(() => parseFaultConfig('[1]')).toThrow(/object/);
  });
});
