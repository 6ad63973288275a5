/**
 * The adapter between the shell and the real layers: typed FHIR-layer errors keep their own words, write-back
 * results and errors become the review screen's view model.
 */
import { describe, expect, it } from 'vitest';
import { FhirNetworkError, LaunchError, SessionExpiredError } from '../../../src/fhir/errors';
import { WriteBackError, type WriteBackResult } from '../../../src/fhir/writeback/write-contract';
import { explainError } from '../../../src/views/shell/real-services';
import { describeOption, errorView, resultView } from '../../../src/views/shell/analysis-services';

describe('errors from the FHIR layer', () => {
  it('keeps the launch error’s own explanation and the server text as detail', () => {
    const explained = explainError(new LaunchError('oauth-error', 'invalid_request: launch is unknown'));
    expect(explained).toMatchObject({ kind: 'oauth-error', title: 'The EHR refused the launch', detail: 'invalid_request: launch is unknown' });
    expect(explained?.action).toMatch(/relaunch|open the app again/i);
  });

  it('maps each typed error to the page it needs', () => {
    expect(explainError(new LaunchError('no-launch-state'))?.kind).toBe('no-launch-state');
    expect(explainError(new LaunchError('access-denied'))?.kind).toBe('access-denied');
    expect(explainError(new SessionExpiredError())?.kind).toBe('session-expired');
    expect(explainError(new FhirNetworkError('timeout', 'The server did not answer within 60 s.'))?.kind).toBe('read-timeout');
    expect(explainError(new FhirNetworkError('network', 'Failed to fetch'))?.kind).toBe('read-failed');
  });

  it('leaves other errors to the shell’s own classification', () => {
    expect(explainError(new Error("No 'state' parameter found"))).toBeNull();
  });
});

describe('write-back view model', () => {
  const result: WriteBackResult = {
    identifier: { system: 'urn:trd-timeline:care-plan-draft', value: 'abc' },
    mode: 'transaction',
    status: 'created',
    resources: [
      { resourceType: 'CarePlan', id: 'cp-1', reference: 'CarePlan/cp-1', outcome: 'created', label: 'Draft care plan (1 option)' },
      { resourceType: 'ServiceRequest', id: 'sr-1', reference: 'ServiceRequest/sr-1', outcome: 'existed', label: 'Referral: rTMS' },
    ],
    account: ['Searched by identifier: not found.', 'Sent one transaction.'],
    confirmed: true,
  };

  it('lists what was written with ids and outcome, how, the account and the read-back', () => {
    expect(resultView(result)).toEqual({
      written: [
        { resourceType: 'CarePlan', id: 'cp-1', label: 'Draft care plan (1 option)', outcome: 'created' },
        { resourceType: 'ServiceRequest', id: 'sr-1', label: 'Referral: rTMS', outcome: 'already existed (not written again)' },
      ],
      readBack: { confirmed: true, detail: 'every record listed above was read back from the chart.' },
      how: 'in one transaction',
      account: result.account,
    });
    expect(resultView({ ...result, confirmed: false, mode: 'sequential' })).toMatchObject({
      readBack: { confirmed: false },
      how: 'one resource at a time',
    });
  });

  it('links each record to its FHIR address under the EHR\'s FHIR base, never putting the id in the words', () => {
    const view = resultView(result, 'http://127.0.0.1:4010/fhir/');
    expect(view.written.map((w) => [w.label, w.url])).toEqual([
      ['Draft care plan (1 option)', 'http://127.0.0.1:4010/fhir/CarePlan/cp-1'],
      ['Referral: rTMS', 'http://127.0.0.1:4010/fhir/ServiceRequest/sr-1'],
    ]);
    expect(errorView(new WriteBackError('partial', 'Only part.', { retryable: true, written: [result.resources[0]!] }), 'http://ehr/fhir').written?.[0]?.url).toBe('http://ehr/fhir/CarePlan/cp-1');
  });

  it('carries the OperationOutcome text, retryability and what was already written', () => {
    const error = new WriteBackError('partial', 'Only part of the plan was written.', {
      retryable: true,
      detail: 'Internal error',
      written: [result.resources[0]!],
    });
    expect(errorView(error)).toEqual({
      message: 'Only part of the plan was written.',
      operationOutcome: 'Internal error',
      retryable: true,
      written: [{ resourceType: 'CarePlan', id: 'cp-1', label: 'Draft care plan (1 option)', outcome: 'created' }],
    });
    expect(errorView(new WriteBackError('rejected', 'Rejected (422).', { retryable: false })).operationOutcome).toBeUndefined();
    expect(errorView(new WriteBackError('session-expired', 'Session over.', { retryable: false })).sessionExpired).toBe(true);
  });
});

describe('catalog facts for the option cards', () => {
  it('describes every option with a summary, course and regulatory status', () => {
    const tms = describeOption('tms');
    expect(tms?.summary.length).toBeGreaterThan(0);
    expect(tms?.usualCourse.length).toBeGreaterThan(0);
    expect(tms?.regulatory.length).toBeGreaterThan(0);
    expect(describeOption('no-such-option' as never)).toBeNull();
  });
});
