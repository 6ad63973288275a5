/**
 * The review screen's selection rules, pure so they are tested directly.
 *
 * Decision (documented in docs/notes/shell.md): options the engine marks `contraindicated` or `not-eligible` can
 * still be proposed, because the clinician may know what the record does not, but only with a written reason. That
 * reason goes into the plan (the draft builder puts it beside the option), so whoever reads the draft CarePlan sees
 * why the rule was overridden.
 */
import type { InterventionId, Suggestion, SuggestionStatus } from '../../clinical/types';

const STATUS_ORDER: SuggestionStatus[] = ['suggested', 'consider', 'contraindicated', 'not-eligible', 'not-applicable'];

export const STATUS_HEADINGS: Record<SuggestionStatus, string> = {
  suggested: 'Suggested',
  consider: 'Consider',
  contraindicated: 'Contraindicated',
  'not-eligible': 'Not eligible on the current record',
  'not-applicable': 'Not applicable: for conditions not recorded',
};

export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  suggested: 'Suggested',
  consider: 'Consider',
  contraindicated: 'Contraindicated',
  'not-eligible': 'Not eligible',
  'not-applicable': 'Not applicable',
};

export function needsOverrideReason(status: SuggestionStatus): boolean {
  return status === 'contraindicated' || status === 'not-eligible' || status === 'not-applicable';
}

export interface SuggestionGroup {
  status: SuggestionStatus;
  suggestions: Suggestion[];
}

/** Groups in clinical order (suggested first), each sorted by the engine's `order`; empty groups left out. */
export function groupByStatus(suggestions: Suggestion[]): SuggestionGroup[] {
  return STATUS_ORDER.map((status) => ({
    status,
    suggestions: suggestions.filter((s) => s.status === status).sort((a, b) => a.order - b.order),
  })).filter((group) => group.suggestions.length > 0);
}

export interface SelectionState {
  ticked: ReadonlySet<InterventionId>;
  /** Reasons written for proposing a contraindicated or not-eligible option. */
  overrideReasons: Readonly<Partial<Record<InterventionId, string>>>;
}

/** May this option be ticked now? Contraindicated / not-eligible ones only with a written reason. */
export function canTick(suggestion: Suggestion, selection: SelectionState): boolean {
  return !needsOverrideReason(suggestion.status) || (selection.overrideReasons[suggestion.intervention] ?? '').trim() !== '';
}

/** The options that will be proposed: ticked and (where required) justified, in the engine's order. */
export function chosenOptions(suggestions: Suggestion[], selection: SelectionState): Suggestion[] {
  return suggestions
    .filter((s) => selection.ticked.has(s.intervention) && canTick(s, selection))
    .sort((a, b) => a.order - b.order);
}

/** The written reasons of the chosen options that need one (trimmed), keyed by option. */
export function chosenOverrideReasons(chosen: Suggestion[], selection: SelectionState): Partial<Record<InterventionId, string>> {
  const reasons: Partial<Record<InterventionId, string>> = {};
  for (const suggestion of chosen) {
    if (needsOverrideReason(suggestion.status))
      reasons[suggestion.intervention] = (selection.overrideReasons[suggestion.intervention] ?? '').trim();
  }
  return reasons;
}
