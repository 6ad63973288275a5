// @vitest-environment node
// (msw intercepts Node's fetch; jsdom's AbortSignal/Request globals get in its way.)
import type { CarePlan, Provenance } from 'fhir/r4';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SessionExpiredError } from '../../../src/fhir/errors';
import { WriteBackError } from '../../../src/fhir/writeback/write-contract';
import { writeCarePlan } from '../../../src/fhir/writeback/write';
import { ALL_SCOPES, chosen, draft } from './fixture';
import { fetchHttp, MockFhir, type MockRequest } from './mock-fhir';

let mock = new MockFhir();
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useMock(acceptsTransaction = true): MockFhir {
  mock = new MockFhir(acceptsTransaction);
  server.use(...mock.handlers());
  return mock;
}

function session(scopes = ALL_SCOPES) {
  return { http: fetchHttp(), grantedScopes: scopes };
}

const isTransaction = (r: MockRequest) => r.method === 'POST' && r.path === '';
const isCarePlanPost = (r: MockRequest) => r.method === 'POST' && r.path === 'CarePlan';

async function failure(promise: Promise<unknown>): Promise<WriteBackError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WriteBackError);
    return error as WriteBackError;
  }
  throw new Error('expected the write to fail');
}

function expectOnePlan(m: MockFhir) {
  expect(m.all('CarePlan')).toHaveLength(1);
  expect(m.all('ServiceRequest')).toHaveLength(1);
  expect(m.all('Provenance')).toHaveLength(1);
}

describe('writeCarePlan over HTTP (msw)', () => {
  it('transaction success: one transaction, references resolved, read back by id', async () => {
    const m = useMock();
    const result = await writeCarePlan(session(), draft());
    expect(result.mode).toBe('transaction');
    expect(result.status).toBe('created');
    expect(result.confirmed).toBe(true);
    expect(result.resources.map((r) => `${r.resourceType}:${r.outcome}`)).toEqual(['ServiceRequest:created', 'CarePlan:created', 'Provenance:created']);
    expect(m.count('POST', '')).toBe(1);
    expectOnePlan(m);
    const plan = m.all('CarePlan')[0] as CarePlan;
    const sr = m.all('ServiceRequest')[0];
    expect(plan.activity?.[0]?.reference?.reference).toBe(`ServiceRequest/${sr?.id}`);
    // Read back: one GET per resource by id.
    for (const r of result.resources) expect(m.requests.some((q) => q.method === 'GET' && q.path === r.reference)).toBe(true);
    expect(result.account.join('\n')).toMatch(/Saved in one transaction/);
  });

  it('sequential fallback when the CapabilityStatement lacks transaction: search-before-create, then conditional create', async () => {
    const m = useMock(false);
    const result = await writeCarePlan(session(), draft());
    expect(result.mode).toBe('sequential');
    expect(result.status).toBe('created');
    expect(m.requests.some(isTransaction)).toBe(false);
    expectOnePlan(m);
    const plan = m.all('CarePlan')[0] as CarePlan;
    const sr = m.all('ServiceRequest')[0];
    const provenance = m.all('Provenance')[0] as Provenance;
    expect(plan.activity?.[0]?.reference?.reference).toBe(`ServiceRequest/${sr?.id}`);
    expect(provenance.target.map((t) => t.reference).sort()).toEqual([`CarePlan/${plan.id}`, `ServiceRequest/${sr?.id}`].sort());
    // Every create carried If-None-Exist.
    for (const post of m.requests.filter((r) => r.method === 'POST')) expect(post.headers['if-none-exist']).toMatch(/^(identifier|_tag)=/);
    expect(result.account.join('\n')).toMatch(/does not accept transactions/);
  });

  it('falls back to sequential on a 4xx "not supported" answer to the transaction', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'Transactions are not supported' }] } } });
    const result = await writeCarePlan(session(), draft());
    expect(result.mode).toBe('sequential');
    expectOnePlan(m);
  });

  it('403: forbidden, not retryable, nothing written', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 403, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'scope' }] } } });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('forbidden');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/refused .* \(403\).*Copy the plan as text or download/);
    expect(m.all('CarePlan')).toHaveLength(0);
  });

  it('422 with an OperationOutcome: its text is shown, not retryable', async () => {
    const m = useMock();
    m.fault({
      match: isTransaction,
      mode: 'reply',
      response: { status: 422, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invariant', details: { text: 'CarePlan.activity: cpl-3 violated' } }] } },
    });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('rejected');
    expect(error.retryable).toBe(false);
    expect(error.detail).toBe('CarePlan.activity: cpl-3 violated');
    expect(error.message).toMatch(/rejected the request while saving the plan \(422\): CarePlan.activity: cpl-3 violated/);
  });

  it('409 because another tab just wrote it: re-read by identifier, the existing plan is reported, nothing duplicated', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'commit-then-reply', response: { status: 409, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'conflict' }] } } });
    const result = await writeCarePlan(session(), draft());
    expect(result.status).toBe('already-existed');
    expect(result.account.join('\n')).toMatch(/conflict \(409\); the plan is in the chart/);
    expectOnePlan(m);
  });

  it('412 and the plan is not there: a conflict error that can be retried', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 412, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'conflict', diagnostics: 'precondition failed' }] } } });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('conflict');
    expect(error.retryable).toBe(true);
    expect(m.all('CarePlan')).toHaveLength(0);
  });

  it('500 before anything was saved: retryable; the retry searches first, then writes once', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 500, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception', diagnostics: 'boom' }] } } });
    const s = session();
    const error = await failure(writeCarePlan(s, draft()));
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
    expect(m.all('CarePlan')).toHaveLength(0);
    const result = await writeCarePlan(s, draft());
    expect(result.status).toBe('created');
    expectOnePlan(m);
  });

  it('500 after the server created it: the retry finds it by identifier, exactly one plan, and says what happened', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'commit-then-reply', response: { status: 500, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception' }] } } });
    const s = session();
    const error = await failure(writeCarePlan(s, draft()));
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/may have saved part or all of it/);
    const result = await writeCarePlan(s, draft());
    expect(result.status).toBe('already-existed');
    expect(result.account[0]).toMatch(/already in the chart .* nothing is saved twice/);
    expect(m.count('POST', '')).toBe(1);
    expectOnePlan(m);
  });

  it('a create answered 201 with an empty body (Prefer: return=minimal) is found by its identifier, not reported as failed', async () => {
    const m = useMock(false);
    const isCreate = (r: MockRequest) => r.method === 'POST' && r.path !== '';
    for (let i = 0; i < 3; i++) m.fault({ match: isCreate, mode: 'commit-then-reply', response: { status: 201, body: undefined } });
    const result = await writeCarePlan(session(), draft());
    expect(result.status).toBe('created');
    expect(result.confirmed).toBe(true);
    expectOnePlan(m);
    const plan = m.all('CarePlan')[0]!;
    expect(result.resources.find((r) => r.resourceType === 'CarePlan')?.id).toBe(plan.id);
  });

  it('a transaction answered with an empty body is completed record by record, found by identifier, never duplicated', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'commit-then-reply', response: { status: 200, body: undefined } });
    const result = await writeCarePlan(session(), draft());
    expect(result.confirmed).toBe(true);
    expectOnePlan(m);
  });

  it('429: rate-limited, retryable, with the server’s Retry-After', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 429, body: { resourceType: 'OperationOutcome', issue: [] }, headers: { 'retry-after': '7' } } });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/wait 7 seconds/);
  });

  it('timeout then retry: the server had saved it; the retry finds the existing plan', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'commit-then-reply', response: { status: 200, body: {}, delayMs: 400 } });
    const s = session();
    const error = await failure(writeCarePlan(s, draft(), { timeoutMs: 100 }));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/did not answer in time.*will not be saved twice/);
    const result = await writeCarePlan(s, draft(), { timeoutMs: 1000 });
    expect(result.status).toBe('already-existed');
    expect(m.count('POST', '')).toBe(1);
    expectOnePlan(m);
  });

  it('network failure (no HTTP answer): retryable network error, nothing claimed', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 0, body: null } });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('network');
    expect(error.written).toEqual([]);
  });

  it('a failure while searching first writes nothing', async () => {
    const m = useMock();
    m.fault({ match: (r) => r.method === 'GET' && r.path.startsWith('CarePlan?'), mode: 'reply', response: { status: 503, body: null } });
    const error = await failure(writeCarePlan(session(), draft()));
    expect(error.kind).toBe('server');
    expect(m.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('half-written (sequential, CarePlan create fails after the referral was saved): a partial error, never complete; retry finishes it', async () => {
    const m = useMock(false);
    m.fault({ match: isCarePlanPost, mode: 'reply', response: { status: 500, body: null } });
    const s = session();
    const error = await failure(writeCarePlan(s, draft()));
    expect(error.kind).toBe('partial');
    expect(error.retryable).toBe(true);
    expect(error.written.map((w) => w.resourceType)).toEqual(['ServiceRequest']);
    expect(error.message).toMatch(/Only part of the plan was saved.*NOT complete/);
    const result = await writeCarePlan(s, draft());
    expect(result.status).toBe('created');
    expect(result.resources.find((r) => r.resourceType === 'ServiceRequest')?.outcome).toBe('existed');
    expectOnePlan(m);
  });

  it('a transaction answer that does not confirm every entry is completed record by record', async () => {
    const m = useMock();
    m.fault({ match: isTransaction, mode: 'reply', response: { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry: [{ response: { status: '201 Created', location: 'ServiceRequest/999' } }] } } });
    const result = await writeCarePlan(session(), draft());
    expect(result.status).toBe('completed');
    expect(result.mode).toBe('sequential');
    expectOnePlan(m);
  });

  it('double submit: two calls while the first is in flight send one transaction', async () => {
    const m = useMock();
    const s = session();
    const first = writeCarePlan(s, draft());
    const second = writeCarePlan(s, draft());
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(m.count('POST', '')).toBe(1);
    expectOnePlan(m);
  });

  it('two tabs confirming the same plan at once: exactly one plan at the end', async () => {
    const m = useMock();
    const [a, b] = await Promise.all([writeCarePlan(session(), draft()), writeCarePlan(session(), draft())]);
    expectOnePlan(m);
    expect([a.status, b.status].sort()).toEqual(['already-existed', 'created']);
  });

  it('a second launch the same day with the same choice finds the same plan; another day writes a new one', async () => {
    const m = useMock();
    await writeCarePlan(session(), draft());
    const again = await writeCarePlan(session(), draft({ note: 'edited note' }));
    expect(again.status).toBe('already-existed');
    expectOnePlan(m);
    await writeCarePlan(session(), draft({ date: '2026-11-23' }));
    expect(m.all('CarePlan')).toHaveLength(2);
  });

  it('missing write scope: refused before any request, with the reason', async () => {
    const m = useMock();
    const error = await failure(writeCarePlan(session(['launch', 'patient/*.read']), draft()));
    expect(error.kind).toBe('no-scope');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/did not grant this app permission to create CarePlan/);
    expect(m.requests).toHaveLength(0);
  });

  it('a stored plan missing its referral link (earlier half-finished write) is completed with an update', async () => {
    const m = useMock(false);
    const d = draft();
    // An earlier attempt stored the CarePlan without resolving its activity reference.
    m.store.set('CarePlan/77', { ...d.carePlan, id: '77', activity: [] } as CarePlan);
    const result = await writeCarePlan(session(), d);
    expect(result.status).toBe('completed');
    expect(result.resources.find((r) => r.resourceType === 'CarePlan')).toMatchObject({ id: '77', outcome: 'updated' });
    const plan = m.store.get('CarePlan/77') as CarePlan;
    expect(plan.activity?.[0]?.reference?.reference).toBe(`ServiceRequest/${m.all('ServiceRequest')[0]?.id}`);
    expectOnePlan(m);
  });
  it('a server that refuses Provenance searches still gets the plan completed (conditional create guards it)', async () => {
    const m = useMock(false);
    m.fault({ match: (r) => r.method === 'GET' && r.path.startsWith('Provenance?'), mode: 'reply', response: { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'unknown parameter _tag' }] } } });
    const result = await writeCarePlan(session(), draft());
    expect(result.status).toBe('created');
    expectOnePlan(m);
  });
  it('a session that expired (the FHIR layer rejects with SessionExpiredError): not retryable, says to relaunch', async () => {
    const m = useMock();
    const expired = { grantedScopes: ALL_SCOPES, http: { send: () => Promise.reject(new SessionExpiredError()) } };
    const error = await failure(writeCarePlan(expired, draft()));
    expect(error.kind).toBe('session-expired');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/expired .* not saved.*relaunch/);
    expect(m.requests).toHaveLength(0);
  });
  it('read back: a Provenance the app may not read does not unconfirm the plan; a missing CarePlan does', async () => {
    const m = useMock();
    m.fault({ match: (r) => r.method === 'GET' && /^Provenance\/\w+$/.test(r.path), mode: 'reply', response: { status: 403, body: null } });
    const result = await writeCarePlan(session(), draft());
    expect(result.confirmed).toBe(true);
    expect(result.account.join('\n')).toMatch(/could not be read back: this app may not read Provenance/);

    const other = useMock();
    other.fault({ match: (r) => r.method === 'GET' && /^CarePlan\/\w+$/.test(r.path), mode: 'reply', response: { status: 404, body: null } });
    const unconfirmed = await writeCarePlan(session(), draft({ date: '2026-12-01' }));
    expect(unconfirmed.confirmed).toBe(false);
    expect(unconfirmed.account.at(-1)).toMatch(/reading back draft care plan \(\d+ options?\) did not work: check the chart/);
  });
  it('scopes without a Provenance read (the app asks for create only): no Provenance search or read-back is sent, so nothing is refused; the account says it was not read', async () => {
    const scopes = ['launch', 'openid', 'fhirUser', 'patient/Patient.r', 'patient/CarePlan.crus', 'patient/ServiceRequest.crs', 'patient/Provenance.c'];
    const provenanceRequests = (m: MockFhir) => m.requests.filter((r) => r.method === 'GET' && r.path.startsWith('Provenance'));

    const m = useMock();
    const result = await writeCarePlan(session(scopes), draft());
    expect(result.confirmed).toBe(true);
    expect(provenanceRequests(m)).toEqual([]);
    expect(result.unreadable).toEqual(result.resources.filter((r) => r.resourceType === 'Provenance').map((r) => r.reference));
    expect(result.account.at(-1)).toMatch(/^The provenance \(who proposed it, and with which app\) could not be read back: this app may not read Provenance records; the EHR accepted it when it was written\.$/);

    const sequential = useMock(false);
    const one = await writeCarePlan(session(scopes), draft({ date: '2026-12-01' }));
    expect(one.mode).toBe('sequential');
    expect(sequential.all('Provenance')).toHaveLength(1);
    expect(provenanceRequests(sequential)).toEqual([]);
  });
  it('several referrals (sequential): each ServiceRequest linked from the plan; a plan without referrals writes none', async () => {
    const m = useMock(false);
    const two = draft({ chosen: chosen(['ect', 'tms', 'dose-optimization']) });
    const result = await writeCarePlan(session(), two);
    expect(result.resources.filter((r) => r.resourceType === 'ServiceRequest')).toHaveLength(2);
    const plan = m.all('CarePlan')[0] as CarePlan;
    const links = (plan.activity ?? []).map((a) => a.reference?.reference).filter(Boolean).sort();
    expect(links).toEqual(m.all('ServiceRequest').map((sr) => `ServiceRequest/${sr.id}`).sort());

    const none = useMock();
    const result2 = await writeCarePlan(session(), draft({ chosen: chosen(['dose-optimization']) }));
    expect(result2.resources.map((r) => r.resourceType)).toEqual(['CarePlan', 'Provenance']);
    expect(none.all('ServiceRequest')).toHaveLength(0);
  });
});
