import { useMemo, useState } from 'react';
import type { SmartSession } from '../../fhir/contract';
import type { Derivation, InterventionId } from '../../clinical/types';
import { useServices, type DraftView } from '../shell/services';
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

interface Props {
  derivation: Derivation;
  session: SmartSession;
  /** Today's local date: part of the plan's stable identifier and of the download's file name. */
  asOf: string;
}

/** The interventional options and the confirmed write-back of a draft care plan. */
export function ReviewPanel({ derivation, session, asOf }: Props) {
  const services = useServices();
  const writeBack = services.useWriteBack(session);
  const [ticked, setTicked] = useState<ReadonlySet<InterventionId>>(new Set());
  const [overrideReasons, setOverrideReasons] = useState<Partial<Record<InterventionId, string>>>({});
  const [note, setNote] = useState('');

  const selection: SelectionState = { ticked, overrideReasons };
  const chosen = useMemo(
    () => chosenOptions(derivation.suggestions, { ticked, overrideReasons }),
    [derivation.suggestions, ticked, overrideReasons],
  );
  // Only the reasons of options actually chosen go into the plan.
  const chosenReasons = useMemo(() => chosenOverrideReasons(chosen, { ticked, overrideReasons }), [chosen, ticked, overrideReasons]);

  const { draft, problem } = useMemo((): { draft: DraftView | null; problem?: string } => {
    if (chosen.length === 0) return { draft: null };
    try {
      return {
        draft: services.buildDraft({ derivation, chosen, note: note.trim(), overrideReasons: chosenReasons, session, date: asOf }),
      };
    } catch {
      // The builder's message may quote record content; the clinician gets a plain explanation instead.
      return { draft: null, problem: 'The draft could not be prepared from this selection. Please report this; nothing was written.' };
    }
  }, [services, derivation, chosen, chosenReasons, note, session, asOf]);

  const locked = writeBack.state === 'writing' || writeBack.state === 'done';
  const groups = groupByStatus(derivation.suggestions);
  const urgent = derivation.suggestions.some((s) => s.urgent && (s.status === 'suggested' || s.status === 'consider'));

  function tick(id: InterventionId, on: boolean) {
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">Interventional options and draft care plan</h2>
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

      <div className="review__note">
        <label htmlFor="review-note">Note for the care plan (optional)</label>
        <textarea id="review-note" rows={3} value={note} disabled={locked} onChange={(event) => setNote(event.target.value)} />
      </div>

      <WritePanel draft={draft} draftProblem={problem} writeBack={writeBack} date={asOf} />
    </section>
  );
}
