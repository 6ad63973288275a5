/**
 * One referral's choices (receiving service, priority, note) and its printable letter. The letter is drawn in the page
 * but shown only when printing it (print stylesheet: `body.printing-letter` shows the selected letter alone); it names
 * the patient, the proposed option, the reasons and the safety items the record shows, in plain words.
 */
import type { Patient } from 'fhir/r4';
import type { Derivation, Suggestion } from '../../clinical/types';
import { plainText, writtenText } from '../../clinical/plain-text';
import { cautionLines, contraindicationLine, overrideLines, writtenReasons } from '../../clinical/suggestions/describe';
import type { ReferralChoiceView, ServiceOption } from '../shell/services';
import { displayName } from '../shell/PatientBanner';
import { safetyItemTextGiven } from '../../clinical/safety';

const PRIORITY_WORDS = { routine: 'Routine', urgent: 'Urgent', asap: 'As soon as possible' } as const;

interface FieldsProps {
  suggestion: Suggestion;
  choice: ReferralChoiceView;
  services: ServiceOption[];
  disabled: boolean;
  onChange: (next: ReferralChoiceView) => void;
  onPrint: () => void;
}

export function ReferralFields({ suggestion, choice, services, disabled, onChange, onPrint }: FieldsProps) {
  const id = `referral-${suggestion.intervention}`;
  // Why the default priority is what it is (a ruled-out option starts routine despite a suicidality signal), beside the
  // picker while the clinician has not chosen another.
  const priorityNote = suggestion.priorityNote && choice.priority === suggestion.referralPriority ? suggestion.priorityNote : undefined;
  return (
    <fieldset className="referral-fields" data-intervention={suggestion.intervention} disabled={disabled}>
      <legend>Referral: {suggestion.name}</legend>
      <div className="referral-fields__row">
        <label htmlFor={`${id}-service`}>Receiving service</label>
        <select id={`${id}-service`} value={choice.serviceId} onChange={(e) => onChange({ serviceId: e.target.value })}>
          {services.length === 0 && <option value={choice.serviceId}>{choice.serviceId}</option>}
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={choice.priority}
          aria-describedby={priorityNote ? `${id}-priority-note` : undefined}
          onChange={(e) => onChange({ priority: e.target.value as ReferralChoiceView['priority'] })}
        >
          {(Object.keys(PRIORITY_WORDS) as (keyof typeof PRIORITY_WORDS)[]).map((p) => (
            <option key={p} value={p}>
              {PRIORITY_WORDS[p]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={onPrint}>
          Print referral letter
        </button>
      </div>
      {priorityNote && (
        <p className="referral-fields__priority-note" id={`${id}-priority-note`}>
          {plainText(priorityNote.text)}.
        </p>
      )}
      <label htmlFor={`${id}-note`}>Note for this referral (optional)</label>
      <textarea id={`${id}-note`} rows={2} value={choice.note ?? ''} onChange={(e) => onChange({ note: e.target.value })} />
    </fieldset>
  );
}

interface LetterProps {
  suggestion: Suggestion;
  choice: ReferralChoiceView;
  serviceName: string;
  derivation: Derivation;
  patient: Patient | null;
  patientId: string;
  date: string;
  selected: boolean;
  /** The clinician's written reason when the option is proposed against its status. */
  overrideReason?: string;
}

/**
 * The safety items a receiving service must know: first the patient's safety items as the strip shows them (the
 * engine's `safety`: suicidality, pregnancy, medications that need watching…), then what the engine found for this
 * option: urgency, contraindications, cautions.
 */
function letterSafetyItems(suggestion: Suggestion, derivation: Derivation, overrideReason: string | undefined): string[] {
  const urgent = suggestion.urgent ? suggestion.reasons.filter((r) => /^urgent\b/i.test(r.text)).map((r) => plainText(r.text)) : [];
  // An option proposed against a safety item is named in that item's line with the written reason, never as "not offered".
  const overridden = overrideReason?.trim() ? [{ option: suggestion.intervention, reason: overrideReason.trim() }] : [];
  // An override names what it overrides with the written reason once, never "not offered" beside the referral for it.
  const contraindications = overrideReason?.trim()
    ? overrideLines(suggestion, overrideReason)
    : suggestion.contraindications.map((c) => contraindicationLine(writtenText(c.text)));
  return [...(derivation.safety ?? []).map((i) => safetyItemTextGiven(i, overridden)), ...urgent, ...contraindications, ...cautionLines(suggestion)];
}

/** The patient's record number as the EHR gives it (its first identifier, e.g. the MRN), else the chart's patient id. */
function recordNumber(patient: Patient | null, patientId: string): string {
  const identifier = patient?.identifier?.find((i) => i.value?.trim());
  return identifier ? `, ${identifier.type?.text ?? 'record number'} ${identifier.value!.trim()}` : `, record ${patientId}`;
}

export function ReferralLetter({ suggestion, choice, serviceName, derivation, patient, patientId, date, selected, overrideReason }: LetterProps) {
  const safety = letterSafetyItems(suggestion, derivation, overrideReason);
  const written = writtenReasons(suggestion).filter((r) => !/^urgent\b/i.test(r.text));
  const reasons = written.filter((r) => r.kind !== 'history').map((r) => writtenText(r.text));
  // A course given before is history, listed with the treatment history, never as a reason for the referral.
  const given = written.filter((r) => r.kind === 'history').map((r, i) => ({ condition: `given-${i}`, text: writtenText(r.text) }));
  // A conclusion a reason already opens with word for word (the resistance verdict an option rests on) is said once.
  const history: { condition: string; text: string }[] = [
    ...given,
    ...derivation.assessments.map((a) => ({ condition: a.condition, text: plainText(a.conclusion) })).filter((h) => !reasons.some((r) => r.startsWith(h.text))),
  ];
  return (
    <article className={`referral-letter ${selected ? 'is-selected' : ''}`} data-testid={`referral-letter-${suggestion.intervention}`} aria-hidden={!selected}>
      <h2>Referral: {suggestion.name}</h2>
      <p>
        <strong>To:</strong> {serviceName}
        <br />
        <strong>Priority:</strong> {PRIORITY_WORDS[choice.priority ?? 'routine']}
        <br />
        <strong>Date:</strong> {date}
      </p>
      <p>
        <strong>Patient:</strong> {displayName(patient)}
        {patient?.birthDate ? `, born ${patient.birthDate}` : ''}
        {recordNumber(patient, patientId)}
      </p>
      <h3>Safety</h3>
      {safety.length === 0 ? <p>No safety items were found in the coded record.</p> : (
        <ul>
          {safety.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      <h3>Reasons</h3>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {history.length > 0 && (
        <>
          <h3>Treatment history</h3>
          <ul>
            {history.map((h) => (
              <li key={h.condition}>{h.text}</li>
            ))}
          </ul>
        </>
      )}
      {choice.note?.trim() && (
        <>
          <h3>Note from the referring clinician</h3>
          <p>{choice.note.trim()}</p>
        </>
      )}
      <p className="referral-letter__footer">
        A draft proposal prepared with decision support from the coded record; verify against the chart. Not an order.
      </p>
    </article>
  );
}
