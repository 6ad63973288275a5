/**
 * The order the options are shown in: urgent first, then by status; within a status, a first-line option of an assessed
 * condition leads (FIRST_LINE_ORDER); then the pseudo-resistance steps lead
 * when most failures were inadequate (interventional options are also lowered to "consider" then), otherwise the
 * interventional options lead; then an option whose cautions mark a condition of substantial risk comes after those
 * without (SUBSTANTIAL_RISK_ORDER), unless its only such risk calls for consultation and the option ahead is one its
 * rule names (CONSULTATION_RISK_ORDER: ECT with a head implant before off-label IV ketamine); adherence support leads
 * its status when adherence is uncertain (ADHERENCE_UNCERTAIN_FIRST), after a first-line option; then the catalog's own order, except where an ordering rule (a table row, below)
 * puts one option before others for this patient's degree of resistance.
 */
import type { ConditionKey, Finding, Suggestion, SuggestionStatus } from '../types';
import { type CatalogOption, type InterventionId, type SourceRef, src, WORKING } from './catalog';
import { type Context, cite, trialsOf, unique } from './context';
import { andList } from '../vocabulary';

export interface Evaluated {
  suggestion: Suggestion;
  group: CatalogOption['group'];
  index: number;
  /** The conditions of substantial risk its cautions mark, in a few words each, with their resources. */
  substantialRisks: Finding[];
  /**
   * Its place in the catalog's order, counted in halves (twice its index) so that an ordering rule can put it between
   * two options with a whole number: just before the option at index i is 2i - 1, just after it 2i + 1.
   */
  place: number;
  /** The ids of the rules the option's evaluation and ranking applied (the rules panel lists them as used). */
  rules: string[];
}

/**
 * Among offered options of the same urgency, status and group, one whose cautions mark a condition of substantial
 * risk comes after those without: the headline is never such an option while an equally offered one carries none.
 */
export const SUBSTANTIAL_RISK_ORDER = {
  id: 'order.substantial-risk-after',
  summary:
    'Among offered options of the same urgency, status and group, an option whose cautions mark a condition of substantial risk (a high-risk caution, or one its source counts among the conditions of substantial risk, such as a past intracerebral haemorrhage for ECT) is shown after those without, and says so; it is never the headline while an equally offered option carries no such risk. This ranking comes before the ordering rules by degree of resistance.',
  because: 'an equally offered option without such a risk comes first',
  // The ranking is a working rule alone; each condition's own source is cited in the caution it names.
  source: WORKING('ranking an option with a condition of substantial risk after an equally offered one without it'),
} as const;

/**
 * The substantial-risk ranking puts an option after equally offered treatments without such a risk, never after a test
 * or a research referral: ECT beside a cochlear implant, given with the implant team, is still a standard treatment of
 * treatment-resistant depression, which a genotype panel or a trial referral does not stand in for. These options
 * rank with the options that carry a substantial risk, in catalog order, so they never pass one.
 */
export const TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS = {
  id: 'order.tests-and-research-not-before-treatments',
  options: ['pharmacogenomic-testing', 'psychedelic-trial'] as readonly InterventionId[],
  summary:
    'A test (pharmacogenomic testing) or a research referral (the psilocybin trial) is never shown before an equally offered treatment because that treatment carries a condition of substantial risk: the substantial-risk ranking passes it over, so ECT with a cochlear implant (with the implant team) stays ahead of them.',
  because: 'a test or a research referral never comes before a treatment for its risk',
  source: WORKING('a test or a research referral does not outrank a standard treatment that carries a condition of substantial risk'),
};

/**
 * An exception to the substantial-risk ranking: an option whose only conditions of substantial risk are `risks`
 * (conditions that call for other teams to be consulted first, not an unstable medical state) is shown before the
 * equally offered `over` options it would otherwise follow for that risk alone, and says so. It passes only those
 * options: where another option stands between, the order stays as the substantial-risk ranking leaves it.
 */
export interface ConsultationRiskRule {
  id: string;
  lead: InterventionId;
  /** The substantial-risk words (a risk row's `substantialRisk`) that, found alone, let the lead pass `over`. */
  risks: readonly string[];
  over: readonly InterventionId[];
  summary: string;
  /** Why, as the leading option's reason says it after the risks found. */
  because: string;
  source: SourceRef;
}

export const CONSULTATION_RISK_ORDER: readonly ConsultationRiskRule[] = [
  {
    id: 'order.ect-with-implant-before-off-label-ketamine',
    lead: 'ect',
    risks: ['implant in or near the head'],
    over: ['iv-ketamine'],
    summary:
      'ECT whose only condition of substantial risk is an implant in or near the head (planned with the implant team and the device maker) is shown before off-label IV ketamine when both are equally offered: the implant calls for consultation, not a lower rank, while IV ketamine is off-label with a consensus exclusion list not verified for this app, and ECT brings remission to about half of patients after failed pharmacotherapy.',
    because:
      'calls for the teams it names to be consulted first, and IV ketamine is off-label, its consensus exclusion list not verified for this app; ECT brings remission to about half of patients after failed pharmacotherapy',
    source: src(['heijnen2010', 'sanacora2017', 'projectWorkingRule'], 'U', 'ranking ECT whose only condition of substantial risk calls for consultation before off-label IV ketamine'),
  },
];

/** How a ranking reason names an option: short words a clinician uses. */
const SHORT_NAMES: Partial<Record<InterventionId, string>> = {
  tms: 'rTMS',
  'accelerated-tms': 'accelerated iTBS',
  'deep-tms': 'deep TMS',
  erp: 'ERP',
  'ocd-antipsychotic-augmentation': 'antipsychotic augmentation',
  ect: 'ECT',
  esketamine: 'esketamine',
  'iv-ketamine': 'IV ketamine',
  'psychedelic-trial': 'the psilocybin trial referral',
  'pharmacogenomic-testing': 'pharmacogenomic testing',
  'digital-therapy': 'digital CBT',
};
export const shortName = (s: Pick<Suggestion, 'intervention' | 'name'>): string => SHORT_NAMES[s.intervention] ?? s.name;

const STATUS_RANK: Record<SuggestionStatus, number> = { suggested: 0, consider: 1, contraindicated: 2, 'not-eligible': 3, 'not-applicable': 4 };

/** Failed adequate antidepressant trials in the current episode from which depression counts as highly resistant here. */
const HIGH_RESISTANCE_FAILED_TRIALS = 3;

/**
 * One ordering rule: when the condition's current episode has at least `minFailedAdequateTrials` failed adequate
 * trials, `lead` is shown before every option of `over` that has the same urgency and status (a rule never raises an
 * option above a more urgent or higher-status one, nor changes a status).
 */
export interface OrderingRule {
  id: string;
  condition: ConditionKey;
  minFailedAdequateTrials: number;
  lead: InterventionId;
  over: readonly InterventionId[];
  /** How the leading option's reason names the options it is ranked before. */
  overNames: Readonly<Partial<Record<InterventionId, string>>>;
  summary: string;
  /** Why, as the leading option's reason says it after the count. */
  because: string;
  source: SourceRef;
}

export const ORDERING_RULES: readonly OrderingRule[] = [
  {
    id: 'order.ect-before-rtms-at-high-resistance',
    condition: 'mdd',
    minFailedAdequateTrials: HIGH_RESISTANCE_FAILED_TRIALS,
    lead: 'ect',
    over: ['tms', 'accelerated-tms'],
    overNames: { tms: 'rTMS', 'accelerated-tms': 'accelerated iTBS' },
    summary: `In MDD with ${HIGH_RESISTANCE_FAILED_TRIALS} or more failed adequate antidepressant trials in the current episode, ECT is shown before rTMS and accelerated iTBS when they share a status: rTMS outcome falls as the number of failed adequate trials rises, while ECT still brings remission to about half of patients after failed pharmacotherapy. Below that count the catalog order stands (rTMS first).`,
    because:
      'rTMS outcome falls as failed adequate trials rise (fewer failures, better response in the pivotal trial), while ECT still brings remission to about half of patients after failed pharmacotherapy (48% vs 65% without)',
    source: src(
      ['lisanby2009', 'heijnen2010', 'projectWorkingRule'],
      'U',
      `predictors of rTMS outcome in the pivotal trial; ECT remission after pharmacotherapy failure, meta-analysis; the cut-off of ${HIGH_RESISTANCE_FAILED_TRIALS} failed trials is a working rule`,
    ),
  },
];

/**
 * An option that is the first-line treatment of a condition: while that condition is assessed, it is shown before every
 * other option of the same urgency and status, whatever their group (a rule never raises an option above a more urgent
 * or higher-status one, nor changes a status).
 */
export interface FirstLineRule {
  id: string;
  condition: ConditionKey;
  lead: InterventionId;
  summary: string;
  /** Why, as the leading option's reason says it. */
  because: string;
  source: SourceRef;
}

export const FIRST_LINE_ORDER: readonly FirstLineRule[] = [
  {
    id: 'order.trauma-focused-therapy-first-in-ptsd',
    condition: 'ptsd',
    lead: 'trauma-focused-therapy',
    summary:
      'In PTSD, trauma-focused psychotherapy (a different one after a course given) is shown before every other option of the same urgency and status, pharmacogenomic testing and digital CBT included: the guideline recommends individual trauma-focused psychotherapy as the first-line treatment.',
    because: 'in PTSD, trauma-focused psychotherapy is the first-line treatment',
    source: src(['vaDodPtsd2023', 'projectWorkingRule'], 'U', 'ranking trauma-focused psychotherapy before the other options to consider in PTSD'),
  },
  {
    id: 'order.erp-first-in-ocd',
    condition: 'ocd',
    lead: 'erp',
    summary:
      'In OCD, exposure and response prevention (intensified, alongside the SRI, after a completed course) is shown before every other option of the same urgency and status, deep TMS and antipsychotic augmentation included: the guidelines name ERP the first-line psychological treatment and add it to the SRI when the SRI has not been enough.',
    because: 'in OCD, ERP is the first-line psychological treatment, added to the SRI when the SRI has not been enough',
    source: src(['apaOcd2007', 'niceCg31', 'projectWorkingRule'], 'U', 'ranking ERP before the other options to consider in OCD'),
  },
];

/**
 * Within the pseudo-resistance steps, adherence support and integrated dual-diagnosis care come before dose and
 * duration optimisation when they share a status: a dose cannot be judged while it is not taken regularly or while
 * substance use goes on.
 */
export const STEPS_BEFORE_DOSE_OPTIMISATION = {
  id: 'order.adherence-and-dual-diagnosis-before-dose-optimisation',
  lead: ['adherence-support', 'integrated-dual-diagnosis', 'substance-use-treatment'] as readonly InterventionId[],
  after: 'dose-optimization' as InterventionId,
  summary:
    'Adherence support, integrated dual-diagnosis treatment and substance-use treatment are shown before dose and duration optimisation when they share a status: a dose is judged only once it is taken regularly, and active substance use confounds any trial.',
  because: 'a dose is judged only once it is taken regularly, and active substance use confounds any trial',
  source: src(['samhsaTip42', 'gaynes2020', 'projectWorkingRule'], 'U', 'integrated treatment of co-occurring disorders; a failed trial needs adequate adherence; putting them before a dose change is a working rule'),
};

/**
 * When failed adequate trials rest on orders that leave days uncovered, adherence support leads its status: the
 * interventional options it shares a status with are offered for failures that may not be failures. A more offered
 * option (a "suggested" one above a "consider") keeps its place.
 */
export const ADHERENCE_UNCERTAIN_FIRST = {
  id: 'order.adherence-support-first-when-adherence-uncertain',
  lead: 'adherence-support' as InterventionId,
  summary:
    'When adherence is uncertain (failed adequate trials kept up only by orders that leave days uncovered), adherence support is shown first among the options of its status, after a first-line option of the condition: the options beside it rest on failures that may not be failures.',
  source: WORKING("ranking adherence support first when adherence is uncertain, after TRRIP's 80% of prescribed doses", ['howes2017']),
};

/** The ranking rules cited as a reason cites them, worded once when the module loads. */
const SUBSTANTIAL_RISK_ORDER_CITED = cite(SUBSTANTIAL_RISK_ORDER.source);
const STEPS_BEFORE_DOSE_OPTIMISATION_CITED = cite(STEPS_BEFORE_DOSE_OPTIMISATION.source);
const ORDERING_RULE_CITED: ReadonlyMap<OrderingRule, string> = new Map(ORDERING_RULES.map((rule) => [rule, cite(rule.source)]));

/** Adherence support and dual-diagnosis care before dose optimisation (STEPS_BEFORE_DOSE_OPTIMISATION), said in its reasons. */
function placeDoseOptimisation(evaluated: Evaluated[]): void {
  const rule = STEPS_BEFORE_DOSE_OPTIMISATION;
  const dose = evaluated.find((e) => e.suggestion.intervention === rule.after);
  if (!dose || !isOffered(dose.suggestion.status)) return;
  const leads = evaluated.filter((e) => rule.lead.includes(e.suggestion.intervention) && sameRank(e, dose) && e.index > dose.index);
  if (!leads.length) return;
  dose.place = 2 * Math.max(...leads.map((e) => e.index)) + 1;
  dose.rules.push(rule.id);
  dose.suggestion.reasons.push({
    text: `Ranked after ${andList(leads.map((e) => e.suggestion.name.charAt(0).toLowerCase() + e.suggestion.name.slice(1)))}: ${rule.because} (${STEPS_BEFORE_DOSE_OPTIMISATION_CITED})`,
    sources: unique(leads.flatMap((e) => e.suggestion.reasons.flatMap((r) => r.sources))),
    kind: 'ranking',
  });
}

/** The first-line options for this patient's assessed conditions (FIRST_LINE_ORDER), each with its rule. */
function firstLineLeads(evaluated: Evaluated[], context: Context): Map<Evaluated, FirstLineRule> {
  const leads = new Map<Evaluated, FirstLineRule>();
  for (const rule of FIRST_LINE_ORDER) {
    if (!context.assessments.has(rule.condition)) continue;
    const lead = evaluated.find((e) => e.suggestion.intervention === rule.lead);
    if (lead && isOffered(lead.suggestion.status)) leads.set(lead, rule);
  }
  return leads;
}

/** A first-line option says which options of its urgency and status it is ranked before, with its rule. */
function addFirstLineReasons(sorted: Evaluated[], leads: Map<Evaluated, FirstLineRule>): void {
  for (const [lead, rule] of leads) {
    const passed = sorted.slice(sorted.indexOf(lead) + 1).filter((o) => !leads.has(o) && o.suggestion.urgent === lead.suggestion.urgent && o.suggestion.status === lead.suggestion.status);
    if (!passed.length) continue;
    lead.rules.push(rule.id);
    lead.suggestion.reasons.push({
      text: `Ranked before ${andList(passed.map((o) => shortName(o.suggestion)))}: ${rule.because} (${cite(rule.source)})`,
      // It rests on the condition's record, as the option's entry finding names it.
      sources: unique(lead.suggestion.reasons.flatMap((r) => (r.entryCriterion ? r.sources : []))),
      kind: 'ranking',
    });
  }
}

/** The ordering rules that hold for this patient, each placing its leading option and adding its finding to its reasons. */
function applyOrderingRules(evaluated: Evaluated[], context: Context): void {
  // Built only when a rule's count is reached (most patients reach none).
  let byId: Map<InterventionId, Evaluated> | undefined;
  for (const rule of ORDERING_RULES) {
    const assessment = context.assessments.get(rule.condition);
    const failed = assessment?.failedAdequateTrials ?? 0;
    if (failed < rule.minFailedAdequateTrials) continue;
    byId ??= new Map(evaluated.map((e) => [e.suggestion.intervention, e]));
    const lead = byId.get(rule.lead);
    if (!lead || !isOffered(lead.suggestion.status)) continue;
    const passed = rule.over
      .map((id) => byId!.get(id))
      .filter((e): e is Evaluated => e !== undefined && sameRank(e, lead) && 2 * e.index < lead.place);
    if (!passed.length) continue;
    lead.place = 2 * Math.min(...passed.map((e) => e.index)) - 1;
    const names = passed.map((e) => rule.overNames[e.suggestion.intervention] ?? e.suggestion.name).join(' and ');
    lead.rules.push(rule.id);
    lead.suggestion.reasons.push({
      text: `Ranked before ${names}: ${failed} failed adequate antidepressant trials in the current episode; ${rule.because} (${ORDERING_RULE_CITED.get(rule) ?? cite(rule.source)})`,
      sources: unique(trialsOf(context, assessment!.failedAdequateTrialIds).flatMap((t) => t.sources)),
      kind: 'ranking',
    });
  }
}

const isOffered = (status: SuggestionStatus) => status === 'suggested' || status === 'consider';

const NOT_BEFORE_TREATMENTS: ReadonlySet<InterventionId> = new Set(TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.options);

/**
 * 1 for an offered option whose cautions mark a condition of substantial risk, and for a test or research referral
 * (TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS), else 0: it ranks after the 0s of its tier.
 */
const riskRank = (e: Evaluated): number =>
  isOffered(e.suggestion.status) && (e.substantialRisks.length > 0 || NOT_BEFORE_TREATMENTS.has(e.suggestion.intervention)) ? 1 : 0;

function sameTier(a: Evaluated, b: Evaluated): boolean {
  return a.suggestion.urgent === b.suggestion.urgent && a.suggestion.status === b.suggestion.status && a.group === b.group;
}

function sameRank(a: Evaluated, b: Evaluated): boolean {
  return sameTier(a, b) && riskRank(a) === riskRank(b);
}

/** An offered option ranked after equally offered ones for a condition of substantial risk says so, naming them. */
function addRiskRankingReasons(sorted: Evaluated[]): void {
  for (const [at, e] of sorted.entries()) {
    if (riskRank(e) === 0 || e.substantialRisks.length === 0) continue;
    const ahead = sorted.slice(0, at).filter((o) => sameTier(o, e) && o.substantialRisks.length === 0);
    if (!ahead.length) continue;
    const equally = e.suggestion.status === 'suggested' ? 'equally suggested' : 'equally to consider';
    // A test or research referral it passes, equally offered and without such a risk, is said with its rule.
    const passed = NOT_BEFORE_TREATMENTS.has(e.suggestion.intervention)
      ? []
      : sorted.slice(at + 1).filter((o) => sameTier(o, e) && o.substantialRisks.length === 0 && NOT_BEFORE_TREATMENTS.has(o.suggestion.intervention));
    e.rules.push(SUBSTANTIAL_RISK_ORDER.id, ...(passed.length ? [TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.id] : []));
    e.suggestion.reasons.push({
      text: `Ranked after ${andList(ahead.map((o) => shortName(o.suggestion)))}, ${equally}: ${shortName(e.suggestion)} carries a condition of substantial risk (see cautions: ${unique(e.substantialRisks.map((r) => r.text)).join('; ')}); ${SUBSTANTIAL_RISK_ORDER.because} (${SUBSTANTIAL_RISK_ORDER_CITED})${passed.length ? `; it comes before ${andList(passed.map((o) => shortName(o.suggestion)))}: ${TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.because} (${cite(TESTS_AND_RESEARCH_NOT_BEFORE_TREATMENTS.source)})` : ''}`,
      sources: unique(e.substantialRisks.flatMap((r) => r.sources)),
      kind: 'ranking',
    });
  }
}

/**
 * CONSULTATION_RISK_ORDER: a lead whose only substantial risks are its rule's moves before the `over` options standing
 * directly ahead of it in its tier, and says so. Run before the substantial-risk reasons, which then name only what is
 * still ahead of it.
 */
function applyConsultationRiskOrder(sorted: Evaluated[]): void {
  for (const rule of CONSULTATION_RISK_ORDER) {
    const at = sorted.findIndex((e) => e.suggestion.intervention === rule.lead);
    const lead = sorted[at];
    if (!lead || !isOffered(lead.suggestion.status) || !lead.substantialRisks.length || !lead.substantialRisks.every((r) => rule.risks.includes(r.text))) continue;
    let to = at;
    while (to > 0 && sameTier(sorted[to - 1]!, lead) && rule.over.includes(sorted[to - 1]!.suggestion.intervention)) to--;
    if (to === at) continue;
    const passed = sorted.slice(to, at);
    sorted.splice(at, 1);
    sorted.splice(to, 0, lead);
    const equally = lead.suggestion.status === 'suggested' ? 'equally suggested' : 'equally to consider';
    lead.rules.push(rule.id);
    lead.suggestion.reasons.push({
      text: `Ranked before ${andList(passed.map((o) => shortName(o.suggestion)))}, ${equally}: ${shortName(lead.suggestion)}’s only condition of substantial risk (${unique(lead.substantialRisks.map((r) => r.text)).join('; ')}) ${rule.because} (${cite(rule.source)})`,
      sources: unique(lead.substantialRisks.flatMap((r) => r.sources)),
      kind: 'ranking',
    });
  }
}

/** The pseudo-resistance steps first when most failed trials were not adequate, else the interventional options. */
function groupRank(e: Evaluated, pseudoResistanceFirst: boolean): number {
  return (e.group === 'pseudo-resistance') === pseudoResistanceFirst ? 0 : 1;
}

/** Ranks the evaluated options and numbers each suggestion by its place (`order`). */
export function orderSuggestions(evaluated: Evaluated[], pseudoResistanceFirst: boolean, context: Context): Suggestion[] {
  applyOrderingRules(evaluated, context);
  placeDoseOptimisation(evaluated);
  const firstLine = firstLineLeads(evaluated, context);
  const adherenceUncertain = context.derived.assessments.some((a) => a.flags.some((f) => f.kind === 'adherence-uncertain'));
  const leadsForAdherence = (e: Evaluated) => adherenceUncertain && e.suggestion.intervention === ADHERENCE_UNCERTAIN_FIRST.lead;
  evaluated.sort(
    (a, b) =>
      Number(b.suggestion.urgent) - Number(a.suggestion.urgent) ||
      STATUS_RANK[a.suggestion.status] - STATUS_RANK[b.suggestion.status] ||
      Number(firstLine.has(b)) - Number(firstLine.has(a)) ||
      Number(leadsForAdherence(b)) - Number(leadsForAdherence(a)) ||
      groupRank(a, pseudoResistanceFirst) - groupRank(b, pseudoResistanceFirst) ||
      riskRank(a) - riskRank(b) ||
      a.place - b.place,
  );
  applyConsultationRiskOrder(evaluated);
  addRiskRankingReasons(evaluated);
  if (firstLine.size) addFirstLineReasons(evaluated, firstLine);
  // The suggestions were made for this patient just before: numbering them in place copies nothing (a rest-and-spread
  // copy of every suggestion was a tenth of population mode's time).
  return evaluated.map(({ suggestion, rules }, order) => {
    suggestion.order = order;
    if (rules.length) suggestion.rules = [...new Set(rules)];
    return suggestion;
  });
}
