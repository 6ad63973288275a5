import { useEffect, useState, type RefObject } from 'react';

/** Width of an element, following it as the EHR frame resizes. Falls back to `initial` where ResizeObserver is missing. */
export function useContainerWidth(ref: RefObject<HTMLElement | null>, initial = 1000): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const w = element.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.floor(w));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
