import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { parseS3Location, s3Sink } from "./s3-sink.ts";

/** Records each command's name and input; `failOn` makes that command throw. */
function fakeS3(failOn?: string) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name;
      calls.push({ name, input: command.input });
      if (name === failOn) throw new Error(`${name} failed`);
      if (name === "CreateMultipartUploadCommand") return { UploadId: "up-1" };
      if (name === "UploadPartCommand") return { ETag: `"etag-${command.input.PartNumber}"` };
      return {};
    },
  };
  return { client: client as unknown as S3Client, calls };
}

async function* chunks(sizes: number[]) {
  for (const [i, n] of sizes.entries()) yield Buffer.alloc(n, i);
}

const MiB = 1024 * 1024;
const location = "s3://exports-bucket/exports/t1/e1.jsonl.gz";

describe("the S3 export sink", () => {
  it("reads bucket and key from an s3:// location", () => {
    expect(parseS3Location(location)).toEqual({ bucket: "exports-bucket", key: "exports/t1/e1.jsonl.gz" });
    expect(() => parseS3Location("file:///tmp/x")).toThrow();
  });

  it("puts a small export in one PutObject", async () => {
    const s3 = fakeS3();
    await s3Sink(s3.client, location).write(chunks([10, 20]));
    expect(s3.calls.map((c) => c.name)).toEqual(["PutObjectCommand"]);
    expect((s3.calls[0]!.input.Body as Buffer).length).toBe(30);
    expect(s3.calls[0]!.input).toMatchObject({ Bucket: "exports-bucket", Key: "exports/t1/e1.jsonl.gz" });
  });

  it("uploads a large export in 8 MiB parts, in order, and completes it", async () => {
    const s3 = fakeS3();
    await s3Sink(s3.client, location).write(chunks([5 * MiB, 5 * MiB, 5 * MiB, 1000]));
    expect(s3.calls.map((c) => c.name)).toEqual([
      "CreateMultipartUploadCommand",
      "UploadPartCommand",
      "UploadPartCommand",
      "CompleteMultipartUploadCommand",
    ]);
    const parts = s3.calls.filter((c) => c.name === "UploadPartCommand");
    expect(parts.map((p) => (p.input.Body as Buffer).length)).toEqual([10 * MiB, 5 * MiB + 1000]);
    expect(s3.calls[3]!.input.MultipartUpload).toEqual({
      Parts: [
        { ETag: '"etag-1"', PartNumber: 1 },
        { ETag: '"etag-2"', PartNumber: 2 },
      ],
    });
  });

  it("aborts the multipart upload when a part fails, so no parts are left behind", async () => {
    const s3 = fakeS3("CompleteMultipartUploadCommand");
    await expect(s3Sink(s3.client, location).write(chunks([9 * MiB, 10]))).rejects.toThrow(/failed/);
    expect(s3.calls.at(-1)).toMatchObject({
      name: "AbortMultipartUploadCommand",
      input: { UploadId: "up-1" },
    });
  });
});
