/** Interventional suggestions: the catalog (data) and its generic evaluator. Pure. */
export { evaluateSuggestions, SUGGESTION_RULES, type DerivedRecord } from './evaluate';
export { CATALOG } from './catalog';
export { describeOption } from './describe';
