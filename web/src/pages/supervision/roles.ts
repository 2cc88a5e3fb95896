import type { Role } from "@weiquan/domain/auth/roles";

/** Who draws rounds, calls back and inspects (the API decides; the console only hides what would be refused). */
export const supervises = (role: Role) =>
  role === "bureau_admin" || role === "bureau_staff" || role === "office_staff";

/** Who answers for a unit: closes its follow-ups, rectifies its findings. */
export const answers = (role: Role) =>
  role === "office_staff" || role === "station_staff" || role === "point_staff";
