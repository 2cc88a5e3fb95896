import { z } from "zod";
import { TenantStatus } from "../auth/schema.ts";
import { line } from "../common/inputs.ts";

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
  .refine(
    (c) => !c.endsWith("00") || CITIES_WITHOUT_COUNTIES.has(c),
    "须为县级行政区划代码（末两位不能为 00）",
  );

export const OnboardTenantInput = z.strictObject({
  countyCode: CountyCode,
  name: line(100, { min: 2 }),
  admin: z.strictObject({
    username: Username,
    displayName: line(50),
    password: Password,
  }),
  prepopulate: z.boolean().optional(),
});
export type OnboardTenantInput = z.infer<typeof OnboardTenantInput>;

const Count = z.number().int().min(0);

/**
 * What a tenant holds, as the platform sees it (GET /v1/platform/tenants/{id}). Cheap by design: the
 * root unit's rollup (one query over its months), one units query, one users count, DescribeTable.
 */
export const TenantUsage = z.object({
  units: z.object({
    total: Count,
    /** type → status → count, e.g. `{station: {active: 3, planned: 12}}`; absent pairs are 0. */
    byType: z.record(z.string(), z.record(z.string(), Count)),
  }),
  users: z.object({ total: Count, disabled: Count }),
  cases: z.object({
    total: Count,
    /** Not closed yet (received − closed, from the root unit's rollups). */
    open: Count,
    /** The current Asia/Shanghai month (`2026-11`) and the cases received in it. */
    month: z.string(),
    receivedThisMonth: Count,
  }),
  /** DynamoDB's own figures (DescribeTable; AWS refreshes them about every six hours); null when unknown. */
  table: z.object({ itemCount: Count.nullable(), sizeBytes: Count.nullable() }),
  measuredAt: z.string(),
});
export type TenantUsage = z.infer<typeof TenantUsage>;

export const Tenant = z.object({
  id: z.string(),
  countyCode: z.string(),
  name: z.string(),
  status: TenantStatus,
  tableName: z.string(),
  /**
   * The AWS region and account of the tenant's table (`local` in a local run), recorded at onboarding
   * from the deployment that created it: the cell the tenant lives in.
   */
  region: z.string(),
  account: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  provisioning: z
    .object({ steps: z.array(z.string()), done: z.array(z.string()), error: z.string().nullable() })
    .optional(),
  /** Set when the tenant was last suspended; an export must be newer for the tenant to be deleted. */
  suspendedAt: z.string().optional(),
  /** Set when the tenant was deleted (status `offboarded`): its table is gone, the record is kept. */
  deletedAt: z.string().optional(),
  usage: TenantUsage.optional(),
});
export type Tenant = z.infer<typeof Tenant>;
