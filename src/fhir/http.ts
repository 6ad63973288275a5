/**
 * `FhirHttp` over `fetch`: bearer token refreshed before it expires, per-request timeout, one refresh on 401, bounded
 * retries on 429/503 honouring Retry-After, JSON parsing that tolerates HTML or broken bodies. The refreshes themselves
 * are fhirclient's (`refreshIfNeeded` before each request, `refresh` after a 401): it keeps the token's expiry and
 * shares one refresh between concurrent requests; this module bounds how long a request waits for one.
 *
 * Semantics (see contract.ts):
 * - resolves for every HTTP status it ends on (after retries), including 4xx/5xx and a final 429/503;
 * - rejects with FhirNetworkError on network failure, timeout or abort;
 * - rejects with SessionExpiredError when the server answers 401 and a refresh is impossible or did not help
 *   (the page must offer a relaunch; there is nothing a caller could do with that 401 response);
 * - refuses (rejects with RefusedUrlError) every URL that, read by the WHATWG URL parser as the browser reads it, is
 *   not under the FHIR base (same origin and path prefix), so the token never goes anywhere else.
 * Sleep, clock and fetch are injectable so tests run fast and deterministic.
 */
import type { FhirHttp, FhirHttpRequest, FhirHttpResponse } from './contract';
import { FhirNetworkError, RefusedUrlError, SessionExpiredError } from './errors';

/** Where the access token comes from (fhirclient's client in the app, a constant in tests). */
export interface AccessTokenSource {
  accessToken(): string | null;
  /**
   * Refreshes the token when it is about to expire, before a request is sent, so an expiry costs no refused request.
   * Concurrent calls share one refresh. A failure leaves the current token in place.
   */
  refreshIfNeeded?: () => Promise<void>;
  /** Obtains a new access token after a 401; resolves true when one is available. Concurrent calls share one refresh. */
  refresh?: () => Promise<boolean>;
}

export interface FhirHttpOptions {
  /** FHIR base URL ("http://127.0.0.1:4010/fhir"). */
  baseUrl: string;
  auth: AccessTokenSource;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in epoch milliseconds, for Retry-After given as an HTTP date. */
  now?: () => number;
  /** Default per-request timeout. A stalled server must not hang the page. */
  timeoutMs?: number;
  /** How many times a 429/503 is retried before the response is returned as is. */
  maxRetries?: number;
  /** Upper bound of any single wait, whatever Retry-After says (a server asking for an hour is not honoured). */
  maxRetryDelayMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 10_000;
/** Wait before retry n (0-based) when the server gives no Retry-After: 1 s, 2 s, 4 s. */
const backoffMs = (attempt: number) => 1000 * 2 ** attempt;

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FhirNetworkError('aborted', 'The read was stopped.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FhirNetworkError('aborted', 'The read was stopped.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Milliseconds to wait from a Retry-After header (delta-seconds or HTTP date), or null when absent/unreadable.
 * RFC 9110 §10.2.3.
 */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** The human-readable text of an OperationOutcome (diagnostics, details), or null when the body is not one. */
export function operationOutcomeText(body: unknown): string | null {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome') return null;
  const issues: unknown[] = Array.isArray(body.issue) ? body.issue : [];
  const texts = issues
    .map((issue) => {
      if (!isObject(issue)) return '';
      const details: Record<string, unknown> = isObject(issue.details) ? issue.details : {};
      const codings: unknown[] = Array.isArray(details.coding) ? details.coding : [];
      const coding: Record<string, unknown> = isObject(codings[0]) ? codings[0] : {};
      const text = [issue.diagnostics, details.text, coding.display].find((t) => typeof t === 'string' && t.trim());
      return typeof text === 'string' ? text.trim() : typeof issue.code === 'string' ? issue.code : '';
    })
    .filter(Boolean);
  return texts.length ? [...new Set(texts)].join('; ') : 'the server returned an OperationOutcome without text';
}

/** Plain words for a response whose body could not be used as FHIR JSON. */
export function describeUnreadableBody(response: FhirHttpResponse): string {
  const start = response.text.trimStart();
  if (!start) return 'the server sent an empty answer';
  if (start.startsWith('<')) return 'the server sent a web page (HTML) instead of FHIR data';
  return 'the server sent data that is not valid JSON';
}

/** Plain words for an HTTP error status, with the OperationOutcome's text when there is one. */
export function describeHttpError(response: FhirHttpResponse): string {
  const outcome = operationOutcomeText(response.body);
  const meaning: Record<number, string> = {
    400: 'the server rejected the query',
    401: 'not authorised',
    403: 'access not granted (scope not granted or forbidden)',
    404: 'not found or not supported by this server',
    410: 'gone',
    429: 'too many requests (the server kept asking to slow down)',
    500: 'server error',
    502: 'bad gateway',
    503: 'service unavailable',
    504: 'gateway timeout',
  };
  const base = `${response.status}: ${meaning[response.status] ?? (response.status >= 500 ? 'server error' : 'request failed')}`;
  return outcome ? `${base} (${outcome})` : base;
}

export function createFhirHttp(options: FhirHttpOptions): FhirHttp {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? (() => Date.now());
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxDelay = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/');

  const resolveUrl = (url: string): string => resolveUnderBase(url, base);

  async function attempt(request: FhirHttpRequest, url: string, token: string | null): Promise<FhirHttpResponse> {
    const controller = new AbortController();
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const outer = request.signal;
    const onOuterAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });

    const headers: Record<string, string> = { Accept: 'application/fhir+json', ...request.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers['Content-Type'] ??= 'application/fhir+json';
    }
    try {
      const response = await doFetch(url, { method: request.method, headers, body, signal: controller.signal });
      // The body is read inside the timeout too: a server may stall after sending its headers.
      const text = await response.text();
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        responseHeaders[key.toLowerCase()] = value;
      });
      return { status: response.status, headers: responseHeaders, body: parseJson(text), text };
    } catch (error) {
      if (error instanceof FhirNetworkError) throw error;
      if (timedOut) {
        throw new FhirNetworkError('timeout', `The FHIR server did not answer within ${formatDuration(timeoutMs)}.`);
      }
      if (outer?.aborted) throw new FhirNetworkError('aborted', 'The read was stopped.');
      throw new FhirNetworkError('network', 'The FHIR server could not be reached (network error).');
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  /**
   * Waits for a token refresh no longer than the request itself may take, and not past the caller's abort (the read's
   * deadline): a stalled authorization server must not hang the page.
   */
  function bounded<T>(work: Promise<T>, request: FhirHttpRequest): Promise<T> {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = request.signal;
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(new FhirNetworkError('aborted', 'The read was stopped.'));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new FhirNetworkError('timeout', `The EHR’s authorization server did not answer within ${formatDuration(timeoutMs)}.`));
      }, timeoutMs);
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          finish();
          resolve(value);
        },
        (error: unknown) => {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** The caller stopped waiting (the read's deadline, a page leaving): nothing more is sent for this request. */
  const isAbort = (error: unknown) => error instanceof FhirNetworkError && error.kind === 'aborted';

  /** Refreshes a token about to expire; when that fails the current token is sent and the server's answer decides. */
  async function refreshAhead(request: FhirHttpRequest): Promise<void> {
    if (!options.auth.refreshIfNeeded) return;
    try {
      await bounded(options.auth.refreshIfNeeded(), request);
    } catch (error) {
      if (isAbort(error)) throw error;
    }
  }

  /** A new token after a 401; false when there is no refresh token or the refresh was refused or did not answer. */
  async function refreshAfterRefusal(request: FhirHttpRequest): Promise<boolean> {
    if (!options.auth.refresh) return false;
    try {
      return await bounded(options.auth.refresh(), request);
    } catch (error) {
      if (isAbort(error)) throw error;
      return false;
    }
  }

  return {
    async send(request: FhirHttpRequest): Promise<FhirHttpResponse> {
      const url = resolveUrl(request.url);
      let retries = 0;
      let triedNewToken = false;
      for (;;) {
        await refreshAhead(request);
        const token = options.auth.accessToken();
        const response = await attempt(request, url, token);

        if (response.status === 401) {
          if (triedNewToken) throw new SessionExpiredError();
          triedNewToken = true;
          // Another request may have refreshed the token meanwhile; otherwise refresh now (once).
          if (options.auth.accessToken() !== token) continue;
          if (await refreshAfterRefusal(request)) continue;
          throw new SessionExpiredError();
        }

        if ((response.status === 429 || response.status === 503) && retries < maxRetries) {
          const asked = retryAfterMs(response.headers['retry-after'], now());
          const wait = Math.min(asked ?? backoffMs(retries), maxDelay);
          retries += 1;
          await sleep(wait, request.signal);
          continue;
        }
        return response;
      }
    },
  };
}

/**
 * The absolute URL a request goes to, or RefusedUrlError when it is not under the FHIR base.
 * The URL is read by the WHATWG URL parser, exactly as fetch() will read it: leading and trailing spaces and tabs are
 * dropped, backslashes count as slashes, "//host" is another host, "../" climbs out of the base. So the check is made
 * on the parsed result, never on the raw string. Relative URLs from the app ("Patient/1", "metadata", "") resolve
 * against the base; a server's absolute link ("https://ehr/fhir/Patient?page=2", "/fhir/Patient?page=2") must stay
 * under it too: same origin and the base's path as a prefix. An encoded slash or backslash in the path is refused as
 * well, since a server that decodes it before routing would climb out of the base.
 */
export function resolveUnderBase(url: string, base: URL): string {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw new RefusedUrlError('an unreadable address');
  }
  const where = `${target.protocol}//${target.host}${target.pathname}`;
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  const underBase = target.pathname === basePath.slice(0, -1) || target.pathname.startsWith(basePath);
  if (
    target.origin !== base.origin ||
    target.username !== '' ||
    target.password !== '' ||
    !underBase ||
    /%2f|%5c/i.test(target.pathname)
  ) {
    throw new RefusedUrlError(where);
  }
  return target.href;
}

/** "20 s", or "50 ms" below a second. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function parseJson(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
