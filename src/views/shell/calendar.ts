/** Calendar helpers for the shell. The engine never reads the clock; the shell decides "today" (local time zone). */

/** Today's calendar date in the browser's local time zone, as "YYYY-MM-DD" (the engine's `asOf`). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years between a FHIR birthDate ("1980", "1980-05", "1980-05-17") and `asOf`; null when unreadable. */
export function ageInYears(birthDate: string | undefined, asOf: string): number | null {
  if (!birthDate) return null;
  const birth = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  const today = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  if (!birth || !today) return null;
  const [by, bm, bd] = [Number(birth[1]), Number(birth[2] ?? 1), Number(birth[3] ?? 1)];
  const [ty, tm, td] = [Number(today[1]), Number(today[2]), Number(today[3])];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age >= 0 && age < 150 ? age : null;
}
