import { defineConfig } from "vitest/config";

// One command runs every layer (quality.md): pure unit tests, API contract tests against DynamoDB Local,
// CDK assertions + cdk-nag, and browser end-to-end tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/**/src/**/*.test.ts", "functions/**/src/**/*.test.ts", "web/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "api",
          include: ["test/api/**/*.test.ts", "packages/**/src/**/*.int.test.ts"],
          globalSetup: ["test/support/dynamodb-global-setup.ts"],
          // Each file works in its own stage and tenants, so the files can share one worker's loaded modules
          // (the app, the AWS SDK, the division data): on CI's two cores (one worker) a fresh worker per file
          // cost ≈3.5 s each, a third of the project's time. vitest still resets mocks and vi.setConfig per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "infra",
          include: ["infra/test/**/*.test.ts"],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // One more try for a browser test that fails once (as Playwright's own runner does on CI): on a
          // 2-core machine kept busy, a click can still land in the one frame an animation moves the target.
          // A real defect fails twice; the report names every test that needed the retry.
          retry: 1,
        },
      },
    ],
  },
});
