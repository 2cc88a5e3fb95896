import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { KMSClientConfig } from "@aws-sdk/client-kms";
import { lazy } from "@weiquan/runtime/lazy";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importSPKI, type JWK } from "jose";

export const ALG = "ES256";

/**
 * The token signing key as every caller sees it, in AWS and locally alike: a public key (verification,
 * JWKS) and a `sign` that returns the JOSE signature (r ‖ s, 64 bytes). Where the private key lives is
 * the key's own business — in AWS it never leaves KMS.
 */
export interface SigningKey {
  kid: string;
  publicKey: CryptoKey;
  publicJwk: JWK;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

async function publicSide(publicKey: CryptoKey, kid?: string) {
  const jwk = await exportJWK(publicKey);
  const id = kid ?? (await calculateJwkThumbprint(jwk));
  return { kid: id, publicJwk: { ...jwk, kid: id, alg: ALG, use: "sig" } };
}

// ---- Local mode: a generated key in a file (or memory) -------------------------------------------------

/** Where a local private key is kept: `<dataDir>/signing-key.json` for `pnpm dev`, memory in tests. */
export interface KeySource {
  load(): Promise<{ privateJwk: JWK; kid: string } | null>;
  /** Stores a freshly generated key unless one already exists; returns the one that won. */
  create(k: { privateJwk: JWK; kid: string }): Promise<{ privateJwk: JWK; kid: string }>;
}

export async function keyFromJwk(privateJwk: JWK, kid: string): Promise<SigningKey> {
  const privateKey = (await importJWK(privateJwk, ALG)) as CryptoKey;
  const { d: _d, ...pub } = privateJwk;
  const publicKey = (await importJWK({ ...pub, alg: ALG }, ALG, { extractable: true })) as CryptoKey;
  return {
    ...(await publicSide(publicKey, kid)),
    publicKey,
    // WebCrypto's ECDSA signature is already r ‖ s, the form JWS uses.
    sign: async (data) =>
      new Uint8Array(
        await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, data as BufferSource),
      ),
  };
}

async function generate(): Promise<{ privateJwk: JWK; kid: string }> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return { privateJwk, kid: `k-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}` };
}

/** Local mode: the key from `source`, generated and stored on first use. */
export function signingKeys(source: KeySource): () => Promise<SigningKey> {
  return lazy(async () => {
    const stored = (await source.load()) ?? (await source.create(await generate()));
    return keyFromJwk(stored.privateJwk, stored.kid);
  });
}

export const memoryKeySource = (): KeySource => {
  let k: { privateJwk: JWK; kid: string } | null = null;
  return {
    load: async () => k,
    create: async (fresh) => {
      k ??= fresh;
      return k;
    },
  };
};

/** Local mode: `<dataDir>/signing-key.json`, created with mode 0600 on first start. */
export const fileKeySource = (path: string): KeySource => ({
  load: async () => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null),
  create: async (fresh) => {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, JSON.stringify(fresh), { flag: "wx", mode: 0o600 });
      return fresh;
    } catch {
      return JSON.parse(readFileSync(path, "utf8"));
    }
  },
});

// ---- AWS: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) ---------------------------------------------

/**
 * AWS: the private key is a KMS key no function can read; `sign` is `kms:Sign` (ECDSA_SHA_256) and the
 * public key comes from `kms:GetPublicKey` once per process. The key id (`kid`) is the JWK thumbprint of
 * the public key, so a rotated key is told apart without configuration. The KMS client loads with the
 * first token signed or checked, not with the function (health checks and public pages never need it).
 */
export function kmsSigningKey(keyId: string, config: KMSClientConfig = {}): () => Promise<SigningKey> {
  return lazy(async () => {
    const { GetPublicKeyCommand, KMSClient, SignCommand } = await import("@aws-sdk/client-kms");
    const kms = new KMSClient(config);
    const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    if (!out.PublicKey) throw new Error(`KMS key ${keyId} returned no public key`);
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(out.PublicKey).toString("base64")}\n-----END PUBLIC KEY-----`;
    const publicKey = (await importSPKI(pem, ALG, { extractable: true })) as CryptoKey;
    return {
      ...(await publicSide(publicKey)),
      publicKey,
      sign: async (data) => {
        const signed = await kms.send(
          new SignCommand({
            KeyId: keyId,
            Message: data,
            MessageType: "RAW",
            SigningAlgorithm: "ECDSA_SHA_256",
          }),
        );
        if (!signed.Signature) throw new Error(`KMS key ${keyId} returned no signature`);
        return derToJose(signed.Signature);
      },
    };
  });
}

/**
 * KMS returns an ECDSA signature as DER (`SEQUENCE { INTEGER r, INTEGER s }`); JWS wants r ‖ s, each
 * left-padded to 32 bytes.
 */
export function derToJose(der: Uint8Array, size = 32): Uint8Array {
  const fail = () => new Error("not a DER ECDSA signature");
  let i = 0;
  if (der[i++] !== 0x30) throw fail();
  let length = der[i++]!;
  if (length & 0x80) i += length & 0x7f; // long-form length (never for P-256, but harmless)
  const out = new Uint8Array(size * 2);
  for (const half of [0, 1]) {
    if (der[i++] !== 0x02) throw fail();
    length = der[i++]!;
    let int = der.subarray(i, i + length);
    i += length;
    while (int.length > size && int[0] === 0) int = int.subarray(1);
    if (int.length > size) throw fail();
    out.set(int, half * size + (size - int.length));
  }
  return out;
}
