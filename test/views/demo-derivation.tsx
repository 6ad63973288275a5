/** The view tests' shared starting points: a demo patient's derivation on a given day, and the words its page shows. */
import { act, cleanup, render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import type { Derivation, InterventionId, Suggestion } from '../../src/clinical/types';
import { buildWriteBack } from '../../src/fhir/writeback/build';
import { RULES } from '../../src/clinical/all-rules';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { ReferralLetter } from '../../src/views/review/ReferralLetter';

/** A demo patient's derivation as the app would derive it on `today`. */
export function demoDerivation(id: string, today: Date): Derivation {
  const demo = demoPatients.find((p) => p.id === id)!;
  const resources = (demo.build(today).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: today.toISOString().slice(0, 10) });
}

/**
 * The page's words: every panel and table (the closed details too), as a reader or a screen reader gets them. The parts
 * below the first screen and the closed details are drawn right after it: the timers are run so they are drawn here.
 */
export function pageText(d: Derivation): string {
  vi.useFakeTimers();
  let page: ReturnType<typeof render>;
  try {
    page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    act(() => {
      vi.runOnlyPendingTimers();
    });
  } finally {
    vi.useRealTimers();
  }
  const labels = [...page.container.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  const text = [page.container.textContent ?? '', ...labels].join('\n');
  cleanup();
  return text;
}

/** The draft plan the review screen would build from `d` with the options `ids` ticked, on the day `asOf`. */
export function demoDraft(d: Derivation, ids: InterventionId[], asOf: string, overrideReasons: Partial<Record<InterventionId, string>> = {}) {
  return buildWriteBack({
    derivation: d,
    chosen: d.suggestions.filter((s) => ids.includes(s.intervention)),
    overrideReasons,
    patientId: d.patient,
    userReference: 'Practitioner/dr-demo',
    app: { name: 'test' },
    date: asOf,
  });
}

/** The referral letter an option's card prints, to the psychiatry service at the option's own priority. */
export function renderReferralLetter(d: Derivation, s: Suggestion, date: string, overrideReason?: string): ReturnType<typeof render> {
  return render(
    <ReferralLetter
      suggestion={s}
      choice={{ serviceId: 'psychiatry-service', priority: s.referralPriority, note: '' }}
      serviceName="Psychiatry service"
      derivation={d}
      patient={null}
      patientId={d.patient}
      date={date}
      selected
      {...(overrideReason ? { overrideReason } : {})}
    />,
  );
}
