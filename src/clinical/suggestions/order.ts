/**
 * The order the options are shown in: urgent first, then by status; within a status, the pseudo-resistance steps lead
 * when most failures were inadequate (interventional options are also lowered to "consider" then), otherwise the
 * interventional options lead; the catalog's own order last.
 */
import type { Suggestion, SuggestionStatus } from '../types';
import type { CatalogOption } from './catalog';

export interface Evaluated {
  suggestion: Suggestion;
  group: CatalogOption['group'];
  index: number;
}

const STATUS_RANK: Record<SuggestionStatus, number> = { suggested: 0, consider: 1, contraindicated: 2, 'not-eligible': 3, 'not-applicable': 4 };

/** Ranks the evaluated options and numbers each suggestion by its place (`order`). */
export function orderSuggestions(evaluated: Evaluated[], pseudoResistanceFirst: boolean): Suggestion[] {
  const groupRank = (e: Evaluated): number => ((e.group === 'pseudo-resistance') === pseudoResistanceFirst ? 0 : 1);
  evaluated.sort(
    (a, b) =>
      Number(b.suggestion.urgent) - Number(a.suggestion.urgent) ||
      STATUS_RANK[a.suggestion.status] - STATUS_RANK[b.suggestion.status] ||
      groupRank(a) - groupRank(b) ||
      a.index - b.index,
  );
  // The suggestions were made for this patient just before: numbering them in place copies nothing (a rest-and-spread
  // copy of every suggestion was a tenth of population mode's time).
  return evaluated.map(({ suggestion }, order) => {
    suggestion.order = order;
    return suggestion;
  });
}
