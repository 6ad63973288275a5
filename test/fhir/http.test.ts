// @vitest-environment node
/**
 * FhirHttp against msw: bearer token, refresh ahead of expiry and once on 401, 429/503 bounded retries honouring Retry-After,
 * timeouts, non-JSON bodies, OperationOutcome text, and the token never sent to another origin.
 */
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FhirNetworkError, SessionExpiredError } from '../../src/fhir/errors';
import {
  createFhirHttp,
  describeHttpError,
  describeUnreadableBody,
  operationOutcomeText,
  retryAfterMs,
} from '../../src/fhir/http';
import { BASE } from './msw-fhir';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function makeHttp(overrides: Partial<Parameters<typeof createFhirHttp>[0]> = {}) {
  const sleeps: number[] = [];
  const httpClient = createFhirHttp({
    baseUrl: BASE,
    auth: { accessToken: () => 'token-1' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.parse('2026-11-22T04:00:00Z'),
    timeoutMs: 2_000,
    ...overrides,
  });
  return { httpClient, sleeps };
}

describe('FhirHttp basics', () => {
  it('sends the bearer token and FHIR accept header to base-relative URLs and parses JSON', async () => {
    let seen: Headers | undefined;
    server.use(
      http.get(`${BASE}/Patient/p1`, ({ request }) => {
        seen = request.headers;
        return HttpResponse.json({ resourceType: 'Patient', id: 'p1' });
      }),
    );
    const { httpClient } = makeHttp();
    const response = await httpClient.send({ method: 'GET', url: 'Patient/p1' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(seen?.get('authorization')).toBe('Bearer token-1');
    expect(seen?.get('accept')).toBe('application/fhir+json');
  });

  it('refuses an absolute URL on another origin (the token must not leak)', async () => {
    const { httpClient } = makeHttp();
    await expect(httpClient.send({ method: 'GET', url: 'http://evil.test/fhir/Patient' })).rejects.toThrow(/outside the FHIR server/);
  });

  it('resolves 4xx/5xx responses instead of throwing, with the OperationOutcome text available', async () => {
    server.use(
      http.get(`${BASE}/Condition`, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Scope patient/Condition.read not granted' }] },
          { status: 403 },
        ),
      ),
    );
    const { httpClient } = makeHttp();
    const response = await httpClient.send({ method: 'GET', url: 'Condition?patient=p1' });
    expect(response.status).toBe(403);
    expect(describeHttpError(response)).toBe(
      '403: access not granted (scope not granted or forbidden) (Scope patient/Condition.read not granted)',
    );
  });

  it('keeps an HTML body as text with body null, and says so in plain words', async () => {
    server.use(http.get(`${BASE}/Observation`, () => HttpResponse.html('<html><body>Login</body></html>')));
    const { httpClient } = makeHttp();
    const response = await httpClient.send({ method: 'GET', url: 'Observation?patient=p1' });
    expect(response.body).toBeNull();
    expect(response.text).toContain('<html>');
    expect(describeUnreadableBody(response)).toMatch(/web page \(HTML\)/);
  });

  it('says when the body is broken JSON', async () => {
    server.use(http.get(`${BASE}/Observation`, () => HttpResponse.text('{"resourceType": "Bund', { headers: { 'content-type': 'application/fhir+json' } })));
    const { httpClient } = makeHttp();
    const response = await httpClient.send({ method: 'GET', url: 'Observation?patient=p1' });
    expect(describeUnreadableBody(response)).toBe('the server sent data that is not valid JSON');
  });
});

describe('401 handling', () => {
  it('refreshes once and retries with the new token', async () => {
    let token = 'old';
    const refresh = vi.fn(async () => {
      token = 'new';
      return true;
    });
    server.use(
      http.get(`${BASE}/Condition`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const { httpClient } = makeHttp({ auth: { accessToken: () => token, refresh } });
    const response = await httpClient.send({ method: 'GET', url: 'Condition?patient=p1' });
    expect(response.status).toBe(200);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('asks for a refresh ahead of every request, and sends the token it then holds', async () => {
    let token = 'old';
    const seen: string[] = [];
    const refreshIfNeeded = vi.fn(async () => {
      token = 'new';
    });
    server.use(
      http.get(`${BASE}/Condition`, ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' });
      }),
    );
    const { httpClient } = makeHttp({ auth: { accessToken: () => token, refreshIfNeeded } });
    await httpClient.send({ method: 'GET', url: 'Condition?patient=p1' });
    expect(refreshIfNeeded).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer new']);
  });

  it('sends the current token when the refresh ahead fails, and lets the server decide', async () => {
    server.use(http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' })));
    const { httpClient } = makeHttp({ auth: { accessToken: () => 'still-valid', refreshIfNeeded: () => Promise.reject(new Error('invalid_grant')) } });
    expect((await httpClient.send({ method: 'GET', url: 'Condition?patient=p1' })).status).toBe(200);
  });

  it('waits for a stalled refresh no longer than the caller does (the read deadline aborts it)', async () => {
    const { httpClient } = makeHttp({ auth: { accessToken: () => 't', refreshIfNeeded: () => new Promise<void>(() => {}) } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await httpClient.send({ method: 'GET', url: 'Condition?patient=p1', signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirNetworkError);
    expect(error).toMatchObject({ kind: 'aborted' });
  });

  it('a refresh after a 401 that does not answer in time ends the session', async () => {
    server.use(http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 401 })));
    const { httpClient } = makeHttp({ timeoutMs: 50, auth: { accessToken: () => 't', refresh: () => new Promise<boolean>(() => {}) } });
    await expect(httpClient.send({ method: 'GET', url: 'Condition?patient=p1' })).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('throws SessionExpiredError when there is no refresh token', async () => {
    server.use(http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 401 })));
    const { httpClient } = makeHttp();
    await expect(httpClient.send({ method: 'GET', url: 'Condition?patient=p1' })).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('throws SessionExpiredError when the refresh fails or the new token is refused too', async () => {
    server.use(http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 401 })));
    const failing = makeHttp({ auth: { accessToken: () => 't', refresh: async () => Promise.reject(new Error('invalid_grant')) } });
    await expect(failing.httpClient.send({ method: 'GET', url: 'Condition?patient=p1' })).rejects.toBeInstanceOf(SessionExpiredError);

    let token = 'a';
    const refused = makeHttp({
      auth: {
        accessToken: () => token,
        refresh: async () => {
          token = 'b';
          return true;
        },
      },
    });
    await expect(refused.httpClient.send({ method: 'GET', url: 'Condition?patient=p1' })).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

describe('429 and 503: bounded retries honouring Retry-After', () => {
  it('waits the seconds Retry-After asks, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/Observation`, () => {
        calls += 1;
        return calls < 3
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' });
      }),
    );
    const { httpClient, sleeps } = makeHttp();
    const response = await httpClient.send({ method: 'GET', url: 'Observation?patient=p1' });
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('honours Retry-After as an HTTP date, capped at the maximum wait', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/Observation`, () => {
        calls += 1;
        const retryAt = calls === 1 ? 'Sun, 22 Nov 2026 04:00:05 GMT' : 'Sun, 22 Nov 2026 05:00:00 GMT';
        return calls < 3
          ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': retryAt } })
          : HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' });
      }),
    );
    const { httpClient, sleeps } = makeHttp({ maxRetryDelayMs: 10_000 });
    await httpClient.send({ method: 'GET', url: 'Observation?patient=p1' });
    expect(sleeps).toEqual([5000, 10_000]);
  });

  it('gives up after the bounded number of retries and returns the last 503', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/Observation`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const { httpClient, sleeps } = makeHttp({ maxRetries: 3 });
    const response = await httpClient.send({ method: 'GET', url: 'Observation?patient=p1' });
    expect(response.status).toBe(503);
    expect(calls).toBe(4);
    expect(sleeps).toEqual([1000, 2000, 4000]); // no Retry-After: exponential backoff
  });

  it('parses Retry-After forms (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('2026-11-22T04:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 22 Nov 2026 04:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 03:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

describe('stalled server and network failure', () => {
  it('times out a request that never answers', async () => {
    server.use(
      http.get(`${BASE}/Procedure`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const { httpClient } = makeHttp({ timeoutMs: 50 });
    const error = await httpClient.send({ method: 'GET', url: 'Procedure?patient=p1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirNetworkError);
    expect((error as FhirNetworkError).kind).toBe('timeout');
  });

  it('reports a network failure as FhirNetworkError', async () => {
    server.use(http.get(`${BASE}/Procedure`, () => HttpResponse.error()));
    const { httpClient } = makeHttp();
    const error = await httpClient.send({ method: 'GET', url: 'Procedure?patient=p1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirNetworkError);
    expect((error as FhirNetworkError).kind).toBe('network');
  });

  it('stops when the caller aborts', async () => {
    server.use(
      http.get(`${BASE}/Procedure`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const { httpClient } = makeHttp();
    const controller = new AbortController();
    const pending = httpClient.send({ method: 'GET', url: 'Procedure?patient=p1', signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect((error as FhirNetworkError).kind).toBe('aborted');
  });
});

describe('operationOutcomeText', () => {
  it('joins diagnostics, details text and coding display, without duplicates', () => {
    expect(
      operationOutcomeText({
        resourceType: 'OperationOutcome',
        issue: [
          { diagnostics: 'Too costly' },
          { details: { text: 'Try again later' } },
          { details: { coding: [{ display: 'Too costly' }] } },
          { code: 'processing' },
        ],
      }),
    ).toBe('Too costly; Try again later; processing');
    expect(operationOutcomeText({ resourceType: 'Bundle' })).toBeNull();
    expect(operationOutcomeText({ resourceType: 'OperationOutcome' })).toMatch(/without text/);
  });
});
