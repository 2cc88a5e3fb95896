/**
 * The one masking module: personal information shown to someone who may not see it whole (product.md
 * § Roles) is masked here, one rule per field, and nowhere else — case views, ledger rows, unit contacts,
 * exports and printed documents all call these. Rules keep just enough to tell rows apart and to match a
 * caller on the phone, never enough to identify or reach the person.
 */

/** Name: the surname (first character) and one star per further character. 张桂芳 → 张**, 王磊 → 王*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

/** Phone: the first three and the last four digits (two for a short number). 13812348000 → 138****8000. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-2)}`;
  return "****";
}

/** Address: the first three characters (the district), the rest hidden. 宝坻区南关大街 5 号 → 宝坻区****. */
export function maskAddress(address: string): string {
  return `${[...address].slice(0, 3).join("")}****`;
}

/** ID number: the region (first six) and the last four. 110101199003074514 → 110101********4514. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A person's fields as a case or a roster keeps them; absent fields stay absent. */
export interface PersonFields {
  name?: string;
  phone?: string;
  address?: string;
  idNumber?: string;
}

/** Every personal field of a consumer, reporter, volunteer… masked by its own rule. */
export function maskPerson<P extends PersonFields>(p: P): P {
  return {
    ...p,
    ...(p.name !== undefined && { name: maskName(p.name) }),
    ...(p.phone !== undefined && { phone: maskPhone(p.phone) }),
    ...(p.address !== undefined && { address: maskAddress(p.address) }),
    ...(p.idNumber !== undefined && { idNumber: maskIdNumber(p.idNumber) }),
  };
}

/** The same person as `p`, masked unless `whole` (the caller may see personal data). */
export const personFor = <P extends PersonFields>(p: P, whole: boolean): P => (whole ? p : maskPerson(p));
