import { startTransition, useEffect, useState } from 'react';

/**
 * False on a component's first render, true right after it (a low-priority update once the first frame is out):
 * for parts of a page that are not on the first screen and need not delay it. Stays true once true.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return painted;
}
