/**
 * Token refresh through fhirclient's own Client (a real one, built from a stored launch state) against msw: a token
 * about to expire is refreshed before the read is sent, concurrent requests share one refresh, and a refused refresh
 * ends in the session-expired path (the read keeps what it had; the write sends nothing).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SessionExpiredError } from '../../src/fhir/errors';
import type { SmartClientLike } from '../../src/fhir/fhirclient-adapter';
import { readPatientRecord } from '../../src/fhir/read';
import { WriteBackError } from '../../src/fhir/writeback/write-contract';
import { writeCarePlan } from '../../src/fhir/writeback/write';
import { BASE, fakeFhirServer, many, PATIENT_ID } from './msw-fhir';
import { ALL_SCOPES, draft } from './writeback/fixture';

const TOKEN_URI = 'http://auth.test/token';
const mswServer = setupServer();
// fhirclient takes `fetch` when it loads, so it (and smart.ts, which imports it) is loaded once msw is listening.
let FHIR: typeof import('fhirclient/lib/entry/browser');
let sessionFromClient: typeof import('../../src/fhir/smart').sessionFromClient;
beforeAll(async () => {
  mswServer.listen({ onUnhandledRequest: 'error' });
  FHIR = ((await import('fhirclient')) as unknown as { default: typeof FHIR }).default;
  ({ sessionFromClient } = await import('../../src/fhir/smart'));
});
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

/** What happened, in order: token requests and FHIR requests with the token they carried. */
let events: string[] = [];

/** A client as fhirclient's ready() leaves it: access token "at-1" expiring `expiresInSeconds` from now. */
function launchedClient(expiresInSeconds: number): SmartClientLike {
  const client = FHIR.client({
    serverUrl: BASE,
    clientId: 'trd-timeline-local',
    tokenUri: TOKEN_URI,
    scope: 'launch openid fhirUser online_access patient/*.read',
    expiresAt: Math.floor(Date.now() / 1000) + expiresInSeconds,
    tokenResponse: {
      access_token: 'at-1',
      refresh_token: 'rt-1',
      token_type: 'Bearer',
      scope: 'launch openid fhirUser online_access patient/*.read',
      patient: PATIENT_ID,
    },
  });
  return client;
}

/** The token endpoint: grants "at-2" for the refresh token, or refuses it. */
function tokenEndpoint(answer: 'grant' | 'refuse') {
  return http.post(TOKEN_URI, async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    events.push(`token ${body.get('grant_type')}`);
    if (answer === 'refuse') return HttpResponse.json({ error: 'invalid_grant', error_description: 'refresh token revoked' }, { status: 400 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    return HttpResponse.json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 3600, scope: 'online_access patient/*.read' });
  });
}

/** Every FHIR request is logged; only `accepted` tokens are let through to the FHIR handlers, the others get 401. */
function fhirGate(accepted: string[]) {
  return http.all(`${BASE}/*`, ({ request }) => {
    const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
    events.push(`${request.method} ${new URL(request.url).pathname.split('/')[2]} ${token}`);
    return accepted.includes(token) ? undefined : new HttpResponse(null, { status: 401 });
  });
}

function serve(answer: 'grant' | 'refuse', accepted: string[]) {
  events = [];
  const fhir = fakeFhirServer([{ resourceType: 'Patient', id: PATIENT_ID }, ...many('Condition', 2), ...many('Observation', 2)]);
  mswServer.resetHandlers(tokenEndpoint(answer), fhirGate(accepted), ...fhir.handlers);
}

describe('token refresh through fhirclient', () => {
  it('refreshes a token that expires within seconds before sending the request, so the server never refuses one', async () => {
    serve('grant', ['at-2']);
    const session = sessionFromClient(launchedClient(5));
    const response = await session.http.send({ method: 'GET', url: `Condition?patient=${PATIENT_ID}` });
    expect(response.status).toBe(200);
    expect(events).toEqual(['token refresh_token', 'GET Condition at-2']);
  });

  it('does not refresh a token with time left', async () => {
    serve('grant', ['at-1']);
    const session = sessionFromClient(launchedClient(600));
    expect((await session.http.send({ method: 'GET', url: `Condition?patient=${PATIENT_ID}` })).status).toBe(200);
    expect(events).toEqual(['GET Condition at-1']);
  });

  it('shares one refresh between the concurrent searches of a read when the token is about to expire', async () => {
    serve('grant', ['at-2']);
    const result = await readPatientRecord(sessionFromClient(launchedClient(5)));
    expect(result.complete).toBe(true);
    expect(events.filter((e) => e.startsWith('token'))).toEqual(['token refresh_token']);
    expect(events.filter((e) => !e.startsWith('token')).every((e) => e.endsWith(' at-2'))).toBe(true);
    expect(result.resources.filter((r) => r.resourceType === 'Condition')).toHaveLength(2);
  });

  it('shares one refresh between concurrent requests refused with 401 (a token revoked before its expiry)', async () => {
    serve('grant', ['at-2']);
    const session = sessionFromClient(launchedClient(600));
    const responses = await Promise.all(
      ['Condition', 'Observation', 'Procedure'].map((type) => session.http.send({ method: 'GET', url: `${type}?patient=${PATIENT_ID}` })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(events.filter((e) => e.startsWith('token'))).toEqual(['token refresh_token']);
  });

  it('a refused refresh ends the read with SessionExpiredError, carrying what the read had', async () => {
    serve('refuse', []);
    const error = await readPatientRecord(sessionFromClient(launchedClient(5))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).partialResult?.complete).toBe(false);
    // fhirclient drops the refused refresh token, so the refresh is not tried again for every search.
    expect(events.filter((e) => e.startsWith('token'))).toEqual(['token refresh_token']);
  });

  it('a refused refresh before a write: "session expired", nothing written, not retryable', async () => {
    serve('refuse', []);
    const session = { http: sessionFromClient(launchedClient(5)).http, grantedScopes: ALL_SCOPES };
    const error = await writeCarePlan(session, draft()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteBackError);
    expect(error).toMatchObject({ kind: 'session-expired', retryable: false });
    expect((error as WriteBackError).message).toMatch(/expired .* not saved/);
    expect(events.filter((e) => /^(POST|PUT) /.test(e))).toEqual([]);
  });
});
