import { Stack, Validations } from "aws-cdk-lib";
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";

/**
 * Acknowledges one cdk-nag finding on a construct (cdk-nag 3 reads CDK's native acknowledgements).
 * `id` is a rule (`AwsSolutions-S1`) or one finding of it (`AwsSolutions-IAM5[Action::s3:List*]`); every
 * acknowledgement carries the reason it is acceptable here.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges the IAM5 wildcard finding for one policy resource, spelled the way cdk-nag spells it
 * (`arn:<AWS::Partition>:...`), so that only that resource is acknowledged, in either partition.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${flat}]`, reason);
}
