/**
 * What a recorded stop reason (a medication record's statusReason or note) says: an adverse effect, a lack of effect,
 * both, or neither (not classified: tolerability unknown). Free-text matching, so every row is a working rule [U]: a
 * clinician reads the reason itself, which is always shown as written.
 */
import type { RuleRef, StopReasonKind } from '../types';
import { rule } from './sources';

/** An adverse effect named in a stop reason, with the label that lists it for the agents that cause it. */
export interface NamedAdverseEffect {
  /** The effect in plain words, as said beside the reason ("hyperprolactinaemia"). */
  name: string;
  pattern: RegExp;
  rule: RuleRef;
}

const LABEL_LISTED = (labels: string) =>
  `named among the adverse reactions or warnings of ${labels}; matching it in free text is a working rule`;

const effect = (name: string, pattern: RegExp, labels: string, references: Parameters<typeof rule>[4]): NamedAdverseEffect => ({
  name,
  pattern,
  rule: rule(
    `stop-reason.adverse.${name.replace(/\W+/g, '-')}`,
    `A stop reason naming ${name} means the agent was stopped for an adverse effect: a tolerability problem, never a dose to raise.`,
    LABEL_LISTED(labels),
    'U',
    [...(references ?? []), 'projectWorkingRule'],
  ),
});

/** Named adverse effects of psychotropics, in the order they are said when a reason names several. */
const NAMED_ADVERSE_EFFECTS: readonly NamedAdverseEffect[] = [
  effect('hyperprolactinaemia', /hyperprolact|prolactin|galactorrh|gynaecomastia|gynecomastia|amenorrh/i, 'the risperidone label', ['risperidoneLabel']),
  effect('sedation', /sedat|somnolen|drowsi/i, 'the Seroquel and mirtazapine labels', ['seroquelLabel', 'mirtazapineLabel']),
  effect('weight gain', /weight gain|gained weight|metabolic/i, 'the olanzapine and Seroquel labels', ['olanzapineLabel', 'seroquelLabel']),
  effect('akathisia', /akathisia/i, 'the aripiprazole label', ['aripiprazoleLabel']),
  effect('extrapyramidal symptoms', /extrapyramidal|\bEPS\b|parkinsonism|dystonia|tardive|rigidity/i, 'the risperidone label', ['risperidoneLabel']),
  effect('sexual dysfunction', /sexual|libido|erectile|anorgasmia/i, 'the sertraline and paroxetine labels', ['sertralineLabel', 'paroxetineLabel']),
  effect('nausea', /nausea|vomit/i, 'the sertraline and paroxetine labels', ['sertralineLabel', 'paroxetineLabel']),
  effect('QT prolongation', /\bQTc?\b|torsade/i, 'the citalopram label', ['citalopramLabel']),
  effect('hyponatraemia', /hyponatr/i, 'the sertraline label', ['sertralineLabel']),
  effect('neutropenia', /neutropeni|agranulocyt/i, 'the clozapine label', ['clozapineLabel']),
  effect('rash', /\brash\b|stevens|steven-johnson/i, 'the Lamictal label', ['lamictalLabel']),
  effect('serotonin syndrome', /serotonin syndrome/i, 'the sertraline label', ['sertralineLabel']),
];

/** A safety event a stop reason names: said first beside the reason, whatever it says of effect or tolerability. */
export interface SafetyStopEvent {
  /** The event in words ("an intentional overdose"): what the trial's stop reason records. */
  name: string;
  /** How the stop is said beside the reason, after "stopped" ("after an intentional overdose", "because of pregnancy"). */
  said: string;
  /** The event in the fewest words that still say it, after "stopped:" where room is short (a timeline bar's end). */
  short: string;
  pattern: RegExp;
  rule: RuleRef;
}

/** Safety events named in stop reasons, in the order they are said. */
const SAFETY_STOP_EVENTS: readonly SafetyStopEvent[] = [
  {
    name: 'an intentional overdose',
    said: 'after an intentional overdose',
    short: 'intentional overdose',
    pattern: /\b(intentional|deliberate|suicidal)\s+(over-?dose|self-poisoning)|\bover-?dos(e|ed)\b[^.;]{0,40}\b(intentional|deliberate|on purpose|suicid)/i,
    rule: rule(
      'stop-reason.safety.intentional-overdose',
      'A stop reason naming an intentional overdose ("stopped after an intentional overdose") is classed as such, a safety event said before what the reason says of effect or tolerability: never filed as lack of effect alone.',
      'An intentional overdose is self-injurious or suicidal behaviour (C-SSRS, Posner 2011); matching it in free text is a working rule',
      'U',
      ['posner2011', 'projectWorkingRule'],
    ),
  },
  {
    name: 'a suicide attempt',
    said: 'after a suicide attempt',
    short: 'suicide attempt',
    pattern: /\bsuicide attempt|\battempted suicide/i,
    rule: rule(
      'stop-reason.safety.suicide-attempt',
      'A stop reason naming a suicide attempt is classed as such, a safety event said before what the reason says of effect or tolerability.',
      'A suicide attempt is suicidal behaviour (C-SSRS, Posner 2011); matching it in free text is a working rule',
      'U',
      ['posner2011', 'projectWorkingRule'],
    ),
  },
  {
    name: 'pregnancy',
    said: 'because of pregnancy',
    short: 'pregnancy',
    // "not pregnant" and "non-pregnant" say the opposite.
    pattern: /(?<!\bnot\s)(?<!\bnon-?)\bpregnan/i,
    rule: rule(
      'stop-reason.safety.pregnancy',
      'A stop reason naming pregnancy ("stopped on learning she was pregnant") is classed as a stop because of pregnancy, a safety item said first: in itself neither a lack of effect nor an adverse effect.',
      'Pregnancy changes which treatments are offered (the Spravato label does not recommend esketamine in pregnancy); matching it in free text is a working rule',
      'U',
      ['spravatoLabel', 'projectWorkingRule'],
    ),
  },
];

/** The safety stop events by name: a trial's stop reason records the name, and its words are that row's. */
const SAFETY_STOP_EVENT_BY_NAME: ReadonlyMap<string, SafetyStopEvent> = new Map(SAFETY_STOP_EVENTS.map((e) => [e.name, e]));

/** How a stop for a named safety event is said after "stopped" ("because of pregnancy"). */
export function saidOfStopEvent(name: string): string {
  return SAFETY_STOP_EVENT_BY_NAME.get(name)?.said ?? `after ${name}`;
}

/** A safety stop event in its fewest words ("pregnancy", "intentional overdose"). */
export function shortOfStopEvent(name: string): string {
  return SAFETY_STOP_EVENT_BY_NAME.get(name)?.short ?? name;
}

/** Words that mean an adverse effect without naming one ("side effects", "not tolerated"). */
const ADVERSE_WORDS =
  /adverse|side[- ]?effect|intoleran|not tolerated|poorly tolerated|toxicity|allerg|reaction|tremor|headache|insomnia|dizziness/i;
/**
 * The ineffective-words table: phrasings that mean the agent was stopped for lack of effect, each with an example as
 * records write it. A response too small to go on with ("little effect", "insufficient response", "partial response")
 * is a lack of effect here: the agent was stopped for it.
 */
const INEFFECTIVE_PHRASES: readonly { pattern: RegExp; example: string }[] = [
  { pattern: /\b(ineffective|not effective|therapeutic failure|treatment failure)\b/i, example: 'Augmentation ineffective' },
  { pattern: /\bno (effect|response|improvement|benefit)\b|\bnon-?respon/i, example: 'No response after 12 weeks at 20 mg' },
  { pattern: /\bno (meaningful|significant|clinical(ly)?( significant)?|clear|real|appreciable) (effect|response|improvement|benefit|change)\b/i, example: 'No meaningful response after 14 weeks' },
  { pattern: /\black of (efficacy|effect|response|improvement|benefit)\b/i, example: 'Lack of efficacy' },
  {
    pattern: /\b(little|minimal|limited|insufficient|inadequate|partial|poor|suboptimal|sub-optimal) (effect|efficacy|response|improvement|benefit|change)\b/i,
    example: 'Little effect after 8 weeks; Insufficient response',
  },
  { pattern: /\b(did not|didn't|does not|doesn't) (help|work)\b|\bnot (working|helping|helpful)\b/i, example: 'Patient stopped after 3 weeks: "not working"' },
  { pattern: /\bpersistent (symptoms|hallucinations|delusions|obsessions|compulsions|depression|psychosis)\b/i, example: 'Persistent symptoms at maximum dose' },
];

export const STOP_REASON_RULES: readonly RuleRef[] = [
  rule(
    'stop-reason.adverse',
    'A stop reason saying the agent was not tolerated or caused an adverse effect ("side effects", "adverse reaction") means it was stopped for an adverse effect.',
    'Free-text matching of the reason: working rule',
    'U',
  ),
  rule(
    'stop-reason.ineffective',
    'A stop reason saying the agent did not work or did too little ("no response", "no improvement", "ineffective", "little effect", "insufficient response", "no meaningful response", "persistent symptoms") means it was stopped for lack of effect.',
    'Free-text matching of the reason: working rule',
    'U',
  ),
  rule(
    'stop-reason.unclassified',
    'A stop reason that names neither an adverse effect nor a lack of effect is shown as written and leaves tolerability unknown: never read as tolerated.',
    'Nothing recorded is dropped; an unread reason is not evidence of tolerance: working rule',
    'U',
  ),
  ...NAMED_ADVERSE_EFFECTS.map((e) => e.rule),
  ...SAFETY_STOP_EVENTS.map((e) => e.rule),
];

/**
 * One pattern that matches where any of the rows' patterns matches (their alternation; every row's pattern has the
 * same flag, i): most reasons name no safety event and no adverse effect, and are then read once, not once per row.
 */
function anyOf(rows: readonly { pattern: RegExp }[]): RegExp {
  return new RegExp(rows.map((r) => `(?:${r.pattern.source})`).join('|'), 'i');
}
const ANY_SAFETY_STOP_EVENT = anyOf(SAFETY_STOP_EVENTS);
const ANY_NAMED_ADVERSE_EFFECT = anyOf(NAMED_ADVERSE_EFFECTS);

/** What a stop reason's text says: its kind and the named adverse effects it mentions. */
export function classifyStopReason(text: string): { kind: StopReasonKind; effects: string[]; safetyEvents?: string[] } {
  const safetyEvents = ANY_SAFETY_STOP_EVENT.test(text) ? SAFETY_STOP_EVENTS.filter((e) => e.pattern.test(text)).map((e) => e.name) : [];
  const effects = ANY_NAMED_ADVERSE_EFFECT.test(text) ? NAMED_ADVERSE_EFFECTS.filter((e) => e.pattern.test(text)).map((e) => e.name) : [];
  const adverse = effects.length > 0 || ADVERSE_WORDS.test(text);
  const ineffective = INEFFECTIVE_PHRASES.some((p) => p.pattern.test(text));
  const kind: StopReasonKind = adverse && ineffective ? 'mixed' : adverse ? 'adverse' : ineffective ? 'ineffective' : 'unclassified';
  return safetyEvents.length ? { kind, effects, safetyEvents } : { kind, effects };
}
