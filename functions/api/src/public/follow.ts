import { timingSafeEqual } from "node:crypto";
import {
  applyRating,
  type CaseRecord,
  Conflict,
  NotFound,
  type PublicCaseStatus,
  type RatingInput,
} from "@weiquan/domain";
import { CasesRepository, PublicAccessRepository } from "@weiquan/store";
import { hashCode } from "./file.ts";
import type { PublicEnv } from "./tenant.ts";

type County = PublicEnv["Variables"]["county"];

// Compared against when the case is absent, so a miss costs what a wrong code costs.
const DUMMY = { salt: "0".repeat(32), codeHash: "0".repeat(64) };

/**
 * The case id if `code` opens `trackingNo`; null when the case is absent or the code is wrong — the
 * caller cannot tell which: one read, one hash and one constant-time comparison either way.
 */
export async function openCase(county: County, trackingNo: string, code: string): Promise<string | null> {
  const access = await new PublicAccessRepository(county.table).get(trackingNo);
  const { salt, codeHash } = access ?? DUMMY;
  const given = hashCode(salt, code);
  const ok = timingSafeEqual(given, Buffer.from(codeHash, "hex"));
  return access && ok ? access.caseId : null;
}

export async function publicStatus(county: County, caseId: string): Promise<PublicCaseStatus> {
  const found = await new CasesRepository(county.table).getWithTimeline(caseId);
  if (!found) throw NotFound("案件");
  const { record, timeline } = found;
  return {
    trackingNo: record.trackingNo,
    kind: record.kind,
    status: record.status,
    receivedAt: record.receivedAt,
    // When and what only: never who, which unit, notes or data.
    timeline: timeline.map((e) => ({ at: e.at, action: e.action })),
    rating: record.rating ? { result: record.rating.result, at: record.rating.at } : null,
    canRate: canRate(record),
  };
}

const canRate = (r: CaseRecord) => r.status === "closed" && !r.rating;

/**
 * The consumer's rating after closure, once (the domain decides), written with its figures in one
 * transaction guarded by the case's version; a staff change meanwhile (a callback) is read again.
 */
export async function rateCase(county: County, caseId: string, input: RatingInput, now: Date) {
  const cases = new CasesRepository(county.table);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await cases.get(caseId);
    if (!current) throw NotFound("案件");
    const decision = applyRating(current, input, now);
    if ((await cases.write(decision, { expected: current })).ok) return;
  }
  throw Conflict("该事项正在被处理，请稍后重试", "VERSION_CONFLICT");
}
