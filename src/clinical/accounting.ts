/**
 * Accounting of every input resource: each resource ends up exactly once in `used` (with what
 * it was used for) or in `unused` (with why).
 *
 * Enforced by construction: the ledger is opened with every input, each classifier settles the entries it
 * examines, and `close()` turns any entry nobody settled into an explicit unused reason (and a note), so the
 * invariant holds even when a classifier forgets one. A resource may be used for several things; its uses are
 * joined into one `usedFor`. A use always wins over a tentative "not used" (e.g. a Medication first filed as
 * unreferenced and later found to be referenced by a trial).
 */
import type { Resource } from 'fhir/r4';
import type { UnusedResource, UsedResource } from './types';
import { countOf } from './plain-text';
import { medicationReferencesOf } from './group-by-patient';

interface Entry {
  reference: string;
  resource: Resource | null;
  uses: string[];
  unusedReason: string | null;
  /** A provisional reason that a later, more specific one replaces. */
  tentative: boolean;
  /** Whether "Type/id" names this resource (a well-formed resource with an id, not a rejected item). */
  resolvable: boolean;
}

/** One input item after intake: a well-formed resource with its reference, or a rejected item. */
export interface LedgerItem {
  reference: string;
  resource: Resource;
}

export class Ledger {
  /** Every entry by its key; "Type/id" also resolves a well-formed, non-duplicate resource (Entry.resolvable). */
  private readonly entries = new Map<string, Entry>();
  /**
   * Resources in input order, excluding rejected items (not a resource, duplicate of another entry): their entries,
   * which carry the reference and the resource (one object per resource, not an entry and an item).
   */
  readonly items: LedgerItem[] = [];
  private readonly closingNotes: string[] = [];

  constructor(inputs: readonly unknown[]) {
    inputs.forEach((input, index) => this.intake(input, index));
  }

  private intake(input: unknown, index: number): void {
    if (!isResourceLike(input)) {
      this.addEntry(`(input ${index + 1})`, null, 'not a FHIR resource (no resourceType)');
      return;
    }
    const hasId = typeof input.id === 'string' && input.id.length > 0;
    const reference = hasId ? `${input.resourceType}/${input.id}` : `${input.resourceType}/(no id, input ${index + 1})`;
    if (this.entries.has(reference)) {
      // Same Type/id twice: keep the first, account the second under a distinct key so both appear once.
      this.addEntry(`${reference} (copy ${index + 1})`, null, `duplicate of ${reference} in the input`);
      return;
    }
    // A key not taken yet (just checked): entered without addEntry's search for a free one.
    const entry: Entry & LedgerItem = { reference, resource: input, uses: [], unusedReason: null, tentative: false, resolvable: hasId };
    this.entries.set(reference, entry);
    this.items.push(entry);
  }

  private addEntry(reference: string, resource: Resource | null, unusedReason: string | null): void {
    let key = reference;
    for (let n = 2; this.entries.has(key); n++) key = `${reference} #${n}`;
    this.entries.set(key, { reference: key, resource, uses: [], unusedReason, tentative: false, resolvable: false });
  }

  resolve(reference: string): Resource | undefined {
    const e = this.entries.get(reference);
    return e !== undefined && e.resolvable ? e.resource! : undefined;
  }

  /** Records a use; several uses of one resource are joined. */
  use(reference: string, usedFor: string): void {
    const entry = this.entries.get(reference);
    if (!entry) return;
    if (!entry.uses.includes(usedFor)) entry.uses.push(usedFor);
  }

  /**
   * Records why a resource is not used, unless it is (or later becomes) used; the first firm reason is kept.
   * A tentative reason (e.g. "Medication not referenced ...") is replaced by any later one.
   */
  unused(reference: string, reason: string, options: { tentative?: boolean } = {}): void {
    const entry = this.entries.get(reference);
    if (!entry) return;
    if (entry.unusedReason === null || entry.tentative) {
      entry.unusedReason = reason;
      entry.tentative = options.tentative === true;
    }
  }

  /** Why a resource is not used, if it is not (for explaining dependants such as a record's Medication). */
  unusedReasonOf(reference: string): string | null {
    const e = this.entries.get(reference);
    return e && e.uses.length === 0 ? e.unusedReason : null;
  }

  isUsed(reference: string): boolean {
    return (this.entries.get(reference)?.uses.length ?? 0) > 0;
  }

  isSettled(reference: string): boolean {
    const e = this.entries.get(reference);
    return !!e && (e.uses.length > 0 || e.unusedReason !== null);
  }

  /** Settles everything left over and returns the two lists; each input appears exactly once. */
  close(): { used: UsedResource[]; unused: UnusedResource[]; notes: string[] } {
    const used: UsedResource[] = [];
    const unused: UnusedResource[] = [];
    let forgotten = 0;
    for (const entry of this.entries.values()) {
      if (entry.uses.length > 0) used.push({ reference: entry.reference, usedFor: entry.uses.join('; ') });
      else if (entry.unusedReason !== null) unused.push({ reference: entry.reference, reason: entry.unusedReason });
      else {
        forgotten++;
        unused.push({ reference: entry.reference, reason: 'not examined by this app' });
      }
    }
    if (forgotten > 0) this.closingNotes.push(`${countOf(forgotten, 'resource')} ${forgotten === 1 ? 'was' : 'were'} not examined by this app (listed as not used).`);
    return { used, unused, notes: this.closingNotes };
  }
}

function isResourceLike(x: unknown): x is Resource {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { resourceType?: unknown }).resourceType === 'string';
}

/** Checks the accounting invariant on a finished derivation (used by tests and by derivePatient's self-check). */
export function accountingHolds(inputCount: number, used: UsedResource[], unused: UnusedResource[]): boolean {
  const refs = new Set<string>();
  for (const u of used) refs.add(u.reference);
  for (const u of unused) refs.add(u.reference);
  return refs.size === used.length + unused.length && refs.size === inputCount;
}

/** A Medication referenced only by records that are not used is not used either: say which record and why. */
export function explainUnusedMedications(ledger: Ledger): void {
  for (const { reference, resource } of ledger.items) {
    const type = resource.resourceType;
    if ((type !== 'MedicationStatement' && type !== 'MedicationRequest' && type !== 'MedicationDispense') || ledger.isUsed(reference)) continue;
    for (const med of medicationReferencesOf(resource)) {
      if (ledger.isUsed(med)) continue;
      ledger.unused(med, `Medication of ${reference}, which is not used (${ledger.unusedReasonOf(reference) ?? 'no reason'})`);
    }
  }
}
