import type { Derivation } from '../../clinical/types';

/**
 * The safety items the engine derived (src/clinical/safety), first on the page: what must never be missed, each with
 * its date, what it asks for, and its resources as links (never as ids in the words).
 */
export function SafetyStrip({ derivation, onSelectSources }: { derivation: Derivation; onSelectSources?: (references: string[], about?: string) => void }) {
  const items = derivation.safety ?? [];
  if (items.length === 0) return null;
  return (
    <section className="trp-safety" aria-labelledby="trp-safety-heading" data-testid="safety-strip">
      <h2 id="trp-safety-heading" className="trp-safety-heading">
        Safety
      </h2>
      <ul className="trp-safety-list">
        {items.map((item, i) => (
          <li key={`${item.kind}-${i}`} className={`trp-safety-item trp-safety-item--${item.kind}`}>
            <strong>{item.title}</strong>
            {item.date ? (
              <>
                {' '}
                ({item.dateLabel ? `${item.dateLabel} ` : ''}
                <time dateTime={item.date}>{item.date}</time>)
              </>
            ) : null}
            : {item.detail}
            {item.action ? <> {item.action}</> : null}
            {onSelectSources && item.sources.length > 0 && (
              <>
                {' '}
                <button type="button" className="trp-link-button" onClick={() => onSelectSources(item.sources, item.title)}>
                  record{item.sources.length === 1 ? '' : `s (${item.sources.length})`}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}


