/**
 * The deployment's client configuration (public/smart-config.json): which client id and scopes to use for
 * which FHIR server, as an iss -> client map in the spirit of fhirclient's `issMatch`.
 * Pure functions only (validation, selection, scope choice); the launch page does the I/O.
 * Kept free of React and fhirclient: the launch page must stay small.
 */

export type PkceMode = 'ifSupported' | 'required' | 'disabled' | 'unsafeV1';

/** One entry of smart-config.json. */
export interface LaunchClientConfig {
  /** Shown on the launch page's messages ("Local sandbox"). */
  name?: string;
  /**
   * Regular expression (JavaScript syntax) the `iss` must match, e.g. "^https://fhir\\.example\\.org/r4/?$": anchored
   * at both ends, naming one exact scheme, host and (optional) port; only the path may vary.
   */
  issMatch: string;
  clientId: string;
  /** SMART v1 scopes (`patient/X.read`), without the launch-context scope (added per launch kind). */
  scope: string;
  /** SMART v2 scopes (`patient/X.rs`), used when the server announces `permission-v2`. */
  scopeV2?: string;
  /** Relative to launch.html, or absolute. Default "index.html". */
  redirectUri?: string;
  /**
   * Default "required": PKCE S256, and a server that does not announce it is refused (never downgraded to no PKCE).
   * "ifSupported" and "disabled" exist for servers that cannot do PKCE; a deployment must choose them explicitly.
   */
  pkceMode?: PkceMode;
}

export type ValidatedConfig = { ok: true; clients: LaunchClientConfig[] } | { ok: false; problems: string[] };

const PKCE_MODES: PkceMode[] = ['ifSupported', 'required', 'disabled', 'unsafeV1'];

/** Check the shape of smart-config.json; every problem is listed in plain words. */
export function validateLaunchConfig(json: unknown): ValidatedConfig {
  if (!Array.isArray(json)) return { ok: false, problems: ['smart-config.json must be a JSON array of client entries.'] };
  const problems: string[] = [];
  const clients: LaunchClientConfig[] = [];
  json.forEach((raw: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${where} is not an object.`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const before = problems.length;
    for (const field of ['issMatch', 'clientId', 'scope'] as const) {
      if (typeof entry[field] !== 'string' || !(entry[field]).trim()) {
        problems.push(`${where}: "${field}" must be a non-empty string.`);
      }
    }
    if (typeof entry.issMatch === 'string') {
      try {
        new RegExp(entry.issMatch);
        const exact = issMatchProblem(entry.issMatch);
        if (exact) problems.push(`${where}: "issMatch" ${exact}`);
      } catch {
        problems.push(`${where}: "issMatch" is not a valid regular expression.`);
      }
    }
    for (const field of ['scopeV2', 'redirectUri', 'name'] as const) {
      if (entry[field] !== undefined && typeof entry[field] !== 'string') problems.push(`${where}: "${field}" must be a string.`);
    }
    if (entry.pkceMode !== undefined && !PKCE_MODES.includes(entry.pkceMode as PkceMode)) {
      problems.push(`${where}: "pkceMode" must be one of ${PKCE_MODES.join(', ')}.`);
    }
    if (problems.length === before) clients.push(entry as unknown as LaunchClientConfig);
  });
  return problems.length ? { ok: false, problems } : { ok: true, clients };
}

/**
 * Why an issMatch could match more than one server, or null when it names one exact scheme, host and port: it must
 * start with `^http://` or `^https://`, then a literal host (letters, digits, hyphens, escaped dots) and port, then
 * `/`, end with `$`, and have no top-level alternative (`|` outside parentheses would match anything).
 */
export function issMatchProblem(pattern: string): string | null {
  if (!/^\^https?:\/\/(?:[A-Za-z0-9-]|\\\.)+(?::\d+)?\//.test(pattern)) {
    return 'must start with ^https://<exact host>[:port]/ (a literal host, dots escaped as \\., no wildcard or alternative).';
  }
  if (!pattern.endsWith('$') || pattern.endsWith('\\$')) return 'must end with $ (match the whole FHIR base URL).';
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return 'must not have a top-level | (it would match other servers).';
  }
  return null;
}

/** The first entry whose issMatch matches the server, or null. */
export function selectClient(clients: LaunchClientConfig[], iss: string): LaunchClientConfig | null {
  return clients.find((client) => new RegExp(client.issMatch).test(iss)) ?? null;
}

export type LaunchKind = 'ehr' | 'standalone';
export type SmartVersion = 'v1' | 'v2';

/** What the server's /.well-known/smart-configuration says, as far as scope choice goes. */
export interface SmartCapabilities {
  capabilities?: unknown;
}

/**
 * The scope string to request: v2 scopes when the server announces `permission-v2` and the entry has them,
 * else v1; plus `launch` (EHR launch) or `launch/patient` (standalone: the server lets the user pick a patient).
 */
export function chooseScopes(
  client: LaunchClientConfig,
  kind: LaunchKind,
  server: SmartCapabilities | null,
): { scope: string; version: SmartVersion } {
  const capabilities = Array.isArray(server?.capabilities) ? (server.capabilities as unknown[]) : [];
  const version: SmartVersion = capabilities.includes('permission-v2') && client.scopeV2 ? 'v2' : 'v1';
  const base = (version === 'v2' ? client.scopeV2! : client.scope)
    .split(/\s+/)
    .filter((s) => s && s !== 'launch' && s !== 'launch/patient');
  const launchScope = kind === 'ehr' ? 'launch' : 'launch/patient';
  return { scope: [launchScope, ...base].join(' '), version };
}

/**
 * SMART or OAuth parameters that fhirclient or an authorization request would take from the page URL, and that only
 * the deployment's configuration may set: a launch URL carrying one is refused (the EHR sends `iss` and `launch` only).
 */
const REFUSED_LAUNCH_PARAMETERS = [
  'clientId', 'client_id', 'patientId', 'patient', 'encounterId', 'encounter', 'fhirServiceUrl', 'redirectUri',
  'redirect_uri', 'scope', 'aud', 'pkceMode', 'clientSecret', 'client_secret', 'fakeTokenResponse', 'code', 'state',
] as const;

/** The refused parameters present in the launch URL (empty when none). */
export function refusedLaunchParameters(search: string): string[] {
  const params = new URLSearchParams(search);
  return REFUSED_LAUNCH_PARAMETERS.filter((name) => params.has(name));
}

/** Reads the launch parameters: an EHR launch has `iss` and `launch`; a standalone launch only `iss`. */
export function launchParameters(search: string): { iss: string | null; launch: string | null; kind: LaunchKind } {
  const params = new URLSearchParams(search);
  const iss = params.get('iss')?.trim() || null;
  const launch = params.get('launch')?.trim() || null;
  return { iss, launch, kind: launch ? 'ehr' : 'standalone' };
}

/** A FHIR base URL the launch page may contact: http(s) only. */
export function isUsableBaseUrl(iss: string): boolean {
  try {
    const url = new URL(iss);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
