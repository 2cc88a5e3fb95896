import { z } from "zod";
import { dateInput, line, Version } from "../common/inputs.ts";
import { personFor } from "../common/mask.ts";

export const VolunteerStatus = z.enum(["active", "left"]);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,30}$/, "电话号码格式不对");

export const CreateVolunteerInput = z
  .object({
    unitId: z.string().min(1).max(64),
    name: line(50),
    phone: Phone,
    joinedAt: dateInput(),
    skills: z.array(line(50)).max(20).optional(),
    status: VolunteerStatus.default("active"),
  })
  .strict();
export type CreateVolunteerInput = z.infer<typeof CreateVolunteerInput>;

export const PatchVolunteerInput = z
  .object({
    version: Version,
    unitId: z.string().min(1).max(64).optional(),
    name: line(50).optional(),
    phone: Phone.optional(),
    joinedAt: dateInput().optional(),
    skills: z.array(line(50)).max(20).nullable().optional(),
    status: VolunteerStatus.optional(),
  })
  .strict();
export type PatchVolunteerInput = z.infer<typeof PatchVolunteerInput>;

export const Volunteer = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  phone: z.string(),
  joinedAt: z.string(),
  skills: z.array(z.string()).optional(),
  status: VolunteerStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** True when name and phone are masked for this caller. */
  masked: z.boolean(),
});
export type Volunteer = z.infer<typeof Volunteer>;
export type VolunteerRecord = Omit<Volunteer, "masked">;

/** A volunteer as this caller may see them: personal information masked like a consumer's unless allowed. */
export const volunteerView = (v: VolunteerRecord, whole: boolean): Volunteer => ({
  ...personFor(v, whole),
  masked: !whole,
});
