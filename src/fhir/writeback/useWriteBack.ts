/**
 * React hook for the review screen: can this session write, write a confirmed draft, and what happened.
 *
 *   const wb = useWriteBack(session);
 *   wb.canWrite / wb.reasonIfNot     -> enable the button or explain why not (offer copy/download)
 *   wb.write(draft)                  -> after explicit confirmation; a second call while writing is ignored
 *   wb.state                         -> 'idle' | 'writing' | 'written' | 'failed'
 *   wb.result / wb.error             -> WriteBackResult (ids, account, confirmed) / WriteBackError (kind, message, retryable, written)
 *   wb.retry()                       -> re-sends the last draft; the write first searches by identifier, so it never duplicates
 *   wb.reset()                       -> back to idle (e.g. after changing the selection)
 *
 * Needs a QueryClientProvider above it (react-query mutation).
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { SmartSession } from '../contract';
import { writeCapability } from './scopes';
import type { WriteBackDraft, WriteBackResult } from './write-contract';
import { WriteBackError } from './write-contract';
import { writeCarePlan, type WriteOptions } from './write';

export type WriteBackState = 'idle' | 'writing' | 'written' | 'failed';

export interface UseWriteBack {
  canWrite: boolean;
  reasonIfNot: string | null;
  write(draft: WriteBackDraft): void;
  state: WriteBackState;
  result: WriteBackResult | null;
  error: WriteBackError | null;
  /** True when the last failure can be retried (and a draft is there to retry). */
  canRetry: boolean;
  retry: () => void;
  reset: () => void;
}

function asWriteBackError(error: unknown): WriteBackError {
  if (error instanceof WriteBackError) return error;
  return new WriteBackError('network', error instanceof Error ? error.message : 'The plan could not be saved.', { retryable: true });
}

export function useWriteBack(session: SmartSession | null, options: WriteOptions = {}): UseWriteBack {
  const capability = useMemo(
    () =>
      session
        ? writeCapability(session.grantedScopes)
        : { canWrite: false, reasonIfNot: 'The app is not connected to the EHR.' },
    [session],
  );
  const lastDraft = useRef<WriteBackDraft | null>(null);
  const busy = useRef(false);

  const mutation = useMutation<WriteBackResult, WriteBackError, WriteBackDraft>({
    mutationFn: async (draft) => {
      if (!session) throw new WriteBackError('no-scope', 'The app is not connected to the EHR.', { retryable: false });
      try {
        return await writeCarePlan(session, draft, options);
      } catch (error) {
        throw asWriteBackError(error);
      }
    },
    // The write is idempotent by itself; react-query must not retry behind the user's back.
    retry: false,
  });

  const { mutate, reset: resetMutation } = mutation;
  const send = useCallback(
    (draft: WriteBackDraft) => {
      // Guard against a double click before react-query re-renders with isPending.
      if (busy.current) return;
      busy.current = true;
      lastDraft.current = draft;
      mutate(draft, { onSettled: () => (busy.current = false) });
    },
    [mutate],
  );
  const retry = useCallback(() => {
    if (lastDraft.current) send(lastDraft.current);
  }, [send]);
  const pending = mutation.isPending;
  const reset = useCallback(() => {
    // Never while a write is in flight; once it has settled (its onSettled may not have run yet), start afresh.
    if (pending) return;
    busy.current = false;
    lastDraft.current = null;
    resetMutation();
  }, [pending, resetMutation]);

  const state: WriteBackState = mutation.isPending ? 'writing' : mutation.isSuccess ? 'written' : mutation.isError ? 'failed' : 'idle';
  const error = mutation.error ?? null;
  return {
    canWrite: capability.canWrite,
    reasonIfNot: capability.reasonIfNot,
    write: send,
    state,
    result: mutation.data ?? null,
    error,
    // react-query keeps the draft of the last write until reset: a failed write has one to retry.
    canRetry: state === 'failed' && !!error?.retryable && mutation.variables !== undefined,
    retry,
    reset,
  };
}
