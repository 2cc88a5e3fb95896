import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Token } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { acknowledge } from "../nag.ts";

/** The console bucket's name: globally unique per stage, account and region. */
export const consoleBucketName = (stage: string) => `weiquan-${stage}-web-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

export interface WebStackProps extends StackProps {
  stage: string;
  /** The console's own domain; CloudFront in the China regions serves only ICP-registered domains. */
  domainName?: string;
  /** ACM certificate in us-east-1 for `domainName` (commercial partition). */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` (China regions: CloudFront there has no ACM). */
  iamCertificateId?: string;
}

/**
 * Where the console is served from: a private bucket read by CloudFront through Origin Access Control.
 * The files themselves are put there by `WebContentStack`, after the API exists, so that the API's CORS
 * can name this distribution's origin and the console's `config.json` can name the API.
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<domain>`: the origin the API's CORS allows. */
  readonly consoleOrigin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    const logs = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      logs,
      "AwsSolutions-S1",
      "This bucket is the access-log destination of the console bucket and the distribution; logging " +
        "it into itself would loop and another log bucket would only move the question.",
    );

    this.bucket = new s3.Bucket(this, "Console", {
      // Named, so that WebContentStack can address it without a cross-stack export.
      bucketName: consoleBucketName(props.stage),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "s3/",
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: `Weiquan ${props.stage} console security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // Ant Design writes inline styles; the API lives on execute-api (or a custom domain later).
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            `connect-src 'self' https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join("; "),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });

    // CloudFront in the China regions has no Origin Access Control (CloudFormation has no such resource
    // type there): those synthesize (with a concrete cn-* region) with an Origin Access Identity.
    const china = !Token.isUnresolved(this.region) && this.region.startsWith("cn-");
    const origin = china
      ? S3BucketOrigin.withOriginAccessIdentity(this.bucket)
      : S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };
    // index.html and config.json change on every deployment: never served stale; hashed assets are.
    const fresh = { ...behavior, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED };
    const spaFallback = (httpStatus: number): cloudfront.ErrorResponse => ({
      httpStatus,
      responseHttpStatus: 200,
      responsePagePath: "/index.html",
      ttl: Duration.seconds(0),
    });

    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: `Weiquan ${props.stage} console`,
      defaultRootObject: "index.html",
      defaultBehavior: { ...behavior, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED },
      additionalBehaviors: { "/index.html": fresh, "/config.json": fresh },
      errorResponses: [spaFallback(403), spaFallback(404)],
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: acm.Certificate.fromCertificateArn(this, "Certificate", props.certificateArn),
          }
        : {}),
    });

    if (props.domainName && props.iamCertificateId) {
      // The L2 Distribution knows only ACM certificates; China's CloudFront needs an IAM one.
      const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
      cfn.addPropertyOverride("DistributionConfig.Aliases", [props.domainName]);
      cfn.addPropertyOverride("DistributionConfig.ViewerCertificate", {
        IamCertificateId: props.iamCertificateId,
        SslSupportMethod: "sni-only",
        MinimumProtocolVersion: "TLSv1.2_2021",
      });
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR4",
        "The viewer certificate (IAM server certificate, SNI, TLSv1.2_2021) is set by a raw property override, " +
          "which cdk-nag does not see; the infra tests assert it on the synthesized template.",
      );
    }

    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "The console is for county bureaus in mainland China and is served from there; access is " +
        "controlled by login, not by geography.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR2",
      "No WAF web ACL: the distribution serves only the static console (no data, no API); the API has " +
        "its own stage throttle and per-tenant limits in the application.",
    );
    if (china) {
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR7",
        "CloudFront in the China regions offers no Origin Access Control; the bucket is reached through an " +
          "Origin Access Identity instead and stays private (block public access, TLS only).",
      );
    }
    if (!props.domainName) {
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR4",
        "Without a custom domain the distribution serves the default *.cloudfront.net certificate, whose " +
          "minimum protocol CloudFront fixes; with -c domainName a TLSv1.2_2021 policy is set.",
      );
    }

    this.consoleOrigin = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    new CfnOutput(this, "ConsoleUrl", { value: this.consoleOrigin });
    new CfnOutput(this, "BucketName", { value: this.bucket.bucketName });
  }
}
