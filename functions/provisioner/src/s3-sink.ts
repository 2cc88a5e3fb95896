import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { ExportSink } from "@weiquan/store";

/** S3's smallest part but the last; parts are buffered to this size, so memory stays flat. */
const PART_BYTES = 8 * 1024 * 1024;

export function parseS3Location(location: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!m) throw new Error(`not an s3 location: ${location}`);
  return { bucket: m[1]!, key: m[2]! };
}

/**
 * Streams an export into one S3 object: a single PutObject when it fits in one part, otherwise a
 * multipart upload of 8 MiB parts (aborted on failure, so no orphaned parts are billed). The bucket
 * encrypts at rest (SSE-S3) by default.
 */
export function s3Sink(s3: S3Client, location: string): ExportSink {
  const { bucket: Bucket, key: Key } = parseS3Location(location);
  const ContentType = "application/x-ndjson";
  const ContentEncoding = "gzip";
  return {
    async write(body) {
      let buffered: Buffer[] = [];
      let size = 0;
      let uploadId: string | undefined;
      const parts: { ETag: string; PartNumber: number }[] = [];
      const flush = async () => {
        const Body = Buffer.concat(buffered);
        buffered = [];
        size = 0;
        if (!uploadId) {
          const created = await s3.send(
            new CreateMultipartUploadCommand({ Bucket, Key, ContentType, ContentEncoding }),
          );
          uploadId = created.UploadId!;
        }
        const PartNumber = parts.length + 1;
        const out = await s3.send(
          new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body }),
        );
        parts.push({ ETag: out.ETag!, PartNumber });
      };
      try {
        for await (const chunk of body) {
          buffered.push(Buffer.from(chunk));
          size += chunk.length;
          if (size >= PART_BYTES) await flush();
        }
        if (!uploadId) {
          await s3.send(
            new PutObjectCommand({
              Bucket,
              Key,
              Body: Buffer.concat(buffered),
              ContentType,
              ContentEncoding,
            }),
          );
          return;
        }
        if (size > 0) await flush();
        await s3.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      } catch (e) {
        if (uploadId) {
          await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => {});
        }
        throw e;
      }
    },
  };
}
