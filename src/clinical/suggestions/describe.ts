/**
 * What the review screen can show about an option beside its evaluation: what it is, the usual course, its
 * regulatory status and its references, as plain text with verification tags (UNVERIFIED spelled out).
 */
import type { InterventionId } from '../types';
import { catalogOption } from './catalog';
import { cite } from './context';

export interface OptionDescription {
  name: string;
  summary: string;
  usualCourse: string;
  /** "FDA-cleared device: ... (dates) — citation [tag]". */
  regulatory: string;
  references: string[];
  /** True when the option is written as a referral (ServiceRequest) on confirmation. */
  referral: boolean;
}

const REGULATORY_WORDS = {
  'fda-cleared-device': 'FDA-cleared device',
  'fda-approved-drug': 'FDA-approved drug',
  'fda-approved-device': 'FDA-approved device',
  'off-label': 'Off-label',
  investigational: 'Investigational',
  'not-a-product': 'Not a regulated product',
} as const;

export function describeOption(id: InterventionId): OptionDescription {
  const option = catalogOption(id);
  const { regulatory } = option;
  const dates = regulatory.dates.length ? ` (${regulatory.dates.join('; ')})` : '';
  return {
    name: option.name,
    summary: option.summary,
    usualCourse: option.usualCourse,
    regulatory: `${REGULATORY_WORDS[regulatory.kind]}: ${regulatory.text}${dates} — ${cite(regulatory.source)}`,
    references: option.references.map(cite),
    referral: option.referral,
  };
}
