import { describe, expect, it } from "vitest";
import { isExpired, linkRefusal, newAttachment, verifyUpload } from "./decide.ts";
import { CreateAttachmentInput, MAX_ATTACHMENT_BYTES } from "./schema.ts";
import { sniffType } from "./sniff.ts";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const pdf = new TextEncoder().encode("%PDF-1.7\n");
const html = new TextEncoder().encode("<html><script>");
const now = new Date("2026-12-01T02:00:00Z");
const fresh = (size = 12, contentType: "image/png" | "image/jpeg" | "application/pdf" = "image/png") =>
  newAttachment({ fileName: "现场.png", contentType, size }, { id: "a1", userId: "u1", unitId: "p1" }, now);

describe("sniffing the bytes", () => {
  it("knows JPEG, PNG and PDF by their first bytes and nothing else", () => {
    expect(sniffType(png)).toBe("image/png");
    expect(sniffType(jpeg)).toBe("image/jpeg");
    expect(sniffType(pdf)).toBe("application/pdf");
    expect(sniffType(html)).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe("declaring an upload", () => {
  it("accepts the three types up to 10 MiB and names the failing field otherwise", () => {
    expect(
      CreateAttachmentInput.safeParse({
        fileName: "a.pdf",
        contentType: "application/pdf",
        size: MAX_ATTACHMENT_BYTES,
      }).success,
    ).toBe(true);
    const tooBig = CreateAttachmentInput.safeParse({
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: MAX_ATTACHMENT_BYTES + 1,
    });
    expect(tooBig.error?.issues[0]?.path).toEqual(["size"]);
    const exe = CreateAttachmentInput.safeParse({
      fileName: "a.exe",
      contentType: "application/x-msdownload",
      size: 10,
    });
    expect(exe.error?.issues[0]?.path).toEqual(["contentType"]);
  });

  it("expires an unlinked upload 24 hours after it was declared", () => {
    const a = fresh();
    expect(isExpired(a, new Date(now.getTime() + 23 * 3_600_000))).toBe(false);
    expect(isExpired(a, new Date(now.getTime() + 24 * 3_600_000))).toBe(true);
    expect(
      isExpired(
        { ...a, link: { kind: "publicity", id: "x", unitId: "p1", at: a.createdAt } },
        new Date(now.getTime() + 48 * 3_600_000),
      ),
    ).toBe(false);
  });
});

describe("verifying what was uploaded", () => {
  it("is ready when size and sniffed type match the declaration", () => {
    expect(verifyUpload(fresh(), { size: 12, head: png })).toEqual({ outcome: "ready" });
  });
  it("waits while nothing is uploaded", () => {
    expect(verifyUpload(fresh(), null)).toEqual({ outcome: "missing" });
  });
  it("rejects a disguised file, a type other than declared, and a size other than declared", () => {
    expect(verifyUpload(fresh(), { size: 12, head: html }).outcome).toBe("rejected");
    expect(verifyUpload(fresh(12, "image/jpeg"), { size: 12, head: png }).outcome).toBe("rejected");
    expect(verifyUpload(fresh(), { size: 13, head: png }).outcome).toBe("rejected");
    expect(verifyUpload(fresh(), { size: MAX_ATTACHMENT_BYTES + 1, head: png }).outcome).toBe("rejected");
  });
});

describe("linking", () => {
  it("links only the uploader's own ready, unlinked, unexpired upload", () => {
    const ready = { ...fresh(), state: "ready" as const };
    expect(linkRefusal(ready, "u1", now)).toBeNull();
    expect(linkRefusal(ready, "someone-else", now)?.status).toBe(404);
    expect(linkRefusal(null, "u1", now)?.status).toBe(404);
    expect(
      linkRefusal({ ...ready, link: { kind: "case", id: "c", unitId: "p1", at: "" } }, "u1", now)?.code,
    ).toBe("ATTACHMENT_LINKED");
    expect(linkRefusal({ ...ready, state: "pending" }, "u1", now)?.code).toBe("ATTACHMENT_NOT_UPLOADED");
    expect(linkRefusal({ ...ready, state: "rejected" }, "u1", now)?.code).toBe("ATTACHMENT_REJECTED");
    expect(linkRefusal(ready, "u1", new Date(now.getTime() + 25 * 3_600_000))?.status).toBe(404);
  });
});
