/**
 * Completing the launch on index.html: SmartSession from the token response, launch errors
 * classified into plain words, code/state removed from the URL. The last block runs fhirclient's real ready()
 * (through our adapter) against an msw token endpoint.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { explainError, LaunchError, SessionExpiredError } from '../../src/fhir/errors';
import type { SmartClientLike } from '../../src/fhir/fhirclient-adapter';

const mswServer = setupServer();
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

// Imported after msw is listening: fhirclient captures `fetch` when it loads.
const smart = () => import('../../src/fhir/smart');

function fakeHistory() {
  const calls: string[] = [];
  return { calls, replaceState: (_d: unknown, _u: string, url?: string) => void calls.push(url ?? '') };
}

/** fhirclient's state in this window: a launch waiting for its code, under state key k1. */
const launchInProgress = () => ({ stateKey: 'k1', authorized: false });

function fakeClient(tokenResponse: SmartClientLike['state']['tokenResponse'], fhirUser: string | null = 'Practitioner/dr-demo'): SmartClientLike {
  return {
    state: { serverUrl: 'http://fhir.test/fhir/', tokenResponse, scope: 'launch openid' },
    patient: { id: (tokenResponse?.patient) ?? null },
    getFhirUser: () => fhirUser,
    refreshIfNeeded: vi.fn(async () => {}),
    refresh: vi.fn(async () => {}),
  };
}

describe('classifyLaunchError', () => {
  it('recognises a page opened without launch state (fhirclient’s messages)', async () => {
    const { classifyLaunchError } = await smart();
    expect(classifyLaunchError(new Error("No 'state' parameter found. Please (re)launch the app.")).kind).toBe('no-launch-state');
    expect(classifyLaunchError(new Error('No state found! Please (re)launch the app.')).kind).toBe('no-launch-state');
  });

  it('recognises an expired or reused authorization code and an expired session', async () => {
    const { classifyLaunchError } = await smart();
    expect(classifyLaunchError(new Error('Bad Request\ninvalid_grant: authorization code is invalid or expired')).kind).toBe('session-expired');
    expect(classifyLaunchError(new SessionExpiredError()).kind).toBe('session-expired');
  });

  it('keeps the OAuth error description as one line of text, never a stack', async () => {
    const { classifyLaunchError } = await smart();
    const error = classifyLaunchError(new Error('Unauthorized\ninvalid_client: client authentication failed\n    at foo (x.js:1)'));
    expect(error).toMatchObject({ kind: 'oauth-error', detail: 'invalid_client: client authentication failed' });
    const unknown = classifyLaunchError(new TypeError('x is undefined\n    at bar (y.js:2)'));
    expect(unknown).toMatchObject({ kind: 'unknown', detail: 'x is undefined' });
    expect(explainError(unknown).howToRelaunch).toMatch(/open the app again/);
  });
});

describe('connectSmart', () => {
  it('access_denied in the redirect URL: explained, URL cleaned, no token exchange attempted', async () => {
    const { connectSmart } = await smart();
    const history = fakeHistory();
    const ready = vi.fn();
    const error = await connectSmart({
      ready,
      history,
      pendingLaunch: launchInProgress,
      location: { href: 'http://app.test/index.html?error=access_denied&error_description=The+user+declined&state=k1' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error).toMatchObject({ kind: 'access-denied', detail: 'The EHR’s authorization server said: “The user declined”' });
    expect((error as LaunchError).howToRelaunch).toMatch(/launch|open the app/i);
    expect(ready).not.toHaveBeenCalled();
    expect(history.calls).toEqual(['/index.html']);
  });

  it('another OAuth error of the launch in progress shows its error_description as text, as the server’s words', async () => {
    const { connectSmart } = await smart();
    const error = await connectSmart({
      ready: vi.fn(),
      history: fakeHistory(),
      pendingLaunch: launchInProgress,
      location: { href: 'http://app.test/index.html?error=invalid_scope&error_description=%3Cb%3Ebad%3C%2Fb%3E+scope&state=k1' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'oauth-error', detail: 'The EHR’s authorization server said: “invalid_scope: <b>bad</b> scope”' });
  });

  it.each([
    ['no launch in this window', null, 'state=k1'],
    ['no state in the URL', { stateKey: 'k1', authorized: false }, ''],
    ['another state in the URL', { stateKey: 'k1', authorized: false }, 'state=attacker'],
    ['a launch already completed', { stateKey: 'k1', authorized: true }, 'state=k1'],
  ])('OAuth error text outside a launch in progress (%s) is not shown: "not launched from the EHR"', async (_name, pending, state) => {
    const { connectSmart } = await smart();
    const history = fakeHistory();
    const ready = vi.fn();
    const error = await connectSmart({
      ready,
      history,
      pendingLaunch: () => pending,
      location: { href: `http://app.test/index.html?error=invalid_request&error_description=Call+555-0100+to+restore+access&${state}` },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'no-launch-state', detail: '' });
    expect(JSON.stringify(explainError(error))).not.toContain('555-0100');
    expect(ready).not.toHaveBeenCalled();
    expect(history.calls).toEqual(['/index.html']);
  });

  it.each([
    ['without state', 'code=attacker-code', 'state-mismatch'],
    ['with another state', 'code=attacker-code&state=other', 'state-mismatch'],
  ])('a code %s is refused with a clear page and never exchanged', async (_name, query, kind) => {
    const { connectSmart } = await smart();
    const ready = vi.fn();
    const history = fakeHistory();
    const error = await connectSmart({
      ready, history, pendingLaunch: launchInProgress, location: { href: `http://app.test/index.html?${query}` },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, title: 'This sign-in does not belong to your launch' });
    expect(ready).not.toHaveBeenCalled();
    expect(history.calls).toEqual(['/index.html']);
  });

  it('a code with no launch started in this window is refused as "not launched from the EHR"', async () => {
    const { connectSmart } = await smart();
    const ready = vi.fn();
    const error = await connectSmart({
      ready, history: fakeHistory(), pendingLaunch: () => null, location: { href: 'http://app.test/index.html?code=c&state=k1' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'no-launch-state' });
    expect(ready).not.toHaveBeenCalled();
  });

  it('builds the session from the token response and removes code/state from the URL, keeping the rest', async () => {
    const { connectSmart } = await smart();
    const history = fakeHistory();
    const session = await connectSmart({
      ready: async () =>
        fakeClient({ access_token: 'a', patient: 'p1', scope: 'launch openid fhirUser patient/Condition.read', need_patient_banner: false }),
      history,
      pendingLaunch: launchInProgress,
      location: { href: 'http://app.test/index.html?code=secret&state=k1&view=table#top' },
    });
    expect(session).toMatchObject({
      fhirBaseUrl: 'http://fhir.test/fhir',
      patientId: 'p1',
      userReference: 'Practitioner/dr-demo',
      needPatientBanner: false,
      grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/Condition.read'],
    });
    expect(history.calls).toEqual(['/index.html?view=table#top']);
  });

  it('shows the patient banner unless the EHR says it is not needed; fhirUser may be a full URL or absent', async () => {
    const { sessionFromClient } = await smart();
    expect(sessionFromClient(fakeClient({ access_token: 'a', patient: 'p1' })).needPatientBanner).toBe(true);
    expect(sessionFromClient(fakeClient({ access_token: 'a', patient: 'p1' }, 'https://ehr.example/fhir/Practitioner/77')).userReference).toBe(
      'Practitioner/77',
    );
    expect(sessionFromClient(fakeClient({ access_token: 'a', patient: 'p1' }, null)).userReference).toBeNull();
  });

  it('a launch without patient context is explained', async () => {
    const { connectSmart } = await smart();
    const error = await connectSmart({
      ready: async () => fakeClient({ access_token: 'a' }),
      history: fakeHistory(),
      location: { href: 'http://app.test/index.html' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'no-patient' });
  });

  it('the session’s http sends the token, and refreshes through fhirclient on 401 only when a refresh token exists', async () => {
    const { sessionFromClient } = await smart();
    const client = fakeClient({ access_token: 'old', refresh_token: 'r', patient: 'p1' });
    const refresh = vi.fn(async () => {
      client.state.tokenResponse!.access_token = 'new';
    });
    client.refresh = refresh;
    const seen: string[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response(auth === 'Bearer new' ? '{"resourceType":"Bundle"}' : '', { status: auth === 'Bearer new' ? 200 : 401 });
    });
    const session = sessionFromClient(client, { fetch });
    expect((await session.http.send({ method: 'GET', url: 'Condition?patient=p1' })).status).toBe(200);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(refresh).toHaveBeenCalledTimes(1);

    const noRefresh = sessionFromClient(fakeClient({ access_token: 'old', patient: 'p1' }), { fetch });
    await expect(noRefresh.http.send({ method: 'GET', url: 'Condition' })).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

// fhirclient's browser adapter caches the page URL for the module's lifetime (one page load), so each test file
// holds at most one real ready() call; the "opened directly" case is in smart-no-state.test.ts.
describe('with the real fhirclient ready()', () => {
  const tokenUri = 'http://auth.test/token';
  const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

  beforeEach(() => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/index.html');
  });

  it('exchanges the code, reads patient, fhirUser and need_patient_banner, and cleans the URL', async () => {
    const tokenRequests: string[] = [];
    mswServer.use(
      http.post(tokenUri, async ({ request }) => {
        const body = await request.text();
        tokenRequests.push(body);
        if (body.includes('grant_type=refresh_token')) {
          return HttpResponse.json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 300, scope: 'offline_access' });
        }
        return HttpResponse.json({
          access_token: 'at-1',
          refresh_token: 'rt-1',
          token_type: 'Bearer',
          expires_in: 300,
          scope: 'launch openid fhirUser offline_access patient/Condition.read',
          patient: 'mdd-responder',
          need_patient_banner: false,
          id_token: `${base64url({ alg: 'none' })}.${base64url({ sub: 'u', fhirUser: 'http://127.0.0.1:4010/fhir/Practitioner/dr-demo' })}.x`,
        });
      }),
    );
    sessionStorage.setItem('SMART_KEY', JSON.stringify('k1'));
    sessionStorage.setItem(
      'k1',
      JSON.stringify({
        clientId: 'trd-timeline-local',
        scope: 'launch openid fhirUser patient/Condition.read',
        redirectUri: 'http://localhost:3000/index.html',
        serverUrl: 'http://127.0.0.1:4010/fhir',
        tokenUri,
        authorizeUri: 'http://auth.test/authorize',
        key: 'k1',
        codeVerifier: 'verifier-1',
        tokenResponse: {},
        completeInTarget: true,
      }),
    );
    window.history.replaceState(null, '', '/index.html?code=code-1&state=k1');
    const { connectSmart } = await smart();
    const session = await connectSmart();
    expect(tokenRequests[0]).toContain('code=code-1');
    expect(tokenRequests[0]).toContain('code_verifier=verifier-1');
    expect(session).toMatchObject({
      patientId: 'mdd-responder',
      userReference: 'Practitioner/dr-demo',
      needPatientBanner: false,
      fhirBaseUrl: 'http://127.0.0.1:4010/fhir',
    });
    expect(window.location.search).toBe('');
    // Tokens only in sessionStorage.
    expect(JSON.stringify(Object.entries(sessionStorage))).toContain('at-1');
    expect(localStorage.length).toBe(0);

    // A 401 mid-session: fhirclient refreshes, identifying the public client (oidc-provider requires client_id).
    mswServer.use(
      http.get('http://127.0.0.1:4010/fhir/Condition', ({ request }) =>
        request.headers.get('authorization') === 'Bearer at-2'
          ? HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const response = await session.http.send({ method: 'GET', url: 'Condition?patient=mdd-responder' });
    expect(response.status).toBe(200);
    expect(tokenRequests[1]).toContain('grant_type=refresh_token');
    expect(tokenRequests[1]).toContain('client_id=trd-timeline-local');
  });
});
