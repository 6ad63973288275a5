/**
 * Every rule the suggestions apply, for the app's "about the rules" panel.
 */
import type {
  RuleRef
} from '../types';
import {
  ADHERENCE_UNCERTAIN_CAUTION, CATALOG, REMEASURE_BEFORE_REFERRAL, SUBSTANCE_TREATMENTS, WINDOW_SOURCES, type SourceRef
} from './catalog';
import { sourceWords } from './context';
import { capitalise } from '../vocabulary';
import { COMPLETE_TRIAL_RULE, RESOLVED_EPISODE_RULE, RUNNING_TRIAL_ONCE_RESISTANT_RULES, PSEUDO_RESISTANCE_RULE, URGENCY_RULE } from './evaluate';
import { ADHERENCE_UNCERTAIN_FIRST, CONSULTATION_RISK_ORDER, FIRST_LINE_ORDER, ORDERING_RULES, STEPS_BEFORE_DOSE_OPTIMISATION, SUBSTANTIAL_RISK_ORDER, TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS } from './order';
import { PREGNANCY_CURRENT_DAYS, RECENT_MI_DAYS, RECENT_STROKE_DAYS } from './catalog';

// ---------------------------------------------------------------------------------------------
// Rules panel
// ---------------------------------------------------------------------------------------------

function ruleRef(id: string, summary: string, source: SourceRef): RuleRef {
  return { id, summary, source: sourceWords(source), verification: source.verification, references: source.refs };
}

function ruleRefs(): RuleRef[] {
  const rules = new Map<string, RuleRef>();
  const put = (rule: RuleRef) => rules.set(rule.id, rule);
  for (const option of CATALOG) {
    for (const path of option.eligibility) {
      put(ruleRef(path.rule.id, path.rule.summary, path.rule.source));
      if (path.establishedFailures) put(ruleRef(path.establishedFailures.id, `${capitalise(path.establishedFailures.summary)}: a trial not yet judged does not make it to consider.`, path.establishedFailures.source));
    }
    for (const row of option.risks) put(ruleRef(row.id, `${option.name}: ${row.severity} — ${row.text}.`, row.source));
    option.ageLimits.forEach((limit, i) => put(ruleRef(`${option.id}.age.${i + 1}`, `${option.name}: age limit — ${limit.text}.`, limit.source)));
    if (option.priorResponse) put(ruleRef(`${option.id}.prior-response`, `${option.name}: an earlier response to it is a reason in favour.`, option.priorResponse.source));
    if (option.afterGiven) put(ruleRef(`${option.id}.after-given`, `${option.name}: after a completed course, ${'text' in option.afterGiven ? option.afterGiven.text : option.afterGiven.kind} is to consider.`, option.afterGiven.source));
  }
  for (const row of SUBSTANCE_TREATMENTS) put(ruleRef(row.id, `Substance-use assessment and treatment names, for ${row.words}.`, row.source));
  put(ruleRef('window.pregnancy', `A pregnancy code is current for ${PREGNANCY_CURRENT_DAYS / 7} weeks from its onset.`, WINDOW_SOURCES.pregnancy));
  put(ruleRef('window.recent-mi', `A myocardial infarction is recent for ${RECENT_MI_DAYS} days; older ones are history.`, WINDOW_SOURCES.mi));
  put(ruleRef('window.recent-stroke', `A stroke is recent for ${RECENT_STROKE_DAYS} days (about 9 months); older ones are history.`, WINDOW_SOURCES.stroke));
  for (const rule of ORDERING_RULES) put(ruleRef(rule.id, rule.summary, rule.source));
  for (const rule of FIRST_LINE_ORDER) put(ruleRef(rule.id, rule.summary, rule.source));
  put(ruleRef(STEPS_BEFORE_DOSE_OPTIMISATION.id, STEPS_BEFORE_DOSE_OPTIMISATION.summary, STEPS_BEFORE_DOSE_OPTIMISATION.source));
  put(ruleRef(SUBSTANTIAL_RISK_ORDER.id, SUBSTANTIAL_RISK_ORDER.summary, SUBSTANTIAL_RISK_ORDER.source));
  for (const rule of CONSULTATION_RISK_ORDER) put(ruleRef(rule.id, rule.summary, rule.source));
  put(ruleRef(TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.id, TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.summary, TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.source));
  put(PSEUDO_RESISTANCE_RULE);
  put(ruleRef(ADHERENCE_UNCERTAIN_FIRST.id, ADHERENCE_UNCERTAIN_FIRST.summary, ADHERENCE_UNCERTAIN_FIRST.source));
  put(ruleRef(ADHERENCE_UNCERTAIN_CAUTION.id, ADHERENCE_UNCERTAIN_CAUTION.summary, ADHERENCE_UNCERTAIN_CAUTION.source));
  put(COMPLETE_TRIAL_RULE);
  put(RESOLVED_EPISODE_RULE);
  for (const rule of RUNNING_TRIAL_ONCE_RESISTANT_RULES) put(rule);
  put(ruleRef(REMEASURE_BEFORE_REFERRAL.id, REMEASURE_BEFORE_REFERRAL.summary, REMEASURE_BEFORE_REFERRAL.source));
  put(URGENCY_RULE);
  return [...rules.values()];
}

/** Every rule the suggestions apply, for the app's "about the rules" panel. */
export const SUGGESTION_RULES: RuleRef[] = ruleRefs();
