/**
 * A tiny FHIR search server for msw: resources per type, `patient=` searches paged with `_offset`, `_id=a,b`
 * searches, and a request log, so tests can script faults per type on top of it.
 */
import type { Resource } from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import type { FhirHttp } from '../../src/fhir/contract';
import { createFhirHttp, type FhirHttpOptions } from '../../src/fhir/http';

export const BASE = 'http://fhir.test/fhir';
export const PATIENT_ID = 'p1';

export interface LoggedRequest {
  method: string;
  url: URL;
  authorization: string | null;
}

export function searchset(resources: Resource[], next?: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...extra,
    link: next ? [{ relation: 'self', url: 'ignored' }, { relation: 'next', url: next }] : [],
    entry: resources.map((resource) => ({ fullUrl: `${BASE}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}

/** `count` resources of a type for the test patient, ids "<prefix>-1"… */
export function many(resourceType: string, count: number, extra: Record<string, unknown> = {}): Resource[] {
  return Array.from({ length: count }, (_, i) => ({
    resourceType,
    id: `${resourceType.toLowerCase()}-${i + 1}`,
    subject: { reference: `Patient/${PATIENT_ID}` },
    ...extra,
  }));
}

export interface FakeServer {
  store: Map<string, Resource[]>;
  requests: LoggedRequest[];
  pageSize: number;
  handlers: ReturnType<typeof http.get>[];
  /** Requests for one resource type (path's first segment). */
  requestsFor(resourceType: string): LoggedRequest[];
}

export function fakeFhirServer(initial: Resource[] = [], pageSize = 3): FakeServer {
  const store = new Map<string, Resource[]>();
  for (const resource of initial) {
    store.set(resource.resourceType, [...(store.get(resource.resourceType) ?? []), resource]);
  }
  const requests: LoggedRequest[] = [];
  const server: FakeServer = {
    store,
    requests,
    pageSize,
    handlers: [],
    requestsFor: (type) => requests.filter((r) => r.url.pathname.split('/')[2] === type),
  };
  server.handlers = [
    http.get(`${BASE}/:type/:id`, ({ params }) => {
      const found = (store.get(String(params.type)) ?? []).find((r) => r.id === params.id);
      return found ? HttpResponse.json(found) : HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 404 });
    }),
    http.get(`${BASE}/:type`, ({ params, request }) => {
      const url = new URL(request.url);
      const type = String(params.type);
      let matches = store.get(type) ?? [];
      const ids = url.searchParams.get('_id');
      if (ids) matches = matches.filter((r) => ids.split(',').includes(r.id ?? ''));
      const offset = Number(url.searchParams.get('_offset') ?? 0);
      const page = matches.slice(offset, offset + server.pageSize);
      let next: string | undefined;
      if (offset + server.pageSize < matches.length) {
        const nextUrl = new URL(url);
        nextUrl.searchParams.set('_offset', String(offset + server.pageSize));
        next = nextUrl.href;
      }
      return HttpResponse.json(searchset(page, next, { total: matches.length }));
    }),
  ];
  return server;
}

/** Records every request before the handlers answer (msw's life-cycle event). */
export function recordRequests(server: FakeServer) {
  return ({ request }: { request: Request }) => {
    server.requests.push({ method: request.method, url: new URL(request.url), authorization: request.headers.get('authorization') });
  };
}

/** A session without fhirclient: constant token, fake sleep. */
export function testSession(options: Partial<FhirHttpOptions> = {}): { patientId: string; fhirBaseUrl: string; http: FhirHttp } {
  return {
    patientId: PATIENT_ID,
    fhirBaseUrl: BASE,
    http: createFhirHttp({
      baseUrl: BASE,
      auth: { accessToken: () => 'token-1' },
      sleep: async () => {},
      timeoutMs: 2_000,
      ...options,
    }),
  };
}
