/**
 * Where a tenant's data lives: the AWS region and account of the deployment (a "cell": one stage in one
 * account and region) that created its table. Onboarding records it on the tenant, from the deployment's
 * own environment, so that when counties spread over several regions or accounts (docs/deploy.md § Many
 * counties) every tenant already says where it is and none has to move.
 */
export interface Placement {
  region: string;
  account: string;
}

/** The environment the placement comes from: Lambda sets the region, the stacks set the account. */
export const PLACEMENT_ENV = { region: "AWS_REGION", account: "WEIQUAN_ACCOUNT_ID" } as const;

/** `pnpm dev` and the tests: DynamoDB Local has no region or account of its own. */
export const LOCAL_PLACEMENT: Placement = { region: "local", account: "local" };

const ACCOUNT_ID = /^\d{12}$/;

/** This deployment's placement (AWS); a missing or malformed value stops the function at start. */
export function deploymentPlacement(env: Record<string, string | undefined> = process.env): Placement {
  const region = env[PLACEMENT_ENV.region];
  const account = env[PLACEMENT_ENV.account];
  if (!region) throw new Error(`placement: ${PLACEMENT_ENV.region} is required`);
  if (!account || !ACCOUNT_ID.test(account))
    throw new Error(`placement: ${PLACEMENT_ENV.account} must be a 12-digit account id`);
  return { region, account };
}

/**
 * A tenant's placement. Records written before placements were recorded carry none: they were all made
 * by this deployment, so theirs is the deployment's.
 */
export function placementOf(t: Partial<Placement>, deployment: Placement): Placement {
  return t.region && t.account ? { region: t.region, account: t.account } : deployment;
}

/** Why a deployment must not touch this tenant's table (it lives in another cell), or null. */
export function foreignPlacement(t: Partial<Placement>, here: Placement): string | null {
  const p = placementOf(t, here);
  return p.region === here.region && p.account === here.account
    ? null
    : `the tenant lives in ${p.region} / ${p.account}, not in this deployment (${here.region} / ${here.account})`;
}
