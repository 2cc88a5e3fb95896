import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Challenge, isChallenge, solveChallenge } from "./challenge.ts";

const challengeFor = (salt: string, secret: number, maxNumber = 5000): Challenge => ({
  algorithm: "SHA-256",
  challenge: createHash("sha256").update(`${salt}${secret}`).digest("hex"),
  salt,
  maxNumber,
  signature: "ab".repeat(32),
});

describe("the public page's proof of work", () => {
  it("finds the number, reports progress up to done, and answers with the challenge and the number", async () => {
    const c = challengeFor("120224.1790000000.0011aa", 3210);
    const progress: number[] = [];
    const header = await solveChallenge(c, (p) => progress.push(p));
    const sent = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    expect(sent).toEqual({ ...c, number: 3210 });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("gives up on a challenge with no answer below its bound, and knows a challenge when it sees one", async () => {
    await expect(solveChallenge(challengeFor("x", 9000, 1000), () => {})).rejects.toThrow();
    expect(isChallenge(challengeFor("x", 1))).toBe(true);
    expect(isChallenge([{ path: "a", message: "b" }])).toBe(false);
  });
});
