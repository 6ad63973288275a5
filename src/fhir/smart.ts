/**
 * Completes the SMART launch on index.html and turns it into a `SmartSession`, or into a classified
 * LaunchError the page can explain (never a blank page or a stack trace).
 *
 * After ready() the `code`/`state` (and any OAuth `error`) parameters are removed from the address bar, so no
 * authorization code lingers in the URL or the history. Tokens stay where fhirclient keeps them: sessionStorage.
 */
import type { SmartSession } from './contract';
import { LaunchError, SessionExpiredError } from './errors';
import { completeAuthorization, pendingLaunch, type SmartClientLike } from './fhirclient-adapter';
import { createFhirHttp, type FhirHttpOptions } from './http';

export interface ConnectDependencies {
  /** fhirclient's ready(); replaced in tests. */
  ready?: () => Promise<SmartClientLike>;
  /** The page's location and history (window's by default). */
  location?: { href: string };
  history?: { replaceState(data: unknown, unused: string, url?: string): void };
  /** Extra options for the FhirHttp (timeouts, fetch), mainly for tests. */
  http?: Partial<Omit<FhirHttpOptions, 'baseUrl' | 'auth'>>;
  /** The launch this window started (fhirclient's state in sessionStorage by default). */
  pendingLaunch?: () => { stateKey: string; authorized: boolean } | null;
}

/** URL parameters of the OAuth redirect that must not stay in the address bar. */
const LAUNCH_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'complete'];

export async function connectSmart(deps: ConnectDependencies = {}): Promise<SmartSession> {
  const location = deps.location ?? window.location;
  const history = deps.history ?? window.history;
  const url = new URL(location.href);

  const pending = (deps.pendingLaunch ?? pendingLaunch)();
  const state = url.searchParams.get('state');
  // The redirect belongs to this window's launch only when it carries that launch's own state, and the launch is still
  // waiting for its code (OAuth 2.0 §10.12; SMART App Launch: the app "MUST validate the value of the state parameter").
  const ownRedirect = pending !== null && state === pending.stateKey && !pending.authorized;

  // An OAuth error comes back as URL parameters. Its text is shown only for a launch in progress here, as the
  // authorization server's words; anywhere else it is text someone put in a link, and is not shown.
  const oauthError = url.searchParams.get('error');
  if (oauthError || url.searchParams.has('error_description')) {
    scrubLaunchParams(url, history);
    if (!ownRedirect) throw new LaunchError('no-launch-state');
    const description = url.searchParams.get('error_description') ?? '';
    throw oauthError === 'access_denied'
      ? new LaunchError('access-denied', authorizationServerSaid(description))
      : new LaunchError('oauth-error', authorizationServerSaid(description ? `${oauthError}: ${description}` : oauthError ?? ''));
  }

  // A code is exchanged only with this window's own state: fhirclient would otherwise fall back to the stored
  // launch and exchange an attacker's code in the user's session (login CSRF).
  if (url.searchParams.has('code') && !ownRedirect) {
    scrubLaunchParams(url, history);
    throw new LaunchError(pending && !pending.authorized ? 'state-mismatch' : 'no-launch-state');
  }

  let client: SmartClientLike;
  try {
    client = await (deps.ready ?? completeAuthorization)();
  } catch (error) {
    throw classifyLaunchError(error);
  } finally {
    scrubLaunchParams(url, history);
  }
  return sessionFromClient(client, deps.http);
}

/** Build the session from an authorized fhirclient Client. Exported for tests. */
export function sessionFromClient(client: SmartClientLike, httpOptions: ConnectDependencies['http'] = {}): SmartSession {
  const tokenResponse = client.state.tokenResponse ?? {};
  const patientId = client.patient.id ?? (typeof tokenResponse.patient === 'string' ? tokenResponse.patient : null);
  if (!patientId) throw new LaunchError('no-patient');
  const fhirBaseUrl = client.state.serverUrl.replace(/\/+$/, '');

  const http = createFhirHttp({
    ...httpOptions,
    baseUrl: fhirBaseUrl,
    auth: {
      accessToken: () => client.state.tokenResponse?.access_token ?? null,
      // fhirclient refreshes when the token expires within 10 s and a refresh token exists; concurrent calls share one
      // refresh, and a refused one deletes the refresh token, so it is not tried again.
      refreshIfNeeded: async () => {
        await client.refreshIfNeeded();
      },
      refresh: async () => {
        // Without a refresh token fhirclient throws; the session is then over.
        if (!client.state.tokenResponse?.refresh_token) return false;
        await client.refresh();
        return Boolean(client.state.tokenResponse?.access_token);
      },
    },
  });

  return {
    fhirBaseUrl,
    patientId,
    userReference: asReference(client.getFhirUser()),
    // SMART: the banner is needed unless the EHR says it shows its own.
    needPatientBanner: tokenResponse.need_patient_banner !== false,
    grantedScopes: (tokenResponse.scope ?? client.state.scope ?? '').split(/\s+/).filter(Boolean),
    http,
  };
}

/** Map whatever the launch threw to a LaunchError with a plain-words explanation. */
export function classifyLaunchError(error: unknown): LaunchError {
  if (error instanceof LaunchError) return error;
  if (error instanceof SessionExpiredError) return new LaunchError('session-expired');
  const message = error instanceof Error ? error.message : String(error);
  if (/No 'state' parameter found|No state found/i.test(message)) return new LaunchError('no-launch-state');
  if (/access_denied/.test(message)) return new LaunchError('access-denied', oauthDescription(message));
  // The code was already used or has expired (a reload after a long pause, a second tab).
  if (/invalid_grant|expired/i.test(message)) return new LaunchError('session-expired');
  if (/invalid_client|invalid_request|invalid_scope|unauthorized_client|server_error|temporarily_unavailable/.test(message)) {
    return new LaunchError('oauth-error', oauthDescription(message));
  }
  if (/Failed to obtain access token/i.test(message)) return new LaunchError('oauth-error', 'no access token was issued');
  return new LaunchError('unknown', firstLine(message));
}

/** Remove the OAuth redirect parameters from the address bar (keeps any other parameter and the hash). */
export function scrubLaunchParams(
  url: URL,
  history: { replaceState(data: unknown, unused: string, url?: string): void },
): void {
  const clean = new URL(url.href);
  let changed = false;
  for (const name of LAUNCH_PARAMS) {
    if (clean.searchParams.has(name)) {
      clean.searchParams.delete(name);
      changed = true;
    }
  }
  if (changed) history.replaceState(null, '', clean.pathname + clean.search + clean.hash);
}

/** Text from the authorization server, attributed to it and kept to one line (it arrives in the page URL). */
function authorizationServerSaid(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const line = firstLine(text.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim());
  return line ? `The EHR’s authorization server said: “${line}”` : '';
}

/** "Practitioner/123" from fhirclient's fhirUser (which may be a full URL, shortened already), else null. */
function asReference(fhirUser: string | null): string | null {
  if (!fhirUser) return null;
  const match = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(fhirUser);
  return match ? match[1]! : null;
}

/** The OAuth error text of a fhirclient HttpError message ("…\ninvalid_grant: code expired"), as one line. */
function oauthDescription(message: string): string {
  const line = message.split('\n').find((l) => /^[a-z_]+(: |$)/.test(l.trim()));
  return firstLine(line ?? message);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
