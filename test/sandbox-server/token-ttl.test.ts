// @vitest-environment node
/** SANDBOX_TOKEN_TTL_SECONDS: an access token past its lifetime is refused with 401; a refresh gives a working one. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { ehrLaunchTokens, fhirGet, startTestSandbox } from './harness';
import { refresh } from './oauth-client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ tokenTtlSeconds: 1 });
});
afterAll(async () => {
  await sandbox.close();
});

it('refuses an expired access token and accepts the refreshed one', async () => {
  const token = await ehrLaunchTokens(sandbox, 'pat-a');
  expect(token.expires_in).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const expired = await fhirGet(sandbox, 'Condition?patient=pat-a', token.access_token);
  expect(expired.status).toBe(401);
  expect(expired.body.issue[0].details.text).toMatch(/expired/);
  const refreshed = await refresh(sandbox.origin, token.refresh_token ?? '', false);
  expect((await fhirGet(sandbox, 'Condition?patient=pat-a', refreshed.body.access_token as string)).status).toBe(200);
});
