/**
 * The SMART launch page (launch.html). Kept small on purpose (no React): it reads the deployment's
 * smart-config.json, picks the client entry for this FHIR server, asks the server which SMART version it
 * speaks, and hands over to fhirclient's authorize(), which redirects to the authorization server.
 *
 *   EHR launch:        launch.html?iss=<FHIR base>&launch=<opaque id>   -> scope "launch …"
 *   Standalone launch: launch.html?iss=<FHIR base>                      -> scope "launch/patient …"
 *                      (or launch.html alone, which shows a form asking for the FHIR base URL)
 *
 * Every failure ends in a plain-words message on the page; nothing is written to the console.
 */
import { fetchSmartConfiguration, startAuthorization } from './fhir/fhirclient-adapter';
import {
  chooseScopes,
  isUsableBaseUrl,
  launchParameters,
  refusedLaunchParameters,
  selectClient,
  validateLaunchConfig,
  type LaunchClientConfig,
  type SmartCapabilities,
} from './fhir/launch-config';

const FETCH_TIMEOUT_MS = 10_000;
const RELAUNCH = 'Close this window and launch the app again from the patient’s chart in the EHR.';

class LaunchPageError extends Error {
  constructor(
    readonly title: string,
    message: string,
    readonly detail = '',
    readonly next = RELAUNCH,
  ) {
    super(message);
  }
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`launch.html lacks #${id}`);
  return found;
}

function show(title: string, message: string, detail = '', next = ''): void {
  element('launch-title').textContent = title;
  element('launch-message').textContent = message;
  const detailElement = element('launch-detail');
  detailElement.textContent = detail;
  detailElement.hidden = !detail;
  const nextElement = element('launch-next');
  nextElement.textContent = next;
  nextElement.hidden = !next;
}

function setAppState(state: 'launching' | 'error'): void {
  document.documentElement.dataset.appState = state;
}

async function fetchJson(url: string): Promise<{ ok: boolean; status: number; json: unknown }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { ok: response.ok, status: response.status, json };
  } finally {
    clearTimeout(timer);
  }
}

async function loadClients(): Promise<LaunchClientConfig[]> {
  let loaded;
  try {
    // Fetched by launch.html's preload while this script loads (same URL, so the browser hands that answer over).
    // Fresh on every launch all the same: the app's server sends it with Cache-Control: no-cache, so a changed
    // deployment config applies at once.
    loaded = await fetchJson(new URL('smart-config.json', window.location.href).href);
  } catch {
    throw new LaunchPageError('The app’s configuration could not be loaded', 'smart-config.json could not be fetched from the app’s server.');
  }
  if (!loaded.ok) {
    throw new LaunchPageError('The app’s configuration could not be loaded', `smart-config.json answered with HTTP ${loaded.status}.`);
  }
  const validated = validateLaunchConfig(loaded.json);
  if (!validated.ok) {
    throw new LaunchPageError(
      'The app’s configuration is invalid',
      'smart-config.json has problems; ask whoever deployed the app to fix them.',
      validated.problems.join(' '),
    );
  }
  return validated.clients;
}

/** The server's SMART configuration, or null when it has none (fhirclient then falls back to /metadata). */
async function loadSmartCapabilities(iss: string): Promise<SmartCapabilities | null> {
  try {
    const loaded = await fetchSmartConfiguration(iss, FETCH_TIMEOUT_MS);
    return loaded.found && typeof loaded.configuration === 'object' && loaded.configuration !== null
      ? (loaded.configuration)
      : null;
  } catch {
    throw new LaunchPageError(
      'The FHIR server could not be reached',
      'The app could not contact the EHR’s FHIR server to start the launch. It may be down, or the network may block it.',
      `Server: ${iss}`,
      'Check the connection, then launch the app again from the EHR.',
    );
  }
}

async function launch(): Promise<void> {
  // Only iss and launch come from the URL; a parameter that would override the configuration (client id, patient,
  // FHIR server) means the address was not made by the EHR.
  const refused = refusedLaunchParameters(window.location.search);
  if (refused.length) {
    throw new LaunchPageError(
      'The launch address is not one the EHR makes',
      'The launch address carries settings that only the app’s configuration may choose, so the launch was stopped. ' +
        'An EHR sends only the FHIR server ("iss") and the launch id ("launch").',
      `Refused: ${refused.join(', ')}`,
    );
  }
  const { iss, kind } = launchParameters(window.location.search);
  if (!iss) {
    setAppState('error');
    show(
      'No FHIR server given',
      'This page is normally opened by the EHR, which tells it which FHIR server to use (the "iss" parameter). ' +
        'None was given.',
      '',
      'Launch the app from the EHR, or start a standalone launch by entering the FHIR server’s base URL below.',
    );
    element('standalone-form').hidden = false;
    return;
  }
  if (!isUsableBaseUrl(iss)) {
    throw new LaunchPageError('The FHIR server address is not valid', 'The "iss" parameter is not an http(s) URL.', `iss: ${iss}`);
  }
  // The configuration first: a server the deployment does not know is never contacted.
  const clients = await loadClients();
  const client = selectClient(clients, iss);
  if (!client) {
    throw new LaunchPageError(
      'This FHIR server is not configured for the app',
      'The app has no client registration for this FHIR server in its smart-config.json.',
      `Server: ${iss}`,
      'Ask whoever deployed the app to add an entry for this server, then launch again.',
    );
  }
  const capabilities = await loadSmartCapabilities(iss);
  const { scope } = chooseScopes(client, kind, capabilities);
  show('Connecting to the EHR…', `Asking ${client.name ?? 'the EHR'} for permission to read this patient’s record…`);
  try {
    await startAuthorization({
      clientId: client.clientId,
      scope,
      redirectUri: client.redirectUri ?? 'index.html',
      pkceMode: client.pkceMode ?? 'required',
      // EHR launch: iss comes from the URL; passing it would pin the app to one server.
      ...(kind === 'standalone' ? { iss } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/PKCE/.test(message)) {
      throw new LaunchPageError(
        'The EHR does not offer PKCE',
        'The app protects every authorization with PKCE (S256), and this FHIR server’s SMART configuration does not ' +
          'announce it, so the launch was stopped rather than continued without that protection.',
        `Server: ${iss}`,
        'Ask whoever runs the EHR to enable PKCE (S256) for this app, then launch again.',
      );
    }
    throw new LaunchPageError(
      'The launch could not start',
      'The app could not start the authorization with the EHR.',
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : '',
    );
  }
}

launch().catch((error: unknown) => {
  setAppState('error');
  if (error instanceof LaunchPageError) {
    show(error.title, error.message, error.detail, error.next);
  } else {
    show('The launch could not start', 'Something unexpected happened while starting the launch.', '', RELAUNCH);
  }
});
