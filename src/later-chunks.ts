/**
 * The chunks index.html's first module imports later (the React root, the engine and timeline), listed by the build in
 * a JSON data block (vite.config.ts), and asked for here once the token request has left (src/main.tsx).
 */
export const LATER_CHUNKS_ID = 'later-chunks';

export interface LaterChunks {
  /** Module chunks: fetched and compiled now (modulepreload), evaluated when imported. */
  scripts: string[];
  /** Their style sheets: fetched now, applied when the chunk that imports them is evaluated. */
  styles: string[];
}

/**
 * Adds a preload link for each listed chunk not linked yet (once per page; without the list, as under the dev server,
 * nothing). CORS mode, as Vite's loader asks for them when the chunks are imported: in another mode the browser would
 * not use the preloaded answer.
 */
export function preloadLaterChunks(doc: Document = document): void {
  const text = doc.getElementById(LATER_CHUNKS_ID)?.textContent;
  if (!text) return;
  let later: LaterChunks;
  try {
    later = JSON.parse(text) as LaterChunks;
  } catch {
    return;
  }
  const linked = new Set(Array.from(doc.querySelectorAll('link'), (link) => link.getAttribute('href')));
  const add = (href: unknown, rel: string, as: string) => {
    if (typeof href !== 'string' || linked.has(href)) return;
    linked.add(href);
    const link = doc.createElement('link');
    link.rel = rel;
    link.setAttribute('as', as);
    link.crossOrigin = '';
    link.href = href;
    doc.head.appendChild(link);
  };
  if (Array.isArray(later.scripts)) for (const href of later.scripts) add(href, 'modulepreload', 'script');
  if (Array.isArray(later.styles)) for (const href of later.styles) add(href, 'preload', 'style');
}
