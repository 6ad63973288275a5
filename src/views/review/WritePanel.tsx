import { useEffect, useId, useRef, useState } from 'react';
import type { DraftView, WriteBackView, WrittenResource } from '../shell/services';
import { copyText, downloadJson } from './export';

/** What was written, in clinical words; each record links to its FHIR address on the EHR's server (no id in the words). */
function WrittenList({ written }: { written: WrittenResource[] }) {
  return (
    <>
      <ul className="written-list">
        {written.map((resource) => {
          const words = resource.label ?? resource.resourceType;
          return (
            <li key={`${resource.resourceType}/${resource.id}`}>
              {resource.url ? (
                <a href={resource.url} target="_blank" rel="noopener noreferrer">
                  {words}
                </a>
              ) : (
                words
              )}{' '}
              – {resource.outcome}
            </li>
          );
        })}
      </ul>
      {written.some((w) => w.url) && <p>Each link opens the record at its address on the EHR’s FHIR server; the EHR lists it in the patient’s chart.</p>}
    </>
  );
}

interface Props {
  draft: DraftView | null;
  /** Why there is no draft yet ("Tick at least one option") or why it could not be built. */
  draftProblem?: string;
  writeBack: WriteBackView;
  date: string;
}

/**
 * Preview, copy/download, and the explicit confirmation step before anything is written to the chart.
 * Double-click safety: a ref is set synchronously on the first confirm click (state updates are asynchronous, so two
 * clicks in one frame could both pass a state check); the write layer is idempotent as a second line of defence.
 */
export function WritePanel({ draft, draftProblem, writeBack, date }: Props) {
  const [showRaw, setShowRaw] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [downloadFailed, setDownloadFailed] = useState(false);
  /** Plans written earlier in this session, kept in view after "Prepare another draft". */
  const [writtenEarlier, setWrittenEarlier] = useState<WrittenResource[]>([]);
  const submitted = useRef(false);
  const reasonId = useId();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const copyAreaRef = useRef<HTMLTextAreaElement>(null);

  const { state } = writeBack;
  useEffect(() => {
    // A failed write may be retried or confirmed again; a finished one may not.
    if (state === 'error' || state === 'idle') submitted.current = false;
  }, [state]);
  // The confirmation closes once the write is done, and a new draft has not been copied yet: state that follows the
  // props, adjusted while rendering rather than in an effect (no extra render with stale state).
  const [seen, setSeen] = useState({ state, draft });
  if (seen.state !== state || seen.draft !== draft) {
    if (seen.state !== state && state === 'done') setConfirming(false);
    if (seen.draft !== draft) setCopyStatus('idle');
    setSeen({ state, draft });
  }
  // Focus follows the step: to the confirmation when it opens, then to the result (or the error) when the write ends.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (state === 'done' || state === 'error') resultRef.current?.focus();
  }, [state]);
  // Without clipboard permission (inside an EHR frame), the text is selected, ready for Ctrl+C.
  useEffect(() => {
    if (copyStatus === 'failed') {
      copyAreaRef.current?.focus();
      copyAreaRef.current?.select();
    }
  }, [copyStatus]);
  const sessionExpired = state === 'error' && !!writeBack.error?.sessionExpired;

  const writing = state === 'writing';
  const done = state === 'done';

  function confirmWrite() {
    if (!draft || submitted.current || writing || done) return;
    submitted.current = true;
    writeBack.write(draft);
  }

  function retry() {
    if (submitted.current || writing) return;
    submitted.current = true;
    writeBack.retry();
  }

  function startOver() {
    if (!done || !writeBack.startOver) return;
    const written = writeBack.result?.written ?? [];
    // The same plan found again (same choice) is listed once.
    const key = (r: WrittenResource) => `${r.resourceType}/${r.id}`;
    setWrittenEarlier((earlier) => [...earlier.filter((e) => !written.some((w) => key(w) === key(e))), ...written]);
    writeBack.startOver();
  }

  async function copy() {
    if (!draft) return;
    setCopyStatus((await copyText(draft.asText)) ? 'copied' : 'failed');
  }

  function download() {
    if (!draft) return;
    setDownloadFailed(!downloadJson(draft.asJson, `draft-care-plan-${date}.json`));
  }

  const writeUnavailable = !writeBack.canWrite;
  return (
    <section className="write-panel" aria-labelledby="write-panel-title">
      <h3 id="write-panel-title">Preview of the draft care plan</h3>
      {!draft ? (
        <p className="muted">{draftProblem ?? 'Tick at least one option to prepare a draft care plan.'}</p>
      ) : (
        <>
          <div className="preview-text" role="region" aria-label="What will be written, in plain words">
            {/* One block per line, indented lines (an option's override, reasons, cautions) hanging under their option. */}
            {draft.previewText.split('\n').map((line, i, all) => {
              const depth = Math.min(3, Math.floor((line.length - line.trimStart().length) / 2));
              return (
                <span key={i} className="preview-line" data-depth={depth}>
                  {line.trimStart()}
                  {i < all.length - 1 ? '\n' : ''}
                </span>
              );
            })}
          </div>
          <p>
            <button
              type="button"
              className="button button--link"
              aria-expanded={showRaw}
              aria-controls="raw-fhir"
              onClick={() => setShowRaw((shown) => !shown)}
            >
              {showRaw ? 'Hide the raw FHIR' : 'Show the raw FHIR that will be written'}
            </button>
          </p>
          {showRaw && (
            <pre id="raw-fhir" className="raw-fhir" role="region" tabIndex={0} aria-label="Raw FHIR JSON">
              {JSON.stringify(draft.fhir, null, 2)}
            </pre>
          )}
        </>
      )}

      <div className="write-panel__actions">
        <button type="button" className="button" disabled={!draft} onClick={() => void copy()}>
          Copy as text for a note
        </button>
        <button type="button" className="button" disabled={!draft} onClick={download}>
          Download FHIR JSON
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!draft || writeUnavailable || writing || done || confirming || sessionExpired}
          aria-describedby={writeUnavailable ? reasonId : undefined}
          onClick={() => setConfirming(true)}
        >
          Write to the chart…
        </button>
      </div>
      {copyStatus === 'copied' && (
        <p role="status" className="notice notice--ok">
          Copied the plan as text to the clipboard.
        </p>
      )}
      {copyStatus === 'failed' && (
        <div role="status" className="notice notice--info">
          <p className="copy-instruction">Not copied yet: this frame may not use the clipboard. The plan is selected below: press Ctrl+C (⌘C on a Mac) to copy it.</p>
          <textarea
            ref={copyAreaRef}
            readOnly
            rows={8}
            className="copy-fallback"
            value={draft?.asText ?? ''}
            aria-label="Plan as text, selected for copying"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      {downloadFailed && (
        <p role="status" className="notice notice--warning">
          This browser could not save the file. Use “Show the raw FHIR” and copy it instead.
        </p>
      )}
      {writeUnavailable && (
        <p id={reasonId} className="notice notice--info">
          Writing to the chart is unavailable: {writeBack.reasonIfNot ?? 'the EHR did not grant the app permission to write.'}{' '}
          You can still copy the plan as text for a note or download it as FHIR JSON.
        </p>
      )}

      {confirming && draft && !done && !sessionExpired && (
        <div className="confirm-box" role="group" aria-labelledby="confirm-title">
          <h4 id="confirm-title" ref={confirmRef} tabIndex={-1}>
            Confirm writing to the chart
          </h4>
          <p>
            This writes a <strong>draft</strong> CarePlan (a proposal, not an order), with its referral requests and a
            provenance record, to this patient’s chart in the EHR. Review it there before acting on it.
          </p>
          <div className="write-panel__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={writing}
              onClick={confirmWrite}
            >
              {writing ? 'Writing…' : 'Write a draft CarePlan to the chart'}
            </button>
            <button type="button" className="button" disabled={writing} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {writing && (
        <p role="status" className="notice notice--info">
          Writing the draft care plan to the chart…
        </p>
      )}

      {state === 'error' && writeBack.error && (
        <div role="alert" className="notice notice--error" ref={resultRef} tabIndex={-1}>
          <h4 className="notice__title">
            {writeBack.error.written && writeBack.error.written.length > 0 ? 'The care plan was not written completely' : 'Nothing was written to the chart'}
          </h4>
          {sessionExpired && (
            <p>
              <strong>The session with the EHR has ended.</strong> Relaunch the app from the patient’s chart to write the plan; until then
              writing is switched off. Copying the plan as text and downloading it still work.
            </p>
          )}
          <p>{writeBack.error.message}</p>
          {writeBack.error.operationOutcome && (
            <p>
              The server said: <span className="server-text">{writeBack.error.operationOutcome}</span>
            </p>
          )}
          {writeBack.error.written && writeBack.error.written.length > 0 && (
            <>
              <p>
                Already written before the failure (this is <strong>not</strong> a complete plan):
              </p>
              <WrittenList written={writeBack.error.written} />
            </>
          )}
          {sessionExpired ? null : writeBack.error.retryable ? (
            <p>
              <button type="button" className="button button--primary" disabled={writing} onClick={retry}>
                Retry writing
              </button>{' '}
              Retrying is safe: the app first checks whether the plan already reached the chart, so it is not written twice.
            </p>
          ) : (
            <p>Retrying the same request would fail again. Copy or download the plan and add it to the chart by hand.</p>
          )}
        </div>
      )}

      {done && writeBack.result && (
        <div role="status" className="notice notice--ok" ref={resultRef} tabIndex={-1}>
          <h4 className="notice__title">Draft care plan written to the chart</h4>
          {writeBack.result.how && <p>Written {writeBack.result.how}.</p>}
          <WrittenList written={writeBack.result.written} />
          {writeBack.result.account && writeBack.result.account.length > 0 && (
            <details className="write-account">
              <summary>What happened, step by step</summary>
              <ol>
                {writeBack.result.account.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ol>
            </details>
          )}
          <p>
            {writeBack.result.readBack.confirmed ? 'Read back from the server: ' : 'Read-back not confirmed: '}
            {writeBack.result.readBack.detail}
          </p>
          {writeBack.startOver && (
            <p>
              <button type="button" onClick={startOver}>
                Prepare another draft
              </button>{' '}
              <span className="muted">The plan above stays in the chart; a different choice of options makes a separate draft.</span>
            </p>
          )}
        </div>
      )}

      {!done && writtenEarlier.length > 0 && (
        <div className="notice">
          <h4 className="notice__title">Written earlier in this session</h4>
          <WrittenList written={writtenEarlier} />
        </div>
      )}
    </section>
  );
}
