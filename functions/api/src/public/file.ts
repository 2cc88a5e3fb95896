import { createHash, randomBytes } from "node:crypto";
import {
  NotFound,
  newQueryCode,
  PUBLIC_ACTOR,
  type PublicCaseInput,
  shanghaiDate,
  trackingNoOf,
  Unavailable,
  Unprocessable,
} from "@weiquan/domain";
import { logger } from "@weiquan/runtime/observability";
import { PublicAccessRepository, type UnitRecord, UnitsRepository } from "@weiquan/store";
import { registerCase } from "../cases/create.ts";
import type { PublicEnv } from "./tenant.ts";

type County = PublicEnv["Variables"]["county"];

export const hashCode = (salt: string, code: string) =>
  createHash("sha256").update(`${salt}:${code}`).digest();

/**
 * Files a consumer's case into the ledger of the chosen station or point (or the bureau's) with channel
 * `online`; its clocks start now, at receipt. The query code is returned once and stored only as a salted
 * hash, written in the case's own transaction.
 */
export async function fileCase(
  county: County,
  input: PublicCaseInput,
  now: Date,
): Promise<{ trackingNo: string; queryCode: string }> {
  const { consent: _consent, website, ...fields } = input;
  const queryCode = newQueryCode();
  if (website?.trim()) {
    // A robot filled the hidden field: it gets an answer shaped like success, and nothing is written.
    const fakeSeq = 1 + (randomBytes(2).readUInt16BE() % 9999);
    logger.warn("public honeypot filled", { tenantId: county.tenant.id });
    return { trackingNo: trackingNoOf(county.tenant.countyCode, shanghaiDate(now), fakeSeq), queryCode };
  }
  const unit = await ledgerUnit(county, fields.unitId);
  const salt = randomBytes(16).toString("hex");
  const access = new PublicAccessRepository(county.table);
  const out = await registerCase(
    county.table,
    { actor: { ...PUBLIC_ACTOR, unitId: unit.id }, unit, countyCode: county.tenant.countyCode },
    // The page asks for the personal-information consent only: 同意委托调解 is recorded by the clerk.
    { ...fields, channel: "online", consents: { publish: false, mediation: false } },
    now,
    {
      extra: (record) => [
        access.put(record.trackingNo, {
          caseId: record.id,
          salt,
          codeHash: hashCode(salt, queryCode).toString("hex"),
        }),
      ],
      eventData: { consent: true },
    },
  );
  if (!out.ok) throw Unavailable("登记繁忙，请稍后重试", 1);
  return { trackingNo: out.record.trackingNo, queryCode };
}

/** The unit whose ledger receives the case: an active station or point of this tenant, or the bureau. */
async function ledgerUnit(county: County, unitId: string | undefined): Promise<UnitRecord> {
  const units = new UnitsRepository(county.table);
  if (!unitId) {
    const root = await units.get(county.tenant.rootUnitId);
    if (!root) throw NotFound("县局");
    return root;
  }
  const unit = await units.get(unitId);
  if (!unit) throw NotFound("服务站（点）");
  if (unit.status !== "active" || (unit.type !== "station" && unit.type !== "point"))
    throw Unprocessable(`「${unit.name}」暂未开放网上受理，请选择其他服务站（点）`, "UNIT_NOT_ACTIVE");
  return unit;
}
