/**
 * Launch contexts minted by the EHR page: an opaque launch id bound to the patient, the user and the banner preference.
 * The authorization server accepts a `launch` parameter only while its id is live here, and only once: the first
 * authorization that binds it consumes it (a replayed or leaked launch URL cannot open the record again).
 */
import { randomBytes } from 'node:crypto';

export interface LaunchContext {
  patient: string;
  /** FHIR reference of the launching user ("Practitioner/dr-demo"). */
  user: string;
  needPatientBanner: boolean;
  encounter?: string;
  smartStyleUrl?: string;
}

/** A launch id older than this is refused (the EHR would have expired it too). */
const LAUNCH_TTL_MS = 10 * 60 * 1000;

export class LaunchStore {
  private readonly launches = new Map<string, { context: LaunchContext; expiresAt: number; used: boolean }>();

  constructor(private readonly now: () => number = Date.now) {}

  mint(context: LaunchContext): string {
    const id = randomBytes(16).toString('base64url');
    this.launches.set(id, { context, expiresAt: this.now() + LAUNCH_TTL_MS, used: false });
    return id;
  }

  /** The context of a live launch id, or why it cannot be used. */
  lookup(id: string): { context: LaunchContext } | { error: string } {
    const entry = this.launches.get(id);
    if (!entry) return { error: 'The launch parameter is not one this EHR issued. Start the app again from the EHR.' };
    if (entry.expiresAt < this.now()) {
      this.launches.delete(id);
      return { error: 'The launch has expired. Start the app again from the EHR.' };
    }
    if (entry.used) return { error: 'This launch was already used. Start the app again from the EHR.' };
    return { context: entry.context };
  }

  /** The context of a live, unused launch id, which is then used up; or why it cannot be used. */
  consume(id: string): { context: LaunchContext } | { error: string } {
    const found = this.lookup(id);
    const entry = this.launches.get(id);
    if ('context' in found && entry) entry.used = true;
    return found;
  }
}
