import type { Finding, Suggestion } from '../../clinical/types';
import type { OptionInfo } from '../shell/services';
import { needsOverrideReason, STATUS_LABELS } from './selection';

/** Up to this many references are shown inline; longer lists (a trial can have dozens of dispenses) fold away. */
const INLINE_SOURCES = 3;

function SourceList({ sources }: { sources: string[] }) {
  if (sources.length === 0) return null;
  if (sources.length <= INLINE_SOURCES) return <span className="finding-list__sources"> (source: {sources.join(', ')})</span>;
  return (
    <details className="finding-list__sources finding-list__sources--folded">
      <summary>{sources.length} source resources</summary>
      {sources.join(', ')}
    </details>
  );
}

function FindingList({ title, findings, tone }: { title: string; findings: Finding[]; tone: 'reason' | 'caution' | 'contra' }) {
  if (findings.length === 0) return null;
  return (
    <div className={`finding-list finding-list--${tone}`}>
      <h4 className="finding-list__title">{title}</h4>
      <ul>
        {findings.map((finding, index) => (
          <li key={index}>
            {finding.text}
            <SourceList sources={finding.sources} />
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
            ? 'Written as a CarePlan activity with a draft referral (ServiceRequest) to the psychiatry service.'
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
  onTick(ticked: boolean): void;
  onOverrideReason(text: string): void;
}

/** One option with its status, reasons, cautions and contraindications, and the tick to propose it. */
export function SuggestionCard({ suggestion, info, ticked, tickable, overrideReason, disabled, onTick, onOverrideReason }: Props) {
  const id = `option-${suggestion.intervention}`;
  const needsReason = needsOverrideReason(suggestion.status);
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
        {suggestion.urgent && (
          <span className="badge badge--urgent" title="The record shows a reason for urgency">
            Urgent
          </span>
        )}
      </div>
      {info && <p className="option-card__summary">{info.summary}</p>}
      <FindingList title="Why" findings={suggestion.reasons} tone="reason" />
      <FindingList title="Contraindications" findings={suggestion.contraindications} tone="contra" />
      <FindingList title="Cautions" findings={suggestion.cautions} tone="caution" />
      {info && <AboutOption info={info} />}
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
