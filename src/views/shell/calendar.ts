/** Calendar helpers for the shell. The engine never reads the clock; the shell decides "today" (local time zone). */

/** Today's calendar date in the browser's local time zone, as "YYYY-MM-DD" (the engine's `asOf`). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
