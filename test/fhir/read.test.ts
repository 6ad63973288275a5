// @vitest-environment node
/**
 * readPatientRecord against an msw FHIR server:
 * every page of every type in parallel, one failing type never sinks the others, paging faults stop with a
 * notice, Medications are batched, the whole read is bounded, and nothing is logged.
 */
import type { Observation, Resource } from 'fhir/r4';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryLogEntry } from '../../src/fhir/contract';
import { SessionExpiredError } from '../../src/fhir/errors';
import {
  CARE_PLAN_STATUSES,
  ENCOUNTER_STATUSES,
  FALLBACK_PAGE_SIZE,
  PAGE_SIZE,
  MEDICATION_DISPENSE_STATUSES,
  MEDICATION_REQUEST_STATUSES,
  MEDICATION_STATEMENT_STATUSES,
  OBSERVATION_CATEGORIES,
} from '../../src/fhir/queries';
import { medicationIdOf, readPatientRecord } from '../../src/fhir/read';
import { BASE, fakeFhirServer, many, PATIENT_ID, recordRequests, searchset, testSession, type FakeServer } from './msw-fhir';

const mswServer = setupServer();
let fake: FakeServer;
let stopRecording: () => void = () => {};

beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mswServer.close());
afterEach(() => {
  stopRecording();
  mswServer.resetHandlers();
});

function serve(resources: Resource[], pageSize = 3) {
  fake = fakeFhirServer(resources, pageSize);
  mswServer.resetHandlers(...fake.handlers);
  const listener = recordRequests(fake);
  mswServer.events.on('request:start', listener);
  stopRecording = () => mswServer.events.removeListener('request:start', listener);
}

const patient = { resourceType: 'Patient', id: PATIENT_ID } as Resource;
const entryFor = (queries: QueryLogEntry[], type: string, nth = 0) => queries.filter((q) => q.resourceType === type)[nth]!;

describe('a complete read', () => {
  beforeEach(() =>
    serve([
      patient,
      ...many('MedicationStatement', 7),
      ...many('MedicationRequest', 2),
      ...many('Condition', 4),
      ...many('Observation', 5),
      ...many('Procedure', 1),
    ]),
  );

  it('follows every page of every type and keeps every resource once', async () => {
    const result = await readPatientRecord(testSession());
    expect(result.complete).toBe(true);
    expect(result.patient?.id).toBe(PATIENT_ID);
    const statements = entryFor(result.queries, 'MedicationStatement');
    expect(statements).toMatchObject({ status: 'done', count: 7, pages: 3 }); // 3 + 3 + 1
    // The two Observation queries (codes, category=survey) return the same 5 resources: kept once.
    const ids = result.resources.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.resources.filter((r) => r.resourceType === 'Observation')).toHaveLength(5);
    expect(result.resources).toHaveLength(1 + 7 + 2 + 4 + 5 + 1);
  });

  it('reads every page of Encounter and CarePlan and records each query', async () => {
    serve([patient, ...many('Encounter', 8), ...many('CarePlan', 4)]);
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Encounter')).toMatchObject({ status: 'done', count: 8, pages: 3 }); // 3 + 3 + 2
    expect(entryFor(result.queries, 'CarePlan')).toMatchObject({ status: 'done', count: 4, pages: 2 });
    expect(result.resources.filter((r) => r.resourceType === 'Encounter')).toHaveLength(8);
    expect(result.resources.filter((r) => r.resourceType === 'CarePlan')).toHaveLength(4);
    expect(fake.requestsFor('Encounter')[0]!.url.searchParams.get('patient')).toBe(PATIENT_ID);
  });

  it('a failing Encounter query is recorded and the rest of the record is still read', async () => {
    serve([patient, ...many('CarePlan', 2), ...many('Condition', 1)]);
    mswServer.use(http.get(`${BASE}/Encounter`, () => HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 403 })));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Encounter')).toMatchObject({ status: 'failed', httpStatus: 403 });
    expect(entryFor(result.queries, 'CarePlan')).toMatchObject({ status: 'done', count: 2 });
    expect(result.resources.filter((r) => r.resourceType === 'Condition')).toHaveLength(1);
  });

  it('asks for every type with patient=<id> and explicit status lists where EHRs filter by default', async () => {
    await readPatientRecord(testSession());
    const firstPages = fake.requests.filter((r) => !r.url.searchParams.has('_offset'));
    const types = firstPages.map((r) => r.url.pathname.replace('/fhir/', '')).sort();
    expect(types).toEqual(
      [
        'AllergyIntolerance', 'CarePlan', 'Condition', 'Device', 'Encounter', 'MedicationDispense', 'MedicationRequest',
        'MedicationStatement', 'Observation', 'Observation', 'Patient/p1', 'Procedure',
      ].sort(),
    );
    for (const r of firstPages.filter((r) => !r.url.pathname.includes('Patient'))) {
      expect(r.url.searchParams.get('patient')).toBe(PATIENT_ID);
      expect(r.authorization).toBe('Bearer token-1');
    }
    const status = (type: string) => fake.requestsFor(type)[0]!.url.searchParams.get('status')!.split(',');
    // Epic returns only active medications unless status is listed.
    expect(status('MedicationStatement')).toEqual([...MEDICATION_STATEMENT_STATUSES]);
    expect(status('MedicationRequest')).toEqual(expect.arrayContaining(['completed', 'stopped', 'on-hold', 'cancelled', 'entered-in-error', 'unknown']));
    expect(status('MedicationRequest')).toEqual([...MEDICATION_REQUEST_STATUSES]);
    expect(status('MedicationDispense')).toEqual([...MEDICATION_DISPENSE_STATUSES]);
    // Encounter.status and CarePlan.status are required in R4: listing every code hides nothing.
    expect(status('Encounter')).toEqual([...ENCOUNTER_STATUSES]);
    expect(status('CarePlan')).toEqual([...CARE_PLAN_STATUSES]);
    const observationQueries = fake.requestsFor('Observation').map((r) => r.url.searchParams);
    const codes = observationQueries.find((p) => p.has('code'))!.get('code')!;
    // LOINC: PHQ-9 44261-6, item 9 44260-8, PHQ-2 55758-7, GAD-7 70274-6; blood pressure 85354-9.
    for (const code of ['44261-6', '44260-8', '55758-7', '70274-6', '85354-9']) expect(codes).toContain(`http://loinc.org|${code}`);
    expect(observationQueries.some((p) => p.get('category') === 'survey,laboratory')).toBe(true);
  });

  it('asks the Observation code search for the lithium, valproate and antipsychotic plasma-level LOINC codes, in one GET under 2,048 characters', async () => {
    await readPatientRecord(testSession());
    const request = fake.requestsFor('Observation').find((r) => r.url.searchParams.has('code'))!;
    expect(request.method).toBe('GET');
    const codes = request.url.searchParams.get('code')!.split(',');
    // Lithium 14334-7, valproate 4086-5; clozapine 6896-5, norclozapine 10992-6, olanzapine 12389-3, risperidone 9393-0,
    // 9-hydroxyrisperidone 9383-1, haloperidol 3669-9, quetiapine 26776-5.
    for (const code of ['14334-7', '4086-5', '6896-5', '10992-6', '12389-3', '9393-0', '9383-1', '3669-9', '26776-5']) {
      expect(codes).toContain(`http://loinc.org|${code}`);
    }
    // Servers and proxies commonly refuse URLs over 2 kB: even with a 150-character base URL the search fits.
    expect(request.url.href.length - BASE.length + 150).toBeLessThan(2048);
  });

  it('runs the types in parallel', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    // A resolver that returns nothing falls through to the fake server: it only measures concurrency.
    mswServer.use(
      http.get(`${BASE}/*`, async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(30);
        inFlight -= 1;
      }),
    );
    await readPatientRecord(testSession());
    expect(maxInFlight).toBeGreaterThanOrEqual(12); // Patient + 11 searches at once
  });

  it('reports progress per query: every query listed from the start, counts growing, all done at the end', async () => {
    const snapshots: QueryLogEntry[][] = [];
    await readPatientRecord(testSession(), (queries) => snapshots.push(queries));
    expect(snapshots[0]!.length).toBe(12);
    expect(snapshots[0]!.every((q) => q.status === 'pending')).toBe(true);
    const statementCounts = snapshots.map((s) => entryFor(s, 'MedicationStatement').count);
    expect(statementCounts).toContain(3);
    expect(statementCounts).toContain(6);
    expect(snapshots.at(-1)!.every((q) => q.status === 'done')).toBe(true);
  });

  it('stops at the page cap with a notice', async () => {
    const result = await readPatientRecord(testSession(), { maxPages: 2 });
    expect(entryFor(result.queries, 'MedicationStatement')).toMatchObject({ status: 'partial', count: 6, pages: 2 });
    expect(entryFor(result.queries, 'MedicationStatement').error).toMatch(/stopped after 2 pages/);
    expect(result.complete).toBe(false);
  });
});

describe('drug levels a laboratory sends without a LOINC', () => {
  const category = (code: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];
  const observations = [
    // PHQ-9 by LOINC (the code search).
    { resourceType: 'Observation', id: 'phq9', status: 'final', category: category('survey'), code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: `Patient/${PATIENT_ID}` } },
    // An aripiprazole level coded by text only, as a local laboratory may send it.
    { resourceType: 'Observation', id: 'aripiprazole-level', status: 'final', category: category('laboratory'), code: { text: 'Aripiprazole [Mass/volume] in Serum or Plasma' }, subject: { reference: `Patient/${PATIENT_ID}` }, valueQuantity: { value: 280, unit: 'ng/mL' } },
    // A heart rate: a vital sign the engine does not read, and not asked for.
    { resourceType: 'Observation', id: 'heart-rate', status: 'final', category: category('vital-signs'), code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] }, subject: { reference: `Patient/${PATIENT_ID}` } },
  ] as Observation[];

  /** An Observation search that honours `code` and `category` as a FHIR server does (a comma ORs the values). */
  function serveObservationsBySearch() {
    serve([patient]);
    mswServer.use(
      http.get(`${BASE}/Observation`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const codes = params.get('code')?.split(',');
        const categories = params.get('category')?.split(',');
        const found = observations.filter((o) => {
          if (codes && !o.code.coding?.some((c) => codes.includes(`${c.system}|${c.code}`))) return false;
          if (categories && !o.category?.some((cc) => cc.coding?.some((c) => categories.includes(c.code ?? '')))) return false;
          return true;
        });
        return HttpResponse.json(searchset(found));
      }),
    );
  }

  it('reads a text-coded laboratory drug level through the category search, with no request added and no vital sign read', async () => {
    serveObservationsBySearch();
    const result = await readPatientRecord(testSession());
    const read = result.resources.filter((r) => r.resourceType === 'Observation').map((r) => r.id).sort();
    expect(read).toEqual(['aripiprazole-level', 'phq9']);
    // Still two Observation searches (the LOINC codes; the categories), each one page: the same round trips as before.
    expect(fake.requestsFor('Observation')).toHaveLength(2);
    const categorySearch = fake.requestsFor('Observation').find((r) => r.url.searchParams.has('category'))!;
    expect(categorySearch.url.searchParams.get('category')!.split(',')).toEqual([...OBSERVATION_CATEGORIES]);
    expect(OBSERVATION_CATEGORIES).toEqual(['survey', 'laboratory']);
  });
});

describe('one failing type does not sink the others', () => {
  beforeEach(() => serve([patient, ...many('MedicationStatement', 4), ...many('Condition', 2), ...many('Procedure', 2)]));

  it('403 (scope not granted) on Condition: failed with its reason, the rest read', async () => {
    mswServer.use(
      http.get(`${BASE}/Condition`, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'insufficient scope' }] },
          { status: 403 },
        ),
      ),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', httpStatus: 403, count: 0 });
    expect(entryFor(result.queries, 'Condition').error).toBe('403: access not granted (scope not granted or forbidden) (insufficient scope)');
    expect(entryFor(result.queries, 'MedicationStatement')).toMatchObject({ status: 'done', count: 4 });
    expect(result.resources.filter((r) => r.resourceType === 'Procedure')).toHaveLength(2);
    expect(result.complete).toBe(false);
  });

  it('404 (type not supported) and 500 are recorded the same way', async () => {
    mswServer.use(
      http.get(`${BASE}/Device`, () => new HttpResponse('Not Found', { status: 404 })),
      http.get(`${BASE}/Procedure`, () => new HttpResponse(null, { status: 500 })),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Device')).toMatchObject({ status: 'failed', httpStatus: 404, error: '404: not found or not supported by this server' });
    expect(entryFor(result.queries, 'Procedure')).toMatchObject({ status: 'failed', httpStatus: 500, error: '500: server error' });
    expect(entryFor(result.queries, 'MedicationStatement').status).toBe('done');
  });

  it('a 500 on the second page keeps the first page (partial)', async () => {
    mswServer.use(
      http.get(`${BASE}/MedicationStatement`, ({ request }) =>
        new URL(request.url).searchParams.has('_offset') ? new HttpResponse(null, { status: 500 }) : undefined,
      ),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'MedicationStatement')).toMatchObject({ status: 'partial', count: 3, pages: 1, httpStatus: 500 });
    expect(result.resources.filter((r) => r.resourceType === 'MedicationStatement')).toHaveLength(3);
  });

  it('HTML instead of JSON', async () => {
    mswServer.use(http.get(`${BASE}/Condition`, () => HttpResponse.html('<!doctype html><title>Sign in</title>')));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', error: 'the server sent a web page (HTML) instead of FHIR data' });
    expect(result.resources.some((r) => r.resourceType === 'MedicationStatement')).toBe(true);
  });

  it('an OperationOutcome with status 200 instead of a Bundle', async () => {
    mswServer.use(
      http.get(`${BASE}/Condition`, () =>
        HttpResponse.json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'too-costly', details: { text: 'Search too large' } }] }),
      ),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', error: 'the server answered with an error: Search too large' });
  });

  it('a malformed bundle ("entry" not a list; entries without resource or id)', async () => {
    mswServer.use(
      http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: { resource: {} } })),
      http.get(`${BASE}/Procedure`, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          type: 'searchset',
          entry: [
            { resource: { resourceType: 'Procedure', id: 'ok-1' } },
            { fullUrl: 'x' },
            { resource: { resourceType: 'Procedure' } },
            { resource: 'nonsense' },
            { resource: { resourceType: 'OperationOutcome', issue: [] }, search: { mode: 'outcome' } },
          ],
        }),
      ),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', error: 'malformed search result: "entry" is not a list' });
    expect(entryFor(result.queries, 'Procedure')).toMatchObject({
      status: 'partial',
      count: 1,
      error: '3 entries without a resource type or id could not be used',
    });
    expect(result.resources.filter((r) => r.resourceType === 'Procedure').map((r) => r.id)).toEqual(['ok-1']);
    expect(result.resources.some((r) => r.resourceType === 'OperationOutcome')).toBe(false);
  });

  it('an empty result and a bundle without entry are a normal "none found"', async () => {
    mswServer.use(
      http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: 0 })),
      http.get(`${BASE}/Procedure`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] })),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'done', count: 0, pages: 1 });
    expect(entryFor(result.queries, 'Procedure')).toMatchObject({ status: 'done', count: 0, pages: 1 });
    expect(entryFor(result.queries, 'AllergyIntolerance')).toMatchObject({ status: 'done', count: 0 }); // nothing stored
    expect(result.complete).toBe(true);
  });

  it('a bundle without entry that claims results is flagged', async () => {
    mswServer.use(http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: 12 })));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition').error).toBe('the server reported 12 results but sent none');
    expect(result.complete).toBe(false);
  });

  it('Patient read failing leaves patient null and the searches intact', async () => {
    mswServer.use(http.get(`${BASE}/Patient/:id`, () => new HttpResponse(null, { status: 403 })));
    const result = await readPatientRecord(testSession());
    expect(result.patient).toBeNull();
    expect(entryFor(result.queries, 'Patient')).toMatchObject({ status: 'failed', httpStatus: 403 });
    expect(result.queries[0]!.resourceType).toBe('Patient');
    expect(entryFor(result.queries, 'MedicationStatement').status).toBe('done');
  });
});

describe('429 and 503 during the read', () => {
  beforeEach(() => serve([patient, ...many('Condition', 2)]));

  it('429 with Retry-After is retried after the asked wait and the type is read', async () => {
    let calls = 0;
    mswServer.use(
      http.get(`${BASE}/Condition`, () => {
        calls += 1;
        return calls === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3' } }) : undefined;
      }),
    );
    const sleeps: number[] = [];
    const result = await readPatientRecord(testSession({ sleep: async (ms) => void sleeps.push(ms) }));
    expect(sleeps).toEqual([3000]);
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'done', count: 2 });
  });

  it('a 503 that persists ends as failed after bounded retries', async () => {
    let calls = 0;
    mswServer.use(
      http.get(`${BASE}/Condition`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } });
      }),
    );
    const result = await readPatientRecord(testSession());
    expect(calls).toBe(4);
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', httpStatus: 503, error: '503: service unavailable' });
  });
});

describe('401 during the read', () => {
  beforeEach(() => serve([patient, ...many('MedicationStatement', 7), ...many('Condition', 2)]));

  it('refreshes once and completes the read', async () => {
    let token = 'old';
    mswServer.use(
      http.get(`${BASE}/*`, ({ request }) => (request.headers.get('authorization') === 'Bearer old' ? new HttpResponse(null, { status: 401 }) : undefined)),
    );
    const refresh = vi.fn(async () => {
      token = 'new';
      return true;
    });
    const result = await readPatientRecord(testSession({ auth: { accessToken: () => token, refresh } }));
    expect(result.complete).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('without a refresh token: SessionExpiredError carrying what was read before', async () => {
    mswServer.use(
      http.get(`${BASE}/MedicationStatement`, async ({ request }) => {
        if (!new URL(request.url).searchParams.has('_offset')) return undefined; // first page fine
        await delay(20); // let the other types finish first
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const error = await readPatientRecord(testSession()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    const partial = (error as SessionExpiredError).partialResult!;
    expect(partial.complete).toBe(false);
    expect(partial.resources.filter((r) => r.resourceType === 'MedicationStatement')).toHaveLength(3);
    expect(partial.resources.filter((r) => r.resourceType === 'Condition')).toHaveLength(2);
    expect(entryFor(partial.queries, 'MedicationStatement')).toMatchObject({ status: 'partial', httpStatus: 401 });
  });
});

describe('paging faults', () => {
  beforeEach(() => serve([patient, ...many('Observation', 4)]));

  it('a next link that loops back to a page already read stops with a notice and keeps the pages read', async () => {
    let firstUrl: string | undefined;
    mswServer.use(
      http.get(`${BASE}/Condition`, ({ request }) => {
        const isSecond = new URL(request.url).searchParams.get('page') === '2';
        firstUrl ??= request.url;
        const second = `${BASE}/Condition?patient=${PATIENT_ID}&page=2`;
        // Page 2 links back to the first page's own URL.
        return HttpResponse.json(isSecond ? searchset(many('Condition', 4).slice(2), firstUrl) : searchset(many('Condition', 2), second));
      }),
    );
    const result = await readPatientRecord(testSession());
    const conditions = entryFor(result.queries, 'Condition');
    expect(conditions).toMatchObject({ status: 'partial', pages: 2, count: 4 });
    expect(conditions.error).toMatch(/next-page link repeated a page/);
    expect(fake.requestsFor('Condition')).toHaveLength(2);
  });

  it('a next link pointing at the same page stops after one page', async () => {
    mswServer.use(http.get(`${BASE}/Condition`, ({ request }) => HttpResponse.json(searchset(many('Condition', 2), request.url))));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'partial', pages: 1, count: 2 });
  });

  it('pages that only repeat earlier results under new URLs stop too', async () => {
    let n = 0;
    mswServer.use(
      http.get(`${BASE}/Condition`, () => {
        n += 1;
        return HttpResponse.json(searchset(many('Condition', 2), `${BASE}/Condition?patient=${PATIENT_ID}&_offset=${n * 2}`));
      }),
    );
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'partial', pages: 2, count: 2 });
    expect(entryFor(result.queries, 'Condition').error).toMatch(/only repeated earlier results/);
  });

  it('a next link to another server is not followed (the token stays with the FHIR server)', async () => {
    mswServer.use(http.get(`${BASE}/Condition`, () => HttpResponse.json(searchset(many('Condition', 2), 'http://elsewhere.test/fhir/Condition?page=2'))));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'partial', count: 2 });
    expect(entryFor(result.queries, 'Condition').error).toMatch(/outside the FHIR server \(http:\/\/elsewhere.test\/fhir\/Condition\) was refused/);
  });
});

describe('page size', () => {
  beforeEach(() => serve([patient, ...many('Condition', 5)]));

  it(`asks for ${PAGE_SIZE} per page (fewer round trips for long records; the server may lower it)`, async () => {
    await readPatientRecord(testSession());
    const searches = fake.requests.filter((r) => !r.url.pathname.includes('Patient/') && !r.url.searchParams.has('_id'));
    expect(searches.length).toBeGreaterThan(0);
    for (const r of searches) expect(r.url.searchParams.get('_count')).toBe(String(PAGE_SIZE));
  });

  it(`asks once more with _count=${FALLBACK_PAGE_SIZE} when a server refuses the large page (400), and reads every page`, async () => {
    mswServer.use(
      http.get(`${BASE}/Condition`, ({ request }) => {
        const url = new URL(request.url);
        if (Number(url.searchParams.get('_count')) > 200) {
          return HttpResponse.json(
            { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: '_count exceeds the maximum of 200' }] },
            { status: 400 },
          );
        }
        return undefined; // the fake server's own handler pages the smaller request
      }),
    );
    const result = await readPatientRecord(testSession());
    const conditions = entryFor(result.queries, 'Condition');
    expect(conditions).toMatchObject({ status: 'done', count: 5, pages: 2 }); // fake pages of 3: 3 + 2
    expect(fake.requestsFor('Condition').map((r) => r.url.searchParams.get('_count'))).toEqual([String(PAGE_SIZE), String(FALLBACK_PAGE_SIZE), String(FALLBACK_PAGE_SIZE)]);
  });

  it('a 400 that is not about the page size still ends as a failed query after the one retry', async () => {
    mswServer.use(http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 400 })));
    const result = await readPatientRecord(testSession());
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'failed', httpStatus: 400 });
    expect(fake.requestsFor('Condition')).toHaveLength(2);
    expect(result.resources.filter((r) => r.resourceType === 'Patient')).toHaveLength(1);
  });
});

describe('a stalled server never hangs the read', () => {
  beforeEach(() => serve([patient, ...many('Condition', 2)]));

  it('a type that never answers times out; the others are read', async () => {
    mswServer.use(
      http.get(`${BASE}/Procedure`, async () => {
        await delay('infinite');
      }),
    );
    const result = await readPatientRecord(testSession({ timeoutMs: 50 }));
    expect(entryFor(result.queries, 'Procedure')).toMatchObject({ status: 'failed', error: 'The FHIR server did not answer within 50 ms' });
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'done', count: 2 });
  });

  it('the overall deadline stops everything still outstanding and returns what was read', async () => {
    mswServer.use(
      http.get(`${BASE}/Procedure`, async () => {
        await delay('infinite');
      }),
      http.get(`${BASE}/Device`, async () => {
        await delay('infinite');
      }),
    );
    const started = Date.now();
    const result = await readPatientRecord(testSession({ timeoutMs: 60_000 }), { deadlineMs: 150 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(entryFor(result.queries, 'Procedure').error).toBe('stopped: the whole read took longer than 150 ms');
    expect(entryFor(result.queries, 'Device').status).toBe('failed');
    expect(entryFor(result.queries, 'Condition')).toMatchObject({ status: 'done', count: 2 });
    expect(result.complete).toBe(false);
  });
});

describe('referenced Medications', () => {
  it('are read in _id batches, not one request per reference; contained and foreign references are left alone', async () => {
    const medications = Array.from({ length: 60 }, (_, i) => ({ resourceType: 'Medication', id: `med-${i}` }));
    const requests = Array.from({ length: 120 }, (_, i) => ({
      resourceType: 'MedicationRequest',
      id: `mr-${i}`,
      status: 'completed',
      subject: { reference: `Patient/${PATIENT_ID}` },
      // Half relative, half absolute under the base; each Medication referenced twice.
      medicationReference: { reference: i % 2 ? `Medication/med-${i % 60}` : `${BASE}/Medication/med-${i % 60}` },
    })) as unknown as Resource[];
    const odd = [
      { resourceType: 'MedicationStatement', id: 'ms-contained', medicationReference: { reference: '#m1' }, contained: [{ resourceType: 'Medication', id: 'm1' }] },
      { resourceType: 'MedicationStatement', id: 'ms-foreign', medicationReference: { reference: 'http://other.test/fhir/Medication/x' } },
      { resourceType: 'MedicationDispense', id: 'md-dangling', medicationReference: { reference: 'Medication/missing-1' } },
    ] as unknown as Resource[];
    serve([patient, ...medications, ...requests, ...odd], 200);

    const result = await readPatientRecord(testSession());
    const medicationRequests = fake.requestsFor('Medication');
    expect(medicationRequests).toHaveLength(2); // 61 ids in batches of 50
    expect(medicationRequests.every((r) => r.url.pathname === '/fhir/Medication' && r.url.searchParams.has('_id'))).toBe(true);
    const asked = medicationRequests.flatMap((r) => r.url.searchParams.get('_id')!.split(','));
    expect(new Set(asked).size).toBe(61);
    expect(asked).not.toContain('m1');
    expect(asked).not.toContain('x');
    expect(result.resources.filter((r) => r.resourceType === 'Medication')).toHaveLength(60);
    const last = result.queries.filter((q) => q.resourceType === 'Medication').at(-1)!;
    expect(last).toMatchObject({ status: 'partial', error: '1 of 61 referenced medications were not found on the server' });
  });

  it('medicationIdOf reads relative, absolute and versioned references only on this server', () => {
    const ref = (reference: string) => ({ resourceType: 'MedicationRequest', medicationReference: { reference } }) as unknown as Resource;
    expect(medicationIdOf(ref('Medication/a1'), BASE)).toBe('a1');
    expect(medicationIdOf(ref(`${BASE}/Medication/a2`), BASE)).toBe('a2');
    expect(medicationIdOf(ref('Medication/a3/_history/2'), BASE)).toBe('a3');
    expect(medicationIdOf(ref('#c'), BASE)).toBeNull();
    expect(medicationIdOf(ref('http://other.test/fhir/Medication/a4'), BASE)).toBeNull();
    expect(medicationIdOf(ref('Substance/s'), BASE)).toBeNull();
    expect(medicationIdOf({ resourceType: 'MedicationRequest' }, BASE)).toBeNull();
  });
});

describe('no PHI in the console', () => {
  it('a read with every kind of fault logs nothing', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    serve([patient, ...many('MedicationStatement', 5), ...many('Condition', 2)]);
    mswServer.use(
      http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 403 })),
      http.get(`${BASE}/Procedure`, () => HttpResponse.html('<html></html>')),
      http.get(`${BASE}/Device`, () => HttpResponse.error()),
      http.get(`${BASE}/AllergyIntolerance`, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } })),
    );
    await readPatientRecord(testSession());
    await readPatientRecord(testSession({ auth: { accessToken: () => null } }));
    mswServer.use(http.get(`${BASE}/*`, () => new HttpResponse(null, { status: 401 })));
    await readPatientRecord(testSession()).catch(() => {});
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
