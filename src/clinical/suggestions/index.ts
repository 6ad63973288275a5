/** Interventional suggestions: the catalog (data) and its generic evaluator. Pure. */
export { evaluateSuggestions } from './evaluate';
export type { DerivedRecord } from './context';
export { SUGGESTION_RULES } from './rule-list';
export { CATALOG } from './catalog';
export { describeOption } from './describe';
