/**
 * Turning launch and read failures into words a clinician can act on.
 *
 * The FHIR layer classifies its own errors (see `ShellServices.explainError`); this is the fallback, keyed on what
 * fhirclient and OAuth servers actually say ("No 'state' parameter found", `error=access_denied`, …), so an
 * unexpected error still gets a page with a way forward, never a stack trace.
 */
import type { ExplainedError, LaunchErrorKind } from './services';

const RELAUNCH = 'Close this window and open the app again from the patient’s chart in the EHR.';

const TEMPLATES: Record<LaunchErrorKind, Omit<ExplainedError, 'kind' | 'detail'>> = {
  'app-load-failed': {
    title: 'Part of the app could not be loaded',
    explanation:
      'The record was being read, but the part of the app that analyses it could not be downloaded from the app’s server ' +
      '(the network or the server may have had a problem). Nothing was written to the chart.',
    action: 'Try again. If it keeps happening, close this window and open the app again from the patient’s chart in the EHR.',
  },
  'no-launch-state': {
    title: 'This page was opened without a launch from the EHR',
    explanation:
      'The app needs to be started from the EHR, which tells it which patient to show and signs you in. ' +
      'This page was opened directly (for example from a bookmark, a reloaded tab after the session ended, or a copied link), ' +
      'so there is no launch to continue.',
    action: RELAUNCH,
  },
  'access-denied': {
    title: 'Access was not granted',
    explanation:
      'The authorization server reported that access to this patient’s record was denied, so the app cannot read it. ' +
      'Nothing was read and nothing was written.',
    action:
      'If this was not intended, relaunch the app from the EHR and approve the requested access. ' +
      'If access is refused again, ask your EHR administrator which permissions the app has.',
  },
  'oauth-error': {
    title: 'Sign-in with the EHR did not complete',
    explanation:
      'The EHR’s authorization server returned an error while the app was being launched. The server’s message is shown below.',
    action: RELAUNCH,
  },
  'session-expired': {
    title: 'Your session with the EHR has ended',
    explanation:
      'The EHR no longer accepts the app’s access (the session expired or was revoked) and it could not be renewed. ' +
      'For your patient’s safety the app does not show a possibly incomplete record.',
    action: RELAUNCH,
  },
  'read-timeout': {
    title: 'Reading the record took too long',
    explanation:
      'The EHR’s FHIR server did not finish answering in time. The app stopped waiting rather than show an incomplete picture as if it were complete.',
    action: 'Try again in a moment by relaunching the app from the EHR. If it keeps happening, the EHR may be under load.',
  },
  'read-failed': {
    title: 'The record could not be read',
    explanation: 'The app could not read this patient’s record from the EHR.',
    action: RELAUNCH,
  },
  'analysis-failed': {
    title: 'The record could not be analysed',
    explanation:
      'The record was read, but the app could not derive the treatment history from it. No conclusions are shown, rather than possibly wrong ones.',
    action: 'Please review the medication history in the chart directly, and report this to the app’s support.',
  },
  unexpected: {
    title: 'Something went wrong',
    explanation: 'The app hit an unexpected problem and stopped. Nothing was written to the chart.',
    action: RELAUNCH,
  },
};

export function explained(kind: LaunchErrorKind, detail?: string): ExplainedError {
  return { kind, ...TEMPLATES[kind], ...(detail ? { detail } : {}) };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return '';
}

function nameOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const named = error as { name?: unknown; kind?: unknown; code?: unknown };
    for (const value of [named.kind, named.code, named.name]) if (typeof value === 'string') return value;
  }
  return '';
}

/** OAuth errors arrive as `error: description` (fhirclient joins them); show only the description part if present. */
function oauthDescription(message: string): string | undefined {
  const trimmed = message.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 500) : undefined;
}

/** Best-effort classification of any thrown value. */
export function explainError(error: unknown): ExplainedError {
  const message = messageOf(error);
  const name = nameOf(error);
  const both = `${name} ${message}`;
  if (/no 'state' parameter|no state found|no[- ]launch[- ]state|NoLaunchState/i.test(both)) return explained('no-launch-state');
  if (/access[_ -]denied|AccessDenied/i.test(both)) return explained('access-denied', oauthDescription(message));
  if (/SessionExpired|session[- ]expired|token.*expired|\b401\b/i.test(both)) return explained('session-expired');
  if (/ReadTimeout|timed? ?out/i.test(both)) return explained('read-timeout');
  if (/OAuth|invalid_request|invalid_grant|invalid_client|invalid_scope|unauthorized_client|server_error|error_description/i.test(both))
    return explained('oauth-error', oauthDescription(message));
  return explained('unexpected', oauthDescription(message));
}
