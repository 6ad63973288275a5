/**
 * Builds the draft CarePlan, its referral ServiceRequests and a Provenance from the derivation and the clinician's
 * choice. Pure: no I/O, no clock (date and instant come in), so the same input always gives the same draft, with
 * the same identifiers, which is what makes retries, double clicks and a second launch the same day idempotent.
 */
import type {
  Annotation,
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Provenance,
  ProvenanceAgent,
  Reference,
  ServiceRequest,
} from 'fhir/r4';
import type { Assessment, Finding, InterventionId, Suggestion, Trial } from '../../clinical/types';
import { CONDITION_NAME } from '../../clinical/vocabulary';
import { safetyItemTextGiven, type OverriddenOption } from '../../clinical/safety';
import { catalogOption, defaultServiceFor } from '../../clinical/suggestions/catalog';
import { planHeadline } from '../../clinical/suggestions/next-step';
import { escapeMarkdown, narrativeXhtml } from './escape';
import { plainText, writtenText } from '../../clinical/plain-text';
import { cautionLine, cautionLines, contraindicationLine, overrideLines, writtenReasons } from '../../clinical/suggestions/describe';
import { receivingService, type ReferralPriority } from '../../clinical/suggestions/receiving-services';
import type { StableIdentifier, WriteBackDraft, WriteBackInput } from './write-contract';

/** Our identifier systems (URNs: they name the app, not a web location). */
export const CAREPLAN_IDENTIFIER_SYSTEM = 'urn:trd-timeline:care-plan-draft';
const REFERRAL_IDENTIFIER_SYSTEM = 'urn:trd-timeline:referral-draft';
/** Provenance has no identifier element in R4: a meta.tag carries the plan's key so it can be found again. */
const PROVENANCE_TAG_SYSTEM = 'urn:trd-timeline:write-back';

// ---------------------------------------------------------------------------------------------
// Stable keys
// ---------------------------------------------------------------------------------------------

/** FNV-1a, 32 bit, with a seed: small, pure and deterministic (not for security, only for stable keys). */
function fnv1a(text: string, seed: number): string {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** 64-bit key of (patient, sorted option ids, date). */
function planKey(patientId: string, chosen: readonly InterventionId[], date: string): string {
  const text = `${patientId}|${[...new Set(chosen)].sort().join(',')}|${date}`;
  return fnv1a(text, 0) + fnv1a(text, 0x9e3779b9);
}

/** A UUID-shaped value derived from the key, for urn:uuid fullUrls that stay stable across rebuilds. */
function stableUuid(key: string, part: string): string {
  const text = `${key}|${part}`;
  const hex = fnv1a(text, 1) + fnv1a(text, 2) + fnv1a(text, 3) + fnv1a(text, 4);
  // Version 4 / variant bits so it parses as a UUID everywhere.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function identifierQuery(identifier: StableIdentifier): string {
  return `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;
}

function provenanceTagQuery(planKeyValue: string): string {
  return `_tag=${encodeURIComponent(`${PROVENANCE_TAG_SYSTEM}|${planKeyValue}`)}`;
}

// ---------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------

/**
 * A finding as the chart reads it: plain words, no resource ids or internal tags (the resources are linked as
 * supportingInfo), an unverified rule said as a local working rule.
 */
function findingText(finding: Finding): string {
  return writtenText(finding.text);
}

function relevantAssessments(assessments: Assessment[], chosen: Suggestion[]): Assessment[] {
  const conditions = new Set(chosen.flatMap((s) => catalogOption(s.intervention).indications));
  return assessments.filter((a) => conditions.has(a.condition));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function supportingTrials(trials: Trial[], assessments: Assessment[]): Trial[] {
  const ids = new Set(assessments.flatMap((a) => a.trialIds));
  return trials.filter((t) => ids.has(t.id));
}

/** The option as proposed, by the name the engine gives it (the intensified format after a completed course). */
function optionConcept(suggestion: Suggestion): CodeableConcept {
  const option = catalogOption(suggestion.intervention);
  // Only verified codes are sent; everything else is text (no SNOMED CT code for ECT or rTMS has been verified against a value set).
  return option.code && option.code.verification === 'V'
    ? { coding: [{ system: option.code.system, code: option.code.code, display: option.code.display }], text: suggestion.name }
    : { text: suggestion.name };
}

function reasonLines(suggestion: Suggestion, overrideReason: string | undefined, chosen: readonly InterventionId[], saidForThePlan: ReadonlySet<string> = new Set()): string[] {
  // Each finding once, with one label: the contraindications are not repeated as a reason, and a caution that names
  // its own weight ("Note: …") gets no second prefix. An overridden option leads with the override and the
  // contraindications it overrides (safety first, never as "not offered"), then the reasons it would otherwise fit.
  // A reason every chosen option gives is said once for the plan, not under each. The option's criterion says its own
  // label ("Criterion: …").
  const reasons = writtenReasons(suggestion, chosen)
    .filter((r) => !saidForThePlan.has(r.text))
    // A course given before is history, said in its own words ("Given before: …"), never as a reason.
    .map((r) => (r.kind === 'criterion' || r.kind === 'history' ? findingText(r) : `Reason: ${findingText(r)}`));
  const cautions = suggestion.cautions.map((c) => cautionLine(findingText(c), c.beforeStarting === true));
  if (overrideReason?.trim()) return [...overrideLines(suggestion, overrideReason), ...reasons, ...cautions];
  const contraindications = suggestion.contraindications.map((c) => contraindicationLine(findingText(c)));
  return suggestion.status === 'contraindicated' ? [...contraindications, ...reasons, ...cautions] : [...reasons, ...contraindications, ...cautions];
}

/**
 * The reasons every chosen option gives (the trial in progress beside the failed-trial count, a stale basis), said once
 * for the plan in the preview, narrative and plan text. Each referral keeps them: it is read on its own.
 */
function planReasons(chosen: readonly Suggestion[]): Finding[] {
  if (chosen.length < 2) return [];
  const ids = chosen.map((s) => s.intervention);
  const [first, ...rest] = chosen.map((s) => writtenReasons(s, ids));
  return first!.filter((f) => rest.every((reasons) => reasons.some((r) => r.text === f.text)));
}

/** A reason said for the whole plan, as the plan's texts write it. */
function planReasonLine(f: Finding): string {
  return `For every option: ${findingText(f)}`;
}

/** Why the referral starts at its priority, when the engine says so and the clinician has not chosen one. */
function priorityNoteLines(suggestion: Suggestion, input: WriteBackInput): string[] {
  // Said while the priority is the default it explains (the review screen passes the default as the clinician's choice).
  const chosen = input.referrals?.[suggestion.intervention]?.priority;
  return suggestion.priorityNote && (!chosen || chosen === suggestion.referralPriority) ? [`Priority: ${findingText(suggestion.priorityNote)}.`] : [];
}

/** The chosen options proposed against the record's rules, with their written reasons (the safety lines name them). */
function overriddenOptions(input: WriteBackInput): OverriddenOption[] {
  return input.chosen.flatMap((s) => {
    const reason = input.overrideReasons?.[s.intervention]?.trim();
    return reason ? [{ option: s.intervention, reason }] : [];
  });
}

/**
 * The safety items as the plan writes them, each the strip's line (name, date, what the record shows, what to do) with
 * the options the clinician proposes against it said as such: one source for the preview, narrative, description,
 * notes and plan text.
 */
function safetyLinesOf(input: WriteBackInput): string[] {
  const overridden = overriddenOptions(input);
  return (input.derivation.safety ?? []).map((i) => `Safety: ${safetyItemTextGiven(i, overridden)}`);
}

/**
 * The engine's headline as the plan writes it (planHeadline): "Next step: …" after the safety lines when the plan
 * proposes it (or it is no option), else nothing here; see notProposedLinesOf.
 */
function nextStepLinesOf(input: WriteBackInput): string[] {
  const { nextStep } = headlineOf(input);
  return nextStep ? [`Next step: ${writtenText(nextStep)}.`] : [];
}

/** The engine's leading option when the clinician did not propose it: said after what is proposed, as a suggestion not taken. */
function notProposedLinesOf(input: WriteBackInput): string[] {
  const { notProposed } = headlineOf(input);
  return notProposed ? [`${writtenText(notProposed)}.`] : [];
}

function headlineOf(input: WriteBackInput): ReturnType<typeof planHeadline> {
  const { nextStep, suggestions } = input.derivation;
  if (!nextStep) return { nextStep: null, notProposed: null };
  return planHeadline({ nextStep, suggestions: suggestions ?? [] }, input.chosen.map((s) => s.intervention));
}

/** Annotation.text is `markdown` in R4: record-derived and typed text is escaped so the chart shows it as text. */
function annotations(lines: string[], date: string, author: Reference | undefined): Annotation[] {
  return lines.map((text) => ({ text: escapeMarkdown(text), time: date, ...(author ? { authorReference: author } : {}) }));
}

/** The receiving service, priority and note of a referral: the clinician's choice, else the option's default service and the engine's referral priority. */
function referralChoice(suggestion: Suggestion, input: WriteBackInput): { service: ReturnType<typeof receivingService>; priority: ReferralPriority; note: string } {
  const chosen = input.referrals?.[suggestion.intervention];
  return {
    service: chosen?.serviceId ? receivingService(chosen.serviceId) : defaultServiceFor(suggestion.intervention),
    priority: chosen?.priority ?? suggestion.referralPriority,
    note: chosen?.note?.trim() ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Draft
// ---------------------------------------------------------------------------------------------

export function buildWriteBack(input: WriteBackInput): WriteBackDraft {
  const chosen = [...input.chosen].sort((a, b) => a.order - b.order);
  const chosenIds = chosen.map((s) => s.intervention);
  const key = planKey(input.patientId, chosenIds, input.date);
  const identifier: StableIdentifier = { system: CAREPLAN_IDENTIFIER_SYSTEM, value: key };
  const subject: Reference = { reference: `Patient/${input.patientId}` };
  const author: Reference | undefined = input.userReference ? { reference: input.userReference } : undefined;
  const recorded = input.recorded ?? `${input.date}T00:00:00Z`;

  const assessments = relevantAssessments(input.derivation.assessments, chosen);
  const conditionRefs = unique(assessments.flatMap((a) => a.conditionSources)).map((reference) => ({ reference }));
  const trials = supportingTrials(input.derivation.trials, assessments);
  const supportingRefs = unique(trials.flatMap((t) => t.sources)).map((reference) => ({ reference }));

  const carePlanUrl = `urn:uuid:${stableUuid(key, 'CarePlan')}`;
  const provenanceUrl = `urn:uuid:${stableUuid(key, 'Provenance')}`;

  const serviceRequests: { url: string; resource: ServiceRequest; option: InterventionId }[] = [];
  const activities: CarePlanActivity[] = [];

  // The safety items lead every rendering of the plan: its narrative, description, notes, preview and note text, and
  // every referral's notes (a receiving service often sees the referral alone).
  const safetyLines = safetyLinesOf(input);
  // The headline follows the safety items in every rendering of the plan, as on the first screen.
  const headlineLines = nextStepLinesOf(input);
  const shared = planReasons(chosen);
  const sharedTexts = new Set(shared.map((f) => f.text));
  const sharedLines = shared.map(planReasonLine);
  const narrative: string[] = [`Draft care plan of ${input.date}: options proposed for review, not orders.`, ...safetyLines, ...headlineLines, ...sharedLines];
  // The plan as plain text for a note: built from the plain lines, never from the markdown-escaped FHIR notes.
  const title = `Proposed interventional options (${input.date})`;
  const textLines: string[] = [title, '', ...(safetyLines.length ? [...safetyLines, ''] : []), ...(headlineLines.length ? [...headlineLines, ''] : []), ...(sharedLines.length ? [...sharedLines, ''] : [])];
  for (const suggestion of chosen) {
    const option = catalogOption(suggestion.intervention);
    const overrideReason = input.overrideReasons?.[suggestion.intervention];
    // The plan's texts leave out what is said for the whole plan; the referral and the activity, each read alone, keep it.
    const reasons = reasonLines(suggestion, overrideReason, chosenIds, sharedTexts);
    const ownReasons = reasonLines(suggestion, overrideReason, chosenIds);
    const name = suggestion.name;
    const description = `${name}: ${plainText(suggestion.summary ?? option.summary)} Usual course: ${plainText(suggestion.usualCourse ?? option.usualCourse)}`;
    const choice = referralChoice(suggestion, input);
    const priorityNote = option.referral ? priorityNoteLines(suggestion, input) : [];
    narrative.push(
      option.referral
        ? `${name}: referral to ${choice.service.name} (${choice.priority}).`
        : `${name}: care-plan activity.`,
      ...[...reasons, ...priorityNote].map((r) => `  ${r}`),
      ...(choice.note ? [`  Referral note: ${choice.note}`] : []),
    );
    textLines.push(
      option.referral ? `- Referral to ${choice.service.name}: ${name} (draft referral, priority ${choice.priority})` : `- ${name}`,
      ...[...reasons, ...priorityNote].map((r) => `    ${plainText(r)}`),
      ...(choice.note ? [`    Referral note: ${plainText(choice.note)}`] : []),
    );
    if (option.referral) {
      const url = `urn:uuid:${stableUuid(key, `ServiceRequest|${option.id}`)}`;
      serviceRequests.push({
        url,
        option: option.id,
        resource: {
          resourceType: 'ServiceRequest',
          identifier: [{ system: REFERRAL_IDENTIFIER_SYSTEM, value: `${key}-${option.id}` }],
          status: 'draft',
          intent: 'proposal',
          priority: choice.priority,
          code: {
            coding: [
              { system: choice.service.referralCode.system, code: choice.service.referralCode.code, display: choice.service.referralCode.display },
            ],
            text: `Referral to ${choice.service.name}: ${name}`,
          },
          orderDetail: [optionConcept(suggestion)],
          // No verified code names these services: text only.
          performerType: { text: choice.service.name },
          subject,
          authoredOn: input.date,
          ...(author ? { requester: author } : {}),
          ...(conditionRefs.length ? { reasonReference: conditionRefs } : {}),
          ...(supportingRefs.length ? { supportingInfo: supportingRefs } : {}),
          note: annotations([...safetyLines, description, ...ownReasons, ...priorityNote, ...(choice.note ? [`Referral note: ${choice.note}`] : [])], input.date, author),
        },
      });
      // cpl-3: an activity has a reference or a detail, not both; the ServiceRequest carries code and reasons.
      activities.push({ reference: { reference: url, display: `Referral to ${choice.service.name}: ${name}` } });
    } else {
      activities.push({
        detail: {
          kind: 'ServiceRequest',
          code: optionConcept(suggestion),
          status: 'not-started',
          // The label's monitoring travels with the activity itself, not only with its reasons.
          description: [description, ...cautionLines(suggestion)].join(' '),
          ...(conditionRefs.length ? { reasonReference: conditionRefs } : {}),
          reasonCode: ownReasons.map((text) => ({ text })),
        },
      });
    }
  }

  const closingLines = [
    'Draft proposed with decision support (treatment-resistance timeline app): verify against the chart before acting.',
    ...(input.note?.trim() ? [`Clinician's note: ${input.note.trim()}`] : []),
  ];
  const noteLines = [...safetyLines, ...closingLines];
  // The engine's option the clinician did not propose comes after what is proposed, never as the plan's next step.
  const notProposedLines = notProposedLinesOf(input);
  narrative.push(...notProposedLines, ...closingLines);
  textLines.push(...(notProposedLines.length ? ['', ...notProposedLines.map(plainText)] : []), '', ...closingLines.map(plainText));

  const carePlan: CarePlan = {
    resourceType: 'CarePlan',
    identifier: [identifier],
    status: 'draft',
    intent: 'proposal',
    // The narrative a clinician reads in the chart: what was proposed and why, as escaped text only.
    text: narrativeXhtml(narrative),
    title,
    description:
      [...safetyLines, ...headlineLines].map((l) => `${l} `).join('') +
      `Options proposed for review: ${chosen.map((s) => s.name).join('; ')}.` +
      notProposedLines.map((l) => ` ${l}`).join(''),
    subject,
    created: input.date,
    ...(author ? { author } : {}),
    ...(conditionRefs.length ? { addresses: conditionRefs } : {}),
    ...(supportingRefs.length ? { supportingInfo: supportingRefs } : {}),
    activity: activities,
    note: annotations(noteLines, input.date, author),
  };

  const appAgent: ProvenanceAgent = {
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler', display: 'Assembler' }],
    },
    who: input.app.deviceReference
      ? { reference: input.app.deviceReference, display: input.app.name }
      : { display: input.app.version ? `${input.app.name} ${input.app.version}` : input.app.name },
  };
  const agents: ProvenanceAgent[] = [
    ...(author
      ? [
          {
            type: {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author', display: 'Author' }],
            },
            who: author,
          } satisfies ProvenanceAgent,
        ]
      : []),
    appAgent,
  ];
  const provenance: Provenance = {
    resourceType: 'Provenance',
    meta: { tag: [{ system: PROVENANCE_TAG_SYSTEM, code: key }] },
    target: [{ reference: carePlanUrl }, ...serviceRequests.map((sr) => ({ reference: sr.url }))],
    recorded,
    activity: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE', display: 'create' }],
    },
    agent: agents,
  };

  const entries: BundleEntry[] = [
    ...serviceRequests.map((sr) => ({
      fullUrl: sr.url,
      resource: sr.resource,
      request: { method: 'POST' as const, url: 'ServiceRequest', ifNoneExist: identifierQuery({ system: REFERRAL_IDENTIFIER_SYSTEM, value: `${key}-${sr.option}` }) },
    })),
    {
      fullUrl: carePlanUrl,
      resource: carePlan,
      request: { method: 'POST', url: 'CarePlan', ifNoneExist: identifierQuery(identifier) },
    },
    {
      fullUrl: provenanceUrl,
      resource: provenance,
      request: { method: 'POST', url: 'Provenance', ifNoneExist: provenanceTagQuery(key) },
    },
  ];
  const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: entries };

  const draft: WriteBackDraft = {
    patientId: input.patientId,
    chosen: chosenIds,
    identifier,
    carePlan: stripUndefined(carePlan),
    serviceRequests: serviceRequests.map((sr) => stripUndefined(sr.resource)),
    provenance,
    bundle: stripUndefined(bundle),
    preview: [],
    text: textLines.join('\n'),
  };
  draft.preview = previewLines(draft, input, assessments, trials);
  return draft;
}

/** JSON round trip drops `undefined` members so what is previewed is exactly what is sent. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function previewLines(draft: WriteBackDraft, input: WriteBackInput, assessments: Assessment[], trials: Trial[]): string[] {
  const lines: string[] = [];
  lines.push(
    `A draft care plan (a proposal, not an order) dated ${input.date} for this patient` +
      (input.userReference ? ', with you as its author.' : '; the author is unknown (the EHR did not say who you are).'),
  );
  // Safety first, the strip's own lines, as in the plan and the note.
  lines.push(...safetyLinesOf(input));
  lines.push(...nextStepLinesOf(input));
  if (assessments.length) {
    lines.push(`It addresses ${assessments.map((a) => CONDITION_NAME[a.condition]).join(' and ')}.`);
  }
  const chosen = [...input.chosen].sort((a, b) => a.order - b.order);
  const shared = planReasons(chosen);
  const sharedTexts = new Set(shared.map((f) => f.text));
  lines.push(...shared.map(planReasonLine));
  for (const suggestion of chosen) {
    const option = catalogOption(suggestion.intervention);
    const choice = referralChoice(suggestion, input);
    const override = input.overrideReasons?.[suggestion.intervention]?.trim();
    const asOverride = override ? ' as an override' : '';
    lines.push(
      option.referral
        ? `Proposes ${suggestion.name}${asOverride}: a draft referral to the ${choice.service.name}, priority ${choice.priority}${choice.note ? `, with your note "${choice.note}"` : ''}.`
        : `Proposes ${suggestion.name}${asOverride} as a care-plan activity (no referral).`,
    );
    // The lines the care plan writes under the option, from the same builder: the override first, the reasons, the
    // contraindications and cautions, then why the referral starts at its priority.
    const priorityNote = option.referral ? priorityNoteLines(suggestion, input) : [];
    lines.push(...[...reasonLines(suggestion, input.overrideReasons?.[suggestion.intervention], chosen.map((s) => s.intervention), sharedTexts), ...priorityNote].map((l) => `  ${l}`));
  }
  lines.push(...notProposedLinesOf(input));
  if (trials.length) {
    const records = draft.carePlan.supportingInfo?.length ?? 0;
    lines.push(
      `Supporting information: ${records} medication record${records === 1 ? '' : 's'} behind ${trials.length} trial${trials.length === 1 ? '' : 's'} (${unique(trials.map((t) => t.ingredient)).join(', ')}).`,
    );
  }
  if (input.note?.trim()) lines.push(`Your note: "${input.note.trim()}".`);
  lines.push(`A provenance record naming ${input.userReference ? 'you and ' : ''}this app as the authors.`);
  lines.push('Nothing is ordered: the plan and referrals stay drafts until someone in the EHR activates them.');
  return lines;
}

/** Plain text of the plan, for pasting into a note when it cannot (or should not) be written: safety first, no markup or escapes. */
export function carePlanAsText(draft: WriteBackDraft): string {
  return draft.text;
}

/** The transaction Bundle as pretty JSON, for download. */
export function carePlanAsJson(draft: WriteBackDraft): string {
  return JSON.stringify(draft.bundle, null, 2);
}
