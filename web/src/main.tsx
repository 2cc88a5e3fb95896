import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { startFirstReads } from "./api/early.ts";
import { loadConfig } from "./config.ts";
import { LangProvider } from "./i18n/lang.tsx";

// Each top-level area is its own chunk: the entry holds only React, the router and runtime config.
// The public intake page must never pull in console code, so nothing here imports from console/.
const LoginPage = lazy(() => import("./pages/LoginPage.tsx"));
const loadConsole = () => import("./console/ConsoleApp.tsx");
const ConsoleApp = lazy(loadConsole);
const PublicIntakePage = lazy(() => import("./public/PublicIntakePage.tsx"));

function PageFallback() {
  return <div data-testid="page-loading" style={{ minHeight: "100vh" }} />;
}

function Root() {
  return (
    <StrictMode>
      <LangProvider>
        <BrowserRouter>
          <Suspense fallback={<PageFallback />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/p/:countyCode/*" element={<PublicIntakePage />} />
              <Route path="/*" element={<ConsoleApp />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LangProvider>
    </StrictMode>
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");
const root = createRoot(container);

// A console page (not the login or public page): /config.json first, then the page's first reads as
// soon as the API's address is known, then the console's code and the page's. In that order: over HTTP/1.1 a browser
// opens six connections to an origin, and the console's twenty-odd chunks asked for first kept the
// config and the reads (the longest wait, a county's 1,200 units) queued behind them.
const consolePage = !/^\/(login|p\/)/.test(window.location.pathname);

loadConfig().then(
  () => {
    if (consolePage) {
      startFirstReads(window.location.pathname, window.location.search);
      // The opened page's code too, alongside the console's rather than once the layout has rendered;
      // its small route table first, so the page's chunks are not queued behind all of the console's.
      void import("./console/page-routes.ts")
        .then((m) => m.preloadPage(window.location.pathname))
        .catch(() => undefined);
      void loadConsole().catch(() => undefined);
    }
    root.render(<Root />);
  },
  (e: unknown) => {
    // No antd yet: a plain bilingual message is all we can rely on.
    root.render(
      <div data-testid="config-error" style={{ padding: 32 }}>
        <h2>无法加载配置 / Could not load configuration</h2>
        <p>{e instanceof Error ? e.message : String(e)}</p>
      </div>,
    );
  },
);
