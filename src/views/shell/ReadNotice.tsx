import type { QueryLogEntry } from '../../fhir/contract';
import { readProblems } from './read-status';

/** A visible notice when part of the record could not be read; what was read is still shown below it. */
export function ReadNotice({ queries }: { queries: QueryLogEntry[] }) {
  const problems = readProblems(queries);
  if (problems.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-labelledby="read-notice-title">
      <h2 id="read-notice-title" className="notice__title">Part of the record could not be read</h2>
      <ul className="notice__list">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p className="notice__hint">
        The timeline and suggestions below use only what was read, so they may be incomplete. Check the chart for the
        missing parts. Details are in “What was queried” at the bottom of the page.
      </p>
    </section>
  );
}
