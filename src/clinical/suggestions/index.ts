/** Interventional suggestions: the catalog (data) and its generic evaluator. Pure. */
export { evaluateSuggestions, type DerivedRecord } from './evaluate';
export { CATALOG, catalogOption, REFERRAL_TO_PSYCHIATRY, type CatalogOption } from './catalog';
export { describeOption, type OptionDescription } from './describe';
export { SUGGESTION_RULES } from './rule-list';
