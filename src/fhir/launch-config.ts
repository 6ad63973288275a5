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
  /** Regular expression (JavaScript syntax) the `iss` must match, e.g. "^https://fhir\\.example\\.org/r4/?$". */
  issMatch: string;
  clientId: string;
  /** SMART v1 scopes (`patient/X.read`), without the launch-context scope (added per launch kind). */
  scope: string;
  /** SMART v2 scopes (`patient/X.rs`), used when the server announces `permission-v2`. */
  scopeV2?: string;
  /** Relative to launch.html, or absolute. Default "index.html". */
  redirectUri?: string;
  /** Default "ifSupported": PKCE S256 whenever the server announces it. */
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
      if (typeof entry[field] !== 'string' || !(entry[field] as string).trim()) {
        problems.push(`${where}: "${field}" must be a non-empty string.`);
      }
    }
    if (typeof entry.issMatch === 'string') {
      try {
        new RegExp(entry.issMatch);
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
