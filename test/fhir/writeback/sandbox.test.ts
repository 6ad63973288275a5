// @vitest-environment node
/**
 * Write-back under faults through the real sandbox over HTTP: the sandbox's SMART launch gives a
 * token, the FHIR layer's own FhirHttp sends, the sandbox enforces scopes and the patient compartment and injects
 * write faults. In each case exactly one CarePlan exists at the end, and the result says what happened.
 */
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { createFhirHttp } from '../../../src/fhir/http';
import { identifierQuery } from '../../../src/fhir/writeback/build';
import { WriteBackError } from '../../../src/fhir/writeback/write-contract';
import { writeCarePlan } from '../../../src/fhir/writeback/write';
import { ehrLaunchTokens, fhirGet, startTestSandbox } from '../../sandbox-server/harness';
import { APP_SCOPES_V1 } from '../../../src/fhir/app-scopes';
import { draft } from './fixture';

const PATIENT = 'pat-a';
// The app's own scopes: the sandbox grants only what the client is registered for.
const WRITE_SCOPES = ['launch', ...APP_SCOPES_V1].join(' ');

let sandbox: Sandbox;
let token = '';
let granted: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const tokens = await ehrLaunchTokens(sandbox, PATIENT, WRITE_SCOPES);
  token = tokens.access_token;
  granted = tokens.scope.split(' ');
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

/** A fresh FhirHttp: a new tab or a new launch of the app. */
function tab() {
  return { http: createFhirHttp({ baseUrl: sandbox.fhirBaseUrl, auth: { accessToken: () => token } }), grantedScopes: granted };
}

async function plansFor(date: string): Promise<number> {
  const d = draft({ patientId: PATIENT, date });
  const response = await fhirGet(sandbox, `CarePlan?${identifierQuery(d.identifier)}`, token);
  expect(response.status).toBe(200);
  return ((response.body as Bundle).entry ?? []).length;
}

async function failure(promise: Promise<unknown>): Promise<WriteBackError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriteBackError);
  return error as WriteBackError;
}

describe('write-back through the sandbox', () => {
  it('writes in one transaction, reads back; a second launch the same day finds the same plan', async () => {
    sandbox.faults.set({});
    const date = '2026-01-01';
    const first = await writeCarePlan(tab(), draft({ patientId: PATIENT, date }));
    expect(first).toMatchObject({ status: 'created', mode: 'transaction', confirmed: true });
    const second = await writeCarePlan(tab(), draft({ patientId: PATIENT, date }));
    expect(second.status).toBe('already-existed');
    expect(await plansFor(date)).toBe(1);
  });

  it('a 500 after the server created it: the retry finds it, one CarePlan, and the account says so', async () => {
    sandbox.faults.set({ write500AfterCreate: { times: 1 } });
    const date = '2026-01-02';
    const session = tab();
    const error = await failure(writeCarePlan(session, draft({ patientId: PATIENT, date })));
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
    const retried = await writeCarePlan(session, draft({ patientId: PATIENT, date }));
    expect(retried.status).toBe('already-existed');
    expect(retried.account[0]).toMatch(/already in the chart/);
    expect(await plansFor(date)).toBe(1);
  });

  it('a write that times out (server stalls after creating) and is retried: one CarePlan', async () => {
    sandbox.faults.set({ writeStallAfterCreate: { times: 1, ms: 3000 } });
    const date = '2026-01-03';
    const session = tab();
    const error = await failure(writeCarePlan(session, draft({ patientId: PATIENT, date }), { timeoutMs: 500 }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/did not answer in time/);
    const retried = await writeCarePlan(session, draft({ patientId: PATIENT, date }));
    expect(retried.status).toBe('already-existed');
    expect(await plansFor(date)).toBe(1);
  });

  it('two tabs confirming the same plan at the same time: one CarePlan', async () => {
    sandbox.faults.set({});
    const date = '2026-01-04';
    const results = await Promise.all([
      writeCarePlan(tab(), draft({ patientId: PATIENT, date })),
      writeCarePlan(tab(), draft({ patientId: PATIENT, date })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-existed', 'created']);
    expect(await plansFor(date)).toBe(1);
  });

  it('a token without write scopes: refused up front with the reason', async () => {
    const error = await failure(writeCarePlan({ ...tab(), grantedScopes: ['launch', 'patient/*.read'] }, draft({ patientId: PATIENT, date: '2026-01-05' })));
    expect(error.kind).toBe('no-scope');
    expect(await plansFor('2026-01-05')).toBe(0);
  });

  it('a write for another patient is refused by the server (403) and nothing is written', async () => {
    sandbox.faults.set({});
    const error = await failure(writeCarePlan(tab(), draft({ patientId: 'pat-b', date: '2026-01-06' })));
    expect(error.kind).toBe('forbidden');
    expect(error.retryable).toBe(false);
  });
});
