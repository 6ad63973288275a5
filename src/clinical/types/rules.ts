/** Rules and their sources: every conclusion names the rule it applied; findings name the resources behind them. */
import type { ReferenceId } from '../references/registry';

/**
 * Verification tag: V = read in a primary source, S = secondary source,
 * U = unverified (shown as such in the app), derived = arithmetic on verified numbers.
 */
export type Verification = 'V' | 'S' | 'U' | 'derived';

/** A rule or table row a clinician can read beside its reference. */
export interface RuleRef {
  /** Stable id, e.g. "adequacy.min-duration-weeks". */
  id: string;
  /** The rule in one plain sentence. */
  summary: string;
  /**
   * Where in its sources the rule is found, in words ("row \"oral,olanzapine\"", "Table 3"), or why it is a working
   * rule. Shown beside the short names of `references`; never names a file outside the project.
   */
  source: string;
  /**
   * The primary sources, as ids of the reference registry (src/clinical/references/registry.ts, docs/sources.md),
   * so a user can open each. Empty or absent only for a working rule without one, which is then tagged 'U'.
   */
  references?: readonly ReferenceId[];
  verification: Verification;
}

/**
 * What an option's finding is, so that each rendering can choose it without reading its words: the option's own
 * criterion (the rule it fits), a line that explains its place in the order (shown on screen, never written into the
 * chart), what the option waits on (a running trial to judge first: it leads the option's reasons), a caution, a
 * high-risk caution, a contraindication, or the history of it (a course given before: written as such, never as a reason).
 */
export type FindingKind = 'criterion' | 'ranking' | 'gate' | 'caution' | 'high-risk' | 'contraindication' | 'history';

/** A statement backed by resources from the record ("PHQ-9 item 9 = 2 on 2026-10-01"). */
export interface Finding {
  text: string;
  /** Resource references ("Observation/abc") behind the statement; empty only for absence-based statements. */
  sources: string[];
  /**
   * An entry criterion every patient the option is for meets (its diagnosis recorded, the age within its limits): shown
   * with the criteria on screen, left out of the reasons written into the chart, where it says nothing.
   */
  entryCriterion?: true;
  /**
   * How the finding is written into a plan that proposes `option` too (`together`) or does not (`apart`): one
   * instruction for the plan actually chosen, where the screen, before the choice, gives both.
   */
  writtenWith?: { option: string; together: string; apart: string };
  /**
   * An option's reason that a summary note says beside the option's name, as the plan does: what the option acts on
   * (the trials to optimise, at what dose and for how long) or an earlier course of it that helped.
   */
  inSummaryNote?: true;
}

/** An option's reason, caution or contraindication: a finding with its kind, set where it is made. */
export interface OptionFinding extends Finding {
  /** Absent on a plain statement of the record. */
  kind?: FindingKind;
  /** A caution that is a baseline check before the option starts: listed first, under "Before starting". */
  beforeStarting?: true;
}
