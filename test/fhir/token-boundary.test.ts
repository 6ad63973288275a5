// @vitest-environment node
/**
 * The access token goes only to URLs under the FHIR base, as the WHATWG URL parser (fetch's own) reads them: the
 * hostile link shapes that a raw-string check lets through (leading space or tab, backslashes, protocol-relative,
 * another path on the same origin, climbing out with ../ or an encoded slash) are refused before any request leaves,
 * and a search whose next link is one of them stops paging with a notice.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RefusedUrlError } from '../../src/fhir/errors';
import { createFhirHttp, resolveUnderBase } from '../../src/fhir/http';
import { readPatientRecord } from '../../src/fhir/read';
import { BASE, many, searchset, testSession } from './msw-fhir';

const EHR = 'https://ehr.test:8443/api/fhir/r4';
const base = new URL(`${EHR}/`);

/** Every request that reached fetch, with the Authorization header it carried. */
function recordingHttp() {
  const sent: { url: string; authorization: string | null }[] = [];
  const httpClient = createFhirHttp({
    baseUrl: EHR,
    auth: { accessToken: () => 'secret-token' },
    fetch: async (input, init) => {
      sent.push({ url: input instanceof Request ? input.url : String(input), authorization: new Headers(init?.headers).get('authorization') });
      return new Response('{}', { status: 200 });
    },
  });
  return { httpClient, sent };
}

const REFUSED: [string, string][] = [
  ['leading space before another origin', ' http://evil.example/leak'],
  ['leading tab before another origin', '\thttps://evil.example/leak'],
  ['leading newline before another origin', '\nhttps://evil.example/leak'],
  ['backslashes as slashes', 'http:\\\\evil.example\\leak'],
  ['backslashes with https', 'https:\\\\evil.example\\leak'],
  ['protocol-relative', '//evil.example/leak'],
  ['protocol-relative with backslashes', '\\\\evil.example\\leak'],
  ['another origin', 'https://evil.example/api/fhir/r4/Patient'],
  ['same host, another port', 'https://ehr.test:9999/api/fhir/r4/Patient'],
  ['same host, plain http', 'http://ehr.test:8443/api/fhir/r4/Patient'],
  ['another path on the same origin', 'https://ehr.test:8443/auth/me'],
  ['absolute path outside the base', '/auth/me'],
  ['leading space before an absolute path outside the base', ' /auth/me'],
  ['leading space before the same origin, other path', ' https://ehr.test:8443/leak'],
  ['a sibling path sharing the base as a prefix', 'https://ehr.test:8443/api/fhir/r4-evil/Patient'],
  ['climbing out with ../', '../../../auth/me'],
  ['climbing out with encoded dots', '%2e%2e/%2e%2e/%2e%2e/auth/me'],
  ['an encoded slash in the path', 'Patient/..%2F..%2F..%2Fauth'],
  ['an encoded backslash in the path', 'Patient/..%5C..%5Cauth'],
  ['credentials in the URL', 'https://user:pw@ehr.test:8443/api/fhir/r4/Patient'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a data: URL', 'data:application/json,{}'],
];

describe('resolveUnderBase', () => {
  it.each(REFUSED)('refuses %s', (_name, url) => {
    expect(() => resolveUnderBase(url, base)).toThrow(RefusedUrlError);
  });

  it.each([
    ['a relative search', 'Condition?patient=p1', `${EHR}/Condition?patient=p1`],
    ['a relative read', 'Patient/p1', `${EHR}/Patient/p1`],
    ['the base itself (transactions)', '', `${EHR}/`],
    ['an absolute link under the base', `${EHR}/Condition?page=2`, `${EHR}/Condition?page=2`],
    ['an absolute-path link under the base', '/api/fhir/r4/Condition?page=2', `${EHR}/Condition?page=2`],
    ['an encoded slash in the query (code systems)', 'Observation?code=http%3A%2F%2Floinc.org%7C1', `${EHR}/Observation?code=http%3A%2F%2Floinc.org%7C1`],
  ])('allows %s', (_name, url, expected) => {
    expect(resolveUnderBase(url, base)).toBe(expected);
  });

  it('names the refused origin and path in the notice, never the query (which may name the patient)', () => {
    expect(() => resolveUnderBase(' https://evil.example/leak?patient=p1', base)).toThrow(
      'a link outside the FHIR server (https://evil.example/leak) was refused and not followed, so the token was not sent there',
    );
  });
});

describe('FhirHttp never sends the token outside the base', () => {
  it.each(REFUSED)('%s: rejected before fetch is called', async (_name, url) => {
    const { httpClient, sent } = recordingHttp();
    await expect(httpClient.send({ method: 'GET', url })).rejects.toBeInstanceOf(RefusedUrlError);
    expect(sent).toEqual([]);
  });

  it('sends the token to a link under the base', async () => {
    const { httpClient, sent } = recordingHttp();
    await httpClient.send({ method: 'GET', url: `${EHR}/Condition?page=2` });
    expect(sent).toEqual([{ url: `${EHR}/Condition?page=2`, authorization: 'Bearer secret-token' }]);
  });
});

describe('paging stops with a notice at a next link outside the base', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const origin = new URL(BASE).origin;
  it.each([
    ['a leading space before another origin', ' http://evil.example/leak', 'http://evil.example/leak'],
    ['a leading space before the same origin, other path', ` ${origin}/leak`, `${origin}/leak`],
    ['another path on the FHIR origin', `${origin}/auth/me`, `${origin}/auth/me`],
    ['backslashes', 'http:\\\\evil.example\\leak', 'http://evil.example/leak'],
  ])('%s', async (_name, next, shown) => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      seen.push(new URL(request.url).pathname);
    });
    server.use(
      http.get(`${BASE}/Patient/p1`, () => HttpResponse.json({ resourceType: 'Patient', id: 'p1' })),
      http.get(`${BASE}/Condition`, () => HttpResponse.json(searchset(many('Condition', 2), next))),
      http.get(`${BASE}/:type`, () => HttpResponse.json(searchset([]))),
    );
    const result = await readPatientRecord(testSession());
    server.events.removeAllListeners();
    const condition = result.queries.find((q) => q.resourceType === 'Condition')!;
    expect(condition).toMatchObject({ status: 'partial', pages: 1, count: 2 });
    expect(condition.error).toBe(`a link outside the FHIR server (${shown}) was refused and not followed, so the token was not sent there`);
    expect(result.complete).toBe(false);
    expect(seen.filter((p) => !p.startsWith('/fhir/'))).toEqual([]);
  });
});
