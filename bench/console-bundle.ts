import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const web = resolve(import.meta.dirname, "../web");

/** Builds the console and measures the JS and CSS that index.html loads before anything is lazy-loaded. */
export function consoleInitialBundle() {
  execFileSync("pnpm", ["--filter", "@weiquan/web", "build"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const html = readFileSync(join(web, "dist/index.html"), "utf8");
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzip = 0;
  for (const a of assets) {
    const code = readFileSync(join(web, "dist", a));
    bytes += code.length;
    gzip += gzipSync(code).length;
  }
  return { assets, bytes, gzip };
}
