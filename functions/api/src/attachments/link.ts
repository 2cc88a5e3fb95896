import {
  type AttachmentLink,
  type AttachmentRef,
  type FieldIssue,
  linkRefusal,
  NotFound,
  refOf,
  shanghaiIso,
  Unprocessable,
} from "@weiquan/domain";
import { AttachmentsRepository, type TransactItem } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import type { AppDeps } from "../deps.ts";
import { tenantFiles } from "./files.ts";
import { settleUpload } from "./verify.ts";

/** What a capability puts in its own transaction to link the files its body names. */
export interface AttachmentLinks {
  /** Link items (one per id, in order), each conditioned on the file still being linkable. */
  items: TransactItem[];
  /** What the record shows of its files. */
  refs: AttachmentRef[];
}

/**
 * The one way a capability links attachments to its record: checks each id named at `path` in the body
 * (`path.i`; or at `path(i)` when the ids come from several fields) — the caller's own upload, checked
 * bytes, not linked, not expired — in one read, then returns the condition-checked
 * items for the record's own TransactWriteItems. An id nobody may use is 404, a file not usable now 422.
 * If the transaction fails on one of these items, the file was taken meanwhile: answer with
 * `linkConflict()`.
 */
export async function attachmentLinks(
  deps: AppDeps,
  scope: Scope,
  ids: readonly string[] | undefined,
  link: Omit<AttachmentLink, "at">,
  now: Date,
  path: string | ((i: number) => string) = "attachmentIds",
): Promise<AttachmentLinks> {
  const fieldOf = typeof path === "string" ? (i: number) => `${path}.${i}` : path;
  if (!ids?.length) return { items: [], refs: [] };
  const repo = new AttachmentsRepository(scope.table);
  const found = await repo.getMany(ids);
  const files = tenantFiles(deps, scope);
  const refs: AttachmentRef[] = [];
  for (const [i, id] of ids.entries()) {
    let a = found.get(id) ?? null;
    if (a && a.uploadedBy === scope.caller.userId && !a.link) a = await settleUpload(scope.table, files, a);
    const refusal = linkRefusal(a, scope.caller.userId, now);
    if (refusal?.status === 404) throw NotFound(`附件 ${fieldOf(i)} `);
    if (refusal) {
      const details: FieldIssue[] = [{ path: fieldOf(i), message: refusal.message }];
      throw Unprocessable(refusal.message, refusal.code, details);
    }
    refs.push(refOf(a!));
  }
  const at = shanghaiIso(now);
  return { items: repo.linkItems(ids, { ...link, at }, scope.caller.userId, at), refs };
}

/** The answer when a transaction failed on a link item: another record took the file first. */
export const linkConflict = () =>
  Unprocessable("附件已属于另一条记录或已过期，请重新上传", "ATTACHMENT_LINKED");

/** Ids in `next` not in `prev`, and the other way round (a PATCH that changes a record's files). */
export function attachmentChanges(prev: readonly string[], next: readonly string[]) {
  return {
    added: next.filter((id) => !prev.includes(id)),
    removed: prev.filter((id) => !next.includes(id)),
  };
}
