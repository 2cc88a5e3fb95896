import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { acknowledge } from "../nag.ts";

export interface TenantExportsProps {
  /** How long an export is kept (the audit record of an offboarded tenant's data); 3 years by default. */
  retention?: Duration;
}

/**
 * Where complete tenant exports go (`exports/{tenantId}/{exportId}.jsonl.gz`): a private, encrypted,
 * TLS-only bucket with server access logs, kept when the stack goes. Exports hold personal information,
 * so nothing is public and only the provisioner writes (and reads back) objects under `exports/`.
 */
export class TenantExports extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: TenantExportsProps = {}) {
    super(scope, id);
    const retention = props.retention ?? Duration.days(3 * 365);

    this.accessLogs = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: retention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogs,
      "AwsSolutions-S1",
      "This bucket is the access-log destination of the tenant-exports bucket; logging it into itself " +
        "would loop and another log bucket would only move the question.",
    );

    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: "s3/",
      lifecycleRules: [
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: "exports",
          prefix: "exports/",
          // Read rarely after the first days: infrequent access after 30 days, gone after the retention.
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
          expiration: retention,
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Writing exports (single and multipart uploads) and reading them back, under `exports/` only. */
  grantWriteExports(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        resources: [this.bucket.arnForObjects("exports/*")],
      }),
    );
  }
}
