import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import S3rver from "@20minutes/s3rver";
import { ObjectStore } from "@weiquan/store";

/** The local bucket; its name is also the URL path the API's origin forwards to the local server. */
export const LOCAL_FILES_BUCKET = "weiquan-local-files";
/** The local server's only account (it checks every presigned URL's SigV4 signature with it). */
const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * A real S3-protocol server in this process (`@20minutes/s3rver`, the maintained fork of s3rver for
 * Node ≥ 24, which verifies SigV4 presigned URLs — so a URL used for other bytes, another length or
 * another key is refused here as in S3). Files are kept under `dataDir` between runs; without one they
 * live in a temporary folder removed on stop.
 */
export async function startLocalS3(opts: { dataDir?: string; port?: number } = {}): Promise<RunningS3> {
  const directory = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), "weiquan-s3-"));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: LOCAL_FILES_BUCKET }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: LOCAL_FILES_BUCKET,
    stop: async () => {
      await server.close().catch(() => {});
      if (!opts.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The object store over a local server: path-style, fixed credentials, URLs relative to the API's origin. */
export const localObjectStore = (s3: { endpoint: string; bucket: string }) =>
  new ObjectStore({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    credentials: LOCAL_CREDENTIALS,
    relativeUrls: true,
  });
