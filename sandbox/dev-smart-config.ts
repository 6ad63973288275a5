/**
 * The development configuration: what `npm start` (dev server and `--prod`) and the tests serve as the app's
 * smart-config.json instead of the shipped public/smart-config.json, which holds only a template entry for deployers.
 * Development servers are never trusted by a production build: each entry here names one exact host and port.
 *
 * - the offline sandbox EHR at its actual port (`http://127.0.0.1:<SANDBOX_PORT>/fhir`);
 * - a SMART launcher run locally (smarthealthit's launcher, R4): its FHIR base `http://127.0.0.1:<port>/v/r4/fhir`,
 *   and `/v/r4/sim/<code>/fhir` where the launch settings ride in the URL (standalone launches); port from
 *   SMART_LAUNCHER_URL, default http://127.0.0.1:9009;
 * - the public SMART launcher (launch.smarthealthit.org), the same two R4 path shapes.
 */
import type { LaunchClientConfig } from '../src/fhir/launch-config';
import { APP_SCOPES_V1, APP_SCOPES_V2 } from '../src/fhir/app-scopes';

const DEFAULT_SMART_LAUNCHER_URL = 'http://127.0.0.1:9009';
const PUBLIC_SMART_LAUNCHER_URL = 'https://launch.smarthealthit.org';

export interface DevelopmentConfigOptions {
  /** The sandbox's FHIR base ("http://127.0.0.1:4010/fhir"). */
  sandboxFhirBaseUrl: string;
  /** Origin of a locally run SMART launcher. */
  smartLauncherUrl?: string;
}

/** A regular expression matching exactly this text. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The launcher's R4 FHIR bases: `/v/r4/fhir` and `/v/r4/sim/<launch settings, base64url>/fhir`. */
function launcherIssMatch(origin: string): string {
  return `^${literal(new URL(origin).origin)}/v/r4/(sim/[A-Za-z0-9_=-]+/)?fhir/?$`;
}

const scopes = { scope: APP_SCOPES_V1.join(' '), scopeV2: APP_SCOPES_V2.join(' ') };

export function developmentSmartConfig(options: DevelopmentConfigOptions): LaunchClientConfig[] {
  const sandbox = options.sandboxFhirBaseUrl.replace(/\/+$/, '');
  return [
    {
      name: 'the local sandbox EHR',
      issMatch: `^${literal(sandbox)}/?$`,
      clientId: 'trd-timeline-local',
      ...scopes,
      redirectUri: 'index.html',
      pkceMode: 'required',
    },
    {
      name: 'a SMART launcher run locally',
      issMatch: launcherIssMatch(options.smartLauncherUrl ?? DEFAULT_SMART_LAUNCHER_URL),
      clientId: 'trd-timeline',
      ...scopes,
      redirectUri: 'index.html',
      pkceMode: 'required',
    },
    {
      name: 'the public SMART launcher',
      issMatch: launcherIssMatch(PUBLIC_SMART_LAUNCHER_URL),
      clientId: 'trd-timeline',
      ...scopes,
      redirectUri: 'index.html',
      pkceMode: 'required',
    },
  ];
}

/** The development configuration from the environment `npm start` and `npm run dev` run in. */
export function developmentSmartConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LaunchClientConfig[] {
  const port = env.SANDBOX_PORT || '4010';
  return developmentSmartConfig({
    sandboxFhirBaseUrl: `http://127.0.0.1:${port}/fhir`,
    ...(env.SMART_LAUNCHER_URL ? { smartLauncherUrl: env.SMART_LAUNCHER_URL } : {}),
  });
}
