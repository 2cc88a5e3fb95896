import { useSyncExternalStore } from "react";

/**
 * 大字模式: body text at 18 px and larger controls, for older staff. Remembered per user in this browser
 * (a shared office computer serves several clerks): the console names the signed-in user once the session
 * is known, the login page reads the last choice made on this computer.
 */
const keyOf = (userId: string) => `weiquan.largeText.${userId}`;
const LAST_KEY = "weiquan.largeText.last";

let userId: string | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

function read(): boolean {
  try {
    return localStorage.getItem(userId ? keyOf(userId) : LAST_KEY) === "1";
  } catch {
    return false;
  }
}

function write(key: string, on: boolean) {
  try {
    if (on) localStorage.setItem(key, "1");
    else localStorage.removeItem(key);
  } catch {
    // Private mode or a full store: the choice lasts for this page only.
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whose choice applies from now on (null: nobody signed in). */
export function setLargeTextUser(id: string | null) {
  if (id === userId) return;
  userId = id;
  notify();
}

export function setLargeText(on: boolean) {
  if (userId) write(keyOf(userId), on);
  write(LAST_KEY, on);
  notify();
}

export function useLargeText(): { large: boolean; setLarge: (on: boolean) => void } {
  const large = useSyncExternalStore(subscribe, read, () => false);
  return { large, setLarge: setLargeText };
}

/**
 * The size of small print (a label above a filter, a date under a title): 12 px normally, 16 px in 大字模式
 * (antd's own small text grows with the theme; this is for the few places that set a size themselves).
 */
export function useSmallFont(size = 12): number {
  return useLargeText().large ? size + 4 : size;
}
