/**
 * The sandbox's FHIR R4 endpoint at /fhir: Medplum's engine (fhir-engine.ts) behind node:http, with what a real EHR's
 * FHIR server adds and Medplum's router lacks: /metadata and SMART configuration, paging links, bare `patient=<id>`,
 * CORS for the app, bearer-token checks and SMART scope enforcement, plus fault injection and request counts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getSearchParameters, getStatus, isOk } from '@medplum/core';
import type { HttpMethod } from '@medplum/fhir-router';
import type { Bundle, CapabilityStatement, OperationOutcome, Resource } from 'fhir/r4';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { FhirEngine } from './fhir-engine';
import { knownResourceTypes } from './fhir-engine';
import type { Faults, RequestStats } from './faults';
import { outcome, readBody, sendJson, sleep } from './http-util';
import { decide, type Interaction } from './scope-grants';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const FHIR_JSON = 'application/fhir+json';

export interface FhirServerOptions {
  /** Public FHIR base ("http://127.0.0.1:4010/fhir"). */
  fhirBaseUrl: string;
  /** The authorization server's issuer ("http://127.0.0.1:4010/auth"). */
  issuer: string;
  publicJwks: { keys: JsonWebKey[] };
  engine: FhirEngine;
  faults: Faults;
  stats: RequestStats;
  /** Browser origins allowed to call the API (the app's). */
  allowedOrigins: string[];
  /** Whether an access token (by `jti`) was revoked at the authorization server. */
  isRevoked?: (jti: string) => boolean;
  /** The clock a token's expiry is checked against (default the system's): tests set it to a token's own iat and exp. */
  tokenClock?: () => Date;
}

interface TokenContext {
  scopes: string[];
  patient?: string;
  tokenId: string;
  /** Obtained with a refresh token (not subject to the expireTokenAfterRequests fault). */
  refreshed: boolean;
}

type Query = Record<string, string | string[]>;

export function createFhirServer(options: FhirServerOptions) {
  const base = options.fhirBaseUrl.replace(/\/$/, '');
  const basePath = new URL(base).pathname;
  const jwks = createLocalJWKSet({ keys: options.publicJwks.keys as never });
  let capabilityStatement: CapabilityStatement | undefined;

  const smartConfiguration = {
    issuer: options.issuer,
    jwks_uri: `${options.issuer}/jwks`,
    authorization_endpoint: `${options.issuer}/auth`,
    token_endpoint: `${options.issuer}/token`,
    revocation_endpoint: `${options.issuer}/token/revocation`,
    userinfo_endpoint: `${options.issuer}/me`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'online_access',
      'patient/*.read', 'patient/*.rs', 'patient/*.write', 'patient/*.cud', 'user/*.read', 'user/*.rs'],
    capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
      'context-banner', 'context-style', 'permission-v1', 'permission-v2', 'permission-patient', 'permission-user',
      'permission-offline', 'permission-online', 'sso-openid-connect'],
  };

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !options.allowedOrigins.includes(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      vary: 'Origin',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, accept, if-none-exist, if-match, if-none-match, prefer',
      'access-control-expose-headers': 'location, etag, last-modified, content-location, retry-after, www-authenticate',
      'access-control-max-age': '600',
    };
  }

  async function verifyToken(req: IncomingMessage): Promise<TokenContext | { error: string }> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return { error: 'A bearer access token is required.' };
    try {
      const { payload } = await jwtVerify(match[1], jwks, { issuer: options.issuer, audience: base, currentDate: options.tokenClock?.() });
      if (typeof payload.jti === 'string' && options.isRevoked?.(payload.jti)) return { error: 'The access token has been revoked.' };
      return tokenContextOf(payload);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { error: code === 'ERR_JWT_EXPIRED' ? 'The access token has expired.' : 'The access token is not valid for this server.' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return false;
    const cors = corsHeaders(req);
    const method = (req.method ?? 'GET').toUpperCase();
    // The injected latency is the network's, so a CORS preflight pays it like any other request: the browser sends
    // one before each cross-origin read that carries the token, and waits for it.
    const latency = options.faults.latencyMs();
    if (method === 'OPTIONS') {
      options.stats.preflights++;
      if (latency > 0) await sleep(latency);
      res.writeHead(204, cors);
      res.end();
      return true;
    }
    const path = url.pathname.slice(basePath.length).replace(/^\/+|\/+$/g, '');
    let segments: string[];
    try {
      segments = path ? path.split('/').map(decodeURIComponent) : [];
    } catch {
      sendJson(res, 400, outcome('structure', 'Malformed request URL.'), cors, FHIR_JSON);
      return true;
    }
    const resourceType = segments[0] ?? '';
    options.stats.count(method, resourceType);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (status >= 400) options.stats.errors++;
      sendJson(res, status, body, { ...cors, ...headers }, FHIR_JSON);
    };

    if (latency > 0) await sleep(latency);

    try {
      if (method === 'GET' && path === 'metadata') {
        capabilityStatement ??= buildCapabilityStatement(base, smartConfiguration);
        send(200, capabilityStatement);
        return true;
      }
      if (method === 'GET' && path === '.well-known/smart-configuration') {
        sendJson(res, 200, smartConfiguration, cors);
        return true;
      }

      const token = await verifyToken(req);
      if ('error' in token) {
        send(401, outcome('login', token.error), { 'www-authenticate': `Bearer realm="${base}", error="invalid_token"` });
        return true;
      }
      if (!token.refreshed && options.faults.tokenExpired(token.tokenId)) {
        send(401, outcome('expired', 'The access token has expired (injected fault).'),
          { 'www-authenticate': `Bearer realm="${base}", error="invalid_token", error_description="expired"` });
        return true;
      }

      const query = queryOf(url.searchParams);
      const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? await parseJsonBody(req) : undefined;
      if (body instanceof Error) {
        send(400, outcome('structure', `The request body is not valid JSON: ${body.message}`));
        return true;
      }

      if (resourceType && !knownResourceTypes.includes(resourceType)) {
        send(404, outcome('not-supported', `Unknown resource type ${resourceType}.`));
        return true;
      }

      const denied = authorize(token, method, segments, query, body);
      if (denied) {
        send(denied.status, outcome(denied.status === 403 ? 'forbidden' : 'invalid', denied.text));
        return true;
      }

      if (method === 'GET' && resourceType) {
        const fault = options.faults.readFault(resourceType);
        if (fault) {
          await applyReadFault(fault, req, res, cors, resourceType);
          return true;
        }
      }

      if (method === 'GET' && segments.length === 1 && resourceType) {
        const bundle = await search(resourceType, query);
        if ('resourceType' in bundle && bundle.resourceType === 'OperationOutcome') {
          send(getStatus(bundle as never), bundle);
        } else {
          send(200, bundle);
        }
        return true;
      }

      const headers: Record<string, string> = {};
      for (const name of ['if-none-exist', 'if-match', 'if-none-match']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const result = await options.engine.handle(method as HttpMethod, segments.map(encodeURIComponent).join('/'), query, body, headers);
      const status = getStatus(result.outcome as never);
      if (!isOk(result.outcome as never)) {
        send(status, result.outcome);
        return true;
      }
      const resource = result.resource;
      if (resource && method === 'GET' && token.patient && needsCompartmentCheck(token, resource)) {
        if (!(await inPatientCompartment(resource, token.patient))) {
          send(403, outcome('forbidden', `${resource.resourceType}/${resource.id} is outside the launch patient's record.`));
          return true;
        }
      }

      const isWrite = method !== 'GET';
      if (isWrite) {
        const fault = options.faults.writeFault();
        if (fault?.kind === 'error500AfterCreate') {
          send(500, outcome('exception', 'Internal server error (injected fault; the write was carried out).'));
          return true;
        }
        if (fault?.kind === 'stallAfterCreate') {
          await waitOrClientGone(req, fault.ms);
          if (res.destroyed || req.destroyed) return true;
        }
      }
      send(status, resource ?? result.outcome, resource ? resourceHeaders(resource, status) : {});
      return true;
    } catch (error) {
      send(500, outcome('exception', `Internal error: ${error instanceof Error ? error.message : 'unknown'}`));
      return true;
    }
  }

  function resourceHeaders(resource: Resource, status: number): Record<string, string> {
    const headers: Record<string, string> = {};
    const version = resource.meta?.versionId;
    if (version) headers.etag = `W/"${version}"`;
    if (resource.meta?.lastUpdated) headers['last-modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    if (status === 201 && resource.id && resource.resourceType !== 'Bundle') {
      headers.location = `${base}/${resource.resourceType}/${resource.id}${version ? `/_history/${version}` : ''}`;
    }
    return headers;
  }

  /** Scope and compartment checks; null when allowed. May add the patient filter to `query` (patient-level search). */
  function authorize(token: TokenContext, method: string, segments: string[], query: Query, body: unknown):
    { status: number; text: string } | null {
    const [type, id] = segments;
    if (!type) {
      if (method === 'POST' && isBundle(body) && (body.type === 'transaction' || body.type === 'batch')) {
        for (const entry of body.entry ?? []) {
          const entryMethod = entry.request?.method ?? 'POST';
          const entryType = (entry.request?.url ?? '').split(/[/?]/)[0] || entry.resource?.resourceType || '';
          const denied = authorizeType(token, entryType, interactionOf(entryMethod, entry.request?.url?.includes('/') ?? false));
          if (denied) return denied;
          if (entry.resource && token.patient) {
            const foreign = foreignPatient(entry.resource, token.patient);
            if (foreign) return foreign;
          }
        }
        return null;
      }
      return { status: 403, text: 'System-level interactions are not available to this app.' };
    }
    const interaction = interactionOf(method, id !== undefined);
    const denied = authorizeType(token, type, interaction);
    if (denied) return denied;
    const decision = decide(token.scopes, type, interaction);
    if (!decision.patientLevelOnly || !token.patient) return null;
    if (interaction === 'search') return constrainSearchToPatient(type, query, token.patient);
    if (interaction === 'read' && type === 'Patient' && id !== token.patient) {
      return { status: 403, text: 'Only the launch patient can be read with patient-level scopes.' };
    }
    if (body && typeof body === 'object' && 'resourceType' in body) {
      return foreignPatient(body as Resource, token.patient);
    }
    return null;
  }

  function authorizeType(token: TokenContext, type: string, interaction: Interaction): { status: number; text: string } | null {
    if (decide(token.scopes, type, interaction).allowed) return null;
    const v1 = interaction === 'read' || interaction === 'search' ? 'read' : 'write';
    const v2 = { read: 'r', search: 's', create: 'c', update: 'u', delete: 'd' }[interaction];
    return { status: 403, text: `Scope not granted: ${interaction} on ${type} needs patient/${type}.${v1} (or patient/${type}.${v2}).` };
  }

  function needsCompartmentCheck(token: TokenContext, resource: Resource): boolean {
    const decision = decide(token.scopes, resource.resourceType, 'read');
    return decision.patientLevelOnly && resource.resourceType !== 'Patient' && hasPatientParam(resource.resourceType);
  }

  async function inPatientCompartment(resource: Resource, patientId: string): Promise<boolean> {
    const result = await options.engine.handle('GET', resource.resourceType,
      { _id: resource.id ?? '', patient: `Patient/${patientId}`, _summary: 'count' });
    return ((result.resource as Bundle | undefined)?.total ?? 0) > 0;
  }

  async function search(type: string, query: Query): Promise<Bundle | OperationOutcome> {
    dropUnsupportedParams(type, query);
    normaliseReferenceParams(type, query);
    const summaryCount = query._summary === 'count';
    const count = summaryCount ? 0 : Math.min(Math.max(intParam(query._count) ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
    const offset = Math.max(intParam(query._offset) ?? 0, 0);
    const engineQuery: Query = { ...query, _count: String(count), _offset: String(offset) };
    delete engineQuery._summary;
    const result = await options.engine.handle('GET', type, engineQuery);
    if (!isOk(result.outcome as never) || !result.resource) return result.outcome;
    const bundle = result.resource as Bundle;
    const total = bundle.total ?? 0;
    const pageUrl = (pageOffset: number) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (key === '_count' || key === '_offset') continue;
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
      }
      params.set('_count', String(count));
      if (pageOffset > 0) params.set('_offset', String(pageOffset));
      return `${base}/${type}?${params.toString()}`;
    };
    const link: NonNullable<Bundle['link']> = [{ relation: 'self', url: pageUrl(offset) }];
    if (options.faults.repeatsNextLink(type)) {
      link.push({ relation: 'next', url: pageUrl(offset) });
    } else if (count > 0 && offset + count < total) {
      link.push({ relation: 'next', url: pageUrl(offset + count) });
    }
    if (offset > 0 && count > 0) link.push({ relation: 'previous', url: pageUrl(Math.max(offset - count, 0)) });
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total,
      link,
      ...(bundle.entry?.length ? {
        entry: bundle.entry.map((entry) => ({
          fullUrl: `${base}/${entry.resource?.resourceType}/${entry.resource?.id}`,
          resource: entry.resource,
          search: { mode: 'match' as const },
        })),
      } : {}),
    };
  }

  async function applyReadFault(fault: NonNullable<ReturnType<Faults['readFault']>>, req: IncomingMessage, res: ServerResponse,
    cors: Record<string, string>, type: string): Promise<void> {
    options.stats.errors++;
    switch (fault.kind) {
      case 'status':
        sendJson(res, fault.status, outcome('transient', `${type} is unavailable (injected fault ${fault.status}).`), cors, FHIR_JSON);
        return;
      case 'rateLimit':
        sendJson(res, 429, outcome('throttled', 'Too many requests (injected fault).'),
          { ...cors, 'retry-after': String(fault.retryAfterSeconds) }, FHIR_JSON);
        return;
      case 'stall':
        // Keep the connection open without answering: the client's own timeout must end it.
        await waitOrClientGone(req, fault.ms ?? 10 * 60 * 1000);
        if (!res.destroyed) res.destroy();
        return;
      case 'invalidJson':
        res.writeHead(200, { ...cors, 'content-type': `${FHIR_JSON}; charset=utf-8` });
        res.end(`{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"${type}",`);
        return;
      case 'html':
        res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>');
        return;
    }
  }

  return { handle, smartConfiguration };
}

function tokenContextOf(payload: JWTPayload): TokenContext {
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return {
    scopes: scope.split(' ').filter(Boolean),
    ...(typeof payload.patient === 'string' ? { patient: payload.patient } : {}),
    tokenId: typeof payload.jti === 'string' ? payload.jti : scope,
    refreshed: payload.sandbox_refreshed === true,
  };
}

function interactionOf(method: string, hasId: boolean): Interaction {
  switch (method.toUpperCase()) {
    case 'GET': return hasId ? 'read' : 'search';
    case 'POST': return 'create';
    case 'DELETE': return 'delete';
    default: return 'update';
  }
}

function hasPatientParam(type: string): boolean {
  return Boolean(getSearchParameters(type)?.patient);
}

/** Patient-level search: filter by the launch patient, or refuse a filter naming another patient. */
function constrainSearchToPatient(type: string, query: Query, patientId: string): { status: number; text: string } | null {
  const own = new Set([patientId, `Patient/${patientId}`]);
  if (type === 'Patient') {
    const ids = query._id === undefined ? undefined : [query._id].flat().join(',').split(',');
    if (ids && ids.some((id) => id !== patientId)) return { status: 403, text: 'Only the launch patient can be read with patient-level scopes.' };
    query._id = patientId;
    return null;
  }
  if (!hasPatientParam(type)) return null;
  const given = ['patient', 'subject'].flatMap((key) => (query[key] === undefined ? [] : [query[key]].flat()));
  if (given.some((value) => !value.split(',').every((v) => own.has(v)))) {
    return { status: 403, text: 'Patient-level scopes allow searches within the launch patient\'s record only.' };
  }
  if (given.length === 0) query.patient = `Patient/${patientId}`;
  return null;
}

function foreignPatient(resource: Resource, patientId: string): { status: number; text: string } | null {
  const record = resource as unknown as Record<string, { reference?: string } | undefined>;
  for (const field of ['subject', 'patient']) {
    const reference = record[field]?.reference;
    if (reference?.startsWith('Patient/') && reference !== `Patient/${patientId}`) {
      return { status: 403, text: 'Patient-level scopes allow writes within the launch patient\'s record only.' };
    }
  }
  return null;
}

/** Result parameters the engine applies (others starting with `_` are ignored, as a lenient server does). */
const APPLIED_RESULT_PARAMS = new Set(['_id', '_lastUpdated', '_count', '_offset', '_sort', '_summary', '_total', '_profile', '_tag', '_security', '_source']);

/**
 * A lenient FHIR server ignores search parameters it does not know (and says so by leaving them out of the self link);
 * Medplum would instead match nothing, which a client cannot tell from an empty record.
 */
function dropUnsupportedParams(type: string, query: Query): void {
  const params = getSearchParameters(type) ?? {};
  for (const key of Object.keys(query)) {
    const name = key.split(':')[0] ?? key;
    const known = name in params || (name.startsWith('_') && APPLIED_RESULT_PARAMS.has(name));
    if (!known) delete query[key];
  }
}

/**
 * Medplum matches `patient=Patient/123` but not `patient=123`: give bare ids of reference parameters that target one
 * type (and `subject`, which SMART apps use for the patient) their type prefix, as an EHR's server would accept both.
 */
function normaliseReferenceParams(type: string, query: Query): void {
  const params = getSearchParameters(type) ?? {};
  for (const [key, value] of Object.entries(query)) {
    const param = params[key];
    if (!param || param.type !== 'reference') continue;
    const targets = param.target ?? [];
    const target = targets.length === 1 ? targets[0] : key === 'subject' || key === 'patient' ? 'Patient' : undefined;
    if (!target) continue;
    const prefix = (v: string) => v.split(',').map((part) => (part.includes('/') || part === '' ? part : `${target}/${part}`)).join(',');
    query[key] = Array.isArray(value) ? value.map(prefix) : prefix(value);
  }
}

function queryOf(params: URLSearchParams): Query {
  const query: Query = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function intParam(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

async function parseJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error('invalid JSON');
  }
}

function isBundle(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && (value as Resource).resourceType === 'Bundle';
}

function waitOrClientGone(req: IncomingMessage, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      req.socket.off('close', done);
      resolve();
    }
    req.socket.once('close', done);
  });
}

function buildCapabilityStatement(base: string, smart: { authorization_endpoint: string; token_endpoint: string;
  revocation_endpoint: string }): CapabilityStatement {
  const resource: NonNullable<CapabilityStatement['rest']>[number]['resource'] = knownResourceTypes.map((type) => ({
    type: type as 'Patient',
    interaction: ['read', 'vread', 'search-type', 'create', 'update', 'delete', 'history-instance']
      .map((code) => ({ code: code as 'read' })),
    conditionalCreate: true,
    searchParam: Object.values(getSearchParameters(type) ?? {})
      .filter((p) => p.code && p.type)
      .map((p) => ({ name: p.code, ...(p.url ? { definition: p.url } : {}), type: p.type as 'token' })),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'TRD timeline offline sandbox (Medplum fhir-router, in memory)' },
    implementation: { description: 'Offline sandbox EHR', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{
      mode: 'server',
      security: {
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [
            { url: 'authorize', valueUri: smart.authorization_endpoint },
            { url: 'token', valueUri: smart.token_endpoint },
            { url: 'revoke', valueUri: smart.revocation_endpoint },
          ],
        }],
      },
      resource,
      interaction: [{ code: 'transaction' }, { code: 'batch' }],
    }],
  };
}
