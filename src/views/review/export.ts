/** Copy-to-note and download helpers for the draft plan (browser APIs, kept out of the components). */

/** Copies text to the clipboard; resolves false when the browser refuses (e.g. no permission inside an iframe). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves JSON as a file through a same-origin blob URL (no request leaves the browser). The file name carries the
 * date only: no patient data in file names.
 */
export function downloadJson(json: string, fileName: string): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the download start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
