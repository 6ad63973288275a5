/**
 * The react-query hooks views use (src/fhir/hooks.ts): the launch completes once, live progress while the
 * record loads, partial failures in the result (not an error), a session expiring mid-read keeps what was read.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SmartSession } from '../../src/fhir/contract';
import { LaunchError, SessionExpiredError } from '../../src/fhir/errors';
import { createFhirHttp } from '../../src/fhir/http';

// A plain stand-in for connectSmart (counts its calls); the rest of smart.ts is the real one.
const connect = { impl: (): Promise<SmartSession> => new Promise(() => {}), calls: 0 };
vi.mock('../../src/fhir/smart', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/fhir/smart')>()),
  connectSmart: () => {
    connect.calls += 1;
    return connect.impl();
  },
}));
const { usePatientRecord, useSmartSession } = await import('../../src/fhir/hooks');

function wrapper() {
  const client = new QueryClient();
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** A FhirHttp over an in-memory fetch: every search returns one resource, except the types given. */
function sessionWith(answer: (type: string) => Response | undefined | Promise<Response | undefined>): SmartSession & { calls: string[] } {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const type = url.pathname.split('/')[2]!;
    calls.push(type);
    const special = await answer(type);
    if (special) return special;
    if (url.pathname.includes('/Patient/')) return Response.json({ resourceType: 'Patient', id: 'p1' });
    return Response.json({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: type, id: `${type}-1` } }] });
  };
  return {
    calls,
    fhirBaseUrl: 'http://fhir.test/fhir',
    patientId: 'p1',
    userReference: null,
    needPatientBanner: true,
    grantedScopes: [],
    http: createFhirHttp({ baseUrl: 'http://fhir.test/fhir', auth: { accessToken: () => 't' }, fetch, sleep: async () => {} }),
  };
}

beforeEach(() => {
  connect.calls = 0;
});

describe('useSmartSession', () => {
  it('completes the launch once, however many components ask', async () => {
    const session = sessionWith(() => undefined);
    connect.impl = async () => session;
    const Wrapper = wrapper();
    const first = renderHook(() => useSmartSession(), { wrapper: Wrapper });
    const second = renderHook(() => useSmartSession(), { wrapper: Wrapper });
    await waitFor(() => expect(first.result.current.session).toBe(session));
    expect(first.result.current.isLoading).toBe(false);
    await waitFor(() => expect(second.result.current.session).toBe(session));
    expect(connect.calls).toBe(1);
  });

  it('returns a LaunchError (not retried)', async () => {
    connect.impl = async () => {
      throw new Error("No 'state' parameter found. Please (re)launch the app.");
    };
    const { result } = renderHook(() => useSmartSession(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.error).toBeInstanceOf(LaunchError);
    expect(result.current.error?.kind).toBe('no-launch-state');
    expect(connect.calls).toBe(1);
  });
});

describe('usePatientRecord', () => {
  it('does nothing without a session', () => {
    const { result } = renderHook(() => usePatientRecord(undefined), { wrapper: wrapper() });
    expect(result.current).toMatchObject({ isLoading: false, progress: [], result: undefined });
  });

  it('shows live progress, then the result; a failing type is in the result, not an error', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const session = sessionWith(async (type) => {
      if (type === 'Condition') return new Response(null, { status: 403 });
      if (type === 'Procedure') {
        await gate;
        return undefined;
      }
      return undefined;
    });
    const { result } = renderHook(() => usePatientRecord(session), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.progress.find((q) => q.resourceType === 'MedicationStatement')?.status).toBe('done'));
    expect(result.current.isLoading).toBe(true);
    expect(result.current.progress.find((q) => q.resourceType === 'Procedure')?.status).toBe('pending');
    release();
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.error).toBeUndefined();
    expect(result.current.result?.complete).toBe(false);
    expect(result.current.progress.find((q) => q.resourceType === 'Condition')).toMatchObject({ status: 'failed', httpStatus: 403 });
    expect(result.current.result?.resources.some((r) => r.resourceType === 'Procedure')).toBe(true);
  });

  it('a session expiring mid-read: SessionExpiredError, and the result still holds what was read', async () => {
    const session = sessionWith((type) => (type === 'Device' ? new Response(null, { status: 401 }) : undefined));
    const { result } = renderHook(() => usePatientRecord(session), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(SessionExpiredError));
    expect(result.current.result?.resources.length).toBeGreaterThan(0);
    expect(result.current.isLoading).toBe(false);
    // Not retried: Device was asked once.
    expect(session.calls.filter((t) => t === 'Device')).toHaveLength(1);
  });
});
