import type { Finding, Suggestion } from '../../clinical/types';
import type { OptionInfo } from '../shell/services';
import { needsOverrideReason, STATUS_LABELS } from './selection';
import { RECORD_TYPE_WORDS, resourceTypeOf } from '../../clinical/record-words';
import { BEFORE_STARTING, capitalise } from '../../clinical/vocabulary';
import { countOf, plainText } from '../../clinical/plain-text';
import { overrideLines, reasonsBesideContraindications } from '../../clinical/suggestions/describe';
import { referenceAddress } from '../shell/record-address';

/** Record types in words, for the links to a finding's source records. */
/**
 * The records a finding rests on, as links to their FHIR addresses named by type ("Medication order 2"), never as ids in
 * the words; folded under a count, so a trial with dozens of dispenses does not bury the reasons.
 */
function SourceList({ sources, fhirBaseUrl, onSelectSources, about }: { sources: string[]; fhirBaseUrl?: string; onSelectSources?: SelectSources; about?: string }) {
  if (sources.length === 0) return null;
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const reference of sources) total.set(resourceTypeOf(reference), (total.get(resourceTypeOf(reference)) ?? 0) + 1);
  return (
    <details className="finding-list__sources finding-list__sources--folded">
      <summary>
        {sources.length} source record{sources.length === 1 ? '' : 's'}
      </summary>
      {onSelectSources && (
        <button type="button" className="link-button" onClick={() => onSelectSources(sources, about)}>
          read {sources.length === 1 ? 'it' : 'them'} in words
        </button>
      )}
      <ul>
        {sources.map((reference) => {
          const type = resourceTypeOf(reference);
          const n = (seen.get(type) ?? 0) + 1;
          seen.set(type, n);
          const words = `${capitalise(RECORD_TYPE_WORDS[type]?.one ?? 'record')}${(total.get(type) ?? 0) > 1 ? ` ${n}` : ''}`;
          const address = referenceAddress(fhirBaseUrl, reference);
          return (
            <li key={reference}>
              {address ? (
                <a href={address} target="_blank" rel="noopener noreferrer">
                  {words}
                </a>
              ) : (
                words
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

type SelectSources = (references: string[], about?: string) => void;

function FindingList({ title, findings, tone, fhirBaseUrl, onSelectSources }: { title: string; findings: Finding[]; tone: 'reason' | 'caution' | 'contra'; fhirBaseUrl?: string; onSelectSources?: SelectSources }) {
  if (findings.length === 0) return null;
  return (
    <div className={`finding-list finding-list--${tone}`}>
      <h4 className="finding-list__title">{title}</h4>
      <ul>
        {findings.map((finding, index) => (
          <li key={index}>
            {plainText(finding.text)}
            <SourceList sources={finding.sources} about={plainText(finding.text)} {...(fhirBaseUrl ? { fhirBaseUrl } : {})} {...(onSelectSources ? { onSelectSources } : {})} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the option is, its usual course, regulatory status and references, folded under a summary. */
function AboutOption({ info }: { info: OptionInfo }) {
  return (
    <details className="option-card__about">
      <summary>Usual course, regulatory status and references</summary>
      <dl>
        <dt>Usual course</dt>
        <dd>{info.usualCourse}</dd>
        <dt>Regulatory status</dt>
        <dd>{info.regulatory}</dd>
        {info.references.length > 0 && (
          <>
            <dt>References</dt>
            <dd>
              <ul>
                {info.references.map((reference) => (
                  <li key={reference}>{reference}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>If proposed</dt>
        <dd>
          {info.referral
            ? 'Written as a CarePlan activity with a draft referral (ServiceRequest) to the receiving service chosen once it is ticked.'
            : 'Written as a CarePlan activity (no referral).'}
        </dd>
      </dl>
    </details>
  );
}

interface Props {
  suggestion: Suggestion;
  info?: OptionInfo | null;
  ticked: boolean;
  tickable: boolean;
  overrideReason: string;
  disabled: boolean;
  onTick: (ticked: boolean) => void;
  onOverrideReason: (text: string) => void;
  /** The EHR's FHIR base, for links to the source records. */
  fhirBaseUrl?: string;
  /** Opens the records panel on a finding's source records. */
  onSelectSources?: SelectSources;
}

/** One option with its status, reasons, cautions and contraindications, and the tick to propose it. */
export function SuggestionCard({ suggestion, info, ticked, tickable, overrideReason, disabled, onTick, onOverrideReason, fhirBaseUrl, onSelectSources }: Props) {
  const select = onSelectSources ? { onSelectSources } : {};
  const id = `option-${suggestion.intervention}`;
  const needsReason = needsOverrideReason(suggestion.status);
  const blocked = suggestion.status === 'contraindicated';
  // Proposed against its contraindications with a written reason: the card says the override as the plan will (the
  // reason once, then each contraindication as overridden), never "Not offered" beside the tick that proposes it.
  const overriding = blocked && ticked && tickable && overrideReason.trim() !== '';
  // An option the record does not support is not on offer: its cautions (a switch from the drug taken now, say) would
  // read as advice to start it, so they wait until the clinician ticks it to propose it anyway.
  const notOnOffer = suggestion.status === 'not-eligible' || suggestion.status === 'not-applicable';
  const cautionsShown = !notOnOffer || (ticked && tickable);
  const overrideWords = overriding ? overrideLines(suggestion, overrideReason) : [];
  const shownContraindications = overriding
    ? [{ text: overrideWords[0]!, sources: [] }, ...suggestion.contraindications.map((c, i) => ({ ...c, text: overrideWords[i + 1] ?? c.text }))]
    : suggestion.contraindications;
  const contraindications = (
    <FindingList
      title={overriding ? 'Contraindications, overridden' : 'Contraindications'}
      findings={shownContraindications}
      tone="contra"
      fhirBaseUrl={fhirBaseUrl}
      {...select}
    />
  );
  return (
    <li className={`option-card option-card--${suggestion.status}`} data-intervention={suggestion.intervention}>
      <div className="option-card__head">
        <input
          type="checkbox"
          id={id}
          className="option-card__tick"
          checked={ticked && tickable}
          disabled={disabled || !tickable}
          aria-describedby={needsReason ? `${id}-why-label` : undefined}
          onChange={(event) => onTick(event.target.checked)}
        />
        <label htmlFor={id} className="option-card__name">
          {suggestion.name}
        </label>
        <span className={`badge badge--${suggestion.status}`}>{STATUS_LABELS[suggestion.status]}</span>
        {/* The step the engine says this option waits on ("after re-measuring"), beside the status it qualifies. */}
        {suggestion.startsAfter && <span className="option-card__after">{suggestion.startsAfter.text}</span>}
        {suggestion.urgent && (
          <span className="badge badge--urgent" title="The record shows a reason for urgency">
            Urgent
          </span>
        )}
      </div>
      {/* What is proposed: the engine's own description when it proposes another format (intensified ERP), else the catalog's. */}
      {(suggestion.summary ?? info?.summary) && <p className="option-card__summary">{suggestion.summary ?? info?.summary}</p>}
      {/* Safety first: on a blocked option the contraindications lead, before what it would otherwise fit. */}
      {blocked && contraindications}
      <FindingList title="Why" findings={reasonsBesideContraindications(suggestion)} tone="reason" fhirBaseUrl={fhirBaseUrl} {...select} />
      {!blocked && contraindications}
      {cautionsShown ? (
        <>
          {/* The engine's baseline checks before starting lead, grouped; then the other cautions in its order. */}
          <FindingList title={BEFORE_STARTING} findings={suggestion.cautions.filter((c) => c.beforeStarting)} tone="caution" fhirBaseUrl={fhirBaseUrl} {...select} />
          <FindingList title="Cautions" findings={suggestion.cautions.filter((c) => !c.beforeStarting)} tone="caution" fhirBaseUrl={fhirBaseUrl} {...select} />
        </>
      ) : (
        suggestion.cautions.length > 0 && (
          <p className="option-card__held-cautions">{countOf(suggestion.cautions.length, 'caution')} shown if it is proposed anyway.</p>
        )
      )}
      {info && <AboutOption info={suggestion.usualCourse ? { ...info, usualCourse: suggestion.usualCourse } : info} />}
      {needsReason && (
        <div className="option-card__override">
          <label id={`${id}-why-label`} htmlFor={`${id}-why`}>
            To propose this option anyway, write why (required; it goes into the plan’s note):
          </label>
          <textarea
            id={`${id}-why`}
            rows={2}
            value={overrideReason}
            disabled={disabled}
            onChange={(event) => onOverrideReason(event.target.value)}
          />
        </div>
      )}
    </li>
  );
}
