import type { Filed } from "./IntakeForm.tsx";

const SAVED = "weiquan.public.cases";

/** Cases filed from this phone, so the consumer can find them again (the screenshot is the real copy). */
export function savedCases(county: string): Filed[] {
  try {
    const all = JSON.parse(localStorage.getItem(SAVED) ?? "{}") as Record<string, Filed[]>;
    return all[county] ?? [];
  } catch {
    return [];
  }
}
export function saveCase(county: string, f: Filed) {
  try {
    const all = JSON.parse(localStorage.getItem(SAVED) ?? "{}") as Record<string, Filed[]>;
    all[county] = [f, ...(all[county] ?? []).filter((x) => x.trackingNo !== f.trackingNo)].slice(0, 10);
    localStorage.setItem(SAVED, JSON.stringify(all));
  } catch {
    // private mode: the screenshot is enough
  }
}
