import { ORIGIN_VERIFY_HEADER } from "@weiquan/fn-api/http/client-address";
import { type SecurityHeaders, securityHeaders } from "@weiquan/runtime/security-headers";
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { isChinaRegion } from "../config.ts";
import { acknowledge } from "../nag.ts";

/** The console bucket's name: globally unique per stage, account and region. */
export const consoleBucketName = (stage: string) => `weiquan-${stage}-web-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

/** Paths CloudFront hands to the HTTP API; everything else is the console. */
export const API_PATHS = ["/v1/*", "/.well-known/*"] as const;

/**
 * Request headers the API reads; China's legacy cache behaviours forward exactly these. They cannot forward
 * CloudFront-Viewer-Address, but CloudFront appends the viewer to X-Forwarded-For on every origin request,
 * which is what the api reads there (http/client-address.ts).
 */
const API_HEADERS = [
  "Authorization",
  "Content-Type",
  "Accept",
  "Accept-Language",
  "Idempotency-Key",
  "If-Match",
];

export interface WebStackProps extends StackProps {
  stage: string;
  /** `{apiId}.execute-api.{region}.{suffix}`: the origin of `/v1/*` and `/.well-known/*`. */
  apiDomain: string;
  /** `{{resolve:secretsmanager:…}}` of the origin secret CloudFront sends to the API in x-weiquan-origin-verify. */
  originSecret: string;
  /** Which rotation of the origin secret (a header of its own, so CloudFront re-reads the secret on change). */
  originSecretVersion?: number;
  /** Origins besides its own the console connects to (the attachments bucket: presigned URLs). */
  connectSources?: string[];
  /** The stage's domain; CloudFront in the China regions serves only ICP-filed domains. */
  domainName?: string;
  /** ACM certificate in us-east-1 for `domainName` (commercial partition). */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` (China regions: CloudFront there has no ACM). */
  iamCertificateId?: string;
}

/**
 * The stage's one domain: CloudFront serves the console from a private bucket and routes `/v1/*` and
 * `/.well-known/*` to the HTTP API, so the console, the public page and the API share an origin (one
 * ICP filing, no CORS, CSP `connect-src 'self'`).
 *
 * In the China regions CloudFront lacks cache, origin-request and response-headers policies, Origin
 * Access Control, HTTP/3 and (unconfirmed) IPv6: there the behaviours are legacy ones (ForwardedValues and
 * TTLs), the bucket is reached through an Origin Access Identity, and the security headers are set by a
 * viewer-response CloudFront Function built from the same definition as the commercial policy.
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<domain>`: the stage's one origin. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const china = isChinaRegion(this.region);

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

    const s3Origin = china
      ? S3BucketOrigin.withOriginAccessIdentity(this.bucket)
      : S3BucketOrigin.withOriginAccessControl(this.bucket);
    const apiOrigin = new HttpOrigin(props.apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // The proof that a request came through here: only then does the api believe the viewer headers.
      customHeaders: {
        [ORIGIN_VERIFY_HEADER]: props.originSecret,
        "x-weiquan-origin-version": String(props.originSecretVersion ?? 1),
      },
    });
    const responseHeadersPolicy = china
      ? undefined
      : commercialHeadersPolicy(this, props.stage, securityHeaders(props.connectSources));
    const assets: cloudfront.BehaviorOptions = {
      origin: s3Origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy,
      compress: true,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
    };
    // config.json changes on every deployment: never served stale (hashed assets are cached).
    const fresh: cloudfront.BehaviorOptions = {
      ...assets,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
    };
    const api: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Everything the viewer sent (Authorization included, with caching disabled) except Host, which must
      // name the API's own domain — and CloudFront's own headers, CloudFront-Viewer-Address among them (a
      // custom policy cannot forward Authorization, so this managed one it is).
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy,
      compress: true,
    };
    // The console's pages: commercial — from the bucket, a path without a file extension rewritten to
    // /index.html by a CloudFront Function (a distribution-wide error page would also turn the API's
    // 403 / 404 answers into the page); China — no CloudFront Functions and no response headers policies
    // there, so pages come from the api, which answers every console route with the page and its headers.
    const pages: cloudfront.BehaviorOptions = china
      ? { ...api, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS }
      : {
          ...assets,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, "ConsoleRoutes", {
                comment: `Weiquan ${props.stage}: console routes to /index.html`,
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(
                  "function handler(event) { var r = event.request; var last = r.uri.split('/').pop();" +
                    " if (last.indexOf('.') === -1) { r.uri = '/index.html'; } return r; }",
                ),
              }),
            },
          ],
        };

    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {
      [API_PATHS[0]]: api,
      [API_PATHS[1]]: api,
      "/assets/*": assets,
      "/config.json": fresh,
      ...(china ? {} : { "/index.html": fresh }),
    };
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: `Weiquan ${props.stage}`,
      defaultRootObject: china ? undefined : "index.html",
      defaultBehavior: pages,
      additionalBehaviors,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      httpVersion: china ? cloudfront.HttpVersion.HTTP2 : cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: !china,
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: acm.Certificate.fromCertificateArn(this, "Certificate", props.certificateArn),
          }
        : {}),
    });
    const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
    if (china) {
      const behaviours = [pages, ...Object.values(additionalBehaviors)];
      useLegacyBehaviours(
        cfn,
        behaviours.map((b) => (b.origin === apiOrigin ? "api" : b === assets ? "cached" : "fresh")),
      );
    }

    if (props.domainName && props.iamCertificateId) {
      // The L2 Distribution knows only ACM certificates; China's CloudFront needs an IAM one.
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
      "No WAF web ACL by default: the API behind /v1/* has a stage-wide throttle, per-tenant and per-address " +
        "limits in the application and account lockout; docs/deploy.md describes adding a web ACL.",
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

    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    new CfnOutput(this, "Url", { value: this.url });
    new CfnOutput(this, "DistributionDomainName", { value: this.distribution.distributionDomainName });
    new CfnOutput(this, "BucketName", { value: this.bucket.bucketName });
  }
}

/** The commercial partition's response headers policy, from the shared header definition. */
function commercialHeadersPolicy(scope: Construct, stage: string, h: SecurityHeaders) {
  const hsts = /max-age=(\d+)/.exec(h["strict-transport-security"])!;
  return new cloudfront.ResponseHeadersPolicy(scope, "SecurityHeaders", {
    comment: `Weiquan ${stage} security headers`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: h["content-security-policy"], override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: h["referrer-policy"] as cloudfront.HeadersReferrerPolicy,
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(Number(hsts[1])),
        includeSubdomains: h["strict-transport-security"].includes("includeSubDomains"),
        override: true,
      },
    },
  });
}

/**
 * China: every behaviour without cache / origin-request / response-headers policies (CloudFormation there
 * refuses `CachePolicyId`), with legacy ForwardedValues and TTLs instead. API behaviours (pages included)
 * forward the query string and the headers the API reads and are never cached; hashed assets are cached.
 */
function useLegacyBehaviours(cfn: cloudfront.CfnDistribution, kinds: Array<"api" | "cached" | "fresh">) {
  kinds.forEach((kind, i) => {
    const path =
      i === 0 ? "DistributionConfig.DefaultCacheBehavior" : `DistributionConfig.CacheBehaviors.${i - 1}`;
    for (const prop of ["CachePolicyId", "OriginRequestPolicyId", "ResponseHeadersPolicyId"]) {
      cfn.addPropertyDeletionOverride(`${path}.${prop}`);
    }
    const api = kind === "api";
    cfn.addPropertyOverride(`${path}.ForwardedValues`, {
      QueryString: api,
      Cookies: { Forward: "none" },
      ...(api ? { Headers: API_HEADERS } : {}),
    });
    cfn.addPropertyOverride(`${path}.MinTTL`, 0);
    cfn.addPropertyOverride(`${path}.DefaultTTL`, kind === "cached" ? 86_400 : 0);
    cfn.addPropertyOverride(`${path}.MaxTTL`, kind === "cached" ? 31_536_000 : 0);
  });
}
