import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { acknowledgeWildcardResource } from "../nag.ts";

export interface AttachmentsProps {
  /** The console's origin (`https://host`): browsers PUT and GET presigned URLs from there. */
  consoleOrigin: string;
  /** Where the bucket's server access logs go (under `attachments/`). */
  accessLogs: s3.IBucket;
}

/**
 * Evidence, photos and scanned ledgers (`{tenantId}/{attachmentId}`): one private, encrypted, TLS-only,
 * versioned bucket per stage. Browsers upload and download through presigned URLs signed with a tenant's
 * own data-access session, whose policy names only `{that tenant}/*` — so a bug in the api cannot hand out
 * a URL to a neighbour's file. Unlinked uploads are deleted by the api's daily sweep; the lifecycle rule
 * cleans up what deletes leave behind (old versions, delete markers, abandoned multipart uploads).
 */
export class Attachments extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: "attachments/",
      cors: [
        {
          allowedOrigins: [props.consoleOrigin],
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ["content-type"],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: "deleted-files",
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Lets a tenant's data-access session read, write and delete its own files only: the key prefix is the
   * session's `TenantId` tag, exactly as its table is.
   */
  grantTenantPrefix(role: iam.IRole): void {
    const ownPrefix = this.bucket.arnForObjects(`\${aws:PrincipalTag/TenantId}/*`);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
        resources: [ownPrefix],
      }),
    );
    acknowledgeWildcardResource(
      role,
      ownPrefix,
      "Objects under the caller's own tenant prefix only (chosen by the TenantId session tag); object names are " +
        "attachment ids made at run time.",
    );
  }
}
