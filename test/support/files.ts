import type { TestApi } from "./api.ts";

/** The smallest files each type's first bytes make: what the store's sniffing recognises. */
export const samplePng = () =>
  Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2a6e40000000049454e44ae426082",
    "hex",
  );
export const sampleJpeg = () =>
  Buffer.concat([
    Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"),
    Buffer.alloc(64, 0x20),
    Buffer.from("ffd9", "hex"),
  ]);
export const samplePdf = () => Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/**
 * Declares an upload, PUTs the bytes to the presigned URL with the headers the API named (through the
 * API's origin, as the console does locally) and returns the attachment's id and the PUT's status.
 */
export async function upload(
  api: TestApi,
  token: string,
  file: { fileName?: string; contentType?: string; bytes: Buffer; declaredSize?: number },
): Promise<{ id: string; putStatus: number }> {
  const declared = await api.call("POST", "/v1/attachments", {
    token,
    body: {
      fileName: file.fileName ?? "现场照片.png",
      contentType: file.contentType ?? "image/png",
      size: file.declaredSize ?? file.bytes.length,
    },
  });
  if (declared.status !== 201)
    throw new Error(`declare failed: ${declared.status} ${JSON.stringify(declared.body)}`);
  const put = await fetch(new URL(declared.body.uploadUrl, api.url), {
    method: "PUT",
    headers: declared.body.headers,
    body: new Uint8Array(file.bytes),
  });
  await put.arrayBuffer();
  return { id: declared.body.id, putStatus: put.status };
}
