/**
 * Typed errors of the FHIR layer, each with a plain-words explanation a clinician can act on.
 * Views render `title`, `explanation` and `howToRelaunch` as text (never as HTML).
 * No error message here ever contains a token; none should contain patient data.
 */

/** The request never got an HTTP answer: network failure, a stalled server (timeout), or the read was stopped. */
export class FhirNetworkError extends Error {
  override readonly name = 'FhirNetworkError';
  constructor(
    readonly kind: 'timeout' | 'network' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The access token was refused (401) and could not be refreshed. The page must ask for a relaunch.
 * `partialResult` carries what had already been read when this happened mid-read (see read.ts).
 */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
  partialResult?: import('./contract').PatientReadResult;
  constructor(message = 'The session with the EHR has expired.') {
    super(message);
  }
}

/**
 * A request that would carry the access token was refused before it left: its URL, as the browser's URL parser reads
 * it, is not under the FHIR server's base (another origin, another path of the same origin, credentials in the URL,
 * an encoded slash). `where` is the refused origin and path, without the query (which may name the patient).
 */
export class RefusedUrlError extends Error {
  override readonly name = 'RefusedUrlError';
  constructor(readonly where: string) {
    super(`a link outside the FHIR server (${where}) was refused and not followed, so the token was not sent there`);
  }
}

export type LaunchErrorKind =
  | 'no-launch-state'
  | 'state-mismatch'
  | 'access-denied'
  | 'oauth-error'
  | 'session-expired'
  | 'no-patient'
  | 'unknown';

const RELAUNCH = 'Close this window and open the app again from the patient’s chart in the EHR.';

const EXPLANATIONS: Record<LaunchErrorKind, { title: string; explanation: string; howToRelaunch: string }> = {
  'no-launch-state': {
    title: 'The app was not launched from the EHR',
    explanation:
      'This page was opened without a launch in progress: it was opened directly, bookmarked, reloaded in a new tab, ' +
      'or the browser lost the launch’s session data.',
    howToRelaunch: RELAUNCH,
  },
  'state-mismatch': {
    title: 'This sign-in does not belong to your launch',
    explanation:
      'The page received an authorization code without the launch’s own state value (missing or different), so it ' +
      'was not used: it may have come from a link or another site rather than from your EHR. Nothing was read.',
    howToRelaunch: RELAUNCH,
  },
  'access-denied': {
    title: 'Access was not granted',
    explanation:
      'The EHR’s authorization server did not allow the app to read this patient’s record (the request was declined ' +
      'or the app is not permitted for this user).',
    howToRelaunch: `${RELAUNCH} If access should be allowed, ask your EHR administrator to grant the app its scopes.`,
  },
  'oauth-error': {
    title: 'The EHR refused the launch',
    explanation: 'The authorization server reported an error while the app was being authorized.',
    howToRelaunch: RELAUNCH,
  },
  'session-expired': {
    title: 'Your session has expired',
    explanation: 'The EHR no longer accepts the app’s access (the session timed out or the launch was already used).',
    howToRelaunch: RELAUNCH,
  },
  'no-patient': {
    title: 'No patient was selected',
    explanation: 'The EHR completed the launch but did not say which patient the app should open.',
    howToRelaunch: 'Open a patient’s chart in the EHR and launch the app from there.',
  },
  unknown: {
    title: 'The app could not start',
    explanation: 'Something unexpected happened while connecting to the EHR.',
    howToRelaunch: RELAUNCH,
  },
};

/** A launch that could not complete, classified so the page can explain it. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  readonly title: string;
  readonly explanation: string;
  readonly howToRelaunch: string;
  constructor(
    readonly kind: LaunchErrorKind,
    /** Extra text from the server (an OAuth `error_description`), shown as plain text; may be empty. */
    readonly detail: string = '',
  ) {
    const text = EXPLANATIONS[kind];
    super(detail ? `${text.title}: ${detail}` : text.title);
    this.title = text.title;
    this.explanation = text.explanation;
    this.howToRelaunch = text.howToRelaunch;
  }
}

/** What a view shows for any error coming out of this layer. */
export interface ErrorExplanation {
  title: string;
  explanation: string;
  /** Server-supplied detail, as plain text ("" when none). */
  detail: string;
  howToRelaunch: string | null;
}

/** Turn any error from the FHIR layer into text for the error page. */
export function explainError(error: unknown): ErrorExplanation {
  if (error instanceof LaunchError) {
    return { title: error.title, explanation: error.explanation, detail: error.detail, howToRelaunch: error.howToRelaunch };
  }
  if (error instanceof SessionExpiredError) {
    const text = EXPLANATIONS['session-expired'];
    return { ...text, detail: '' };
  }
  if (error instanceof FhirNetworkError) {
    return {
      title: error.kind === 'timeout' ? 'The EHR did not answer in time' : 'The EHR could not be reached',
      explanation: error.message,
      detail: '',
      howToRelaunch: 'Check the network connection, then reload the page or relaunch the app from the EHR.',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...EXPLANATIONS.unknown, detail: message };
}
