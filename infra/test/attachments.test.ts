import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { Attachments } from "../lib/constructs/attachments.ts";

/** The construct alone, in a throwaway stack: what the bucket and the tenant grant look like. */
function synth() {
  const stack = new Stack(new App(), "T");
  const role = new iam.Role(stack, "TenantDataAccessRole", { assumedBy: new iam.AccountRootPrincipal() });
  const logs = new s3.Bucket(stack, "Logs");
  const attachments = new Attachments(stack, "Attachments", {
    consoleOrigin: "https://weiquan.example.cn",
    accessLogs: logs,
  });
  attachments.grantTenantPrefix(role);
  return Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Type: string; Properties: Record<string, unknown> }
  >;
}

const ofType = (resources: ReturnType<typeof synth>, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

describe("the attachments bucket", () => {
  const resources = synth();
  const [bucketId, bucket] = ofType(resources, "AWS::S3::Bucket").find(([id]) =>
    id.startsWith("AttachmentsBucket"),
  )!;

  it("is private, encrypted, versioned, logged and lets only the console's origin use presigned URLs", () => {
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      LoggingConfiguration: expect.objectContaining({ LogFilePrefix: "attachments/" }),
      CorsConfiguration: {
        CorsRules: [
          expect.objectContaining({
            AllowedOrigins: ["https://weiquan.example.cn"],
            AllowedMethods: ["PUT", "GET", "HEAD"],
          }),
        ],
      },
    });
  });

  it("cleans up what deletes leave behind with a lifecycle rule", () => {
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual([
      expect.objectContaining({
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        ExpiredObjectDeleteMarker: true,
      }),
    ]);
  });

  it("refuses every request without TLS", () => {
    const [, policy] = ofType(resources, "AWS::S3::BucketPolicy").find(([, p]) =>
      JSON.stringify(p.Properties.Bucket).includes(bucketId),
    )!;
    const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("grants a tenant session its own key prefix only, named by the TenantId session tag", () => {
    const statements = ofType(resources, "AWS::IAM::Policy").flatMap(
      ([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]!.Action).toEqual(["s3:PutObject", "s3:GetObject", "s3:DeleteObject"]);
    const resource = JSON.stringify(statements[0]!.Resource);
    expect(resource).toContain(bucketId);
    expect(resource).toContain("/$" + "{aws:PrincipalTag/TenantId}/*");
    expect(resource).not.toMatch(/"\/\*"/);
  });
});
