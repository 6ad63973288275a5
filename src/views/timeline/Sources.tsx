/**
 * Citations as short primary sources ("Howes 2017") linking to the in-app Sources panel, which lists the project's
 * reference registry (the same table docs/sources.md is generated from) with one anchor per source.
 */
import { REFERENCES, type ReferenceId } from '../../clinical/references/registry';
import type { RuleRef } from '../../clinical/types';

const SOURCES_PANEL_ID = 'trp-sources';
const sourceAnchorId = (id: string) => `trp-source-${id}`;

function isReferenceId(id: string): id is ReferenceId {
  return Object.hasOwn(REFERENCES, id);
}

/** The registry ids a rule cites, known ones only, each once. */
export function referenceIdsOf(rules: readonly (RuleRef | undefined)[]): ReferenceId[] {
  const ids = new Set<ReferenceId>();
  for (const rule of rules) for (const id of rule?.references ?? []) if (isReferenceId(id)) ids.add(id);
  return [...ids];
}

/** Opens the Sources panel and brings the source into view (the panel is a closed <details> until asked for). */
function openSource(id: string): void {
  const panel = document.getElementById(SOURCES_PANEL_ID);
  if (panel instanceof HTMLDetailsElement) panel.open = true;
  const target = document.getElementById(sourceAnchorId(id));
  target?.scrollIntoView?.({ block: 'center' });
  target?.focus();
}

/** "Howes 2017; Spravato label", each a link to its row in the Sources panel. */
export function Citation({ ids }: { ids: readonly string[] }) {
  const known = ids.filter(isReferenceId);
  if (known.length === 0) return null;
  return (
    <span className="trp-citation">
      {known.map((id, i) => (
        <span key={id}>
          {i > 0 && '; '}
          <a
            href={`#${sourceAnchorId(id)}`}
            onClick={(event) => {
              event.preventDefault();
              openSource(id);
            }}
          >
            {REFERENCES[id].short}
          </a>
        </span>
      ))}
    </span>
  );
}

/** The app's sources, one row per registry entry, each with its anchor and link. */
export function SourcesPanel() {
  const ids = (Object.keys(REFERENCES) as ReferenceId[]).slice().sort((a, b) => REFERENCES[a].short.localeCompare(REFERENCES[b].short));
  return (
    <details className="trp-sources-panel" id={SOURCES_PANEL_ID}>
      <summary>Sources ({ids.length})</summary>
      <p className="trp-muted">The primary sources the rules cite.</p>
      <ul>
        {ids.map((id) => {
          const ref = REFERENCES[id] as { short: string; citation: string; url?: string };
          return (
            <li key={id} id={sourceAnchorId(id)} tabIndex={-1}>
              <strong>{ref.short}</strong>: {ref.citation}{' '}
              {ref.url && (
                <a href={ref.url} target="_blank" rel="noopener noreferrer">
                  {ref.url}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
