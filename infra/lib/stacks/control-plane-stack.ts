import { controlTableDefinition, controlTableName } from "@weiquan/store/table-definition";
import { RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";

export interface ControlPlaneStackProps extends StackProps {
  stage: string;
}

/** The control-plane table `{stage}-control`: tenants, platform users, usage. */
export class ControlPlaneStack extends Stack {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ControlPlaneStackProps) {
    super(scope, id, props);
    const definition = controlTableDefinition;
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

    this.table = new dynamodb.Table(this, "ControlTable", {
      tableName: controlTableName(props.stage),
      partitionKey: key(definition.keys.partitionKey),
      sortKey: key(definition.keys.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: definition.pointInTimeRecovery },
      deletionProtection: definition.deletionProtection,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: definition.ttlAttribute,
      stream: definition.streams ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [indexName, keys] of Object.entries(definition.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: key(keys.partitionKey),
        sortKey: key(keys.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
