import { z } from "zod";

/** The optional `Idempotency-Key` header of a create (api.md § Conventions). */
export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,128}$/, "Idempotency-Key 须为 1–128 个可见 ASCII 字符")
    .optional(),
});
