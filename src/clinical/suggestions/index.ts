/** Interventional suggestions: the catalog (data) and its generic evaluator. Pure. */
export { evaluateSuggestions } from './evaluate';
export type { DerivedRecord } from './context';
export { CATALOG, catalogOption, REFERRAL_TO_PSYCHIATRY, type CatalogOption } from './catalog';
export { describeOption, type OptionDescription } from './describe';
export { SUGGESTION_RULES } from './rule-list';
