/**
 * The only module that imports fhirclient. Everything else talks to the narrow shapes below, so that
 * tests of smart/http/read run with fakes and fhirclient's quirks (browser entry, polyfills) stay here.
 */
import FHIRModule from 'fhirclient';
import BrowserAdapterExport from 'fhirclient/lib/adapters/BrowserAdapter';
// fhirclient's per-page fetch cache: authorize() reads the SMART configuration through it, so fetching it the same way
// here lets the launch page choose v1/v2 scopes without a second request to the EHR.
import { getAndCache } from 'fhirclient/lib/lib';

/** fhirclient's browser API, which the app gets (Vite takes the package's `browser` entry; its `types` describe Node's). */
const FHIR = FHIRModule as unknown as typeof import('fhirclient/lib/entry/browser');

/** The part of fhirclient's token response the app uses. */
export interface SmartTokenResponse {
  access_token?: string;
  refresh_token?: string;
  scope?: string;
  patient?: string;
  need_patient_banner?: boolean;
  id_token?: string;
  [key: string]: unknown;
}

/** The part of fhirclient's Client the app uses. */
export interface SmartClientLike {
  state: { serverUrl: string; tokenResponse?: SmartTokenResponse; scope?: string };
  patient: { id: string | null };
  getFhirUser(): string | null;
  /** Refreshes the access token when it expires within 10 s (and a refresh token exists); shares a refresh in flight. */
  refreshIfNeeded(): Promise<unknown>;
  /** Refreshes the access token now; concurrent calls share one request to the token endpoint. */
  refresh(): Promise<unknown>;
}

export interface AuthorizeOptions {
  clientId: string;
  scope: string;
  redirectUri: string;
  /** Only for a standalone launch; in an EHR launch `iss` comes from the URL (passing it pins the app to one server). */
  iss?: string;
  pkceMode: 'ifSupported' | 'required' | 'disabled' | 'unsafeV1';
}

/**
 * The launch this window started (fhirclient keeps its state key in sessionStorage under SMART_KEY), and whether it
 * has already obtained a token; null when none was started here.
 */
export function pendingLaunch(storage: Storage = sessionStorage): { stateKey: string; authorized: boolean } | null {
  try {
    const key = JSON.parse(storage.getItem('SMART_KEY') ?? 'null') as unknown;
    if (typeof key !== 'string' || !key) return null;
    const state = JSON.parse(storage.getItem(key) ?? 'null') as { tokenResponse?: { access_token?: unknown } } | null;
    if (!state) return null;
    return { stateKey: key, authorized: typeof state.tokenResponse?.access_token === 'string' };
  } catch {
    return null;
  }
}

/** Completes the OAuth redirect on index.html (code exchange) or revives the stored session on reload. */
export async function completeAuthorization(): Promise<SmartClientLike> {
  // A public client identifies itself with client_id when it refreshes (RFC 6749 §3.2.1; SMART App Launch
  // "refresh access token"); fhirclient leaves it out unless told, and servers such as oidc-provider then refuse.
  FHIR.oauth2.settings.refreshTokenWithClientId = true;
  const client = await FHIR.oauth2.ready();
  return client;
}

/** The adapter class, whether the bundler hands over the CommonJS module's `default` (Vite) or the module (Node). */
function BrowserAdapter(): typeof BrowserAdapterExport {
  const loaded = BrowserAdapterExport as unknown as { default?: typeof BrowserAdapterExport };
  return loaded.default ?? BrowserAdapterExport;
}

/**
 * fhirclient's browser adapter, except that the page URL it sees holds only `iss` and `launch`: fhirclient's
 * authorize() lets URL parameters (`clientId`, `patientId`, `fhirServiceUrl`) override the configuration, and only the
 * deployment's configuration may choose those.
 */
class LaunchUrlAdapter extends BrowserAdapter() {
  private readonly launchUrl: URL;
  constructor(pageUrl: string) {
    super({ ...FHIR.oauth2.settings });
    const page = new URL(pageUrl);
    const clean = new URL(page.origin + page.pathname);
    for (const name of ['iss', 'launch']) {
      const value = page.searchParams.get(name);
      if (value !== null) clean.searchParams.set(name, value);
    }
    this.launchUrl = clean;
  }
  override getUrl(): URL {
    return this.launchUrl;
  }
}

/** The page URL fhirclient's authorize() sees: `iss` and `launch` only. Exported for tests. */
export function launchUrlSeenByFhirclient(pageUrl: string): string {
  return new LaunchUrlAdapter(pageUrl).getUrl().href;
}

/** Redirects the browser to the authorization server. */
export async function startAuthorization(options: AuthorizeOptions, pageUrl: string = window.location.href): Promise<void> {
  await new LaunchUrlAdapter(pageUrl).getSmartApi().authorize({
    clientId: options.clientId,
    scope: options.scope,
    redirectUri: options.redirectUri,
    pkceMode: options.pkceMode,
    ...(options.iss ? { iss: options.iss } : {}),
    // Complete in this window even inside an EHR iframe; being explicit also keeps fhirclient from warning
    // on the console.
    completeInTarget: true,
  });
}

/** The outcome of asking a FHIR server for its `.well-known/smart-configuration`. */
export type SmartConfigurationResult = { found: true; configuration: unknown } | { found: false; status: number };

/**
 * Fetches `<iss>/.well-known/smart-configuration` through fhirclient's cache (the same URL string fhirclient builds),
 * so the `authorize()` that follows reuses it. Resolves `found: false` for an HTTP error status (the server may have
 * only a CapabilityStatement); rejects only when the server cannot be reached or `timeoutMs` passes.
 */
export async function fetchSmartConfiguration(iss: string, timeoutMs: number): Promise<SmartConfigurationResult> {
  const url = String(iss).replace(/\/*$/, '/') + '.well-known/smart-configuration';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const configuration: unknown = await getAndCache(url, { headers: { accept: 'application/json' }, signal: controller.signal });
    return { found: true, configuration };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status > 0) return { found: false, status };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
