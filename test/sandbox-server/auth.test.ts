// @vitest-environment node
/**
 * The sandbox's SMART authorization server: EHR launch with launch id and aud checks, PKCE,
 * SMART token-response fields (also on refresh), fhirUser in the id_token, standalone picker and denial.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { decodeJwtPayload } from '../../sandbox/auth-server';
import { REDIRECT_URI, READ_SCOPES_V1, ehrLaunchTokens, startTestSandbox } from './harness';
import { authorize, refresh } from './oauth-client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

async function mintLaunch(patient: string): Promise<string> {
  const response = await fetch(`${sandbox.origin}/ehr/launch?patient=${patient}`, { redirect: 'manual' });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe('http://127.0.0.1:5999/launch.html');
  expect(location.searchParams.get('iss')).toBe(sandbox.fhirBaseUrl);
  return location.searchParams.get('launch') ?? '';
}

describe('EHR launch', () => {
  it('grants a token with the SMART launch context and the requested scopes', async () => {
    const token = await ehrLaunchTokens(sandbox, 'pat-a');
    expect(token.patient).toBe('pat-a');
    expect(token.need_patient_banner).toBe(true);
    expect(token.smart_style_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ehr\/smart-style\.json$/);
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'patient/Observation.read']));
    expect(token.refresh_token).toEqual(expect.stringMatching(/\S/));
    const idToken = decodeJwtPayload(token.id_token);
    expect(idToken.fhirUser).toBe('Practitioner/dr-demo');
    const access = decodeJwtPayload(token.access_token);
    expect(access.aud).toBe(sandbox.fhirBaseUrl);
    expect(access.patient).toBe('pat-a');
  });

  it('carries need_patient_banner=false from the EHR page and keeps the context on refresh', async () => {
    const token = await ehrLaunchTokens(sandbox, 'pat-b', READ_SCOPES_V1, false);
    expect(token.need_patient_banner).toBe(false);
    const refreshed = await refresh(sandbox.origin, token.refresh_token ?? '');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe('pat-b');
    expect(refreshed.body.need_patient_banner).toBe(false);
    expect(refreshed.body.access_token).not.toBe(token.access_token);
  });

  it('refreshes without client_id in the body, as fhirclient does by default', async () => {
    const token = await ehrLaunchTokens(sandbox, 'pat-a');
    const refreshed = await refresh(sandbox.origin, token.refresh_token ?? '', false);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe('pat-a');
  });

  it('accepts SMART v2 scopes', async () => {
    const token = await ehrLaunchTokens(sandbox, 'pat-a', 'launch openid fhirUser patient/Observation.rs patient/CarePlan.c');
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining(['patient/Observation.rs', 'patient/CarePlan.c']));
    expect(token.refresh_token).toBeUndefined();
  });

  it('refuses a launch id it never issued with an OAuth error redirect to the app', async () => {
    const result = await authorize({ origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI,
      scope: READ_SCOPES_V1, launch: 'forged-launch-id' });
    expect(result).toMatchObject({ kind: 'error', error: 'invalid_request' });
    expect(result.kind === 'error' && result.description).toMatch(/not one this EHR issued/);
  });

  it('refuses an aud that is not its FHIR base', async () => {
    const launch = await mintLaunch('pat-a');
    const result = await authorize({ origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI,
      scope: READ_SCOPES_V1, launch, aud: 'https://elsewhere.example/fhir' });
    expect(result).toMatchObject({ kind: 'error', error: 'invalid_request' });
    expect(result.kind === 'error' && result.description).toMatch(/aud/);
  });

  it('requires PKCE for the public client', async () => {
    const launch = await mintLaunch('pat-a');
    const params = new URLSearchParams({ response_type: 'code', client_id: 'trd-timeline-local', redirect_uri: REDIRECT_URI,
      scope: READ_SCOPES_V1, state: 's', aud: sandbox.fhirBaseUrl, launch });
    const response = await fetch(`${sandbox.origin}/auth/auth?${params.toString()}`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', sandbox.origin);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('never redirects to an unregistered redirect URI', async () => {
    const launch = await mintLaunch('pat-a');
    const result = await authorize({ origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl,
      redirectUri: 'http://evil.example/index.html', scope: READ_SCOPES_V1, launch });
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.status).toBe(400);
  });
});

describe('standalone launch', () => {
  const scope = 'launch/patient openid fhirUser patient/Observation.read';

  it('shows a patient picker with escaped text and binds the picked patient', async () => {
    let pickerHtml = '';
    const result = await authorize({
      origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI, scope,
      onPage: (url, html) => {
        pickerHtml = html;
        return { action: `${new URL(url).pathname}/pick`, form: { patient: 'pat-b' } };
      },
    });
    expect(pickerHtml).toContain('Ann Alpha');
    expect(pickerHtml).toContain('&lt;b&gt;with markup&lt;/b&gt;');
    expect(pickerHtml).not.toContain('<b>with markup</b>');
    expect(result.kind).toBe('code');
  });

  it('Deny returns access_denied to the app', async () => {
    const result = await authorize({
      origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI, scope,
      onPage: (url) => ({ action: `${new URL(url).pathname}/deny`, form: {} }),
    });
    expect(result).toMatchObject({ kind: 'error', error: 'access_denied' });
  });
});

describe('EHR page', () => {
  it('lists the demo patients with escaped summaries and a standalone link', async () => {
    const response = await fetch(`${sandbox.origin}/ehr`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('data-patient-id="pat-a"');
    expect(html).toContain('&lt;b&gt;with markup&lt;/b&gt;');
    expect(html).toContain('/launch.html?iss=');
  });

  it('refuses an unknown patient', async () => {
    const response = await fetch(`${sandbox.origin}/ehr/launch?patient=nobody`, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });
});
