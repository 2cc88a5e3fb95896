/** A trimmed string, or undefined when empty. */
export function blank(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  return s === "" ? undefined : s;
}
