// @vitest-environment node
/**
 * SANDBOX_TOKEN_TTL_SECONDS: an access token lives as long as the setting (its exp is its iat plus the TTL); the FHIR
 * server accepts it up to its exp and refuses it with 401 from its exp on; a refresh gives a working one. The server
 * checks expiry against a clock the test sets to the token's own iat and exp, so no wall-clock sleep and no load on the
 * machine decides the outcome (a 1-second token under load used to expire before the refreshed one was tried).
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { ehrLaunchTokens, fhirGet, startTestSandbox } from './harness';
import { refresh } from './oauth-client';

/** The FHIR server's clock: the system's until a test sets it. */
let serverTime: Date | null = null;
const atSecond = (epochSeconds: number) => {
  serverTime = new Date(epochSeconds * 1000);
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ tokenTtlSeconds: 1, tokenClock: () => serverTime ?? new Date() });
});
afterAll(async () => {
  await sandbox.close();
});

/** A token's issue and expiry second, as the FHIR server reads them. */
function lifetimeOf(accessToken: string): { iat: number; exp: number } {
  const { iat, exp } = decodeJwt(accessToken);
  return { iat: iat!, exp: exp! };
}

it('a 1-second token expires 1 second after it is issued: accepted at its issue, refused with 401 "expired" at its expiry', async () => {
  serverTime = null;
  const token = await ehrLaunchTokens(sandbox, 'pat-a');
  expect(token.expires_in).toBe(1);
  const { iat, exp } = lifetimeOf(token.access_token);
  expect(exp - iat).toBe(1);
  atSecond(iat);
  expect((await fhirGet(sandbox, 'Condition?patient=pat-a', token.access_token)).status).toBe(200);
  atSecond(exp);
  const expired = await fhirGet(sandbox, 'Condition?patient=pat-a', token.access_token);
  expect(expired.status).toBe(401);
  expect(expired.body.issue[0].details.text).toBe('The access token has expired.');
});

it('after expiry, a refresh gives a new 1-second token that is accepted until its own expiry', async () => {
  serverTime = null;
  const token = await ehrLaunchTokens(sandbox, 'pat-a');
  atSecond(lifetimeOf(token.access_token).exp);
  expect((await fhirGet(sandbox, 'Condition?patient=pat-a', token.access_token)).status).toBe(401);
  const refreshed = await refresh(sandbox.origin, token.refresh_token ?? '', false);
  expect(refreshed.status).toBe(200);
  const access = refreshed.body.access_token as string;
  expect(access).not.toBe(token.access_token);
  const { iat, exp } = lifetimeOf(access);
  expect(exp - iat).toBe(1);
  atSecond(iat);
  expect((await fhirGet(sandbox, 'Condition?patient=pat-a', access)).status).toBe(200);
  atSecond(exp);
  expect((await fhirGet(sandbox, 'Condition?patient=pat-a', access)).status).toBe(401);
});
