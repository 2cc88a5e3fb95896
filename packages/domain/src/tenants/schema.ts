import { z } from "zod";
import { TenantStatus } from "../auth/schema.ts";

export const Password = z
  .string()
  .min(8, "密码至少 8 位")
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "密码须同时包含字母和数字");

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名为 3–32 位小写字母、数字、下划线、点或连字符，以字母开头");

/** GB/T 2260 county-level code: 6 digits, not a province (xx0000) or prefecture (xxxx00) code. */
/**
 * Prefecture-level cities without counties (不设区的地级市): their bureau is county-level in the network
 * sense although the code ends in 00.
 */
const CITIES_WITHOUT_COUNTIES = new Set(["441900", "442000", "460400", "620200"]);

export const CountyCode = z
  .string()
  .regex(/^\d{6}$/, "行政区划代码为 6 位数字")
  .refine((c) => !c.endsWith("00") || CITIES_WITHOUT_COUNTIES.has(c), "须为县级行政区划代码（末两位不能为 00）");

export const OnboardTenantInput = z.object({
  countyCode: CountyCode,
  name: z.string().trim().min(2).max(100),
  admin: z.object({
    username: Username,
    displayName: z.string().trim().min(1).max(50),
    password: Password,
  }),
  prepopulate: z.boolean().optional(),
});
export type OnboardTenantInput = z.infer<typeof OnboardTenantInput>;

export const TenantUsage = z.object({
  cases: z.number().int(),
  apiCalls: z.number().int(),
  storageBytes: z.number().int().nullable(),
});

export const Tenant = z.object({
  id: z.string(),
  countyCode: z.string(),
  name: z.string(),
  status: TenantStatus,
  tableName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  provisioning: z
    .object({ steps: z.array(z.string()), done: z.array(z.string()), error: z.string().nullable() })
    .optional(),
  usage: TenantUsage.optional(),
});
export type Tenant = z.infer<typeof Tenant>;
