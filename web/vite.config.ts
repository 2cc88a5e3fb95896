import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.WEIQUAN_API_PORT || 3000}`;

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    port: Number(process.env.WEIQUAN_WEB_PORT || 5173),
    strictPort: true,
    proxy: {
      "/v1": { target: apiTarget, changeOrigin: false },
      "/.well-known": { target: apiTarget, changeOrigin: false },
      // Attachments: presigned URLs of the local object store, relative to this origin (the API passes them on).
      "/weiquan-local-files/": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The console, the login page and the public intake page are separate lazy chunks; only the
    // entry (React, the router, runtime config) loads up front.
    chunkSizeWarningLimit: 1500,
  },
});
