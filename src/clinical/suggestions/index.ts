/** Interventional suggestions: the catalog (data) and its generic evaluator. Pure. */
export { evaluateSuggestions, SUGGESTION_RULES, type DerivedRecord } from './evaluate';
export { CATALOG, catalogOption, REFERRAL_TO_PSYCHIATRY, type CatalogOption } from './catalog';
export { describeOption, type OptionDescription } from './describe';
