/**
 * One HTTP server on 127.0.0.1 that plays the whole EHR: FHIR API (/fhir), authorization server (/auth), launcher
 * page (/ehr), and test/benchmark controls (/__stats, /__faults, /__fhir, /__reload) that the app never uses.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, Resource } from 'fhir/r4';
import { createAuthServer, redirectUrisFor, type PickablePatient } from './auth-server';
import { createEhr } from './ehr';
import { Faults, RequestStats, parseFaultConfig, type FaultConfig } from './faults';
import { createFhirEngine, type FhirEngine } from './fhir-engine';
import { createFhirServer } from './fhir-server';
import { isWellFormedTarget, outcome, readBody, sendJson } from './http-util';
import { LaunchStore } from './launches';

export interface SandboxData {
  patients: PickablePatient[];
  /** Transaction bundles to load, in order (shared resources first). */
  bundles: () => Bundle[];
}

export interface SandboxOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  appUrl: string;
  data: SandboxData;
  faults?: FaultConfig;
  latencyMs?: number;
  tokenTtlSeconds?: number;
  /** The clock the FHIR server checks a token's expiry against (default the system's); tests set it instead of sleeping. */
  tokenClock?: () => Date;
}

export interface Sandbox {
  origin: string;
  fhirBaseUrl: string;
  ehrUrl: string;
  standaloneUrl: string;
  engine: FhirEngine;
  faults: Faults;
  stats: RequestStats;
  /** Bundles that could not be loaded, with the reason. */
  loadFailures: string[];
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const engine = createFhirEngine();
  const faults = new Faults(options.faults ?? {}, options.latencyMs ?? 0);
  const stats = new RequestStats();
  const launches = new LaunchStore();

  /** Loads every bundle; one that fails is reported and the others still load. */
  const loadData = async (): Promise<string[]> => {
    engine.repo.clear();
    const failures: string[] = [];
    for (const bundle of options.data.bundles()) {
      try {
        await engine.loadBundle(bundle);
      } catch (error) {
        const first = bundle.entry?.[0]?.resource;
        failures.push(`${first ? `${first.resourceType}/${first.id}` : 'a bundle'}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  };
  const loadFailures = await loadData();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const fhirBaseUrl = `${origin}/fhir`;
  const patients = () => options.data.patients;

  const auth = createAuthServer({
    origin, fhirBaseUrl, appUrl: options.appUrl, launches, patients, faults,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  });
  const fhir = createFhirServer({
    fhirBaseUrl, issuer: auth.issuer, publicJwks: auth.publicJwks, engine, faults, stats, isRevoked: auth.isRevoked, tokenClock: options.tokenClock,
    allowedOrigins: [...new Set(redirectUrisFor(options.appUrl).map((u) => new URL(u).origin))],
  });
  const ehr = createEhr({ origin, fhirBaseUrl, appUrl: options.appUrl, launches, patients });

  server.on('request', (req, res) => {
    void (async () => {
      try {
        if (!isWellFormedTarget(req.url)) {
          sendJson(res, 400, outcome('structure', 'Malformed request URL.'));
          return;
        }
        if (await handleControl(req, res)) return;
        if (await fhir.handle(req, res)) return;
        if (await auth.handle(req, res)) return;
        if (await ehr.handle(req, res)) return;
        sendJson(res, 404, outcome('not-found', 'Not found'));
      } catch (error) {
        sendJson(res, error instanceof URIError ? 400 : 500,
          outcome(error instanceof URIError ? 'structure' : 'exception', error instanceof Error ? error.message : 'internal error'));
      }
    })().catch(() => {
      // The answer itself failed (the client went away): nothing left to tell anyone, and the server stays up.
      if (!res.destroyed) res.destroy();
    });
  });

  /** Test and benchmark controls: never called by the app, only by tests, the bench and people debugging. */
  async function handleControl(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith('/__')) return false;
    const method = req.method ?? 'GET';
    // Tests, the bench and curl send no Origin; a browser page on another site does (and Sec-Fetch-Site says so):
    // a cross-site page must not switch faults on, reload the data or read it unauthenticated.
    const requestOrigin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if ((requestOrigin !== undefined && requestOrigin !== origin) ||
      (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none')) {
      sendJson(res, 403, { error: 'control endpoints refuse cross-site requests' });
      return true;
    }
    if (url.pathname === '/__stats' && method === 'GET') {
      sendJson(res, 200, stats.toJSON());
    } else if (url.pathname === '/__stats/reset' && method === 'POST') {
      stats.reset();
      sendJson(res, 200, stats.toJSON());
    } else if (url.pathname === '/__faults' && method === 'GET') {
      sendJson(res, 200, faults.get());
    } else if (url.pathname === '/__faults' && method === 'POST') {
      try {
        faults.set(parseFaultConfig(JSON.parse((await readBody(req)) || '{}') as unknown));
        sendJson(res, 200, faults.get());
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : 'invalid fault config' });
      }
    } else if (url.pathname === '/__reload' && method === 'POST') {
      const failures = await loadData();
      stats.reset();
      faults.set({});
      sendJson(res, 200, { reloaded: true, failures });
    } else if (url.pathname.startsWith('/__fhir/') && method === 'GET') {
      // Unauthenticated read-only access for tests checking what the app wrote (e.g. exactly one CarePlan).
      const path = url.pathname.slice('/__fhir/'.length);
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const values = url.searchParams.getAll(key);
        query[key] = values.length === 1 ? values[0]! : values;
      }
      const result = await engine.handle('GET', path, query);
      sendJson(res, result.resource ? 200 : 404, result.resource ?? result.outcome, {}, 'application/fhir+json');
    } else {
      sendJson(res, 404, { error: 'unknown control endpoint' });
    }
    return true;
  }

  return {
    origin,
    fhirBaseUrl,
    ehrUrl: `${origin}/ehr`,
    standaloneUrl: ehr.launchUrl(),
    engine,
    faults,
    stats,
    loadFailures,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Wraps resources into a transaction bundle that PUTs each with its own id. */
export function putTransaction(resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) => ({
      resource,
      request: { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}
