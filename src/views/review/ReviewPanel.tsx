import { useMemo, useState } from 'react';
import type { Patient } from 'fhir/r4';
import { ReferralFields, ReferralLetter } from './ReferralLetter';
import type { ReferralChoiceView } from '../shell/services';
import type { SmartSession } from '../../fhir/contract';
import type { Derivation, InterventionId } from '../../clinical/types';
import { useServices, type DraftView } from '../shell/services';
import { SafetyStrip } from '../timeline/SafetyStrip';
import { nextStepWords } from '../../clinical/suggestions/next-step';
import { plainText } from '../../clinical/plain-text';
import { SuggestionCard } from './SuggestionCard';
import { WritePanel } from './WritePanel';
import {
  canTick,
  chosenOptions,
  chosenOverrideReasons,
  groupByStatus,
  needsOverrideReason,
  STATUS_HEADINGS,
  type SelectionState,
} from './selection';

/** What the review screen is drawn from (ShellServices.renderReview). */
export interface ReviewPanelProps {
  derivation: Derivation;
  session: SmartSession;
  /** Today's local date: part of the plan's stable identifier and of the download's file name. */
  asOf: string;
  /** The patient, for the referral letters. */
  patient?: Patient | null;
  /** Opens the records panel on a finding's source records. */
  onSelectSources?: (references: string[], about?: string) => void;
}

/** The interventional options and the confirmed write-back of a draft care plan. */
export function ReviewPanel({ derivation, session, asOf, patient = null, onSelectSources }: ReviewPanelProps) {
  const services = useServices();
  const writeBack = services.useWriteBack(session);
  const [ticked, setTicked] = useState<ReadonlySet<InterventionId>>(new Set());
  const [overrideReasons, setOverrideReasons] = useState<Partial<Record<InterventionId, string>>>({});
  const [note, setNote] = useState('');
  const [referrals, setReferrals] = useState<Partial<Record<InterventionId, ReferralChoiceView>>>({});
  const [letterFor, setLetterFor] = useState<InterventionId | null>(null);

  const selection: SelectionState = { ticked, overrideReasons };
  const chosen = useMemo(
    () => chosenOptions(derivation.suggestions, { ticked, overrideReasons }),
    [derivation.suggestions, ticked, overrideReasons],
  );
  // Only the reasons of options actually chosen go into the plan.
  const chosenReasons = useMemo(() => chosenOverrideReasons(chosen, { ticked, overrideReasons }), [chosen, ticked, overrideReasons]);
  // Each chosen referral: the clinician's service, priority and note, else the defaults (the engine's referral priority).
  const chosenReferrals = useMemo(() => {
    const out: Partial<Record<InterventionId, ReferralChoiceView>> = {};
    for (const s of chosen) {
      const info = services.describeOption?.(s.intervention);
      if (!info?.referral) continue;
      const picked = referrals[s.intervention] ?? {};
      out[s.intervention] = {
        serviceId: picked.serviceId ?? info.defaultServiceId ?? 'psychiatry-service',
        priority: picked.priority ?? s.referralPriority,
        note: picked.note ?? '',
      };
    }
    return out;
  }, [chosen, referrals, services]);

  const { draft, problem } = useMemo((): { draft: DraftView | null; problem?: string } => {
    if (chosen.length === 0) return { draft: null };
    try {
      return {
        draft: services.buildDraft({ derivation, chosen, note: note.trim(), overrideReasons: chosenReasons, referrals: chosenReferrals, session, date: asOf }),
      };
    } catch {
      // The builder's message may quote record content; the clinician gets a plain explanation instead.
      return { draft: null, problem: 'The draft could not be prepared from this selection. Please report this; nothing was written.' };
    }
  }, [services, derivation, chosen, chosenReasons, chosenReferrals, note, session, asOf]);

  const locked = writeBack.state === 'writing' || writeBack.state === 'done';
  const groups = groupByStatus(derivation.suggestions);
  const urgent = derivation.suggestions.some((s) => s.urgent && (s.status === 'suggested' || s.status === 'consider'));
  const offered = derivation.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');
  // The engine's headline leads the options as it leads the first screen and every note.
  const headline = nextStepWords(derivation);
  const serviceOptions = services.receivingServices ?? [];

  function tick(id: InterventionId, on: boolean) {
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  if (derivation.demographics?.deceased) {
    // Nothing is proposed or written for a patient who has died: no options, no write form.
    return (
      <section className="review" aria-labelledby="review-title">
        <h2 id="review-title">Interventional options and draft care plan</h2>
        <SafetyStrip derivation={derivation} place="options" {...(onSelectSources ? { onSelectSources } : {})} />
        <p className="notice" role="note">
          {derivation.demographics.deceasedDate ? `The patient died on ${derivation.demographics.deceasedDate}` : 'The patient has died'}: no options are suggested and
          nothing can be written back.
        </p>
      </section>
    );
  }

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">Interventional options and draft care plan</h2>
      {/* Safety leads every view: the engine's items, drawn as on the history tab, before anything is proposed. */}
      <SafetyStrip derivation={derivation} place="options" {...(onSelectSources ? { onSelectSources } : {})} />
      {headline && (
        <p className="review__next-step" data-testid="options-next-step">
          <span className="trp-glance-label">Next step</span> <strong>{plainText(headline)}</strong>
        </p>
      )}
      <p className="muted">
        Decision support from the record as read; not a diagnosis or an order. Tick the options to propose, add a note,
        check the preview, then confirm. Nothing is written to the chart without your confirmation.
      </p>
      {urgent && (
        <p className="notice notice--urgent" role="note">
          <strong>Urgent:</strong> the record shows a reason for urgency (for example recent suicidal ideation). The options
          marked “Urgent” explain why.
        </p>
      )}
      {groups.length === 0 ? (
        <p>No interventional options were evaluated for this record.</p>
      ) : (
        <fieldset className="review__options" disabled={locked}>
          <legend className="visually-hidden">Options to propose</legend>
          {groups.map((group) => {
            const list = (
              <ul className="option-list">
                {group.suggestions.map((suggestion) => (
                  <SuggestionCard
                    key={suggestion.intervention}
                    suggestion={suggestion}
                    info={services.describeOption?.(suggestion.intervention) ?? null}
                    ticked={ticked.has(suggestion.intervention)}
                    tickable={canTick(suggestion, selection)}
                    overrideReason={overrideReasons[suggestion.intervention] ?? ''}
                    disabled={locked}
                    onTick={(on) => tick(suggestion.intervention, on)}
                    onOverrideReason={(text) => setOverrideReasons((previous) => ({ ...previous, [suggestion.intervention]: text }))}
                    fhirBaseUrl={session.fhirBaseUrl}
                    {...(onSelectSources ? { onSelectSources } : {})}
                  />
                ))}
              </ul>
            );
            const heading = `${STATUS_HEADINGS[group.status]} (${group.suggestions.length})`;
            // Options the rules rule out are collapsed, so the page leads with what applies.
            return needsOverrideReason(group.status) ? (
              <details key={group.status} className={`option-group option-group--${group.status}`}>
                <summary>
                  <h3 className="option-group__title">{heading}</h3>
                </summary>
                {list}
              </details>
            ) : (
              <div key={group.status} className={`option-group option-group--${group.status}`}>
                <h3 className="option-group__title">{heading}</h3>
                {list}
              </div>
            );
          })}
        </fieldset>
      )}

      {offered.length === 0 ? (
        // Nothing the record supports: no write form, only why (an override stays possible by ticking a ruled-out option).
        <p className="notice notice--info" data-testid="nothing-eligible">
          <strong>Nothing to propose from this record.</strong>{' '}
          {groups.length === 0
            ? 'No interventional option applies to the conditions found.'
            : 'No option is suggested or worth considering on the current record; the options above say why each is not eligible or is contraindicated.'}{' '}
          A draft care plan can still be prepared by ticking one of them with a written reason.
        </p>
      ) : null}

      {chosen.some((s) => chosenReferrals[s.intervention]) && (
        <div className="review__referrals">
          <h3>Referrals</h3>
          {chosen
            .filter((s) => chosenReferrals[s.intervention])
            .map((s) => (
              <ReferralFields
                key={s.intervention}
                suggestion={s}
                choice={chosenReferrals[s.intervention]!}
                services={serviceOptions}
                disabled={locked}
                onChange={(next) => setReferrals((previous) => ({ ...previous, [s.intervention]: { ...previous[s.intervention], ...next } }))}
                onPrint={() => {
                  setLetterFor(s.intervention);
                  // After React has drawn the letter, print it (the print stylesheet shows only the letter).
                  requestAnimationFrame(() => {
                    document.body.classList.add('printing-letter');
                    window.print();
                    document.body.classList.remove('printing-letter');
                  });
                }}
              />
            ))}
        </div>
      )}

      {(offered.length > 0 || chosen.length > 0) && (
        <>
          <div className="review__note">
            <label htmlFor="review-note">Note for the care plan (optional)</label>
            <textarea id="review-note" rows={3} value={note} disabled={locked} onChange={(event) => setNote(event.target.value)} />
          </div>

          <WritePanel draft={draft} draftProblem={problem} writeBack={writeBack} date={asOf} />
        </>
      )}
      {chosen
        .filter((s) => chosenReferrals[s.intervention])
        .map((s) => (
          <ReferralLetter
            key={s.intervention}
            suggestion={s}
            choice={chosenReferrals[s.intervention]!}
            serviceName={serviceOptions.find((o) => o.id === chosenReferrals[s.intervention]!.serviceId)?.name ?? 'Psychiatry service'}
            derivation={derivation}
            patient={patient}
            patientId={session.patientId}
            date={asOf}
            selected={letterFor === s.intervention}
            {...(chosenReasons[s.intervention] ? { overrideReason: chosenReasons[s.intervention] } : {})}
          />
        ))}
    </section>
  );
}
