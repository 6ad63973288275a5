/**
 * Risk rows of the catalog checked against the record: each kind of match (diagnosis, procedure, blood pressure,
 * prior trial, current medication) as one small function, and the finding it gives.
 */
import type {
  DiagnosisSpan, Finding, FindingKind, OptionFinding
} from '../types';
import {
  type RiskMatch,
  type RiskRow
} from './catalog';
import { assessedAmong, conditionFinding, procedureResponse } from './criteria';
import { type Context, currentDiagnoses, currentDiagnosisFindings, diagnosisFinding, daysBefore, pastDiagnosisFinding, trialsFinding, cite, unique } from './context';

// ---------------------------------------------------------------------------------------------
// Risks
// ---------------------------------------------------------------------------------------------

type RiskCheck<K extends RiskMatch['kind']> = (match: Extract<RiskMatch, { kind: K }>, context: Context) => Finding[];

const RISKS: { [K in RiskMatch['kind']]: RiskCheck<K> } = {
  diagnosis: (match, context) => currentDiagnosisFindings(currentDiagnoses(context, match.kinds, match.maxAgeDays)),
  procedure: (match, context) =>
    context.derived.procedures
      .filter((p) => match.kinds.includes(p.kind))
      .map((p) => ({ text: `${p.display || p.kind} on ${p.start.slice(0, 10)}`, sources: [p.source] })),
  'blood-pressure-above': (match, context) => {
    const recent = context.derived.bloodPressure
      .filter((bp) => {
        const age = daysBefore(bp.date, context.asOfDay);
        return age !== null && age >= 0 && age <= match.withinDays;
      })
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const latest = recent[0];
    if (!latest) return [];
    const high = (latest.systolic ?? 0) > match.systolic || (latest.diastolic ?? 0) > match.diastolic;
    return high
      ? [{ text: `Blood pressure ${latest.systolic ?? '?'}/${latest.diastolic ?? '?'} mmHg on ${latest.date.slice(0, 10)} (latest)`, sources: [latest.source] }]
      : [];
  },
  assessed: (match, context) => assessedAmong(context, match.conditions).map((a) => conditionFinding(a, context)),
  'prior-trial': (match, context) => {
    const trials = context.derived.trials.filter((t) => match.ingredients.includes(t.ingredient) && match.outcomes.includes(t.outcome));
    return trials.length ? [trialsFinding('Earlier trial', trials, context)] : [];
  },
  'current-medication': (match, context) => {
    const trials = context.derived.trials.filter(
      (t) => (t.end === null || t.end >= context.asOf) && ((match.ingredients ?? []).includes(t.ingredient) || (match.classes ?? []).includes(t.class)),
    );
    if (!trials.length) return [];
    const finding = trialsFinding('Taken now', trials, context);
    // A level read for a running trial (lithium) is part of what the team needs to plan around it.
    const levels = trials.flatMap((t) => (t.adequateLevel ? [`${t.ingredient} level ${t.adequateLevel.value} ${t.adequateLevel.unit} on ${t.adequateLevel.date}`] : []));
    return [levels.length ? { text: `${finding.text}; ${levels.join('; ')}`, sources: unique([...finding.sources, ...trials.flatMap((t) => (t.adequateLevel ? [t.adequateLevel.source] : []))]) } : finding];
  },
  'procedure-outcome-unknown': (match, context) =>
    context.derived.procedures
      .filter((p) => match.kinds.includes(p.kind) && procedureResponse(p) === 'unknown')
      .map((p) => ({
        text: `${p.display || p.kind} on ${p.start.slice(0, 10)} (outcome not recorded)`,
        sources: [p.source],
      })),
  'substance-use': (match, context) => {
    const only = match.conditions;
    if (only && !context.derived.assessments.some((a) => only.includes(a.condition))) return [];
    // A past disorder counts too (a history of substance use disorder is the label's risk), named as past with its dates.
    const current = new Set(currentDiagnoses(context, ['substance-use']));
    const disorders = context.derived.diagnoses
      .filter((d) => d.kind === 'substance-use' && (daysBefore(d.onset, context.asOfDay) ?? 0) >= 0)
      .map((d) => (current.has(d) ? diagnosisFinding(d) : pastFinding(d)));
    const events = context.derived.substanceUse?.shownByEvents;
    return events ? [...disorders, events] : disorders;
  },
};

/**
 * A past diagnosis named as past. A finding is built whole, never spread and then given another text: a spread with
 * an override makes every finding's text a field that changes, which sends optimised code that read one back.
 */
function pastFinding(d: DiagnosisSpan): Finding {
  const f = pastDiagnosisFinding(d);
  return { text: `Past: ${f.text}`, sources: f.sources };
}

export function checkRisk(row: RiskRow, context: Context): Finding[] {
  return (RISKS[row.match.kind] as RiskCheck<typeof row.match.kind>)(row.match, context);
}

const SEVERITY_PREFIX: Record<RiskRow['severity'], string> = {
  avoid: 'Not offered: ',
  contraindication: '',
  'high-risk': 'High risk: ',
  caution: '',
  note: 'Note: ',
};

/** What kind of finding a risk row makes: the renderings choose by it (a note names an option with a high risk in full). */
const SEVERITY_KIND: Record<RiskRow['severity'], FindingKind> = {
  avoid: 'contraindication',
  contraindication: 'contraindication',
  'high-risk': 'high-risk',
  caution: 'caution',
  note: 'caution',
};

/** The weights a risk finding's text may open with ("Not offered: ", "High risk: ", "Note: "). */
export const RISK_PREFIXES: readonly string[] = unique(Object.values(SEVERITY_PREFIX).filter((prefix) => prefix.length > 0));

/** The reason that heads a contraindicated option: every contraindication found, under one "Not offered: ". */
export function notOfferedReason(contraindications: OptionFinding[]): OptionFinding {
  return {
    text: `${SEVERITY_PREFIX.avoid}${contraindications.map((c) => c.text.replace(/^Not offered: /, '')).join(' ')}`,
    sources: unique(contraindications.flatMap((c) => c.sources)),
    kind: 'contraindication',
  };
}

export function riskFinding(row: RiskRow, found: Finding[]): OptionFinding {
  return {
    text: `${SEVERITY_PREFIX[row.severity]}${found.map((f) => f.text).join('; ')}: ${row.text} (${cite(row.source)})`,
    sources: unique(found.flatMap((f) => f.sources)),
    kind: SEVERITY_KIND[row.severity],
  };
}
