/**
 * A minimal SMART client for the sandbox tests: follows the authorization redirects with a cookie jar, as a browser
 * would, and exchanges the code with PKCE. Only for tests of the sandbox itself (the app uses fhirclient).
 */
import { createHash, randomBytes } from 'node:crypto';

const CLIENT_ID = 'trd-timeline-local';

export interface AuthorizeOptions {
  origin: string;
  fhirBaseUrl: string;
  redirectUri: string;
  scope: string;
  launch?: string;
  aud?: string;
  /** Called on a page that needs a person (the standalone picker); returns the next URL and form to post. */
  onPage?: (url: string, html: string) => { action: string; form: Record<string, string> } | null;
}

export type AuthorizeResult =
  | { kind: 'code'; code: string; verifier: string; state: string }
  | { kind: 'error'; error: string; description: string; status?: number; html?: string };

class CookieJar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
  }
}

export async function authorize(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const params = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: options.redirectUri, scope: options.scope, state,
    aud: options.aud ?? options.fhirBaseUrl, code_challenge: challenge, code_challenge_method: 'S256',
  });
  if (options.launch) params.set('launch', options.launch);
  const jar = new CookieJar();
  let url = `${options.origin}/auth/auth?${params.toString()}`;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method, redirect: 'manual', body,
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(options.redirectUri)) {
        const code = next.searchParams.get('code');
        if (code) return { kind: 'code', code, verifier, state: next.searchParams.get('state') ?? '' };
        return { kind: 'error', error: next.searchParams.get('error') ?? '', description: next.searchParams.get('error_description') ?? '' };
      }
      url = next.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = response.status === 200 && options.onPage ? options.onPage(url, html) : null;
    if (!action) return { kind: 'error', error: 'page', description: 'stopped on a page', status: response.status, html };
    url = new URL(action.action, url).href;
    method = 'POST';
    body = new URLSearchParams(action.form).toString();
  }
  return { kind: 'error', error: 'loop', description: 'too many redirects' };
}

export async function exchangeCode(origin: string, redirectUri: string, code: string, verifier: string) {
  const response = await fetch(`${origin}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT_ID, code_verifier: verifier }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** `withClientId: false` refreshes as fhirclient does by default (no client_id in the body). */
export async function refresh(origin: string, refreshToken: string, withClientId = true) {
  const response = await fetch(`${origin}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, ...(withClientId ? { client_id: CLIENT_ID } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
