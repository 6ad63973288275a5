/**
 * What the review screen can show about an option beside its evaluation: what it is, the usual course, its
 * regulatory status and its references, as plain text with verification tags (UNVERIFIED spelled out).
 */
import type { OptionFinding, InterventionId, Suggestion } from '../types';
import { catalogOption } from './catalog';
import { plainText, writtenText } from '../plain-text';
import { cite } from './context';
import { notOfferedReason, RISK_PREFIXES } from './risks';
import { BEFORE_STARTING } from '../vocabulary';

export interface OptionDescription {
  name: string;
  summary: string;
  usualCourse: string;
  /** "FDA-cleared device: ... (dates) — citation [tag]". */
  regulatory: string;
  references: string[];
  /** True when the option is written as a referral (ServiceRequest) on confirmation. */
  referral: boolean;
}

const REGULATORY_WORDS = {
  'fda-cleared-device': 'FDA-cleared device',
  'fda-approved-drug': 'FDA-approved drug',
  'fda-approved-device': 'FDA-approved device',
  'off-label': 'Off-label',
  investigational: 'Investigational',
  'not-a-product': 'Not a regulated product',
} as const;

export function describeOption(id: InterventionId): OptionDescription {
  const option = catalogOption(id);
  const { regulatory } = option;
  const dates = regulatory.dates.length ? ` (${regulatory.dates.join('; ')})` : '';
  return {
    name: option.name,
    summary: option.summary,
    usualCourse: option.usualCourse,
    regulatory: `${REGULATORY_WORDS[regulatory.kind]}: ${regulatory.text}${dates} — ${cite(regulatory.source)}`,
    references: option.references.map(cite),
    referral: option.referral,
  };
}

/** A finding's line under a label, unless its text already opens with its own weight ("Note: ", "Not offered: "): one prefix, never two. */
function labelled(label: string, text: string): string {
  return RISK_PREFIXES.some((prefix) => text.startsWith(prefix)) ? text : `${label}: ${text}`;
}

/**
 * A caution as one line of plain text for a note or letter: "Caution: …", or "Note: …" / "High risk: …" as the rule
 * weighs it; a baseline check the engine groups before starting says so ("Before starting: …"), as the card heads it.
 */
export function cautionLine(text: string, beforeStarting = false): string {
  return labelled(beforeStarting ? BEFORE_STARTING : 'Caution', text);
}

/** A contraindication as one line of plain text: "Contraindication: …", or "Not offered: …" as the rule says. */
export function contraindicationLine(text: string): string {
  return labelled('Contraindication', text);
}

/**
 * The reasons to show beside the contraindications: a contraindicated option's first reason repeats every
 * contraindication under "Not offered: ", and a card or note that lists the contraindications says it once.
 */
export function reasonsBesideContraindications(suggestion: Pick<Suggestion, 'reasons' | 'contraindications'>): OptionFinding[] {
  if (suggestion.contraindications.length === 0) return suggestion.reasons;
  const repeated = notOfferedReason(suggestion.contraindications).text;
  return suggestion.reasons.filter((reason) => reason.text !== repeated);
}

/** What a contraindication is about, as its finding opens ("Pregnancy: esketamine is …" gives "pregnancy"). */
function contraindicationSubject(text: string): string {
  const bare = text.replace(/^Not offered: /, '');
  const subject = bare.slice(0, Math.max(0, bare.indexOf(': '))).trim();
  // Keep an acronym's capitals ("MAOI"); lower an ordinary first word ("Pregnancy").
  return subject && !/^[A-Z]{2}/.test(subject) ? subject[0]!.toLowerCase() + subject.slice(1) : subject;
}

/**
 * An option the clinician proposes although the record rules it out, as every rendering says it: first the override
 * with the written reason (once), then each contraindication it overrides, never as "Not offered", which would
 * contradict the proposal beside it.
 */
export function overrideLines(suggestion: Pick<Suggestion, 'status' | 'contraindications'>, reason: string): string[] {
  const subjects = [...new Set(suggestion.contraindications.map((c) => contraindicationSubject(plainText(c.text))).filter((x) => x))];
  const against =
    suggestion.contraindications.length === 0
      ? `against the record (${suggestion.status.replace('-', ' ')})`
      : subjects.length
        ? `against the ${subjects.join(' and ')} contraindication${subjects.length === 1 ? '' : 's'}`
        : `against the contraindication${suggestion.contraindications.length === 1 ? '' : 's'}`;
  return [
    `Proposed ${against}, reason given by the clinician: “${reason.trim()}”`,
    ...suggestion.contraindications.map((c) => `Contraindication overridden: ${writtenText(c.text).replace(/^Not offered: /, '')}`),
  ];
}

/** The option's monitoring and cautions (its label's requirements and the record's cautions, as its card lists them), one line each, as written. */
export function cautionLines(suggestion: Pick<Suggestion, 'cautions'>): string[] {
  return suggestion.cautions.map((c) => cautionLine(writtenText(c.text), c.beforeStarting === true));
}

/**
 * The reasons written into the chart for an option (plan, referral, letter): those beside its contraindications, less
 * the entry criteria every patient it is for meets (the diagnosis recorded, the age within its limits) and the lines
 * that explain its place in the order, which the card keeps on screen. Given the plan's chosen options, a reason that depends on another option is said for that plan.
 */
export function writtenReasons(suggestion: Pick<Suggestion, 'reasons' | 'contraindications'>, chosen?: readonly InterventionId[]): OptionFinding[] {
  const reasons = reasonsBesideContraindications(suggestion).filter((r) => !r.entryCriterion && r.kind !== 'ranking');
  // A plan's chosen options are known: a reason that depends on another option says the one instruction for this plan.
  if (!chosen) return reasons;
  return reasons.map((r) => (r.writtenWith ? { text: chosen.includes(r.writtenWith.option as InterventionId) ? r.writtenWith.together : r.writtenWith.apart, sources: r.sources } : r));
}

/** Whether the option's cautions mark a high-risk condition (a trial that usually excludes the patient, ECT beside an implant): a note that names it carries those cautions. */
export function hasHighRiskCaution(suggestion: Pick<Suggestion, 'cautions'>): boolean {
  return suggestion.cautions.some((c) => c.kind === 'high-risk');
}

/**
 * The reasons a summary note says under the option's name, taken from the reasons the plan writes: what the option
 * acts on and an earlier course of it that helped.
 */
export function summaryNoteReasons(suggestion: Pick<Suggestion, 'reasons' | 'contraindications'>): OptionFinding[] {
  return writtenReasons(suggestion).filter((r) => r.inSummaryNote);
}

/** The reasons that say how the option fits beside another offered one (lithium beside ECT): a note that names the option carries them. */
export function alongsideReasons(suggestion: Pick<Suggestion, 'reasons'>): OptionFinding[] {
  return suggestion.reasons.filter((r) => r.writtenWith);
}
