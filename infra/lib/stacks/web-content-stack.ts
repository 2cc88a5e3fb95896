import { DefaultStackSynthesizer, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";
import { assertWebAssets } from "../config.ts";
import { acknowledge, acknowledgeWildcardResource } from "../nag.ts";
import { consoleBucketName } from "./web-stack.ts";

export interface WebContentStackProps extends StackProps {
  stage: string;
  /** Folder with the built console (`web/dist`); tests pass a temporary folder. */
  webAssetPath: string;
  distribution: cloudfront.IDistribution;
}

/** Puts the built console and its run-time `config.json` into the console bucket. */
export class WebContentStack extends Stack {
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: WebContentStackProps) {
    super(scope, id, props);
    assertWebAssets(props.webAssetPath);

    const logGroup = new logs.LogGroup(this, "DeploymentLogs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of AWSLambdaBasicExecutionRole: it may log only to its own group.
    const role = new iam.Role(this, "DeploymentRole", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Weiquan ${props.stage}: copies the console into its bucket`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup.logGroupArn],
      }),
    );

    const bucket = s3.Bucket.fromBucketName(this, "ConsoleBucket", consoleBucketName(props.stage));
    this.deployment = new s3deploy.BucketDeployment(this, "Console", {
      sources: [
        // The build's own config.json (local defaults) must not race the deployed one.
        s3deploy.Source.asset(props.webAssetPath, { exclude: ["config.json"] }),
        // The API is on the console's own domain (CloudFront routes /v1/*): requests stay relative.
        s3deploy.Source.jsonData("config.json", { apiBaseUrl: "", stage: props.stage }),
      ],
      destinationBucket: bucket,
      distribution: props.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
      role,
      logGroup,
    });

    for (const child of this.node.children) {
      if (child.node.id.startsWith("Custom::CDKBucketDeployment")) {
        acknowledge(
          child,
          "AwsSolutions-L1",
          "BucketDeployment's provider function: its runtime (Python, with the AWS CLI layer) is chosen and " +
            "updated by aws-cdk-lib's aws-s3-deployment module, not by this app.",
        );
      }
    }

    // The grants below are BucketDeployment's own (aws-s3-deployment), made for this one role.
    for (const action of ["s3:GetBucket*", "s3:GetObject*", "s3:List*", "s3:Abort*", "s3:DeleteObject*"]) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Action::${action}]`,
        "BucketDeployment's grant to read the CDK asset bucket and sync (add, replace, prune) the console " +
          "bucket; scoped to those two buckets.",
      );
    }
    acknowledgeWildcardResource(
      role,
      `${bucket.bucketArn}/*`,
      "The deployment replaces every object of the console bucket (prune removes stale hashed assets).",
    );
    const qualifier =
      (this.synthesizer as Partial<DefaultStackSynthesizer>).bootstrapQualifier ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    acknowledgeWildcardResource(
      role,
      this.formatArn({
        service: "s3",
        region: "",
        account: "",
        resource: `cdk-${qualifier}-assets-${this.account}-${this.region}`,
        resourceName: "*",
      }),
      "Reading the uploaded console archive from the CDK bootstrap asset bucket, where the CLI put it.",
    );
    acknowledge(
      role,
      "AwsSolutions-IAM5[Resource::*]",
      "BucketDeployment grants cloudfront:CreateInvalidation/GetInvalidation on * (its custom resource " +
        "invalidates the distribution after the upload).",
    );
  }
}
