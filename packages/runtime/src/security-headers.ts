/**
 * The security headers of the console's pages, as one definition: CloudFront's response headers policy
 * (commercial partition) is built from it, and in the China regions — where CloudFront has neither
 * response headers policies nor CloudFront Functions — the api sends them with the console's page
 * itself (functions/api/src/system/console-page.ts). Console and API share the domain, so the console
 * connects only to itself (`connect-src 'self'`) and no CORS is needed.
 */
export const securityHeaders = (connectSources: readonly string[] = []) => ({
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design writes inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Thumbnails of attachments are <img> elements on presigned GET URLs of the attachments bucket.
    ["img-src 'self' data: blob:", ...connectSources].join(" "),
    "font-src 'self' data:",
    // Its own origin, and the attachments bucket (presigned uploads and downloads go straight there).
    ["connect-src 'self'", ...connectSources].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
});

export type SecurityHeaders = ReturnType<typeof securityHeaders>;
