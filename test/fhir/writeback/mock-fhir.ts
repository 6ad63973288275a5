/**
 * A small in-memory FHIR server for the write-back tests: conditional create (If-None-Exist), transactions with
 * urn:uuid references and ifNoneExist, search by identifier and _tag, read, update. Faults are queued one-shot.
 * Served through msw (real fetch) in write.test.ts, or called directly by `directHttp` for the hook test.
 */
import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import { http as mswHttp, HttpResponse } from 'msw';
import type { FhirHttp, FhirHttpRequest, FhirHttpResponse } from '../../../src/fhir/contract';
import { FhirNetworkError } from '../../../src/fhir/errors';

const BASE = 'http://fhir.test/fhir';

export interface MockRequest {
  method: string;
  /** Path relative to the base, with query ("CarePlan?identifier=..."), '' for the base. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface MockResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Delay before answering (the client's timeout may fire first). */
  delayMs?: number;
}

export interface Fault {
  /** Which request it applies to. */
  match: (request: MockRequest) => boolean;
  /** 'reply': answer without touching the store; 'commit-then-reply': do the work, then answer with this instead. */
  mode: 'reply' | 'commit-then-reply';
  response: MockResponse;
}

function outcome(text: string, code = 'processing') {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}

export class MockFhir {
  readonly store = new Map<string, Resource>();
  readonly requests: MockRequest[] = [];
  private readonly faults: Fault[] = [];
  private nextId = 1;

  constructor(public acceptsTransaction = true) {}

  fault(fault: Fault): this {
    this.faults.push(fault);
    return this;
  }

  all(type: string): Resource[] {
    return [...this.store.values()].filter((r) => r.resourceType === type);
  }

  count(method: string, pathPrefix: string): number {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length;
  }

  async handle(request: MockRequest): Promise<MockResponse> {
    this.requests.push(request);
    const index = this.faults.findIndex((f) => f.match(request));
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    if (fault?.mode === 'reply') return fault.response;
    const response = this.route(request);
    return fault ? fault.response : response;
  }

  // ---- routing ----

  private route(request: MockRequest): MockResponse {
    const [pathOnly = '', query = ''] = request.path.split('?');
    const parts = pathOnly.split('/').filter(Boolean);
    if (request.method === 'GET' && parts[0] === 'metadata') return { status: 200, body: this.capability() };
    if (request.method === 'POST' && parts.length === 0) return this.transaction(request.body as Bundle);
    const [type, id] = parts;
    if (!type) return { status: 404, body: outcome('unknown path', 'not-found') };
    if (request.method === 'GET' && !id) return { status: 200, body: this.searchBundle(type, new URLSearchParams(query)) };
    if (request.method === 'GET' && id) {
      const found = this.store.get(`${type}/${id}`);
      return found ? { status: 200, body: found } : { status: 404, body: outcome('not found', 'not-found') };
    }
    if (request.method === 'POST') return this.create(type, request.body as Resource, request.headers['if-none-exist']);
    if (request.method === 'PUT' && id) {
      const updated = { ...(request.body as Resource), id };
      this.store.set(`${type}/${id}`, updated);
      return { status: 200, body: updated };
    }
    return { status: 405, body: outcome('method not allowed', 'not-supported') };
  }

  private capability() {
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [{ mode: 'server', interaction: this.acceptsTransaction ? [{ code: 'transaction' }] : [] }],
    };
  }

  search(type: string, params: URLSearchParams): Resource[] {
    const identifier = params.get('identifier');
    const tag = params.get('_tag');
    return this.all(type).filter((resource) => {
      const r = resource as Resource & { identifier?: { system?: string; value?: string }[] };
      if (identifier && !(r.identifier ?? []).some((i) => `${i.system}|${i.value}` === identifier)) return false;
      if (tag && !(r.meta?.tag ?? []).some((t) => `${t.system}|${t.code}` === tag)) return false;
      return true;
    });
  }

  private searchBundle(type: string, params: URLSearchParams): Bundle {
    const found = this.search(type, params);
    return { resourceType: 'Bundle', type: 'searchset', total: found.length, entry: found.map((resource) => ({ resource })) };
  }

  private create(type: string, resource: Resource, ifNoneExist: string | undefined): MockResponse {
    if (ifNoneExist) {
      const existing = this.search(type, new URLSearchParams(ifNoneExist));
      if (existing.length > 1) return { status: 412, body: outcome('multiple matches') };
      if (existing[0]) return { status: 200, body: existing[0], headers: { location: `${BASE}/${type}/${existing[0].id}/_history/1` } };
    }
    const id = String(this.nextId++);
    const stored = { ...resource, id, meta: { ...resource.meta, versionId: '1' } };
    this.store.set(`${type}/${id}`, stored);
    return { status: 201, body: stored, headers: { location: `${BASE}/${type}/${id}/_history/1` } };
  }

  private transaction(bundle: Bundle): MockResponse {
    if (!this.acceptsTransaction) return { status: 400, body: outcome('transaction not supported', 'not-supported') };
    const refs = new Map<string, string>();
    const results: BundleEntry[] = [];
    // First pass: resolve ifNoneExist and assign ids (as a real server does before rewriting references).
    const planned = (bundle.entry ?? []).map((entry) => {
      const type = entry.request?.url ?? '';
      const existing = entry.request?.ifNoneExist ? this.search(type, new URLSearchParams(entry.request.ifNoneExist))[0] : undefined;
      const id = existing?.id ?? String(this.nextId++);
      if (entry.fullUrl) refs.set(entry.fullUrl, `${type}/${id}`);
      return { entry, type, id, existing };
    });
    for (const { entry, type, id, existing } of planned) {
      if (existing) {
        results.push({ response: { status: '200 OK', location: `${type}/${id}/_history/1` }, resource: existing });
        continue;
      }
      const resolved = JSON.parse(JSON.stringify(entry.resource), (key, value: unknown) =>
        key === 'reference' && typeof value === 'string' && refs.has(value) ? refs.get(value) : value,
      ) as Resource;
      const stored = { ...resolved, id };
      this.store.set(`${type}/${id}`, stored);
      results.push({ response: { status: '201 Created', location: `${type}/${id}/_history/1` }, resource: stored });
    }
    return { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry: results } };
  }

  // ---- transports ----

  /** msw handlers serving this mock at BASE. */
  handlers() {
    return [
      mswHttp.all(`${BASE}/*`, async ({ request }) => this.viaMsw(request)),
      mswHttp.all(BASE, async ({ request }) => this.viaMsw(request)),
    ];
  }

  private async viaMsw(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = `${url.pathname.replace(/^\/fhir\/?/, '')}${url.search}`;
    const text = request.method === 'GET' ? '' : await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    const response = await this.handle({ method: request.method, path, headers, body: text ? (JSON.parse(text) as unknown) : undefined });
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    // status 0: a network failure (connection reset), no HTTP answer at all.
    if (response.status === 0) return HttpResponse.error();
    // `body: undefined`: an empty body, as servers send for `Prefer: return=minimal`.
    if (response.body === undefined) return new HttpResponse(null, { status: response.status, headers: response.headers ?? {} });
    return HttpResponse.json(response.body as Record<string, unknown>, { status: response.status, headers: response.headers ?? {} });
  }
}

/** A FhirHttp over real fetch (intercepted by msw), with a timeout that rejects like the FHIR layer's. */
export function fetchHttp(base = BASE): FhirHttp & { sent: FhirHttpRequest[] } {
  const sent: FhirHttpRequest[] = [];
  return {
    sent,
    async send(request: FhirHttpRequest): Promise<FhirHttpResponse> {
      sent.push(request);
      const url = /^https?:/.test(request.url) ? request.url : request.url === '' ? base : `${base}/${request.url}`;
      const exchange = (async () => {
        const response = await fetch(url, {
          method: request.method,
          headers: { accept: 'application/fhir+json', 'content-type': 'application/fhir+json', ...(request.headers ?? {}) },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        const text = await response.text();
        let body: unknown;
        try {
          body = text ? (JSON.parse(text) as unknown) : null;
        } catch {
          body = null;
        }
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
        return { status: response.status, headers, body, text };
      })();
      if (!request.timeoutMs) return exchange;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FhirNetworkError('timeout', `No answer within ${request.timeoutMs} ms`)), request.timeoutMs);
      });
      try {
        return await Promise.race([exchange, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A FhirHttp that calls the mock directly (no fetch): for component/hook tests under jsdom. */
export function directHttp(mock: MockFhir): FhirHttp {
  return {
    async send(request) {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers ?? {})) headers[key.toLowerCase()] = value;
      const path = request.url.startsWith(BASE) ? request.url.slice(BASE.length + 1) : request.url;
      const response = await mock.handle({ method: request.method, path, headers, body: request.body === undefined ? undefined : structuredClone(request.body) });
      if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
      if (response.status === 0) throw new FhirNetworkError('network', 'connection reset');
      return { status: response.status, headers: response.headers ?? {}, body: response.body, text: JSON.stringify(response.body) };
    },
  };
}
