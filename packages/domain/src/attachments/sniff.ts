import type { AttachmentType } from "./schema.ts";

/** Bytes the file types start with; the declared type is never trusted on its own. */
const signatures: readonly { type: AttachmentType; magic: readonly number[] }[] = [
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 16;

/** The type a file's first bytes say it is, or null if none of the allowed ones. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  for (const s of signatures) if (s.magic.every((b, i) => head[i] === b)) return s.type;
  return null;
}
