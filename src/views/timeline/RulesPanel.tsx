/** "About the rules": every rule the derivation applied, with its source and how well it is verified. */
import { useState } from 'react';
import type { Derivation, RuleRef } from '../../clinical/types';
import { compareCodeUnits } from '../../clinical/sorted';
import { BASELINE_WORDS } from '../../clinical/vocabulary';
import { rulesUsedBy } from '../../clinical/rules-used';
import { RuleSource, VerificationBadge } from './Badges';

/** The registry plus any rule a conclusion cites that the registry lacks, each once, by id. */
function collectRules(rules: RuleRef[], derivation: Derivation): RuleRef[] {
  const byId = new Map<string, RuleRef>();
  for (const r of rules) byId.set(r.id, r);
  for (const a of derivation.assessments) if (!byId.has(a.definition.id)) byId.set(a.definition.id, a.definition);
  for (const t of derivation.trials) for (const r of t.adequacyRules) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
}


const TOPIC_LABEL: Record<string, string> = {
  definition: 'Treatment-resistance definitions',
  adequacy: 'Adequate trials (dose and duration)',
  outcome: 'Outcomes',
  scale: 'Symptom scales',
  staging: 'Staging',
  suggest: 'Options',
  terminology: 'Codes and terms',
};

/** The topic of a rule, from the first part of its id ("adequacy.min-dose…" -> adequacy); shown as words, never the id. */
function ruleTopic(rule: RuleRef): string {
  const head = rule.id.split('.')[0] ?? '';
  return TOPIC_LABEL[head] ?? 'Other rules';
}

function byTopic(rules: RuleRef[]): [string, RuleRef[]][] {
  const groups = new Map<string, RuleRef[]>();
  for (const r of rules) groups.set(ruleTopic(r), [...(groups.get(ruleTopic(r)) ?? []), r]);
  const order = Object.values(TOPIC_LABEL);
  return [...groups.entries()].sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
}

export function RulesPanel({ rules, derivation }: { rules: RuleRef[]; derivation: Derivation }) {
  const all = collectRules(rules, derivation);
  const usedIds = rulesUsedBy(derivation);
  const used = all.filter((r) => usedIds.has(r.id));
  const unverified = used.filter((r) => r.verification === 'U').length;
  // The full table has a few hundred rows: built only once the panel is opened.
  const [opened, setOpened] = useState(false);
  return (
    <details className="trp-rules" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        About the rules ({used.length} used for this patient{unverified ? `, ${unverified} unverified` : ''})
      </summary>
      {opened && <RulesTable used={used} rest={all.filter((r) => !usedIds.has(r.id))} />}
    </details>
  );
}

function RuleGroups({ rules, headingLevel }: { rules: RuleRef[]; headingLevel: 'h4' | 'h5' }) {
  const Heading = headingLevel;
  return (
    <>
      {byTopic(rules).map(([topic, list]) => (
        <section key={topic} className="trp-rule-group">
          <Heading>{topic}</Heading>
          <ul className="trp-rule-list">
            {list.map((r) => (
              <li key={r.id}>
                {r.summary} <span className="trp-source">(<RuleSource rule={r} />)</span> <VerificationBadge verification={r.verification} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function RulesTable({ used, rest }: { used: RuleRef[]; rest: RuleRef[] }) {
  const [showRest, setShowRest] = useState(false);
  return (
    <>
      <p>
        The rules this patient&apos;s conclusions rest on, by topic. Rules marked <VerificationBadge verification="U" /> could not be checked against a
        primary source; treat conclusions that rest on them with extra care.
      </p>
      {used.length === 0 ? <p>No rule was applied to this record.</p> : <RuleGroups rules={used} headingLevel="h4" />}
      <p>
        <button type="button" className="trp-link-button" aria-expanded={showRest} onClick={() => setShowRest((v) => !v)}>
          {showRest ? 'Hide the other rules' : `Show the ${rest.length} other rules of the app`}
        </button>
      </p>
      {showRest && <RuleGroups rules={rest} headingLevel="h5" />}
      <h4>Display conventions of this view</h4>
      <ul>
        <li>
          A trial&apos;s baseline score is the one its outcome is measured from: {BASELINE_WORDS}, on the scale the outcome is judged by; the
          response line is drawn relative to it.
        </li>
        <li>
          Bar height is the daily dose relative to the highest dose of that agent in this record, in the unit of the trial&apos;s adequate-dose
          threshold: chlorpromazine equivalents where TRRIP&apos;s threshold applies, else mg/day of the agent.
        </li>
      </ul>
    </>
  );
}
