import { type Role, roleLabels } from "@weiquan/domain/auth/roles";
import type { Lang } from "./lang.tsx";

/** Role names come from the domain package (one source of truth for zh and en). */
export function roleLabel(role: Role, lang: Lang): string {
  return roleLabels[role][lang];
}
