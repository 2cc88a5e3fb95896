import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import { Unavailable } from "@weiquan/domain";
import { AWS_TIMEOUTS, boundedCalls, LOCAL_TIMEOUTS } from "../aws-config.ts";
import { attachmentObjectKey } from "../keys.ts";
import type { TenantCredentials } from "../tenant-access.ts";

export interface ObjectStoreConfig {
  bucket: string;
  region?: string;
  /** A local S3-protocol server (addressed path-style); absent in AWS. */
  endpoint?: string;
  /** Fixed credentials (the local server). In AWS each tenant's vended credentials sign instead. */
  credentials?: TenantCredentials;
  /**
   * Local mode: hand out URLs relative to the API's origin, which forwards the bucket's path to the local
   * server — so the console uploads to its own origin, as it does to the bucket's host in AWS.
   */
  relativeUrls?: boolean;
}

/** One tenant's files: every key is under the tenant's prefix, which is all its credentials may touch in AWS. */
export interface TenantFiles {
  /** A presigned PUT for exactly this type and size, and the headers the client must send with it. */
  uploadUrl(
    id: string,
    o: { contentType: string; size: number; expiresIn: number },
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** A presigned GET that serves the bytes with the checked type and the original file name. */
  downloadUrl(id: string, o: { fileName: string; contentType: string; expiresIn: number }): Promise<string>;
  /** The object's size and first `bytes` bytes, or null when nothing was uploaded under the id. */
  inspect(id: string, bytes: number): Promise<{ size: number; head: Uint8Array } | null>;
  remove(id: string): Promise<void>;
}

const isMissing = (e: unknown) =>
  e instanceof Error && (e.name === "NoSuchKey" || e.name === "NotFound" || e.name === "InvalidRange");

/**
 * The object store of attachments: S3 in AWS, a local S3-protocol server in local mode — the same client
 * code either way. The api never carries file bytes: clients PUT and GET through presigned URLs.
 */
/**
 * The S3 client and presigner load on the first attachment call, not with the api: they are a fifth of
 * its bundle, and most requests never touch a file.
 */
let sdk:
  | Promise<{
      s3: typeof import("@aws-sdk/client-s3");
      presign: typeof import("@aws-sdk/s3-request-presigner");
    }>
  | undefined;
const loadSdk = () => {
  sdk ??= Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/s3-request-presigner")]).then(
    ([s3, presign]) => ({ s3, presign }),
  );
  return sdk;
};

export class ObjectStore {
  private readonly clients = new Map<string, S3Client>();

  constructor(private readonly config: ObjectStoreConfig) {}

  get bucket() {
    return this.config.bucket;
  }

  private async client(credentials: TenantCredentials | undefined): Promise<S3Client> {
    const { s3 } = await loadSdk();
    const creds = this.config.credentials ?? credentials;
    const cacheKey = creds?.accessKeyId ?? "default";
    let client = this.clients.get(cacheKey);
    if (!client) {
      const cfg: S3ClientConfig = {
        region: this.config.region ?? (this.config.endpoint ? "us-east-1" : undefined),
        endpoint: this.config.endpoint,
        forcePathStyle: Boolean(this.config.endpoint),
        credentials: creds,
        // A presigned PUT must not carry a checksum of an empty body; S3 checks what the client sends.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        // Each call fails fast and within the request's deadline (a stalled store is a 503, not a Lambda timeout).
        ...boundedCalls(this.config.endpoint ? LOCAL_TIMEOUTS : AWS_TIMEOUTS),
      };
      client = new s3.S3Client(cfg);
      // Vended credentials change every hour: keep only the newest client per tenant session.
      if (this.clients.size > 200) this.clients.clear();
      this.clients.set(cacheKey, client);
    }
    return client;
  }

  private url(signed: string): string {
    if (!this.config.relativeUrls) return signed;
    const u = new URL(signed);
    return `${u.pathname}${u.search}`;
  }

  forTenant(t: { tenantId: string; credentials?: TenantCredentials }): TenantFiles {
    const connect = async () => ({ client: await this.client(t.credentials), ...(await loadSdk()) });
    const Bucket = this.config.bucket;
    const key = (id: string) => attachmentObjectKey(t.tenantId, id);
    const guard = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (e) {
        if (isMissing(e)) throw e;
        const name = e instanceof Error ? e.name : "";
        if (name === "TimeoutError" || name === "RequestTimeout" || /ECONN|ETIMEDOUT|socket/i.test(String(e)))
          throw Unavailable("文件存储暂时不可用，请稍后重试", 2);
        throw e;
      }
    };
    return {
      uploadUrl: async (id, o) => {
        const { client, s3, presign } = await connect();
        const url = await presign.getSignedUrl(
          client,
          new s3.PutObjectCommand({
            Bucket,
            Key: key(id),
            ContentType: o.contentType,
            ContentLength: o.size,
          }),
          { expiresIn: o.expiresIn, signableHeaders: new Set(["content-type"]) },
        );
        return { url: this.url(url), headers: { "content-type": o.contentType } };
      },
      downloadUrl: async (id, o) => {
        const { client, s3, presign } = await connect();
        const url = await presign.getSignedUrl(
          client,
          new s3.GetObjectCommand({
            Bucket,
            Key: key(id),
            ResponseContentType: o.contentType,
            ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(o.fileName)}`,
            ResponseCacheControl: "private, max-age=300",
          }),
          { expiresIn: o.expiresIn },
        );
        return this.url(url);
      },
      inspect: (id, bytes) =>
        guard(async () => {
          const { client, s3 } = await connect();
          try {
            const out = await client.send(
              new s3.GetObjectCommand({ Bucket, Key: key(id), Range: `bytes=0-${bytes - 1}` }),
            );
            const head = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
            const total = /\/(\d+)$/.exec(out.ContentRange ?? "")?.[1];
            return { size: total ? Number(total) : (out.ContentLength ?? head.length), head };
          } catch (e) {
            if (isMissing(e)) return null;
            throw e;
          }
        }),
      remove: (id) =>
        guard(async () => {
          const { client, s3 } = await connect();
          await client.send(new s3.DeleteObjectCommand({ Bucket, Key: key(id) }));
        }),
    };
  }
}
