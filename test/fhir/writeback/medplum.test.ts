// @vitest-environment node
/**
 * The write path against the sandbox's real FHIR engine (Medplum's router over its in-memory repository), without
 * HTTP: checks that the engine honours what the writer relies on (transaction with urn:uuid references,
 * ifNoneExist on our identifier and _tag systems, search by identifier, read back).
 */
import { getStatus } from '@medplum/core';
import type { CarePlan } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFhirEngine, type FhirEngine } from '../../../sandbox/fhir-engine';
import type { FhirHttp } from '../../../src/fhir/contract';
import { writeCarePlan } from '../../../src/fhir/writeback/write';
import { ALL_SCOPES, draft } from './fixture';

let engine: FhirEngine;

beforeAll(() => {
  engine = createFhirEngine();
}, 60_000);

function engineHttp(): FhirHttp & { count: (method: string) => number } {
  const log: string[] = [];
  return {
    count: (method) => log.filter((m) => m === method).length,
    async send(request) {
      log.push(request.method);
      const [path = '', search = ''] = request.url.split('?');
      const query: Record<string, string> = {};
      new URLSearchParams(search).forEach((value, key) => (query[key] = value));
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers ?? {})) headers[key.toLowerCase()] = value;
      const { outcome, resource } = await engine.handle(request.method, path, query, request.body, headers);
      const body = resource ?? outcome;
      return { status: getStatus(outcome as never), headers: {}, body, text: JSON.stringify(body) };
    },
  };
}

async function countOf(type: string, identifierQuery: string): Promise<number> {
  const [key = '', value = ''] = identifierQuery.split('=');
  const { resource } = await engine.handle('GET', type, { [key]: decodeURIComponent(value) });
  return (resource as { entry?: unknown[] } | undefined)?.entry?.length ?? 0;
}

describe('write-back against the sandbox FHIR engine (Medplum)', () => {
  it('one transaction creates the plan; a second write (new tab, same day) finds it; exactly one of each', async () => {
    const d = draft({ patientId: 'medplum-check' });
    const first = await writeCarePlan({ http: engineHttp(), grantedScopes: ALL_SCOPES }, d);
    expect(first.status).toBe('created');
    expect(first.mode).toBe('transaction');
    expect(first.confirmed).toBe(true);

    const second = await writeCarePlan({ http: engineHttp(), grantedScopes: ALL_SCOPES }, d);
    expect(second.status).toBe('already-existed');
    expect(second.resources.map((r) => r.id).sort()).toEqual(first.resources.map((r) => r.id).sort());

    for (const entry of d.bundle.entry ?? []) {
      expect(await countOf(entry.request?.url ?? '', entry.request?.ifNoneExist ?? ''), entry.request?.url).toBe(1);
    }
    const plan = first.resources.find((r) => r.resourceType === 'CarePlan');
    const { resource } = await engine.handle('GET', `CarePlan/${plan?.id}`, {});
    const sr = first.resources.find((r) => r.resourceType === 'ServiceRequest');
    expect((resource as CarePlan).activity?.[0]?.reference?.reference).toBe(`ServiceRequest/${sr?.id}`);
  });

  it('the transaction ifNoneExist alone prevents a duplicate when the search-first step is skipped (two tabs racing)', async () => {
    const d = draft({ patientId: 'medplum-race' });
    const send = async () => {
      const { outcome, resource } = await engine.handle('POST', '', {}, d.bundle);
      expect(getStatus(outcome as never)).toBeLessThan(300);
      return resource as { entry?: { response?: { status?: string } }[] };
    };
    const a = await send();
    const b = await send();
    expect(a.entry?.map((e) => e.response?.status?.slice(0, 3))).toEqual(['201', '201', '201']);
    expect(b.entry?.map((e) => e.response?.status?.slice(0, 3))).toEqual(['200', '200', '200']);
  });
});
