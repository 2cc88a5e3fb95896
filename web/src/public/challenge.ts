/**
 * The proof-of-work challenge the public intake asks for when a county is busier than normal (the API
 * answers a filing 429 CHALLENGE_REQUIRED with it): find n below maxNumber with SHA-256(salt + n) equal
 * to the challenge, in the browser with WebCrypto, and send it back in the `x-weiquan-pow` header.
 * Nothing leaves the page but the answer: no outside service.
 */
export interface Challenge {
  algorithm: "SHA-256";
  challenge: string;
  salt: string;
  maxNumber: number;
  signature: string;
}

export const POW_HEADER = "x-weiquan-pow";

export const isChallenge = (v: unknown): v is Challenge =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Challenge).challenge === "string" &&
  typeof (v as Challenge).salt === "string" &&
  typeof (v as Challenge).maxNumber === "number";

const hex = (b: ArrayBuffer) =>
  Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");

/** Solves `c`, reporting the share of numbers tried (0…1) now and then; the header value to send. */
export async function solveChallenge(c: Challenge, onProgress: (share: number) => void): Promise<string> {
  const encoder = new TextEncoder();
  const BATCH = 500;
  for (let start = 0; start < c.maxNumber; start += BATCH) {
    const end = Math.min(start + BATCH, c.maxNumber);
    const tries = [];
    for (let n = start; n < end; n++)
      tries.push(crypto.subtle.digest("SHA-256", encoder.encode(`${c.salt}${n}`)));
    const hashes = await Promise.all(tries);
    const found = hashes.findIndex((h) => hex(h) === c.challenge);
    if (found >= 0) {
      onProgress(1);
      const solution = { ...c, number: start + found };
      const bytes = encoder.encode(JSON.stringify(solution));
      return btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    }
    onProgress(end / c.maxNumber);
  }
  throw new Error("验证未能完成，请重新提交");
}
