/** The summary above the timeline: per condition the conclusion, its evidence, staging and flags. */
import type { Assessment, Derivation, Trial } from '../../clinical/types';
import { CONDITION_LABEL, FLAG_LABEL, displayDate } from './labels';
import { episodeItemId, trialItemId, trialShortName } from './details';
import { RuleLine } from './Badges';

export interface SummaryProps {
  derivation: Derivation;
  /** Show these timeline items (trial/episode item ids) and move focus to the first. */
  onShowItems: (itemIds: string[]) => void;
}

const MAUDSLEY_ITEM_LABEL: Record<string, string> = {
  duration: 'Duration of episode',
  severity: 'Severity',
  'antidepressant-failures': 'Failed antidepressant trials',
  augmentation: 'Augmentation',
  ect: 'ECT',
};

const BASIS_LABEL = { data: 'from data', estimated: 'estimated', missing: 'missing (scored at minimum)' } as const;

function TrialLinks({ ids, trials, onShowItems, label }: { ids: string[]; trials: Map<string, Trial>; onShowItems: SummaryProps['onShowItems']; label: string }) {
  if (ids.length === 0) return null;
  return (
    <p className="trp-trial-links">
      <span className="trp-muted">{label}:</span>{' '}
      {ids.map((id) => {
        const trial = trials.get(id);
        return (
          <button key={id} type="button" className="trp-link-button" onClick={() => onShowItems([`trial:${id}`])} aria-label={`Show ${trial ? trialShortName(trial) : id} on the timeline`}>
            {trial ? trialShortName(trial) : id}
          </button>
        );
      })}
    </p>
  );
}

function Staging({ assessment: a }: { assessment: Assessment }) {
  if (a.thaseRush === undefined && !a.maudsley && a.mghs === undefined) return null;
  return (
    <div className="trp-staging">
      <h4>Staging</h4>
      <dl>
        {a.thaseRush !== undefined && (
          <>
            <dt>Thase-Rush stage</dt>
            <dd>
              <strong>{a.thaseRush}</strong> {a.thaseRushBasis && <span className="trp-muted">— {a.thaseRushBasis}</span>}
            </dd>
          </>
        )}
        {a.maudsley && (
          <>
            <dt>Maudsley Staging Method</dt>
            <dd>
              <strong>
                {a.maudsley.score} ({a.maudsley.band})
              </strong>
              <table className="trp-table trp-maudsley">
                <caption className="trp-visually-hidden">Maudsley items</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Points</th>
                    <th scope="col">Basis</th>
                    <th scope="col">Explanation</th>
                  </tr>
                </thead>
                <tbody>
                  {a.maudsley.items.map((item) => (
                    <tr key={item.item}>
                      <th scope="row">{MAUDSLEY_ITEM_LABEL[item.item] ?? item.item}</th>
                      <td>{item.points}</td>
                      <td>
                        <span className={`trp-basis trp-basis-${item.basis}`}>{BASIS_LABEL[item.basis]}</span>
                      </td>
                      <td>{item.explanation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </dd>
          </>
        )}
        {a.mghs !== undefined && (
          <>
            <dt>MGH staging (MGH-S)</dt>
            <dd>
              <strong>{a.mghs}</strong> {a.mghsBasis && <span className="trp-muted">— {a.mghsBasis}</span>}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function AssessmentSummary({ assessment: a, trials, onShowItems }: { assessment: Assessment; trials: Map<string, Trial>; onShowItems: SummaryProps['onShowItems'] }) {
  const headingId = `trp-assessment-${a.condition}`;
  const otherTrials = a.trialIds.filter((id) => !a.failedAdequateTrialIds.includes(id));
  // Flags point to resources; the trials built from those resources are the timeline items to show.
  const trialsBehind = (sources: string[]) =>
    [...trials.values()].filter((t) => t.sources.some((s) => sources.includes(s))).map((t) => trialItemId(t));
  return (
    <section className={`trp-assessment ${a.treatmentResistant ? 'is-resistant' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {CONDITION_LABEL[a.condition]}{' '}
        <span className={`trp-verdict ${a.treatmentResistant ? 'is-met' : 'is-not-met'}`}>
          {a.treatmentResistant ? 'Meets treatment-resistance definition' : 'Does not meet treatment-resistance definition'}
        </span>
      </h3>
      <p className="trp-conclusion">{a.conclusion}</p>
      <TrialLinks ids={a.failedAdequateTrialIds} trials={trials} onShowItems={onShowItems} label={`Failed adequate trials (${a.failedAdequateTrials})`} />
      <TrialLinks ids={otherTrials} trials={trials} onShowItems={onShowItems} label="Other trials in this episode" />
      {a.currentEpisode && (
        <p>
          <span className="trp-muted">Current episode:</span> from {displayDate(a.currentEpisode.start)} — {a.currentEpisode.basis}{' '}
          <button type="button" className="trp-link-button" onClick={() => onShowItems([episodeItemId(a.currentEpisode!)])}>
            show episode
          </button>
        </p>
      )}
      <p className="trp-definition">
        <span className="trp-muted">Definition applied:</span> <RuleLine rule={a.definition} />
        {a.definition.verification === 'U' && <span className="trp-unverified-note"> This definition is not verified against a primary source.</span>}
      </p>
      <Staging assessment={a} />
      {a.flags.length > 0 && (
        <div className="trp-flags">
          <h4>Possible pseudo-resistance and other flags</h4>
          <ul>
            {a.flags.map((f, i) => {
              const behind = trialsBehind(f.sources);
              return (
                <li key={i}>
                  <span className="trp-flag-kind">{FLAG_LABEL[f.kind]}:</span> {f.text}{' '}
                  {behind.length > 0 && (
                    <button type="button" className="trp-link-button" onClick={() => onShowItems(behind)}>
                      show on timeline
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}

export function Summary({ derivation, onShowItems }: SummaryProps) {
  const trials = new Map(derivation.trials.map((t) => [t.id, t]));
  return (
    <div className="trp-summary">
      {derivation.assessments.map((a) => (
        <AssessmentSummary key={a.condition} assessment={a} trials={trials} onShowItems={onShowItems} />
      ))}
      {derivation.notes.length > 0 && (
        <ul className="trp-record-notes" aria-label="Notes about the record">
          {derivation.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

