/**
 * Psychotherapy given: CarePlan activities carried out and Procedures (sessions, or courses with a period), with
 * sessions close together merged into courses.
 */
import type { CarePlan, CodeableConcept } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { type Day, isoDate, toDay } from '../../dates';
import { MODALITY_LABEL, psychotherapyModality } from '../../terminology/history-codes';
import { codingsOf, conceptText } from '../../terminology/systems';
import type { PsychotherapyCourse, PsychotherapyModality } from '../../types';
import { isConcept, obj } from '../1-classify/typed-fields';
import type { HistoryInputs } from './history-inputs';

const GIVEN_ACTIVITY = new Set(['completed', 'in-progress', 'on-hold', 'stopped']);

export function classifyCarePlan(ledger: Ledger, ref: string, plan: CarePlan, asOf: Day, lastDay: Day, h: HistoryInputs): void {
  const status = typeof plan.status === 'string' ? plan.status : null;
  if (status === 'draft' || status === 'revoked') {
    ledger.unused(ref, status === 'draft' ? 'draft care plan (not carried out)' : 'care plan revoked');
    return;
  }
  const period = obj(plan.period);
  const start = toDay(period?.start) ?? toDay(plan.created);
  const end = toDay(period?.end);
  const given: string[] = [];
  for (const a of Array.isArray(plan.activity) ? plan.activity : []) {
    const detail = obj(a?.detail) as { code?: CodeableConcept; status?: unknown; scheduledPeriod?: unknown } | undefined;
    const code = isConcept(detail?.code) ? detail.code : undefined;
    const modality = psychotherapyModality(code);
    if (!modality) continue;
    const activityStatus = typeof detail?.status === 'string' ? detail.status : null;
    if (activityStatus !== null && !GIVEN_ACTIVITY.has(activityStatus)) continue;
    const scheduled = obj(detail?.scheduledPeriod);
    const from = toDay(scheduled?.start) ?? start;
    if (from === null || from > asOf) continue;
    const to = toDay(scheduled?.end) ?? end;
    const finished = activityStatus === 'completed' || activityStatus === 'stopped' || status === 'completed';
    h.psychotherapy.push({
      modality,
      display: conceptText(code) || MODALITY_LABEL[modality],
      start: isoDate(from),
      end: to !== null ? isoDate(Math.min(Math.max(to, from), lastDay)) : finished || lastDay < asOf ? isoDate(lastDay) : null,
      status: finished ? 'completed' : 'in-progress',
      sessions: null,
      sources: [ref],
    });
    given.push(conceptText(code) || MODALITY_LABEL[modality]);
  }
  if (given.length > 0) ledger.use(ref, `psychotherapy: ${[...new Set(given)].join(', ')}`);
  else ledger.unused(ref, `care plan without psychotherapy${categoryText(plan) ? ` (${categoryText(plan)})` : ''}`);
}

/**
 * Psychotherapy from Procedure: a dated session, or a course when the Procedure has a period (its sessions counted
 * only when its text says so, "20 sessions"). Sessions no more than 90 days apart are merged into courses later.
 */
export function psychotherapyFromProcedure(code: CodeableConcept | undefined, start: Day, end: Day | null, ref: string, h: HistoryInputs): void {
  const modality = psychotherapyModality(code) ?? 'other';
  const display = conceptText(code) || MODALITY_LABEL[modality];
  const course = end !== null && end > start;
  const stated = /\b(\d{1,3})\s+sessions\b/i.exec(display);
  h.psychotherapy.push({
    modality,
    display,
    start: isoDate(start),
    end: isoDate(end ?? start),
    status: course ? 'completed' : 'session',
    sessions: course ? (stated ? Number(stated[1]) : null) : 1,
    sources: [ref],
  });
}

const SESSION_GAP_DAYS = 90;

/** Sessions of one modality close together form one course; care-plan courses stay as they are. */
export function mergePsychotherapy(courses: PsychotherapyCourse[]): PsychotherapyCourse[] {
  const sorted = [...courses].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: PsychotherapyCourse[] = [];
  const open = new Map<PsychotherapyModality, PsychotherapyCourse>();
  for (const c of sorted) {
    if (c.status !== 'session') {
      out.push(c);
      continue;
    }
    const run = open.get(c.modality);
    if (run && (toDay(c.start) ?? 0) - (toDay(run.end) ?? 0) <= SESSION_GAP_DAYS) {
      run.end = c.end;
      run.status = 'completed';
      run.sessions = (run.sessions ?? 0) + (c.sessions ?? 1);
      run.sources.push(...c.sources);
      if (!run.display.includes('sessions')) run.display = `${MODALITY_LABEL[c.modality]} sessions`;
      continue;
    }
    const copy = { ...c, sources: [...c.sources] };
    open.set(c.modality, copy);
    out.push(copy);
  }
  return out;
}

function categoryText(plan: CarePlan): string {
  const c = Array.isArray(plan.category) ? plan.category.find(isConcept) : undefined;
  return c ? conceptText(c) || codingsOf(c)[0]?.code || '' : '';
}
