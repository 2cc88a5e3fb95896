import { useEffect, useState } from "react";

/**
 * False until the frame after `ready` first turned true has painted: a page shows what the person came
 * for (the numbers) at once and renders its heavier parts (charts, long tables, pickers) just after.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
