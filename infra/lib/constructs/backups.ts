import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as backup from "aws-cdk-lib/aws-backup";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { acknowledge } from "../nag.ts";

export interface BackupsProps {
  stage: string;
  /** Table ARNs (wildcards allowed) to back up: the control table and `{stage}-tenant-*`. */
  tables: string[];
  /** Copy each recovery point to this region's vault of the same name (it must exist there). */
  copyRegion?: string;
}

/** Daily backups are kept this long (on top of PITR's 35 days of point-in-time restore). */
export const BACKUP_RETENTION = Duration.days(35);

/**
 * AWS Backup for the stage's tables: a daily plan (00:30 Asia/Shanghai) kept 35 days, optionally copied
 * to a second region. Tenant tables are created at onboarding, so the selection names them by the stage's
 * table-name pattern (`{stage}-tenant-*`, the same scope as the provisioner's grant): a new county is
 * backed up from its first night, and no other stage's tables are.
 */
export class Backups extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: BackupsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const vaultName = `weiquan-${props.stage}`;
    this.vault = new backup.BackupVault(this, "Vault", {
      backupVaultName: vaultName,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new backup.BackupPlan(this, "Plan", {
      backupPlanName: `weiquan-${props.stage}-daily`,
      backupVault: this.vault,
    });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: "daily",
        scheduleExpression: events.Schedule.cron({ minute: "30", hour: "16" }),
        deleteAfter: BACKUP_RETENTION,
        copyActions: props.copyRegion
          ? [
              {
                destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
                  this,
                  "CopyVault",
                  stack.formatArn({
                    service: "backup",
                    region: props.copyRegion,
                    resource: "backup-vault",
                    resourceName: vaultName,
                    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
                  }),
                ),
                deleteAfter: BACKUP_RETENTION,
              },
            ]
          : undefined,
      }),
    );

    const role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("backup.amazonaws.com"),
      description: `Weiquan ${props.stage}: AWS Backup of the stage's tables`,
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForBackup"),
        iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForRestores"),
      ],
    });
    for (const policy of ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"]) {
      acknowledge(
        role,
        `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        "AWS Backup's own service-role policy (backup and restore of DynamoDB tables), maintained by AWS " +
          "for the service; the role is assumable only by backup.amazonaws.com.",
      );
    }
    new backup.CfnBackupSelection(this, "Tables", {
      backupPlanId: this.plan.backupPlanId,
      backupSelection: {
        selectionName: `weiquan-${props.stage}-tables`,
        iamRoleArn: role.roleArn,
        resources: props.tables,
      },
    });
  }
}
