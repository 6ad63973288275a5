/**
 * React hooks through which views use the FHIR layer. Signatures (stable; views build on them):
 *
 *   useSmartSession(): SmartSessionState
 *     { session?: SmartSession; error?: LaunchError; isLoading: boolean }
 *     Completes the SMART launch once (fhirclient ready(); never retried: an authorization code can be used once).
 *     `error` is always a LaunchError: render error.title, error.explanation, error.detail (plain text),
 *     error.howToRelaunch. `explainError(error)` from './errors' gives the same for any error.
 *
 *   usePatientRecord(session: SmartSession | undefined): PatientRecordState
 *     { result?: PatientReadResult; progress: QueryLogEntry[]; error?: Error; isLoading: boolean; reload(): void }
 *     Reads the patient's record once per session (not retried: a retry would repeat every request).
 *     `progress` is live while loading (one entry per query: status, pages, count so far; drawn from 400 ms after
 *     the session is there) and equals
 *     result.queries when done. Partial failures are NOT errors: they are in result.queries (status
 *     'partial'/'failed', `error` text) and result.complete is false.
 *     `error` is set only when the whole read could not go on: a SessionExpiredError (show a relaunch message;
 *     `result` then still holds what was read before the session expired) or an unexpected failure.
 *
 * Both need a react-query QueryClientProvider above them (the app shell provides it).
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientReadResult, QueryLogEntry, SmartSession } from './contract';
import { LaunchError, SessionExpiredError } from './errors';
import { readPatientRecord } from './read';
import { takeEarlyLaunch, takeEarlyRead } from './early-launch';
import { classifyLaunchError, connectSmart } from './smart';

export interface SmartSessionState {
  session?: SmartSession;
  error?: LaunchError;
  isLoading: boolean;
}

export interface PatientRecordState {
  result?: PatientReadResult;
  progress: QueryLogEntry[];
  error?: Error;
  isLoading: boolean;
  /** Read the record again (e.g. after a partial failure). */
  reload: () => void;
}

const SMART_SESSION_KEY = ['fhir', 'smart-session'] as const;
const patientRecordKey = (session: SmartSession | undefined) =>
  ['fhir', 'patient-record', session?.fhirBaseUrl ?? null, session?.patientId ?? null] as const;

export function useSmartSession(): SmartSessionState {
  const query = useQuery<SmartSession, LaunchError>({
    queryKey: SMART_SESSION_KEY,
    queryFn: async () => {
      try {
        // The launch src/main.tsx started at page load, if any (taken once); else connect now.
        return await (takeEarlyLaunch() ?? connectSmart());
      } catch (error) {
        throw classifyLaunchError(error);
      }
    },
    // The launch happens once per page load; a refetch would try to reuse the authorization code.
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });
  return {
    session: query.data,
    error: query.error ?? undefined,
    isLoading: query.isPending,
  };
}

/**
 * Progress is drawn from this long after the session is there: a near EHR has answered every query by then, and a
 * list redrawn for each of its pages would only flash by while competing with the answers for the processor.
 */
const PROGRESS_SHOWN_AFTER_MS = 400;

export function usePatientRecord(session: SmartSession | undefined): PatientRecordState {
  const [progress, setProgress] = useState<QueryLogEntry[]>([]);
  const latestProgress = useRef<QueryLogEntry[]>([]);
  const progressShown = useRef(false);
  const onProgress = useCallback((queries: QueryLogEntry[]) => {
    latestProgress.current = queries;
    if (progressShown.current) setProgress(queries);
  }, []);
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => {
      progressShown.current = true;
      setProgress(latestProgress.current);
    }, PROGRESS_SHOWN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [session]);
  const query = useQuery<PatientReadResult, Error>({
    queryKey: patientRecordKey(session),
    enabled: Boolean(session),
    // The signal is deliberately not passed: unmounting (or React's strict-mode double mount) must not cancel
    // and restart the read; the read is bounded by its own deadline.
    // The read started as soon as that launch had a session, if it is for this one (taken once); else read now.
    queryFn: () => takeEarlyRead(session!, onProgress) ?? readPatientRecord(session!, { onProgress }),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    latestProgress.current = [];
    setProgress([]);
    void refetch();
  }, [refetch]);

  const error = query.error ?? undefined;
  const result =
    query.data ?? (error instanceof SessionExpiredError && error.partialResult ? error.partialResult : undefined);
  return {
    result,
    progress: result && !query.isFetching ? result.queries : progress,
    error,
    isLoading: Boolean(session) && query.isFetching,
    reload,
  };
}
