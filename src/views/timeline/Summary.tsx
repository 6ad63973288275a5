/**
 * The first screen's summary, read in the order a clinician in clinic reads it: one line per assessed condition
 * (its treatment-resistance criteria met / possibly met / not met, by which definition, with the failed trials), the current regimen (weeks on
 * it, whether it is adequate and, if so, whether it works, as the engine judged it), and the next step (the first offered
 * option, or "nothing to suggest"). Everything else about a condition (conclusion, episode, staging, flags) opens
 * from its line.
 */
import { useState } from 'react';
import { useAfterFirstPaint } from '../useAfterFirstPaint';
import type { Assessment, Derivation, Episode, Finding, Trial } from '../../clinical/types';
import { CONDITION_LABEL, FLAG_GROUP, FLAG_GROUP_HEADING, type FlagGroup, capitalise, episodeWords, ingredientOfTrialId, failedPendingAdequacyWords, stagingFiguresWords, unconfirmedCountWords, maudsleyBandWords } from '../../clinical/vocabulary';
import { nextStepWords } from '../../clinical/suggestions/next-step';
import { displayDate, nextStep, trialDoseText } from './labels';
import { type RegimenStanding, regimenVerdict } from '../../clinical/regimen-verdict';
import { episodeItemId, trialItemId } from './details';
import { RuleLine } from './Badges';
import { regimenNow } from '../../clinical/safety';
import {
  EARLIER_OTHER_TREATMENTS_HEADING,
  nothingRunningWords,
  otherTreatmentRunningWords,
  otherTreatmentWords,
  otherTreatmentsEarlier,
  otherTreatmentsNow,
} from '../../clinical/other-treatment-words';
import { plainText } from '../../clinical/plain-text';

export interface SummaryProps {
  derivation: Derivation;
  /** Show these timeline items (trial/episode item ids) and move focus to the first. */
  onShowItems: (itemIds: string[]) => void;
  /** Opens the options tab (the next step's link); absent when the page stands alone. */
  onOpenOptions?: () => void;
}

const MAUDSLEY_ITEM_LABEL: Record<string, string> = {
  duration: 'Duration of episode',
  severity: 'Severity',
  'antidepressant-failures': 'Failed antidepressant trials',
  augmentation: 'Augmentation',
  ect: 'ECT',
};

const BASIS_LABEL = { data: 'from data', estimated: 'estimated', missing: 'missing (scored at minimum)' } as const;


/** The dose of the latest step of a trial (what the patient takes now), in the trial's unit. */
function currentDose(trial: Trial): string {
  const last = trial.doseSteps.at(-1);
  return trialDoseText(last ? last.dailyDoseMg : trial.maxDailyDoseMg, trial.ingredient);
}

/** How each standing of a running trial is drawn: green only for a response, never for adequacy alone. */
const STANDING_CLASS: Record<RegimenStanding, string> = {
  responding: 'trp-adequate-reached',
  maintenance: 'trp-adequate-reached',
  'not-responding': 'trp-regimen-failing',
  'adequate-unjudged': 'trp-regimen-unjudged',
  'adequacy-not-judged': 'trp-regimen-unjudged',
  'not-yet-adequate': 'trp-adequate-pending',
  'adequacy-unconfirmed': 'trp-adequate-pending',
  'not-adequate': 'trp-adequate-pending',
};

function TrialButton({ trial, onShowItems, text }: { trial: Trial; onShowItems: SummaryProps['onShowItems']; text?: string }) {
  return (
    <button type="button" className="trp-link-button" onClick={() => onShowItems([trialItemId(trial)])} aria-label={`${text ?? trial.ingredient}, from ${displayDate(trial.start)}: show on the timeline`}>
      {text ?? trial.ingredient}
    </button>
  );
}

function TrialList({ ids, trials, onShowItems }: { ids: string[]; trials: Map<string, Trial>; onShowItems: SummaryProps['onShowItems'] }) {
  return (
    <>
      {ids.map((id, i) => {
        const trial = trials.get(id);
        return (
          <span key={id}>
            {i > 0 && ', '}
            {trial ? <TrialButton trial={trial} onShowItems={onShowItems} /> : id}
          </span>
        );
      })}
    </>
  );
}

function StagingLine({ title, value, children }: { title: string; value: string; children: React.ReactNode }) {
  return (
    <details className="trp-staging-line">
      <summary>
        <span className="trp-staging-name">{title}</span> <strong>{value}</strong>
      </summary>
      <div className="trp-staging-body">{children}</div>
    </details>
  );
}

function Staging({ assessment: a }: { assessment: Assessment }) {
  if (a.thaseRush === undefined && !a.maudsley && a.mghs === undefined) return null;
  return (
    <div className="trp-staging">
      <h4>Staging</h4>
      {a.thaseRush !== undefined && (
        <StagingLine title="Thase-Rush stage" value={String(a.thaseRush)}>
          {a.thaseRushBasis ?? 'No basis recorded.'}
        </StagingLine>
      )}
      {a.maudsley && (
        <StagingLine title="Maudsley Staging Method" value={`${a.maudsley.score} ${maudsleyBandWords(a.maudsley)}`}>
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
                  <td>{plainText(item.explanation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </StagingLine>
      )}
      {a.mghs !== undefined && (
        <StagingLine title="MGH staging (MGH-S)" value={String(a.mghs)}>
          {a.mghsBasis ?? 'No basis recorded.'}
        </StagingLine>
      )}
    </div>
  );
}

function ConditionLine({
  assessment: a,
  trials,
  episodes,
  onShowItems,
  detailsDrawn,
}: {
  assessment: Assessment;
  trials: Map<string, Trial>;
  episodes: readonly Episode[];
  onShowItems: SummaryProps['onShowItems'];
  /** Whether the closed details are drawn yet (they are hidden, so they need not delay the first screen). */
  detailsDrawn: boolean;
}) {
  const [open, setOpen] = useState(false);
  // The current episode, or for a patient who has died the episode open at death (never "current").
  const episode = a.currentEpisode ?? episodes.find((e) => e.condition === a.condition && e.endedAtDeath) ?? null;
  const detailsId = `trp-assessment-${a.condition}-details`;
  const status = a.status ?? (a.treatmentResistant ? 'meets' : 'does-not-meet');
  const unconfirmed = a.unconfirmedTrials ?? [];
  const otherTrials = a.trialIds.filter((id) => !a.failedAdequateTrialIds.includes(id) && !unconfirmed.some((u) => u.trialId === id));
  // Flags point to resources; the trials built from those resources are the timeline items to show.
  const trialsBehind = (sources: string[]) => [...trials.values()].filter((t) => t.sources.some((s) => sources.includes(s))).map((t) => trialItemId(t));
  const failed = a.failedAdequateTrials;
  const staging = stagingFiguresWords(a, !a.currentEpisode && episode?.endedAtDeath === true);
  // Trials that failed on the scale with only their adequacy evidence missing are failed trials, said as such.
  const pendingFailures = unconfirmed.filter((u) => u.failedPendingAdequacy !== undefined);
  const otherUnconfirmed = unconfirmed.filter((u) => u.failedPendingAdequacy === undefined);
  // The engine leaves out what to record where nothing can be recorded any more (the episode ended at death).
  const toConfirm = otherUnconfirmed.filter((u) => u.confirm !== undefined);
  const unknownAtDeath = otherUnconfirmed.filter((u) => u.confirm === undefined);
  return (
    <li className={`trp-condition is-${status}`} data-condition={a.condition}>
      <div className="trp-condition-line">
        <h3 className="trp-condition-name" id={`trp-assessment-${a.condition}`}>
          {CONDITION_LABEL[a.condition]}
        </h3>{' '}
        {a.resolved && (
          <>
            <span className="trp-resolved">{plainText(a.resolved.text)}</span>
            {' · '}
          </>
        )}
        <span className={`trp-verdict is-${status}`}>{a.verdict}</span>
        <span className="trp-condition-facts">
          {' · '}
          {failed === 0 && pendingFailures.length === 0 && 'no failed adequate trial'}
          {failed > 0 && (
            <>
              {failed} failed adequate trial{failed === 1 ? '' : 's'}: <TrialList ids={a.failedAdequateTrialIds} trials={trials} onShowItems={onShowItems} />
            </>
          )}
          {pendingFailures.length > 0 && (
            <>
              {failed > 0 && ' · '}
              {failedPendingAdequacyWords(pendingFailures, failed > 0)}:{' '}
              <TrialList ids={pendingFailures.map((u) => u.trialId)} trials={trials} onShowItems={onShowItems} />
            </>
          )}
          {[toConfirm, unknownAtDeath].map(
            (us, i) =>
              us.length > 0 && (
                <span key={i}>
                  {' · '}
                  {unconfirmedCountWords(us.length, i === 0)}: <TrialList ids={us.map((u) => u.trialId)} trials={trials} onShowItems={onShowItems} />
                </span>
              ),
          )}
          {staging && (
            <>
              {' · '}
              <span className="trp-staging-figures">{staging}</span>
            </>
          )}
          {' · '}
          <span className="trp-muted">definition: {a.definition.summary}</span>
        </span>{' '}
        <button type="button" className="trp-link-button trp-more" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Less' : 'Details'}
        </button>
      </div>
      <div id={detailsId} className="trp-condition-details" hidden={!open}>
        {(open || detailsDrawn) && (
          <>
            <p className="trp-conclusion">{a.conclusion}</p>
            {unconfirmed.length > 0 && (
              <ul className="trp-unconfirmed">
                {unconfirmed.map((u) => (
                  <li key={u.trialId}>
                    {capitalise(u.ingredient)}: {u.missing}
                    {u.confirm === undefined ? '' : `; to decide, record ${u.confirm}`}.
                  </li>
                ))}
              </ul>
            )}
            {otherTrials.length > 0 && (
              <p className="trp-trial-links">
                <span className="trp-muted">Other trials in this episode:</span> <TrialList ids={otherTrials} trials={trials} onShowItems={onShowItems} />
              </p>
            )}
            {a.trialsInProgress && <p className="trp-in-progress">{plainText(a.trialsInProgress.text)}</p>}
            {episode && (
              <p>
                <span className="trp-muted">{episodeWords(episode)}:</span> from {displayDate(episode.start)}, {plainText(episode.basis)}{' '}
                <button type="button" className="trp-link-button" onClick={() => onShowItems([episodeItemId(episode)])}>
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
                {(Object.keys(FLAG_GROUP_HEADING) as FlagGroup[]).map((group) => {
                  const flags = a.flags.filter((f) => FLAG_GROUP[f.kind] === group);
                  if (!flags.length) return null;
                  return (
                    <div key={group} className="trp-flag-group" data-flag-group={group}>
                      <h4>{FLAG_GROUP_HEADING[group]}</h4>
                      <ul>
                        {flags.map((f, i) => {
                          const behind = trialsBehind(f.sources);
                          return (
                            <li key={i}>
                              {capitalise(plainText(f.text))}{' '}
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
                  );
                })}
              </div>
            )}
          </>
        )}
      </div>
    </li>
  );
}

/** A text with each date kept on one line: the browser breaks at a date's hyphens ("2026-11-" / "22)"). */
function WholeDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 === 1 ? <span key={i} className="trp-date">{part}</span> : part))}
    </>
  );
}

function RegimenStandingText({ trial, staleBases, assessments }: { trial: Trial; staleBases: Finding[]; assessments: readonly Assessment[] }) {
  const verdict = regimenVerdict(trial, staleBases, assessments);
  return (
    <span className={STANDING_CLASS[verdict.standing]} data-standing={verdict.standing}>
      <WholeDates text={verdict.text} />
    </span>
  );
}

function RegimenLine({ derivation, onShowItems }: { derivation: Derivation; onShowItems: SummaryProps['onShowItems'] }) {
  // The engine's regimen: what is taken now, or for a deceased patient what was taken at death.
  const current = regimenNow(derivation);
  // Running medications no treatment-resistance rule judges (a stimulant for ADHD) still run: the line names them.
  const others = otherTreatmentsNow(derivation);
  const dead = derivation.demographics?.deceased === true;
  const staleBases = derivation.assessments.flatMap((a) => (a.staleBasis ? [a.staleBasis] : []));
  return (
    <div className="trp-glance-row trp-regimen" data-testid="current-regimen">
      <span className="trp-glance-label">{dead ? 'Regimen at death' : 'Current regimen'}</span>
      {current.length === 0 && others.length === 0 ? (
        <span>{nothingRunningWords(derivation)}</span>
      ) : (
        <ul className="trp-regimen-list">
          {current.map((t) => (
            <li key={t.id}>
              <TrialButton trial={t} onShowItems={onShowItems} text={`${t.ingredient} ${currentDose(t)}`} />
              {t.role !== 'monotherapy' && t.addedTo ? ` (added to ${ingredientOfTrialId(t.addedTo)})` : ''}, {t.durationText}
              {t.startBeforeApproval ? <>; <WholeDates text={t.startBeforeApproval.text} /></> : null}
              {t.orderCoverage ? <>; {t.orderCoverage.text}</> : null}
              {t.unconfirmed ? <>; <WholeDates text={t.unconfirmed.text} /></> : null} ·{' '}
              <RegimenStandingText trial={t} staleBases={staleBases} assessments={derivation.assessments} />
            </li>
          ))}
          {others.map((o) => (
            <li key={`${o.ingredient}@${o.start}`}>
              <WholeDates text={otherTreatmentRunningWords(o)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NextStepLine({ derivation, onOpenOptions }: { derivation: Derivation; onOpenOptions: (() => void) | undefined }) {
  const next = nextStep(derivation);
  // A running trial to complete, or none indicated: the engine's headline in words (nextStepWords, as every note says it).
  const headline = next ? null : nextStepWords(derivation);
  const offered = derivation.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').length;
  return (
    <div className="trp-glance-row trp-next-step" data-testid="next-step">
      <span className="trp-glance-label">Next step</span>
      {next || headline ? (
        <span>
          {next ? (
            <>
              <strong>{next.name}</strong> ({next.status === 'suggested' ? 'suggested' : 'to consider'}
              {next.urgent ? <>, <span className="trp-urgent-word">urgent</span></> : null})
              {next.switchFrom ? `: ${next.switchFrom.text}` : null}
            </>
          ) : (
            <strong>{plainText(headline ?? '')}</strong>
          )}
          {onOpenOptions && offered > 0 && (
            <>
              {' '}
              <button type="button" className="trp-link-button" onClick={onOpenOptions}>
                {offered > 1 ? `all ${offered} options` : 'open options'}
              </button>
            </>
          )}
        </span>
      ) : derivation.demographics?.deceased ? (
        <span>none: the patient has died</span>
      ) : (
        <span>nothing to suggest from this record</span>
      )}
    </div>
  );
}

/**
 * The other treatments no longer taken: what each treated and when, none of it judged for treatment resistance. The
 * running ones are named once, on the regimen line above.
 */
function OtherTreatmentsLine({ derivation }: { derivation: Derivation }) {
  const others = otherTreatmentsEarlier(derivation);
  if (others.length === 0) return null;
  return (
    <div className="trp-glance-row trp-other-treatments" data-testid="other-treatments">
      <span className="trp-glance-label">{EARLIER_OTHER_TREATMENTS_HEADING}</span>
      <ul className="trp-regimen-list">
        {others.map((o) => (
          <li key={`${o.ingredient}@${o.start}`}>
            <WholeDates text={otherTreatmentWords(o)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Summary({ derivation, onShowItems, onOpenOptions }: SummaryProps) {
  const trials = new Map(derivation.trials.map((t) => [t.id, t]));
  // Each condition's details (conclusion, staging, flags) start closed: drawn right after the first screen, or at once
  // when opened.
  const detailsDrawn = useAfterFirstPaint();
  return (
    <div className="trp-summary">
      {derivation.assessments.length > 0 && (
        <ul className="trp-conditions" aria-label="Assessed conditions">
          {derivation.assessments.map((a) => (
            <ConditionLine key={a.condition} assessment={a} trials={trials} episodes={derivation.episodes} onShowItems={onShowItems} detailsDrawn={detailsDrawn} />
          ))}
        </ul>
      )}
      <RegimenLine derivation={derivation} onShowItems={onShowItems} />
      <NextStepLine derivation={derivation} onOpenOptions={onOpenOptions} />
      <OtherTreatmentsLine derivation={derivation} />
      {derivation.notes.length > 0 && (
        <ul className="trp-record-notes" aria-label="Notes about the record">
          {derivation.notes.map((n, i) => (
            <li key={i}>{plainText(n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
