/**
 * Suggestions: each option of the catalog with its status and the reasons, cautions and contraindications behind it.
 */
import type { InterventionId } from '../suggestions/catalog';
import type { Finding, OptionFinding } from './rules';

/** The options are the rows of the suggestion catalog; their ids are derived from it. */
export type { InterventionId };

/**
 * not-applicable: the option is for conditions this patient does not have (listed apart from not-eligible, which is
 * for the patient's own conditions when the record does not meet the option's criteria).
 */
export type SuggestionStatus = 'suggested' | 'consider' | 'contraindicated' | 'not-eligible' | 'not-applicable';

export interface Suggestion {
  intervention: InterventionId;
  /** Display name ("Repetitive transcranial magnetic stimulation (rTMS)"); after a completed course, the format proposed instead. */
  name: string;
  /**
   * What is proposed, and its usual course, when it differs from the option's own description (intensified ERP after a
   * completed course of ERP); absent otherwise, the catalog's description applying.
   */
  summary?: string;
  usualCourse?: string;
  status: SuggestionStatus;
  urgent: boolean;
  /**
   * The priority its referral starts at (the clinician may change it): urgent when the option is urgent, or when the
   * record shows recent suicidal ideation or behaviour or a high-risk C-SSRS (the urgency rule's suicidality signal)
   * and the option is offered; else routine. An option the record rules out (contraindicated, not eligible) starts
   * routine whatever the signal: proposing it is the clinician's override, and so is its priority.
   */
  referralPriority: 'urgent' | 'routine';
  /** The record's findings behind an urgent referral priority (the option's urgency, else the suicidality signal); empty when routine. */
  priorityReasons: Finding[];
  /** Why an option starts routine although the record shows acute suicide risk (ruled out, or not answering that risk); absent otherwise. */
  priorityNote?: Finding;
  /** Why this status, each naming the trials, conditions or scores behind it. */
  reasons: OptionFinding[];
  cautions: OptionFinding[];
  contraindications: OptionFinding[];
  /**
   * A step the option waits on, in a few words said beside its status wherever it is listed ("after re-measuring"), with
   * the records behind it; absent when it waits on nothing.
   */
  startsAfter?: Finding & {
    /** The option holds only if trials not yet judged are judged failures ("only if fluoxetine is judged a failure"). */
    confirm?: true;
  };
  /**
   * The agent taken now that the option replaces, and how ("switch from haloperidol by cross-titration"), with the
   * records of that agent: the headline says it after the option's name. Absent when nothing taken now is replaced.
   */
  switchFrom?: Finding;
  /** Lower first; pseudo-resistance steps come before interventional options when most failures are inadequate. */
  order: number;
  /**
   * The ids of the rules behind this option's status, reasons and place (its eligibility path, the risk rows found, an
   * age limit, a gate, a ranking line), each a row of the rules list; absent when none applied (not applicable).
   */
  rules?: string[];
}

/**
 * The headline ("Next step"), chosen by the engine: option, the first offered option leads (always so when one is
 * urgent); complete-trial, a trial is still running and treatment resistance is not met, so completing it comes first
 * (interventional options are then "eligible if the <agent> trial fails"); re-measure, the leading referral rests on a score too
 * old to refer on, so the scale is repeated first; none-indicated, only options to consider remain,
 * none of them indicated; nothing, no option is offered.
 */
export interface NextStep {
  kind: 'option' | 'complete-trial' | 're-measure' | 'none-indicated' | 'nothing';
  /** The leading option, for kind 'option'. */
  intervention?: InterventionId;
  /** The headline in words for complete-trial, re-measure and none-indicated; empty otherwise (the option's name says it). */
  text: string;
  sources: string[];
}
