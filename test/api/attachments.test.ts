import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";
import { samplePdf, samplePng, upload } from "../support/files.ts";

let api: TestApi;
let clock = new Date("2026-12-01T02:00:00Z");
let point1: string;
let point2: string;
let viewer: string;
const county = DEMO_COUNTY.countyCode;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 7 * 24 * 3600 });
  [point1, point2, viewer] = await Promise.all([
    api.login(county, "point1"),
    api.login(county, "point2"),
    api.login(county, "viewer"),
  ]);
});
afterAll(() => api.close());

describe("declaring an upload", () => {
  it("hands out a presigned PUT for exactly the declared type and size, relative to the API's origin locally", async () => {
    const r = await api.call("POST", "/v1/attachments", {
      token: point1,
      body: { fileName: "收据.pdf", contentType: "application/pdf", size: 1234 },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(String), headers: { "content-type": "application/pdf" } });
    expect(r.body.uploadUrl).toMatch(/^\/weiquan-local-files\/.+X-Amz-Signature=/);
    expect(new Date(r.body.expiresAt).getTime()).toBeGreaterThan(clock.getTime());
  });

  it("refuses other types and files over 10 MiB with the field's path", async () => {
    const exe = await api.call("POST", "/v1/attachments", {
      token: point1,
      body: { fileName: "a.exe", contentType: "application/octet-stream", size: 10 },
    });
    expectError(exe, 400, "VALIDATION_FAILED");
    expect(exe.body.error.details.map((d: { path: string }) => d.path)).toEqual(["contentType"]);
    const big = await api.call("POST", "/v1/attachments", {
      token: point1,
      body: { fileName: "a.pdf", contentType: "application/pdf", size: 10 * 1024 * 1024 + 1 },
    });
    expect(big.body.error.details.map((d: { path: string }) => d.path)).toEqual(["size"]);
    const missing = await api.call("POST", "/v1/attachments", { token: point1, body: {} });
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "contentType",
      "fileName",
      "size",
    ]);
  });

  it("is refused to the read-only governance viewer", async () => {
    expectError(
      await api.call("POST", "/v1/attachments", {
        token: viewer,
        body: { fileName: "a.png", contentType: "image/png", size: 10 },
      }),
      403,
      "ROLE_FORBIDDEN",
    );
  });
});

describe("the upload itself", () => {
  it("stores the bytes; the uploader then gets the checked file and a download URL that serves them", async () => {
    const png = samplePng();
    const { id, putStatus } = await upload(api, point1, { bytes: png });
    expect(putStatus).toBe(200);
    const r = await api.call("GET", `/v1/attachments/${id}`, { token: point1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id,
      fileName: "现场照片.png",
      contentType: "image/png",
      size: png.length,
    });
    const file = await fetch(new URL(r.body.downloadUrl, api.url));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses a PUT of more bytes than declared, or to a URL edited to another key (the signature covers both)", async () => {
    const declared = await api.call("POST", "/v1/attachments", {
      token: point1,
      body: { fileName: "a.png", contentType: "image/png", size: 100 },
    });
    const tooMany = await fetch(new URL(declared.body.uploadUrl, api.url), {
      method: "PUT",
      headers: declared.body.headers,
      body: new Uint8Array(200).fill(1),
    });
    expect(tooMany.status).toBe(403);
    const otherKey = declared.body.uploadUrl.replace(declared.body.id, `${declared.body.id}x`);
    const edited = await fetch(new URL(otherKey, api.url), {
      method: "PUT",
      headers: declared.body.headers,
      body: new Uint8Array(100).fill(1),
    });
    expect(edited.status).toBe(403);
  });

  it("is not ready before the bytes arrive", async () => {
    const declared = await api.call("POST", "/v1/attachments", {
      token: point1,
      body: { fileName: "a.png", contentType: "image/png", size: 100 },
    });
    expectError(
      await api.call("GET", `/v1/attachments/${declared.body.id}`, { token: point1 }),
      422,
      "ATTACHMENT_NOT_UPLOADED",
    );
  });

  it("rejects bytes that are not what was declared, whatever the declared type said", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const disguised = await upload(api, point1, { bytes: html, contentType: "image/png" });
    expect(disguised.putStatus).toBe(200);
    const r = await api.call("GET", `/v1/attachments/${disguised.id}`, { token: point1 });
    expectError(r, 422, "ATTACHMENT_REJECTED");
    const pdfAsPng = await upload(api, point1, { bytes: samplePdf(), contentType: "image/png" });
    expectError(
      await api.call("GET", `/v1/attachments/${pdfAsPng.id}`, { token: point1 }),
      422,
      "ATTACHMENT_REJECTED",
    );
  });

  it("is invisible to everyone but the uploader until a record links it", async () => {
    const { id } = await upload(api, point1, { bytes: samplePng() });
    for (const token of [point2, viewer, await api.login(county, "admin")])
      expectError(await api.call("GET", `/v1/attachments/${id}`, { token }), 404, "NOT_FOUND");
    expectError(await api.call("GET", "/v1/attachments/nope", { token: point1 }), 404, "NOT_FOUND");
  });
});

describe("a case's evidence", () => {
  it("is linked on registration and with an action, downloaded by those who handle the case (audit-logged), 404 for others", async () => {
    const receipt = await upload(api, point1, {
      bytes: samplePdf(),
      fileName: "购物小票.pdf",
      contentType: "application/pdf",
    });
    const created = await api.call("POST", "/v1/cases", {
      token: point1,
      body: complaintBody({ attachmentIds: [receipt.id] }),
    });
    expect(created.status).toBe(201);
    expect(created.body.attachments).toEqual([
      { id: receipt.id, fileName: "购物小票.pdf", contentType: "application/pdf", size: samplePdf().length },
    ]);
    const photo = await upload(api, point1, { bytes: samplePng() });
    const accepted = await api.call("POST", `/v1/cases/${created.body.id}/transitions`, {
      token: point1,
      body: { action: "accept", version: 1, attachmentIds: [photo.id] },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.attachments.map((a: { id: string }) => a.id)).toEqual([receipt.id, photo.id]);

    const station1 = await api.login(county, "station1");
    for (const token of [point1, station1]) {
      const r = await api.call("GET", `/v1/attachments/${receipt.id}`, { token });
      expect(r.status).toBe(200);
    }
    // The governance office sees the case masked; another point not at all: neither gets its files.
    for (const token of [viewer, point2])
      expectError(await api.call("GET", `/v1/attachments/${photo.id}`, { token }), 404, "NOT_FOUND");

    const admin = await api.login(county, "admin");
    const month = clock.toISOString().slice(0, 7);
    const audit = await api.call("GET", `/v1/audit/personal-data?month=${month}`, { token: admin });
    const downloads = audit.body.items.filter(
      (e: { action: string; attachmentId?: string }) =>
        e.action === "download_attachment" && e.attachmentId === receipt.id,
    );
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ caseId: created.body.id, fileName: "购物小票.pdf" });

    // A file belongs to one record: naming it again is refused with its path.
    const again = await api.call("POST", "/v1/cases", {
      token: point1,
      body: complaintBody({ attachmentIds: [receipt.id] }),
    });
    expectError(again, 422, "ATTACHMENT_LINKED");
    expect(again.body.error.details[0].path).toBe("attachmentIds.0");
    // Someone else's upload is as good as absent.
    const theirs = await upload(api, point2, { bytes: samplePng() });
    expectError(
      await api.call("POST", "/v1/cases", {
        token: point1,
        body: complaintBody({ attachmentIds: [theirs.id] }),
      }),
      404,
      "NOT_FOUND",
    );
  });
});

describe("uploads nobody links", () => {
  it("are gone 24 hours later, and the sweep deletes their objects", async () => {
    const { id } = await upload(api, point1, { bytes: samplePng() });
    const before = await api.call("GET", `/v1/attachments/${id}`, { token: point1 });
    expect(before.status).toBe(200);
    clock = new Date(clock.getTime() + 24 * 3_600_000 + 1000);
    expectError(await api.call("GET", `/v1/attachments/${id}`, { token: point1 }), 404, "NOT_FOUND");

    const { sweepAttachments } = await import("@weiquan/fn-api/attachments/sweep");
    const tenant = await api.deps.control.tenants.getByCountyCode(county);
    const table = await api.deps.tenantAccess.forTenant(tenant!.id);
    expect(await sweepAttachments(table, api.deps.files!, clock)).toBeGreaterThanOrEqual(1);
    const stale = await fetch(new URL(before.body.downloadUrl, api.url));
    expect(stale.status).toBe(404);
  });
});
