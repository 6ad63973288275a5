/** docs/sources.md, written from the reference table (pure: the script writes the file, a test checks it is current). */
import { REFERENCES, type Reference, type ReferenceKind } from './registry';

const KIND_TITLES: Record<ReferenceKind, string> = {
  guideline: 'Guidelines and consensus definitions',
  paper: 'Papers',
  label: 'Product labels and regulatory documents',
  'value-set': 'Value sets and code systems',
  standard: 'Standards',
  registry: 'Registries',
  project: "This app's working rules",
};

const ORDER: ReferenceKind[] = ['guideline', 'paper', 'label', 'value-set', 'standard', 'registry', 'project'];

function row(id: string, ref: Reference): string {
  const link = ref.url ? ` <${ref.url}>` : '';
  return `- <a id="${id}"></a>**${ref.short}** — ${ref.citation}${link}`;
}

export function sourcesPage(): string {
  const entries = Object.entries(REFERENCES) as [string, Reference][];
  const lines = [
    '# Sources',
    '',
    'Every rule of the app cites one or more of these references; the app shows the short name beside each reason and',
    'links here. This page is generated from `src/clinical/references/registry.ts` by `npm run sources`; edit the table,',
    'not this page.',
    '',
  ];
  for (const kind of ORDER) {
    const rows = entries.filter(([, ref]) => ref.kind === kind).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (rows.length === 0) continue;
    lines.push(`## ${KIND_TITLES[kind]}`, '', ...rows.map(([id, ref]) => row(id, ref)), '');
  }
  return lines.join('\n');
}
