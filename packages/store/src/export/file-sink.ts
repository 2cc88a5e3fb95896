import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ExportSink, SinkOpener } from "./export-table.ts";

/** Local mode: `<dir>/<stage>/<tenantId>/<exportId>.jsonl.gz` as a `file://` URL. */
export const fileExportLocation = (dir: string, stage: string, tenantId: string, exportId: string) =>
  pathToFileURL(join(dir, stage, tenantId, `${exportId}.jsonl.gz`)).href;

/** Writes beside the target and renames at the end: a file under the final name is always whole. */
export function fileSink(path: string): ExportSink {
  return {
    async write(body) {
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.partial`;
      try {
        await pipeline(Readable.from(body), createWriteStream(partial));
        await rename(partial, path);
      } catch (e) {
        await rm(partial, { force: true });
        throw e;
      }
    },
  };
}

/** Opens `file://` locations; `others` handles the rest (S3 in AWS). */
export const openSink =
  (others?: SinkOpener): SinkOpener =>
  (location) => {
    if (location.startsWith("file:")) return fileSink(fileURLToPath(location));
    if (others) return others(location);
    throw new Error(`no export sink for ${location}`);
  };
