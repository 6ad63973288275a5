import type { Derivation } from '../../clinical/types';

/**
 * The safety items the engine derived (src/clinical/safety), first on the page: what must never be missed, each with
 * its date, what it asks for, and its resources as links (never as ids in the words). Every view that shows the
 * record draws this same strip first; `place` keeps its heading id and test id apart when two views are in the page.
 */
export function SafetyStrip({
  derivation,
  onSelectSources,
  place = 'history',
}: {
  derivation: Derivation;
  onSelectSources?: (references: string[], about?: string) => void;
  place?: 'history' | 'options';
}) {
  const items = derivation.safety ?? [];
  if (items.length === 0) return null;
  // On the options tab the strip sits under that tab's own heading.
  const Heading = place === 'history' ? 'h2' : 'h3';
  const headingId = place === 'history' ? 'trp-safety-heading' : 'review-safety-heading';
  return (
    <section className="trp-safety" aria-labelledby={headingId} data-testid={place === 'history' ? 'safety-strip' : 'options-safety-strip'}>
      <Heading id={headingId} className="trp-safety-heading">
        Safety
      </Heading>
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


