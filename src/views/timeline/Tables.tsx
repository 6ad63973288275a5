/** The same data as the timeline, as tables: for screen readers, for copying, and for print. */
import type { Derivation } from '../../clinical/types';
import { compareCodeUnits } from '../../clinical/sorted';
import {
  ADEQUACY_VERDICT_LABEL,
  adequacyVerdictOf,
  CONDITION_LABEL,
  INSTRUMENT_LABEL,
  OUTCOME_BASIS_LABEL,
  OUTCOME_LABEL,
  PROCEDURE_LABEL,
  trialKindWords,
  describeTrialDosesAndTime,
  clinicalStatusWords,
  diagnosisLabelWithCode,
  recordedDiagnosisName,
  episodeEndWords,
  episodeWords,
  shownOutcomeBasis,
} from '../../clinical/vocabulary';
import { RECORD_TYPE_WORDS, recordCountWords, resourceTypeOf } from '../../clinical/record-words';
import { plainText } from '../../clinical/plain-text';
import { diagnosesByRecord } from '../../clinical/safety';
import { stopReasonsLine } from '../../clinical/vocabulary';
import { adequacyReasonText, displayDate } from './labels';
import { adequateDoseText, adequateLevelText, adherenceText } from './details';

type SelectSources = ((references: string[], about?: string) => void) | undefined;

/**
 * A row's source records counted in words (never their ids) and its "records" button, which opens them; `about` names
 * the row in the records panel's heading.
 */
function Sources({ references, onSelectSources, about }: { references: string[]; onSelectSources: SelectSources; about?: string }) {
  if (references.length === 0) return <span className="trp-muted">none</span>;
  return (
    <span className="trp-sources">
      {recordCountWords(references)}
      {onSelectSources && (
        <button type="button" className="trp-link-button trp-no-print" onClick={() => onSelectSources(references, about)}>
          record{references.length === 1 ? '' : 's'}
        </button>
      )}
    </span>
  );
}

export function TrialsTable({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources: SelectSources }) {
  const trials = derivation.trials.slice().sort((a, b) => compareCodeUnits(a.start, b.start));
  const episodes = new Map(derivation.episodes.map((e) => [e.id, e]));
  if (trials.length === 0) return <p>No medication trials were derived.</p>;
  return (
    <div className="trp-table-wrap">
      <table className="trp-table trp-trials-table">
        <caption>Medication trials ({trials.length})</caption>
        <colgroup>
          <col className="trp-col-agent" />
          <col className="trp-col-dates" />
          <col className="trp-col-dose" />
          <col className="trp-col-adequacy" />
          <col className="trp-col-adherence" />
          <col className="trp-col-outcome" />
          <col className="trp-col-episode" />
          <col className="trp-col-sources" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Dates</th>
            <th scope="col">Dose</th>
            <th scope="col">Adequacy</th>
            <th scope="col">Adherence</th>
            <th scope="col">Outcome</th>
            <th scope="col">Episode</th>
            <th scope="col">Sources and notes</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((t) => {
            const episode = t.episodeId ? episodes.get(t.episodeId) : undefined;
            const basis = shownOutcomeBasis(t);
            return (
              <tr key={t.id} data-trial-id={t.id}>
                <th scope="row">
                  {t.ingredient}
                  <div className="trp-muted">
                    {trialKindWords(t)}
                  </div>
                </th>
                <td>
                  {displayDate(t.start)} – {t.end === null ? 'ongoing' : displayDate(t.end)}
                  <div className="trp-muted">{t.durationText}</div>
                </td>
                <td>
                  {describeTrialDosesAndTime(t)}
                  <div className="trp-muted">
                    {adequateLevelText(t) !== null
                      ? `adequate at ${adequateLevelText(t)}`
                      : t.adequateDose === null
                        ? 'no threshold'
                        : `adequate ≥ ${adequateDoseText(t.adequateDose, t.ingredient)}`}
                  </div>
                </td>
                <td>
                  <strong>{ADEQUACY_VERDICT_LABEL[adequacyVerdictOf(t)]}</strong>
                  <div>{adequacyReasonText(t.adequacyReason)}</div>
                </td>
                <td>{adherenceText(t)}</td>
                <td>
                  <strong>{OUTCOME_LABEL[t.outcome]}</strong>
                  {basis !== null && <> <span className="trp-muted">({OUTCOME_BASIS_LABEL[basis]})</span></>}
                  {t.outcomeDetail && <div>{plainText(t.outcomeDetail)}</div>}
                  {stopReasonsLine(t) !== null && <div>{plainText(stopReasonsLine(t) ?? '')}</div>}
                </td>
                <td>{episode ? `${CONDITION_LABEL[episode.condition]}${episode.current ? ' (current)' : ''}` : <span className="trp-muted">none assigned</span>}</td>
                <td>
                  <Sources references={t.sources} onSelectSources={onSelectSources} about={`${t.ingredient} from ${displayDate(t.start)}`} />
                  {t.notes.length > 0 && (
                    <ul className="trp-notes">
                      {t.notes.map((n, i) => (
                        <li key={i}>{plainText(n)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ScoresTable({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources: SelectSources }) {
  if (derivation.scores.length === 0) return <p>No symptom scores were found.</p>;
  const scores = derivation.scores.slice().sort((a, b) => compareCodeUnits(a.instrument, b.instrument) || compareCodeUnits(a.date, b.date));
  return (
    <div className="trp-table-wrap">
      <table className="trp-table">
        <caption>Symptom scores ({scores.length})</caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s, i) => (
            <tr key={`${s.source}-${i}`}>
              <th scope="row">{INSTRUMENT_LABEL[s.instrument]}</th>
              <td>{displayDate(s.date)}</td>
              <td>{s.value}</td>
              <td>
                <Sources references={[s.source]} onSelectSources={onSelectSources} about={`${INSTRUMENT_LABEL[s.instrument]} ${s.value} on ${displayDate(s.date)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DiagnosesTable({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources: SelectSources }) {
  const diagnoses = diagnosesByRecord(derivation.diagnoses);
  if (diagnoses.length === 0 && derivation.episodes.length === 0) return <p>No diagnoses or episodes were found.</p>;
  return (
    <div className="trp-table-wrap">
      <table className="trp-table">
        <caption>Diagnoses and episodes ({diagnoses.length + derivation.episodes.length})</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Status or basis</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {derivation.episodes.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                {episodeWords(e)}: {CONDITION_LABEL[e.condition]}
              </th>
              <td>{displayDate(e.start)}</td>
              <td>{e.end !== null && !e.endedAtDeath ? displayDate(e.end) : episodeEndWords(e)}</td>
              <td>{plainText(e.basis)}</td>
              <td>
                <Sources references={e.sources} onSelectSources={onSelectSources} about={`${episodeWords(e)}: ${CONDITION_LABEL[e.condition]}`} />
              </td>
            </tr>
          ))}
          {diagnoses.map(({ diagnosis: d, alsoStated }, i) => (
            <tr key={`${d.source}-${i}`}>
              <th scope="row">
                {recordedDiagnosisName(d)}
                <div className="trp-muted">
                  {diagnosisLabelWithCode(d, alsoStated, d.code)}
                </div>
              </th>
              <td>{displayDate(d.onset)}</td>
              <td>{d.abatement ? displayDate(d.abatement) : '—'}</td>
              <td>{d.clinicalStatus === null ? 'status not recorded' : clinicalStatusWords(d.clinicalStatus, derivation.demographics?.deceasedDate)}</td>
              <td>
                <Sources references={[d.source]} onSelectSources={onSelectSources} about={recordedDiagnosisName(d)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProceduresTable({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources: SelectSources }) {
  if (derivation.procedures.length === 0) return <p>No interventional procedures were found.</p>;
  return (
    <div className="trp-table-wrap">
      <table className="trp-table">
        <caption>Procedures ({derivation.procedures.length})</caption>
        <thead>
          <tr>
            <th scope="col">Procedure</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {derivation.procedures.map((p, i) => (
            <tr key={`${p.source}-${i}`}>
              <th scope="row">
                {PROCEDURE_LABEL[p.kind]}
                <div className="trp-muted">{p.display}</div>
              </th>
              <td>{displayDate(p.start)}</td>
              <td>{p.end ? displayDate(p.end) : '—'}</td>
              <td>
                <Sources references={[p.source]} onSelectSources={onSelectSources} about={`${PROCEDURE_LABEL[p.kind]} from ${displayDate(p.start)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Every resource the engine did not use, with its reason: nothing is dropped silently. Each row names the record by
 * its kind in words, numbered within the kind; its address (the audit trail) is folded under "Source record", out of
 * the words a clinician reads.
 */
export function UnusedList({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources: SelectSources }) {
  if (derivation.unused.length === 0) return <p>Every resource read was used.</p>;
  const numbered = new Map<string, number>();
  const names = derivation.unused.map((u) => {
    const type = resourceTypeOf(u.reference);
    const n = (numbered.get(type) ?? 0) + 1;
    numbered.set(type, n);
    return `${RECORD_TYPE_WORDS[type]?.kind ?? 'Other record'} ${n}`;
  });
  return (
    <div className="trp-table-wrap">
      <table className="trp-table trp-unused-table">
        <caption>Not used, because… ({derivation.unused.length})</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {derivation.unused.map((u, i) => (
            <tr key={`${u.reference}-${i}`}>
              <th scope="row">
                {names[i]}
                {onSelectSources && (
                  <>
                    {' '}
                    <button type="button" className="trp-link-button trp-no-print" onClick={() => onSelectSources([u.reference], names[i])}>
                      record
                    </button>
                  </>
                )}
                <details className="trp-source-record">
                  <summary>Source record</summary>
                  <code data-source-record="">{u.reference}</code>
                </details>
              </th>
              <td>{plainText(u.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Counts of what was read, by resource type: shown when nothing psychiatric was found. */
export function readCounts(derivation: Derivation): { type: string; used: number; unused: number }[] {
  const counts = new Map<string, { used: number; unused: number }>();
  for (const u of derivation.used) {
    const c = counts.get(resourceTypeOf(u.reference)) ?? { used: 0, unused: 0 };
    c.used += 1;
    counts.set(resourceTypeOf(u.reference), c);
  }
  for (const u of derivation.unused) {
    const c = counts.get(resourceTypeOf(u.reference)) ?? { used: 0, unused: 0 };
    c.unused += 1;
    counts.set(resourceTypeOf(u.reference), c);
  }
  return [...counts.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([type, c]) => ({ type, ...c }));
}
