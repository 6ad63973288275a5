import type { QueryLogEntry } from '../../fhir/contract';
import { failureReason, STATUS_WORDS } from './read-status';

/** The "what was queried" panel: each query, its result count, pages and any error. Collapsed by default. */
export function QueryPanel({ queries }: { queries: QueryLogEntry[] }) {
  const total = queries.reduce((sum, entry) => sum + entry.count, 0);
  const problems = queries.filter((entry) => entry.status === 'failed' || entry.status === 'partial').length;
  return (
    <details className="query-panel">
      <summary>
        What was queried ({queries.length} {queries.length === 1 ? 'query' : 'queries'}, {total}{' '}
        {total === 1 ? 'resource' : 'resources'}
        {problems > 0 ? `, ${problems} with problems` : ''})
      </summary>
      <div className="table-scroll">
        <table className="data-table query-panel__table">
          <caption className="visually-hidden">Queries sent to the EHR’s FHIR server</caption>
          <thead>
            <tr>
              <th scope="col">Resource type</th>
              <th scope="col">Query</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Resources</th>
              <th scope="col" className="num">Pages</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {queries.map((entry, index) => (
              <tr key={`${entry.query}-${index}`}>
                <td>{entry.resourceType}</td>
                <td className="query-panel__query">
                  <code>{entry.query}</code>
                </td>
                <td>{STATUS_WORDS[entry.status]}</td>
                <td className="num">{entry.count}</td>
                <td className="num">{entry.pages}</td>
                <td>{entry.status === 'failed' || entry.status === 'partial' ? failureReason(entry) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
