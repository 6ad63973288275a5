import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Width of an element, following it as the EHR frame resizes. Null until the element is measured: the first measure
 * is read synchronously in a layout effect, before the browser paints, so the timeline is first laid out (and first
 * shown) at its real width and does not move once on screen; then ResizeObserver follows later changes. Where the
 * element has no size (jsdom), `fallback` stands in.
 */
export function useContainerWidth(ref: RefObject<HTMLElement | null>, fallback = 1000): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const accept = (w: number) => setWidth((current) => (w > 0 ? Math.floor(w) : current ?? fallback));
    accept(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry && entry.contentRect.width > 0) accept(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
