/**
 * The EHR's authorization server: oidc-provider 9 mounted at /auth, speaking SMART App Launch on top of OAuth 2 / OIDC.
 * - public client `trd-timeline-local`, PKCE (S256) required, redirect to the app's index.html on 127.0.0.1 and localhost;
 * - `aud` must be the FHIR base; `launch` must be a live, unused id minted by the EHR page (else an OAuth error
 *   redirect); the first authorization that binds it uses it up;
 * - SMART resource scopes (v1 and v2) granted into a JWT access token whose audience is the FHIR base, but only those
 *   the client is registered for (sandbox/scope-grants.ts registeredScopes: the app's own list; no wildcard, no user/ scope);
 * - a replayed authorization code revokes every token issued from it (RFC 6749 §4.1.2; oidc-provider revokes the
 *   grant, and the FHIR server refuses the JWT access tokens of a revoked grant);
 * - the token response carries `patient`, `need_patient_banner`, `smart_style_url` (and `encounter`), on refresh too;
 * - EHR launch signs the demo user in and consents without a page; standalone launch (`launch/patient` without
 *   `launch`) shows a patient picker with a Deny button.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type AccessTokenLike, type KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { escapeHtml, page, sendHtml } from './html';
import type { Faults } from './faults';
import { readBody, sendJson, sleep } from './http-util';
import type { LaunchContext, LaunchStore } from './launches';
import { grantableResourceScopes, registeredScopes, registrationCovers } from './scope-grants';

const CLIENT_ID = 'trd-timeline-local';
export const DEMO_USER = 'Practitioner/dr-demo';
const OIDC_SCOPES = ['openid', 'fhirUser', 'profile', 'offline_access', 'online_access', 'launch', 'launch/patient'];

export interface PickablePatient {
  id: string;
  name: string;
  summary: string;
}

export interface AuthServerOptions {
  /** Public origin of the sandbox ("http://127.0.0.1:4010"); the issuer is `${origin}/auth`. */
  origin: string;
  fhirBaseUrl: string;
  /** The app's public URL ("http://127.0.0.1:5173"); redirect URIs derive from it. */
  appUrl: string;
  launches: LaunchStore;
  patients: () => PickablePatient[];
  tokenTtlSeconds: number;
  /** Fault injection (refuseRefresh). */
  faults?: Faults;
}

export interface AuthServer {
  issuer: string;
  /** Public signing keys, for the FHIR server's token check. */
  publicJwks: { keys: JsonWebKey[] };
  /** Handles requests under /auth; returns false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Whether the access token with this `jti` belongs to a revoked grant (a replayed code, a revocation). */
  isRevoked: (jti: string) => boolean;
}

/** Context of one grant (one authorization), looked up when tokens are minted. */
interface GrantContext {
  /** Every scope granted (OIDC and SMART), for the token response's `scope`. */
  scope: string;
  patient: string;
  needPatientBanner: boolean;
  encounter?: string;
}

const MOUNT = '/auth';

export function createAuthServer(options: AuthServerOptions): AuthServer {
  const issuer = `${options.origin}${MOUNT}`;
  const fhirBase = options.fhirBaseUrl.replace(/\/$/, '');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } as JsonWebKey;
  const grantContexts = new Map<string, GrantContext>();
  /** Grant of each access token issued (JWTs are not stored, so revocation is tracked here). */
  const grantOfToken = new Map<string, string>();
  const revokedGrants = new Set<string>();
  const registration = registeredScopes();
  // The resource server's scopes are those the client is registered for: any other requested scope (a wildcard,
  // user/*.*) is dropped from the grant, not granted, and does not send the user back to a consent prompt.
  const resourceScopes = grantableResourceScopes().filter((scope) => registrationCovers(registration, scope));
  const resourceScopeSet = new Set(resourceScopes);
  const smartStyleUrl = `${options.origin}/ehr/smart-style.json`;

  const redirectUris = redirectUrisFor(options.appUrl);

  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      token_endpoint_auth_method: 'none',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: { keys: [privateJwk] },
    // In memory on purpose (the sandbox forgets everything on restart); passed explicitly to skip the production warning.
    adapter: createMemoryAdapter(0),
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: OIDC_SCOPES,
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['name'] },
    // Put fhirUser in the id_token itself (SMART apps read it there, not from userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    extraParams: {
      aud(_ctx: unknown, value: unknown) {
        if (typeof value !== 'string' || value.replace(/\/$/, '') !== fhirBase) {
          throw new errors.InvalidRequest(`The aud parameter must be this EHR's FHIR server (${fhirBase}).`);
        }
      },
      launch(_ctx: unknown, value: unknown) {
        if (value === undefined) return;
        const found = options.launches.lookup(typeof value === 'string' ? value : JSON.stringify(value));
        if ('error' in found) throw new errors.InvalidRequest(found.error);
      },
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: resourceScopes.join(' '),
          audience: fhirBase,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.tokenTtlSeconds,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
      revocation: { enabled: true },
    },
    // Every authorization goes through our interaction, so each launch binds its own patient context.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? provider.Grant.find(grantId) : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${MOUNT}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, fhirUser: DEMO_USER, name: 'Dr Demo' }),
    }),
    extraTokenClaims: async (ctx: KoaContextWithOIDC, token: AccessTokenLike) => {
      const jti = (token as AccessTokenLike & { jti?: string }).jti;
      if (jti && token.grantId) grantOfToken.set(jti, token.grantId);
      const context = token.grantId ? grantContexts.get(token.grantId) : undefined;
      if (!context) return undefined;
      return {
        patient: context.patient,
        fhirUser: DEMO_USER,
        need_patient_banner: context.needPatientBanner,
        ...(context.encounter ? { encounter: context.encounter } : {}),
        // Lets the fault injection expire a launch's first token only (sandbox/faults.ts, expireTokenAfterRequests).
        ...(ctx.oidc?.params?.grant_type === 'refresh_token' ? { sandbox_refreshed: true } : {}),
      };
    },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }, code: { scopes: Set<string> }) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || code.scopes.has('online_access')),
    ttl: {
      AccessToken: options.tokenTtlSeconds,
      AuthorizationCode: 120,
      IdToken: options.tokenTtlSeconds,
      RefreshToken: 24 * 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 24 * 3600,
    },
    clientBasedCORS: (_ctx: unknown, origin: string) => isAppOrigin(origin, options.appUrl),
    renderError: async (ctx: KoaContextWithOIDC, out: Record<string, string>) => {
      // Errors that cannot be redirected to the app (unknown client, wrong redirect_uri): a plain, escaped page.
      (ctx as unknown as { type: string }).type = 'html';
      ctx.body = page('Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(out.error ?? 'error')}: ${
        escapeHtml(out.error_description ?? '')}</p><p>Start the app again from the EHR.</p>`);
    },
  });
  provider.proxy = false;
  provider.on('grant.revoked', (_ctx: unknown, grantId: unknown) => {
    if (typeof grantId !== 'string') return;
    revokedGrants.add(grantId);
    grantContexts.delete(grantId);
  });

  provider.use(async (ctx, next) => {
    await next();
    // SMART's launch context rides along in the token response (also on refresh).
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown> | undefined;
    const grantId = ctx.oidc.entities?.Grant?.jti;
    const context = grantId ? grantContexts.get(grantId) : undefined;
    if (!body || !context) return;
    body.scope = context.scope;
    body.patient = context.patient;
    if (context.encounter) body.encounter = context.encounter;
    body.need_patient_banner = context.needPatientBanner;
    body.smart_style_url = smartStyleUrl;
  });

  const callback = provider.callback();

  async function finishInteraction(req: IncomingMessage, res: ServerResponse, uid: string, context: LaunchContext | null,
    params: Record<string, string | undefined>) {
    const accountId = (context?.user ?? DEMO_USER).split('/').pop() ?? 'dr-demo';
    const requested = (params.scope ?? '').split(' ').filter(Boolean);
    const grant = new provider.Grant({ accountId, clientId: CLIENT_ID });
    // Launch scopes as the launch allows (`launch` with a launch id, `launch/patient` without), identity scopes and
    // resource scopes only as registered for the client.
    const launchScope = params.launch ? 'launch' : 'launch/patient';
    const oidcScopes = requested.filter((s) => s === launchScope || (OIDC_SCOPES.includes(s) && registration.identity.has(s)));
    grant.addOIDCScope(oidcScopes.join(' '));
    // A v2 scope's query narrows nothing here: it is granted for its resource type (docs/notes/sandbox.md).
    const granted = [...new Set(requested.map((s) => s.replace(/\?.*$/, ''))
      .filter((s) => resourceScopeSet.has(s) && registrationCovers(registration, s)))];
    if (granted.length) grant.addResourceScope(fhirBase, granted.join(' '));
    const grantId = await grant.save();
    if (context) {
      grantContexts.set(grantId, {
        scope: [...oidcScopes, ...granted].join(' '),
        patient: context.patient,
        needPatientBanner: context.needPatientBanner,
        ...(context.encounter ? { encounter: context.encounter } : {}),
      });
    }
    void uid;
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/auth\/interaction\/([^/]+)(\/(pick|deny))?$/.exec(url.pathname);
    if (!match) return sendHtml(res, 404, page('Not found', '<h1>Not found</h1>'));
    const details = await provider.interactionDetails(req, res);
    const params = details.params;
    const action = match[3];
    const scopes = (params.scope ?? '').split(' ');

    if (params.launch) {
      const found = options.launches.consume(params.launch);
      if ('error' in found) {
        return provider.interactionFinished(req, res, { error: 'invalid_request', error_description: found.error });
      }
      return finishInteraction(req, res, details.uid, found.context, params);
    }

    if (action === 'deny' && req.method === 'POST') {
      return provider.interactionFinished(req, res,
        { error: 'access_denied', error_description: 'The user denied the authorization request.' });
    }
    if (action === 'pick' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const patient = form.get('patient') ?? '';
      if (!options.patients().some((p) => p.id === patient)) {
        return sendHtml(res, 400, page('Choose a patient', '<h1>Unknown patient</h1><p>Go back and choose a listed patient.</p>'));
      }
      return finishInteraction(req, res, details.uid,
        { patient, user: DEMO_USER, needPatientBanner: true }, params);
    }

    if (!scopes.includes('launch/patient')) {
      // Neither an EHR launch nor a patient-picking standalone launch: nothing to bind the app to.
      return provider.interactionFinished(req, res, {
        error: 'invalid_scope',
        error_description: 'Request either the launch scope (EHR launch) or launch/patient (standalone launch).',
      });
    }
    return sendHtml(res, 200, pickerPage(details.uid, options.patients()));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', options.origin);
    if (url.pathname !== MOUNT && !url.pathname.startsWith(`${MOUNT}/`)) return false;
    // The injected latency is the network's: an authorization server far away is as slow as its FHIR server.
    const latency = options.faults?.latencyMs() ?? 0;
    if (latency > 0) await sleep(latency);
    if (url.pathname.startsWith(`${MOUNT}/interaction/`)) {
      try {
        await handleInteraction(req, res, url);
      } catch (error) {
        const message = error instanceof Error ? error.message : 'unknown error';
        sendHtml(res, 400, page('Authorization error', `<h1>The authorization could not continue</h1><p>${escapeHtml(message)}</p>
<p>Start the app again from the EHR.</p>`));
      }
      return true;
    }
    if (url.pathname === `${MOUNT}/auth` && req.method === 'GET') {
      // OIDC drops offline_access unless prompt=consent is sent; SMART apps never send it, and every authorization
      // here goes through the (automatic) consent interaction anyway.
      const scope = url.searchParams.get('scope') ?? '';
      if (/(^| )offline_access( |$)/.test(scope) && !url.searchParams.has('prompt')) {
        url.searchParams.set('prompt', 'consent');
        req.url = `${url.pathname}${url.search}`;
      }
    }
    if (url.pathname === `${MOUNT}/token` && req.method === 'POST' && !req.headers.authorization) {
      // fhirclient refreshes without client_id (refreshTokenWithClientId is off by default) and public SMART
      // servers accept that; oidc-provider wants it. Name our only public client, as such a server would.
      const form = new URLSearchParams(await readBody(req));
      if (form.get('grant_type') === 'refresh_token' && options.faults?.get().refuseRefresh) {
        sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is no longer valid (injected fault).' });
        return true;
      }
      if (form.get('grant_type') === 'refresh_token' && !form.has('client_id')) form.set('client_id', CLIENT_ID);
      // The stream is consumed now; oidc-provider then reads the parsed body from req.body (and warns once).
      (req as IncomingMessage & { body?: Record<string, string> }).body = Object.fromEntries(form);
    }
    // oidc-provider finds its mount path from originalUrl vs url (as under express).
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url!.slice(MOUNT.length) || '/';
    callback(req, res);
    return true;
  }

  function isRevoked(jti: string): boolean {
    const grantId = grantOfToken.get(jti);
    return grantId !== undefined && revokedGrants.has(grantId);
  }

  return { issuer, publicJwks: { keys: [publicJwk] }, handle, isRevoked };
}

function pickerPage(uid: string, patients: PickablePatient[]): string {
  const rows = patients.map((p) => `<tr><td><label><input type="radio" name="patient" value="${escapeHtml(p.id)}" required> ${
    escapeHtml(p.name)}</label></td><td class="muted">${escapeHtml(p.summary)}</td></tr>`).join('');
  const action = `${MOUNT}/interaction/${encodeURIComponent(uid)}`;
  return page('Choose a patient', `<h1>Choose a patient</h1>
<p>The app asks to open one patient's record (standalone launch). Signed in as Dr Demo.</p>
<form method="post" action="${action}/pick"><table>${rows}</table><p><button type="submit">Allow and open</button></p></form>
<form method="post" action="${action}/deny"><button type="submit">Deny</button></form>`);
}

/** index.html of the app on both 127.0.0.1 and localhost (PKCE needs a secure context; both count as one). */
export function redirectUrisFor(appUrl: string): string[] {
  const base = new URL(appUrl);
  const uris = new Set<string>();
  for (const host of ['127.0.0.1', 'localhost']) {
    const u = new URL(base.href);
    u.hostname = host;
    const root = u.href.replace(/\/$/, '');
    uris.add(`${root}/index.html`);
    uris.add(`${root}/`);
  }
  return [...uris];
}

function isAppOrigin(origin: string, appUrl: string): boolean {
  return redirectUrisFor(appUrl).some((uri) => new URL(uri).origin === origin);
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
