/**
 * The minimum duration of an adequate trial, one constant per rule set: each rule set has its own source, and changing
 * one must not move the others. Every rule text and reason that states a duration is built from these constants.
 * (A module of its own, with no imports, so that the scale table can state TRRIP's duration without pulling the
 * engine's rules into the app's first script.)
 */

/** Antidepressant trial at adequate dose: MGH-S counts trials of >= 6 weeks; consensus 4-6 weeks; ATRQ's own is unverified. */
export const MIN_ANTIDEPRESSANT_TRIAL_WEEKS = 6;
/**
 * MGH-S "optimisation of duration" (+0.5 per trial, Fava 2003, which names the item without a threshold): a failed
 * trial held at its adequate dose for at least 12 weeks, twice the adequate trial's 6 (working rule). Its own figure,
 * so that changing the adequate trial's minimum does not move it unseen.
 */
export const MGHS_DURATION_OPTIMISATION_WEEKS = 12;
/** Antipsychotic trial at TRRIP's adequate dose (Howes 2017: >= 6 weeks). */
export const MIN_ANTIPSYCHOTIC_TRIAL_WEEKS = 6;
/** Augmentation of an antidepressant at its adequate dose: as long as the antidepressant trial it augments (working rule). */
export const MIN_AUGMENTATION_TRIAL_WEEKS = 6;
/** OCD: an SRI trial lasts >= 12 weeks in all (NICE CG31; APA 2007: 8-12 weeks) ... */
export const MIN_ADEQUATE_OCD_TRIAL_WEEKS = 12;
/** ... with >= 6 of them at the OCD target dose (APA 2007: 4-6 weeks at the maximal tolerated dose). */
export const MIN_OCD_WEEKS_AT_DOSE = 6;
