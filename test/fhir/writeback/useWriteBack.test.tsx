import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SmartSession } from '../../../src/fhir/contract';
import { useWriteBack } from '../../../src/fhir/writeback/useWriteBack';
import { ALL_SCOPES, chosen, draft } from './fixture';
import { directHttp, MockFhir, type MockRequest } from './mock-fhir';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function sessionFor(mock: MockFhir, scopes = ALL_SCOPES): SmartSession {
  return { fhirBaseUrl: 'http://fhir.test/fhir', patientId: 'trd-two-failures', userReference: 'Practitioner/dr-demo', needPatientBanner: true, grantedScopes: scopes, http: directHttp(mock) };
}

const isTransaction = (r: MockRequest) => r.method === 'POST' && r.path === '';

describe('useWriteBack', () => {
  it('writes once on a double click, then reports what was created', async () => {
    const mock = new MockFhir();
    const session = sessionFor(mock);
    const { result } = renderHook(() => useWriteBack(session), { wrapper });
    expect(result.current.canWrite).toBe(true);
    expect(result.current.state).toBe('idle');
    act(() => {
      result.current.write(draft());
      result.current.write(draft());
    });
    await waitFor(() => expect(result.current.state).toBe('written'));
    expect(mock.count('POST', '')).toBe(1);
    expect(result.current.result?.resources.map((r) => r.reference)).toHaveLength(3);
    expect(result.current.result?.confirmed).toBe(true);
  });

  it('reset after a written plan: back to idle; a different choice writes a second plan, the same choice finds the first', async () => {
    const mock = new MockFhir();
    const { result } = renderHook(() => useWriteBack(sessionFor(mock)), { wrapper });
    act(() => result.current.write(draft()));
    await waitFor(() => expect(result.current.state).toBe('written'));
    act(() => result.current.reset());
    // react-query notifies observers on its own schedule.
    await waitFor(() => expect(result.current.state).toBe('idle'));
    expect(result.current.result).toBeFalsy();
    act(() => result.current.write(draft({ chosen: chosen(['ect']) })));
    await waitFor(() => expect(result.current.state).toBe('written'));
    expect(mock.all('CarePlan')).toHaveLength(2);
    act(() => result.current.reset());
    await waitFor(() => expect(result.current.state).toBe('idle'));
    act(() => result.current.write(draft()));
    await waitFor(() => expect(result.current.state).toBe('written'));
    expect(mock.all('CarePlan')).toHaveLength(2);
  });

  it('without write scope: canWrite false with the reason, and write does not send anything', async () => {
    const mock = new MockFhir();
    const { result } = renderHook(() => useWriteBack(sessionFor(mock, ['patient/*.read'])), { wrapper });
    expect(result.current.canWrite).toBe(false);
    expect(result.current.reasonIfNot).toMatch(/did not grant/);
    act(() => result.current.write(draft()));
    await waitFor(() => expect(result.current.state).toBe('failed'));
    expect(result.current.error?.kind).toBe('no-scope');
    expect(result.current.canRetry).toBe(false);
    expect(mock.requests).toHaveLength(0);
  });

  it('a 500 after the server saved it: failed and retryable; retry finds the plan, one CarePlan', async () => {
    const mock = new MockFhir();
    mock.fault({ match: isTransaction, mode: 'commit-then-reply', response: { status: 500, body: null } });
    const session = sessionFor(mock);
    const { result } = renderHook(() => useWriteBack(session), { wrapper });
    act(() => result.current.write(draft()));
    await waitFor(() => expect(result.current.state).toBe('failed'));
    expect(result.current.error?.kind).toBe('server');
    expect(result.current.canRetry).toBe(true);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state).toBe('written'));
    expect(result.current.result?.status).toBe('already-existed');
    expect(mock.all('CarePlan')).toHaveLength(1);
  });

  it('no session: cannot write, says why', () => {
    const { result } = renderHook(() => useWriteBack(null), { wrapper });
    expect(result.current.canWrite).toBe(false);
    expect(result.current.reasonIfNot).toMatch(/not connected/);
  });
});
