/** "About the rules": every rule the derivation applied, with its source and how well it is verified. */
import { useState } from 'react';
import type { Derivation, RuleRef } from '../../clinical/types';
import { compareCodeUnits } from '../../clinical/sorted';
import { VerificationBadge } from './Badges';

/** The registry plus any rule a conclusion cites that the registry lacks, each once, by id. */
export function collectRules(rules: RuleRef[], derivation: Derivation): RuleRef[] {
  const byId = new Map<string, RuleRef>();
  for (const r of rules) byId.set(r.id, r);
  for (const a of derivation.assessments) if (!byId.has(a.definition.id)) byId.set(a.definition.id, a.definition);
  for (const t of derivation.trials) for (const r of t.adequacyRules) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
}

export function RulesPanel({ rules, derivation }: { rules: RuleRef[]; derivation: Derivation }) {
  const all = collectRules(rules, derivation);
  const unverified = all.filter((r) => r.verification === 'U').length;
  // The table has a row per rule (a few hundred): built only once the panel is opened, it no longer doubles the
  // page's size at launch, when the clinician has not asked for it.
  const [opened, setOpened] = useState(false);
  return (
    <details className="trp-rules" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        About the rules ({all.length} rules{unverified ? `, ${unverified} unverified` : ''})
      </summary>
      {opened && <RulesTable all={all} />}
    </details>
  );
}

function RulesTable({ all }: { all: RuleRef[] }) {
  return (
    <>
      <p>
        Each conclusion above names the rule it applied. Rules marked <VerificationBadge verification="U" /> could not be checked against a
        primary source; treat conclusions that rest on them with extra care.
      </p>
      <div className="trp-table-wrap">
        <table className="trp-table">
          <caption className="trp-visually-hidden">Rules with sources</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Source</th>
              <th scope="col">Verification</th>
            </tr>
          </thead>
          <tbody>
            {all.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.summary}
                  <div className="trp-muted">
                    <code>{r.id}</code>
                  </div>
                </th>
                <td>{r.source}</td>
                <td>
                  <VerificationBadge verification={r.verification} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>Display conventions of this view</h4>
      <ul>
        <li>
          A trial&apos;s baseline score is the last score of the instrument in the 8 weeks before the trial started (or the first in its first
          week); the response line is drawn relative to it. This is a drawing convention, not the engine&apos;s outcome rule.
        </li>
        <li>Bar height is the daily dose relative to the highest dose of that agent in this record; antipsychotics in chlorpromazine equivalents when a threshold exists.</li>
      </ul>
    </>
  );
}
