import { useEffect, useState, type RefObject } from 'react';

/**
 * Width of an element, following it as the EHR frame resizes. ResizeObserver reports the first size after layout,
 * so no synchronous getBoundingClientRect forces an extra layout of the whole page while it renders; where
 * ResizeObserver is missing, the element is measured once.
 */
export function useContainerWidth(ref: RefObject<HTMLElement | null>, initial = 1000): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const accept = (w: number) => {
      if (w > 0) setWidth(Math.floor(w));
    };
    if (typeof ResizeObserver === 'undefined') {
      accept(element.getBoundingClientRect().width);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) accept(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
