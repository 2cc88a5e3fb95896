import { type RefObject, useEffect, useRef } from "react";

/** A ref that is true while the component is mounted, so async loads don't set state after unmount. */
export function useAlive(): RefObject<boolean> {
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  return alive;
}
