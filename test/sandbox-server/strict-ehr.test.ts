// @vitest-environment node
/**
 * The sandbox behaves as a strict EHR: its control endpoints refuse cross-site requests; the authorization server
 * grants only the scopes the client is registered for (an EHR launch asking user/*.* or patient/*.* gets neither, and
 * cannot read another patient); a launch id opens one authorization only; a replayed authorization code revokes the
 * tokens issued from it (RFC 6749 §4.1.2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { APP_SCOPES_V1, APP_SCOPES_V2 } from '../../src/fhir/app-scopes';
import { fhirGet, REDIRECT_URI, startTestSandbox } from './harness';
import { authorize, exchangeCode, refresh } from './oauth-client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

async function mintLaunch(patient: string): Promise<string> {
  const response = await fetch(`${sandbox.origin}/ehr/launch?patient=${patient}`, { redirect: 'manual' });
  return new URL(response.headers.get('location') ?? '').searchParams.get('launch') ?? '';
}

async function launchCode(scope: string, launch?: string) {
  const result = await authorize({
    origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI, scope,
    launch: launch ?? (await mintLaunch('pat-a')),
  });
  if (result.kind !== 'code') throw new Error(`${result.error}: ${result.description}`);
  return result;
}

describe('control endpoints refuse cross-site requests', () => {
  const crossSite = [
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['the app’s origin (not the EHR’s)', { origin: 'http://127.0.0.1:5999' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ] as const;

  it.each(crossSite)('POST /__faults with %s: 403, faults unchanged', async (_name, headers) => {
    const response = await fetch(`${sandbox.origin}/__faults`, {
      method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: '{"failType":{"Condition":500}}',
    });
    expect(response.status).toBe(403);
    expect(await (await fetch(`${sandbox.origin}/__faults`)).json()).toEqual({});
  });

  it.each(['/__reload', '/__stats/reset'])('POST %s from another site: 403', async (path) => {
    const response = await fetch(`${sandbox.origin}${path}`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('GET /__fhir (unauthenticated reads) from another site: 403', async () => {
    const response = await fetch(`${sandbox.origin}/__fhir/Patient/pat-a`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
  });

  it('accepts the EHR’s own origin and clients that send no Origin (tests, benchmarks, curl)', async () => {
    const sameOrigin = await fetch(`${sandbox.origin}/__stats/reset`, {
      method: 'POST', headers: { origin: sandbox.origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
    const noOrigin = await fetch(`${sandbox.origin}/__faults`, { method: 'POST', body: '{}' });
    expect(noOrigin.status).toBe(200);
  });
});

describe('the authorization server grants only registered scopes', () => {
  it('an EHR launch asking user/*.*, patient/*.* and user/Patient.read gets none of them and cannot read another patient', async () => {
    const { code, verifier } = await launchCode('launch openid fhirUser user/*.* patient/*.* user/Patient.read patient/Observation.rs');
    const token = await exchangeCode(sandbox.origin, REDIRECT_URI, code, verifier);
    expect(token.status).toBe(200);
    const scopes = (token.body.scope as string).split(' ');
    expect(scopes.filter((s) => s.includes('*') || s.startsWith('user/'))).toEqual([]);
    expect(scopes).toContain('patient/Observation.rs');
    const accessToken = token.body.access_token as string;
    expect((await fhirGet(sandbox, 'Patient/pat-b', accessToken)).status).toBe(403);
    expect((await fhirGet(sandbox, 'Observation?patient=pat-b', accessToken)).status).toBe(403);
    expect((await fhirGet(sandbox, 'MedicationRequest?patient=pat-b', accessToken)).status).toBe(403);
    const own = await fhirGet(sandbox, 'Observation?patient=pat-a&_count=1', accessToken);
    expect(own.status).toBe(200);
  });

  it('grants a narrower v2 scope than registered as asked, and drops one wider than registered', async () => {
    const { code, verifier } = await launchCode('launch openid patient/Observation.r patient/Provenance.cr patient/CarePlan.c');
    const token = await exchangeCode(sandbox.origin, REDIRECT_URI, code, verifier);
    const scopes = (token.body.scope as string).split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['patient/Observation.r', 'patient/CarePlan.c']));
    expect(scopes).not.toContain('patient/Provenance.cr');
  });

  it('grants the app’s own scopes in full, v1 and v2', async () => {
    for (const list of [APP_SCOPES_V1, APP_SCOPES_V2]) {
      const { code, verifier } = await launchCode(['launch', ...list].join(' '));
      const token = await exchangeCode(sandbox.origin, REDIRECT_URI, code, verifier);
      expect((token.body.scope as string).split(' ')).toEqual(expect.arrayContaining([...list]));
    }
  });
});

describe('launch ids are single-use', () => {
  it('a second authorization with the same launch id is refused', async () => {
    const launch = await mintLaunch('pat-a');
    await launchCode('launch openid patient/Observation.rs', launch);
    const again = await authorize({
      origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI, scope: 'launch openid patient/Observation.rs', launch,
    });
    expect(again).toMatchObject({ kind: 'error', error: 'invalid_request' });
    expect((again as { description: string }).description).toMatch(/already used/);
  });
});

describe('a replayed authorization code revokes the tokens issued from it', () => {
  it('the second exchange fails, and the access and refresh tokens of the first stop working', async () => {
    const { code, verifier } = await launchCode('launch openid fhirUser online_access patient/Observation.rs');
    const first = await exchangeCode(sandbox.origin, REDIRECT_URI, code, verifier);
    expect(first.status).toBe(200);
    const accessToken = first.body.access_token as string;
    const refreshToken = first.body.refresh_token as string;
    expect(refreshToken).toMatch(/\S/);
    expect((await fhirGet(sandbox, 'Observation?patient=pat-a&_count=1', accessToken)).status).toBe(200);

    const replay = await exchangeCode(sandbox.origin, REDIRECT_URI, code, verifier);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');

    const after = await fhirGet(sandbox, 'Observation?patient=pat-a&_count=1', accessToken);
    expect(after.status).toBe(401);
    expect(JSON.stringify(after.body)).toContain('revoked');
    const refreshed = await refresh(sandbox.origin, refreshToken);
    expect(refreshed.status).toBe(400);
  });
});
