import { readEnvironment, StageName, Text } from "@weiquan/runtime/environment";
import { z } from "zod";

/** The provisioner's environment variables: the stack sets them by these names (infra imports them). */
export const PROVISIONER_ENV = {
  stage: "WEIQUAN_STAGE",
  controlTable: "WEIQUAN_CONTROL_TABLE",
  exportBucket: "WEIQUAN_EXPORT_BUCKET",
  /** The per-county division files shipped next to the bundle (read by @weiquan/divisions). */
  divisionsDir: "WEIQUAN_DIVISIONS_DIR",
} as const;

const Env = z.object({
  [PROVISIONER_ENV.stage]: StageName,
  [PROVISIONER_ENV.controlTable]: Text,
  [PROVISIONER_ENV.exportBucket]: Text,
  [PROVISIONER_ENV.divisionsDir]: Text,
});

export interface ProvisionerConfig {
  stage: string;
  controlTable: string;
  exportBucket: string;
  divisionsDir: string;
}

/** The provisioner runs only in AWS (locally the api runs the same steps in-process): all required. */
export function provisionerConfig(env: Record<string, string | undefined> = process.env): ProvisionerConfig {
  const e = readEnvironment(Env, env, "provisioner");
  return {
    stage: e[PROVISIONER_ENV.stage],
    controlTable: e[PROVISIONER_ENV.controlTable],
    exportBucket: e[PROVISIONER_ENV.exportBucket],
    divisionsDir: e[PROVISIONER_ENV.divisionsDir],
  };
}
