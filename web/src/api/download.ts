import { apiFetch } from "./http.ts";

const authedFetch = apiFetch({ auth: true });

/** How far a download is: the server still building the file, then the bytes received (of `total` when sent). */
export type DownloadProgress =
  | { phase: "preparing" }
  | { phase: "receiving"; received: number; total?: number };

/** The body read chunk by chunk, telling `onProgress` how much arrived. */
async function readBody(res: Response, onProgress?: (p: DownloadProgress) => void): Promise<Blob> {
  if (!onProgress || !res.body) return res.blob();
  const length = Number(res.headers.get("content-length"));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ phase: "receiving", received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    received += value.byteLength;
    onProgress({ phase: "receiving", received, total });
  }
  return new Blob(chunks, { type: res.headers.get("content-type") ?? undefined });
}

/**
 * Downloads a file (an Excel workbook) with the bearer token and saves it under the name the API gives;
 * `onProgress` hears how far it is.
 */
export async function download(
  path: string,
  fallbackName: string,
  onProgress?: (p: DownloadProgress) => void,
): Promise<void> {
  onProgress?.({ phase: "preparing" });
  const res = await authedFetch(path);
  const blob = await readBody(res, onProgress);
  const disposition = res.headers.get("content-disposition") ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
