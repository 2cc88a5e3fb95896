import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { AWS_TIMEOUTS, boundedCalls } from "@weiquan/store";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export const ALG = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** Where the ES256 signing key comes from: a secret in AWS, a file locally, memory in tests. */
export interface KeySource {
  load(): Promise<{ privateJwk: JWK; kid: string } | null>;
  /** Stores a freshly generated key unless one already exists; returns the one that won. */
  create(k: { privateJwk: JWK; kid: string }): Promise<{ privateJwk: JWK; kid: string }>;
}

export async function keyFromJwk(privateJwk: JWK, kid: string): Promise<SigningKey> {
  const privateKey = (await importJWK(privateJwk, ALG)) as CryptoKey;
  const { d: _d, ...pub } = privateJwk;
  const publicJwk = { ...pub, kid, alg: ALG, use: "sig" };
  const publicKey = (await importJWK(publicJwk, ALG)) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk };
}

async function generate(): Promise<{ privateJwk: JWK; kid: string }> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return { privateJwk, kid: `k-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}` };
}

/** Loads the key once per process, generating and storing it on first use. */
export function signingKeys(source: KeySource): () => Promise<SigningKey> {
  let key: Promise<SigningKey> | undefined;
  return () => {
    key ??= (async () => {
      const stored = (await source.load()) ?? (await source.create(await generate()));
      return keyFromJwk(stored.privateJwk, stored.kid);
    })().catch((e) => {
      key = undefined;
      throw e;
    });
    return key;
  };
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

/**
 * AWS: the secret CDK creates starts without a key (Secrets Manager cannot generate EC keys). The first
 * cold start writes one with a fixed ClientRequestToken, so concurrent first starts agree on one key:
 * the loser's PutSecretValue fails and it reads the winner's.
 */
export const secretKeySource = (secretId: string): KeySource => {
  const sm = new SecretsManagerClient(boundedCalls(AWS_TIMEOUTS));
  const read = async () => {
    try {
      const out = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
      const value = out.SecretString ? JSON.parse(out.SecretString) : null;
      return value?.privateJwk ? (value as { privateJwk: JWK; kid: string }) : null;
    } catch (e) {
      if (e instanceof Error && e.name === "ResourceNotFoundException") return null;
      throw e;
    }
  };
  return {
    load: read,
    create: async (fresh) => {
      try {
        await sm.send(
          new PutSecretValueCommand({
            SecretId: secretId,
            SecretString: JSON.stringify(fresh),
            ClientRequestToken: "weiquan-signing-key-0000000000000001",
          }),
        );
        return fresh;
      } catch {
        const winner = await read();
        if (!winner) throw new Error("signing key secret could not be initialised");
        return winner;
      }
    },
  };
};
